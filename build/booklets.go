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
	}
	return list, nil
}
