package build

import (
	"io/fs"
	"path"
	"strings"

	"sobre/build/pdf"
	"sobre/build/print"
	"sobre/build/web"
)

// fontFiles are the print family's styles in the theme.
var fontFiles = map[string]string{
	"regular": "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf",
	"bold":    "themes/default/fonts/AtkinsonHyperlegibleNext-Bold.ttf",
}

// booklets writes each language's charter as an A4 PDF to sign, under
// <lang>/print/, and returns the downloads the pages offer. A site
// without a charter page, or a theme without print fonts, has none.
func (pr *Project) booklets(out map[string][]byte) ([]web.Download, error) {
	cfg := pr.Config
	load := func(style string) (*pdf.Font, error) {
		data, err := fs.ReadFile(pr.files, fontFiles[style])
		if err != nil {
			return nil, err
		}
		return pdf.LoadFont(data, strings.TrimSuffix(path.Base(fontFiles[style]), ".ttf"))
	}
	var list []web.Download
	for _, lang := range cfg.Codes() {
		p := pr.Site.ByKey[lang][cfg.Charter]
		if p == nil || pr.Docs[p] == nil {
			continue
		}
		// Each booklet embeds its own subsets: fonts are loaded per file.
		regular, err := load("regular")
		if err != nil {
			return nil, nil // no print fonts in this theme: no booklets
		}
		bold, err := load("bold")
		if err != nil {
			return nil, nil
		}
		title := p.Source.Front.Title
		d := &print.Document{Title: title, Lang: p.ContentLang(), Format: print.A4, Fonts: print.Fonts{Regular: regular, Bold: bold}, Footer: title}
		d.AddTitle(title)
		d.AddPage(pr.Docs[p], p.ContentLang())
		data, err := d.PDF()
		if err != nil {
			pr.Problems.Errorf(p.Source.File, 0, "print", "cannot set the A4 booklet: %v", err)
			continue
		}
		name := lang + "/print/" + strings.TrimSuffix(path.Base(p.Out), ".html") + "-a4.pdf"
		out[name] = data
		list = append(list, web.Download{Kind: "pdf", Lang: lang, Path: name, Size: len(data)})

		// The whole toolkit as an A4 handout: cover, contents, every page.
		r, b := must(load("regular")), must(load("bold"))
		s := pr.Renderer.Strings(lang)
		siteTitle := s.T("site_title", nil)
		h := &print.Document{Title: siteTitle, Lang: lang, Format: print.A4, Fonts: print.Fonts{Regular: r, Bold: b}, Footer: siteTitle}
		var cover []string
		if home := pr.Site.ByKey[lang]["index.md"]; home != nil && home.Source.Front.Description != "" {
			cover = append(cover, home.Source.Front.Description)
		}
		cover = append(cover, s.T("footer_license", nil)+" CC BY 4.0. "+s.T("footer_privacy", nil))
		h.AddCover(siteTitle, cover...)
		h.AddContents(s.T("epub_toc", nil))
		for _, q := range pr.Site.Pages[lang] {
			if q.Key == cfg.Index || pr.Docs[q] == nil {
				continue // the A–Z index stands in for search: paper has the contents
			}
			h.AddChapter(q.Source.Front.Title, pr.Docs[q], q.ContentLang())
		}
		hdata, err := h.PDF()
		if err != nil {
			pr.Problems.Errorf(p.Source.File, 0, "print", "cannot set the A4 handout: %v", err)
			continue
		}
		hname := lang + "/print/" + cfg.Outputs.Name + "-a4.pdf"
		out[hname] = hdata
		list = append(list, web.Download{Kind: "handout", Lang: lang, Path: hname, Size: len(hdata)})
	}
	return list, nil
}

// must keeps a font loaded once already: the second load cannot fail.
func must(f *pdf.Font, err error) *pdf.Font {
	if err != nil {
		panic(err)
	}
	return f
}
