package bundle

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/output"
)

// Zips is the output of the offline bundles: one zip per language and
// one with every language. Each stands alone on a disk or a USB stick:
//
//   - a language's zip holds its pages, search index and files, and every
//     booklet of the language (the charter, the A4 handout, the A5 booklet,
//     its imposition and the large print); its index.html is the
//     language's home; the switcher names the other languages, linking
//     them on the site at base_url when there is one;
//   - the zip of every language holds every page and the A4 PDFs (the
//     charter and the handout) of each language, under the chooser: the
//     other editions would near treble it, and each language's zip has
//     them, which its pages say.
//
// Pages in a bundle list the booklets the bundle holds, with their sizes,
// in place of the site's downloads: a zip does not link to itself, nor to
// files it does not hold.
type Zips struct{}

// Name is the output's name.
func (Zips) Name() string { return "zips" }

// Needs the booklets, which the zips hold, and the search indexes.
func (Zips) Needs() []string { return []string{"booklets", "search"} }

// pack is one bundle being packed.
type pack struct {
	lang     string // "" for every language
	files    map[string][]byte
	held     []output.Download // the booklets among files
	more     string            // what the pages say the bundle left out
	problems diag.List
	data     []byte
	err      error
}

// Run packs the zips: their files, their pages rendered for them, then
// the archives, in parallel.
func (Zips) Run(ctx context.Context, m *output.Model, prior output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{}}
	if !m.Config.Outputs.Bundles {
		return res, nil
	}
	booklets := prior.Downloads("booklets")
	files := prior.Files()
	zips := []*pack{everyLanguage(m, files, booklets)}
	for _, lang := range m.Config.Codes() {
		zips = append(zips, oneLanguage(m, files, booklets, lang))
	}
	for _, z := range zips {
		if err := z.pages(ctx, m); err != nil {
			return nil, err
		}
	}
	var wg sync.WaitGroup
	for _, z := range zips {
		root := m.Config.Outputs.Name
		if z.lang != "" {
			root += "-" + z.lang
		}
		wg.Go(func() { z.data, z.err = Zip(root, z.files, m.Updated) })
	}
	wg.Wait()
	for _, z := range zips {
		res.Problems.Add(z.problems)
		if z.err != nil {
			which := "every-language"
			if z.lang != "" {
				which = z.lang
			}
			return nil, fmt.Errorf("packing the %s bundle: %w", which, z.err)
		}
		file := "downloads/" + m.Config.Outputs.Name
		if z.lang != "" {
			file += "-" + z.lang
		}
		file += ".zip"
		res.Files[file] = z.data
		res.Downloads = append(res.Downloads, output.Download{Kind: output.Zip, Lang: z.lang, Path: file, Size: len(z.data)})
	}
	return res, nil
}

// everyLanguage is the zip of every language: the theme's files, every
// search index and image, the A4 booklets; its pages come with pages.
func everyLanguage(m *output.Model, prior map[string][]byte, booklets []output.Download) *pack {
	z := &pack{files: map[string][]byte{}}
	for name, b := range m.Assets {
		z.files[name] = b
	}
	for name, b := range prior {
		if strings.HasPrefix(name, "assets/") {
			z.files[name] = b // the search indexes
		}
	}
	for _, lang := range m.Config.Codes() {
		for _, s := range m.Site.Statics[lang] {
			z.files[lang+"/"+s.Key] = s.Data
		}
	}
	for _, dl := range booklets {
		if dl.Kind == output.Charter || dl.Kind == output.Handout || dl.Kind == output.Pack {
			z.files[dl.Path] = prior[dl.Path] // the A4 editions only: the others are in each language's zip
			z.held = append(z.held, dl)
		}
	}
	if len(z.held) < len(booklets) {
		z.more = "dl_bundle_more" // told in each page's language
	}
	return z
}

// oneLanguage is a language's zip: the theme's files, its search index,
// images and every booklet.
func oneLanguage(m *output.Model, prior map[string][]byte, booklets []output.Download, lang string) *pack {
	z := &pack{lang: lang, files: map[string][]byte{}}
	for name, b := range m.Assets {
		z.files[name] = b
	}
	for name, b := range prior {
		if strings.HasPrefix(name, "assets/search-"+lang+".") {
			z.files[name] = b
		}
	}
	for _, s := range m.Site.Statics[lang] {
		z.files[lang+"/"+s.Key] = s.Data
	}
	for _, dl := range booklets {
		if dl.Lang == lang {
			z.files[dl.Path] = prior[dl.Path]
			z.held = append(z.held, dl)
		}
	}
	return z
}

// pages renders the bundle's pages, each listing the booklets the bundle
// holds. A one-language bundle's switcher differs from the site's, and its
// home is also its index.html; a language without a home opens on the
// chooser. A page that does not render is told, and left out.
func (z *pack) pages(ctx context.Context, m *output.Model) error {
	var list []*content.Page
	langs := m.Config.Codes()
	if z.lang != "" {
		langs = []string{z.lang}
	}
	for _, lang := range langs {
		list = append(list, m.Site.Pages[lang]...)
	}
	more := map[string]string{} // told in each page's language
	for _, lang := range m.Config.Codes() {
		if z.more != "" {
			more[lang] = m.Catalog.For(lang).T(z.more, nil)
		}
	}
	variant := func(lang string) output.Variant {
		return output.Variant{Only: z.lang, Bundle: true, Downloads: z.held, More: more[lang]}
	}
	html := make([][]byte, len(list))
	root := make([][]byte, len(list))
	errs := make([]error, len(list))
	err := output.Parallel(ctx, len(list), func(i int) {
		p := list[i]
		v := variant(p.Lang)
		html[i], errs[i] = m.Pages.Page(p, v)
		if errs[i] == nil && z.lang != "" && p.IsHome() {
			v.At = "index.html"
			root[i], errs[i] = m.Pages.Page(p, v)
		}
	})
	if err != nil {
		return err
	}
	for i, p := range list {
		if errs[i] != nil {
			z.problems.Errorf(p.Source.File, 0, "render", "%v", errs[i])
			continue
		}
		z.files[p.Out] = html[i]
		if root[i] != nil {
			z.files["index.html"] = root[i]
		}
	}
	if _, ok := z.files["index.html"]; !ok {
		lang := z.lang
		if lang == "" {
			lang = m.Config.DefaultLanguage
		}
		idx, err := m.Pages.Chooser(variant(lang))
		if err != nil {
			return err
		}
		z.files["index.html"] = idx
	}
	return nil
}
