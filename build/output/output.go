// Package output is what every output of a build shares: the site model
// an output reads (Model), what it returns (Result: files, downloads,
// problems), the typed downloads the pages offer, the booklets' file
// names (names.go: print writes them, hosting redirects to them), and
// the runner that calls the outputs in the order their needs set, in
// parallel where they are independent.
//
// An output is one package's job (the site's pages in web, the booklets in
// print, the zips and e-books in bundle, the search index in search); the
// orchestrator, build, lists them and writes what they return. Outputs
// never import each other: one that needs another's files names it in
// Needs and reads its Result.
package output

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"
	"time"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/i18n"
	"sobre/build/markup"
)

// Output makes one kind of file of the site from its model.
type Output interface {
	// Name identifies the output for the others' Needs ("booklets").
	Name() string
	// Needs names the outputs whose results Run reads; "*" is every other
	// output (the service worker lists every file).
	Needs() []string
	// Run makes the output's files. prior holds the results of Needs.
	// Problems of the content go into the Result; an error stops the build.
	Run(ctx context.Context, m *Model, prior Results) (*Result, error)
}

// Model is the built site, as every output reads it.
type Model struct {
	Config  *config.Config
	Site    *content.Site
	Catalog *i18n.Catalog
	// Docs holds the parsed Markdown of every page instance.
	Docs map[*content.Page]*markup.Doc
	// Files are the site's files over the embedded defaults (themes/,
	// i18n/): what an output reads besides the content (print fonts).
	Files fs.FS
	// Updated dates the files of packages (SOURCE_DATE_EPOCH); zero for none.
	Updated time.Time
	// Assets are the theme's files every page loads (stylesheet, scripts),
	// by their path from the site root.
	Assets map[string][]byte
	// Pages renders the site's pages for outputs that hold them (bundles).
	Pages Pages
}

// Pages renders pages of the site for an output other than the site:
// what an offline bundle or an e-book holds.
type Pages interface {
	// Page renders page p as variant v has it.
	Page(p *content.Page, v Variant) ([]byte, error)
	// Chooser renders the language chooser (the index.html of a bundle).
	Chooser(v Variant) ([]byte, error)
	// Body renders p's content alone, generated blocks in, without the
	// site around it (an e-book's chapter), for target t: its links and
	// whether it is XHTML (t.Blocks is the renderer's own).
	Body(p *content.Page, t markup.Target) ([]byte, error)
}

// Variant says which output a page is rendered for. The zero Variant is
// the site's page, with no downloads.
type Variant struct {
	// Only is set for the offline bundle of one language: links to the
	// other languages, absent from it, become plain names, or links to
	// the site at base_url when there is one.
	Only string
	// At is where the page is written when not at its own place: the home
	// of a one-language bundle is also the bundle's index.html. Every
	// relative link is made from there.
	At string
	// Downloads are the files the page offers: on the site every download;
	// in a bundle (Bundle set) the booklets the bundle holds.
	Downloads []Download
	// Bundle marks a page held in an offline bundle: it lists the files
	// beside it, opened in place, not downloaded; More says, without a
	// link, what the bundle left out.
	Bundle bool
	More   string
}

// Result is what an output made.
type Result struct {
	// Files by their path from the site root ("fr/print/charte-a4.pdf").
	Files map[string][]byte
	// Downloads are the files among Files that the pages offer.
	Downloads []Download
	// Problems found in the content while making them.
	Problems diag.List
}

// Results are the results of outputs already run, by name.
type Results map[string]*Result

// Downloads lists the downloads of the named outputs, in that order.
func (rs Results) Downloads(names ...string) []Download {
	var out []Download
	for _, n := range names {
		if r := rs[n]; r != nil {
			out = append(out, r.Downloads...)
		}
	}
	return out
}

// Files returns every file of the results, in one map.
func (rs Results) Files() map[string][]byte {
	out := map[string][]byte{}
	for _, r := range rs {
		for name, b := range r.Files {
			out[name] = b
		}
	}
	return out
}

// HashedName is name with a hash of data before its extension
// ("assets/site.css" -> "assets/site.1a2b3c4d5e.css"): a new version is
// a new address, so hosts and browsers may keep a file for ever.
func HashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}
