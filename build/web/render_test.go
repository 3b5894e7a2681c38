package web_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sobre"
	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/output"
	"sobre/build/web"
)

var hashRe = regexp.MustCompile(`\.[0-9a-f]{10}\.`)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.html")

// The golden pages are the rendered HTML, re-indented one tag per line so
// that a change to the theme or the model reads as a small diff.
func TestGoldenPages(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/index.md":          {Data: []byte("---\ntitle: Accueil\nweight: 1\n---\nBienvenue.\n")},
		"content/fr/charte.md":         {Data: []byte("---\ntitle: Charte\nweight: 2\ncredit: charter\n---\n## Environnement {#environnement}\n\n- (Avancé) Mesurer.\n\nNotre ASBL {{organisation}} s’engage.\n")},
		"content/fr/modules/index.md":  {Data: []byte("---\ntitle: Modules\nweight: 3\n---\nListe.\n")},
		"content/fr/modules/climat.md": {Data: []byte("---\ntitle: Climat\n---\nTexte.\n")},
		"content/nl/index.md":          {Data: []byte("---\ntitle: Start\nai:\n  what: translation\n  tool: Claude (Anthropic)\n  review: pending\n---\nWelkom.\n")},
		"content/nl/charte.md":         {Data: []byte("---\ntitle: Charter\nslug: charter\ncredit: charter\nai:\n  what: translation\n  tool: Claude (Anthropic)\n  review: reviewed\n  reviewer: An Peeters\n---\n## Milieu {#environnement}\n\n- (Gevorderd) Meten.\n")},
	}
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/ia/"
	cfg.Contact = "mailto:info@example.org"
	cfg.Credits = map[string]config.Credit{"charter": {Work: "Charte", Author: "pwablo.be", URL: "https://pwablo.be/", License: "CC BY 4.0",
		LicenseURL: "https://creativecommons.org/licenses/by/4.0/", Lang: "fr", Context: map[string]string{"nl": "voor BeEducation"}}}
	site, probs := content.Load(fsys, cfg)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	cat, _ := i18n.Load(sobre.Defaults, cfg.Codes(), "fr")
	theme, probs := web.LoadTheme(sobre.Defaults, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	r, err := web.NewRenderer(theme, site, cat, web.Options{Updated: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ golden, lang, key string }{
		{"charte-fr", "fr", "charte.md"},
		{"charter-nl", "nl", "charte.md"},
		{"fallback-nl", "nl", "modules/climat.md"},
	}
	for _, c := range cases {
		p := site.ByKey[c.lang][c.key]
		d := markup.Parse(p.Source.Body, markup.Options{Lang: p.Source.Lang, File: p.Source.File})
		var body bytes.Buffer
		if _, err := d.Render(&body, markup.Target{}); err != nil {
			t.Fatal(err)
		}
		got, loads, err := r.Page(p, web.Body{HTML: body.Bytes(), Words: 42, Tasks: d.Tasks}, nil)
		if err != nil {
			t.Fatal(err)
		}
		check(t, c.golden, got)
		checkLoads(t, c.golden, got, loads)
	}
	chooser, err := r.Chooser(web.Variant{})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "chooser", chooser)
	checkLoads(t, "chooser", chooser, r.ChooserLoads())

	// With a search index and images: what a page loads is what its
	// render recorded, in the order of its HTML.
	r.SetSearchIndex("fr", "assets/search-fr.0123456789.js")
	p := site.ByKey["fr"]["modules/climat.md"]
	d := markup.Parse([]byte("![Carte](img/carte.svg)\n\nTexte ![Plan](../img/plan%20a.svg).\n"), markup.Options{Lang: "fr", File: p.Source.File})
	var body bytes.Buffer
	refs, err := d.Render(&body, markup.Target{})
	if err != nil {
		t.Fatal(err)
	}
	got, loads, err := r.Page(p, web.Body{HTML: body.Bytes(), Images: refs.Images, Tasks: d.Tasks}, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkLoads(t, "images", got, loads)

	// The charter to print, at the top of the home and charter pages
	// only, in the page's language, beside the downloads page; opened in
	// place in a bundle, which has no downloads page.
	dls := []web.Download{{Kind: output.Charter, Lang: "fr", Path: "fr/print/charte-a4.pdf", Size: 23000, Pages: 3},
		{Kind: output.Charter, Lang: "nl", Path: "nl/print/charter-a4.pdf", Size: 23000, Pages: 3}}
	for _, c := range []struct {
		lang, key, want string
		bundle          bool
	}{
		{"fr", "index.md", `<p class="print-action no-print"><a href="print/charte-a4.pdf" download>Imprimer la charte pour la signer (PDF A4, 3 pages, 23 ko)</a> <a class="print-all" href="telechargements.html">Tous les téléchargements`, false},
		{"fr", "charte.md", `<a href="print/charte-a4.pdf" download>Imprimer la charte`, false},
		{"nl", "charte.md", `<a href="print/charter-a4.pdf">Het charter afdrukken om te ondertekenen (pdf A4, 3 pagina’s, 23 kB)</a></p>`, true},
		{"fr", "modules/climat.md", "", false},
	} {
		q := site.ByKey[c.lang][c.key]
		got, _, err := r.PageVariant(q, web.Body{HTML: []byte("<p>x</p>")}, web.Variant{Downloads: dls, Bundle: c.bundle})
		if err != nil {
			t.Fatal(err)
		}
		if has := bytes.Contains(got, []byte("print-action")); c.want == "" && has || c.want != "" && !bytes.Contains(got, []byte(c.want)) {
			t.Errorf("%s %s: want %q in\n%s", c.lang, c.key, c.want, got)
		}
	}
	if len(loads.Lazy) != 1 || len(refs.Images) != 2 {
		t.Errorf("loads %q, images %q: want the index and two images", loads, refs.Images)
	}
}

// loadRe finds what a browser fetches with a page of the default theme.
var loadRe = regexp.MustCompile(`<(?:img|script)\s[^>]*\bsrc="([^"]+)"|<link\s[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"|\sdata-index="([^"]+)"`)

// checkLoads compares what a page's render says it loads with its HTML.
func checkLoads(t *testing.T, name string, html []byte, loads web.Loads) {
	t.Helper()
	var files, lazy []string
	for _, m := range loadRe.FindAllSubmatch(html, -1) {
		if len(m[3]) > 0 {
			lazy = append(lazy, string(m[3]))
		} else {
			files = append(files, string(m[1])+string(m[2]))
		}
	}
	if strings.Join(files, " ") != strings.Join(loads.Files, " ") || strings.Join(lazy, " ") != strings.Join(loads.Lazy, " ") {
		t.Errorf("%s: the HTML loads %q, lazily %q; the render says %q, %q", name, files, lazy, loads.Files, loads.Lazy)
	}
}

func check(t *testing.T, name string, got []byte) {
	t.Helper()
	// Asset names carry a content hash; any theme edit would churn every golden.
	pretty := hashRe.ReplaceAllString(strings.ReplaceAll(string(got), "><", ">\n<")+"\n", ".HASH.")
	file := filepath.Join("testdata", name+".golden.html")
	if *update {
		os.WriteFile(file, []byte(pretty), 0o644)
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if pretty != string(want) {
		t.Errorf("%s differs from %s (run go test ./build/web -update and review the diff):\n%s", name, file, firstDiff(pretty, string(want)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n got: " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

func TestLoadsRenamed(t *testing.T) {
	l := web.Loads{Files: []string{"../assets/style.css", "../assets/search-fr.1.js"}, Lazy: []string{"../assets/search-fr.1.js"}}
	got := l.Renamed("search-fr.1.js", "search-fr.2.js")
	if strings.Join(got.Files, " ") != "../assets/style.css ../assets/search-fr.2.js" || strings.Join(got.Lazy, " ") != "../assets/search-fr.2.js" {
		t.Errorf("Renamed = %q", got)
	}
	if l.Lazy[0] != "../assets/search-fr.1.js" {
		t.Errorf("Renamed changed its receiver: %q", l)
	}
}
