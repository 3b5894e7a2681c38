package bundle

import (
	"context"
	"path"
	"sobre/build/generated"
	"strings"

	"sobre/build/markup"
	"sobre/build/output"
)

// EPUBs is the output of one EPUB 3 per language: its pages in reading
// order, each a chapter, with their images, links between them kept, and
// the accessibility metadata of EPUB Accessibility 1.1.
type EPUBs struct {
	// CSS is the theme's stylesheet for e-books; nil for none.
	CSS []byte
}

// Name is the output's name.
func (EPUBs) Name() string { return "epubs" }

// Needs nothing but the pages' content.
func (EPUBs) Needs() []string { return nil }

// Run writes each language's book. A page that does not render is told,
// and left out.
func (e EPUBs) Run(ctx context.Context, m *output.Model, _ output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{}}
	if !m.Config.Outputs.Bundles {
		return res, nil
	}
	for _, lang := range m.Config.Codes() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		bk := e.book(m, lang)
		for _, p := range m.Site.Pages[lang] {
			x, err := m.Pages.Body(p, markup.Target{Link: ChapterLink, XHTML: true})
			if err != nil {
				res.Problems.Errorf(p.Source.File, 0, "render", "%v", err)
				continue
			}
			key := strings.TrimSuffix(strings.TrimPrefix(p.Out, lang+"/"), ".html") + ".xhtml"
			depth := strings.Count(p.Key, "/")
			if p.IsSectionIndex() && !p.IsHome() {
				depth--
			}
			bk.Chapters = append(bk.Chapters, Chapter{Path: key, Title: p.Source.Front.Title, Lang: p.ContentLang(), Depth: depth, Body: x,
				Notices: generated.Notices(m.Site, m.Catalog.For(lang), p)})
		}
		data, err := EPUB(bk)
		if err != nil {
			return nil, err
		}
		file := "downloads/" + m.Config.Outputs.Name + "-" + lang + ".epub"
		res.Files[file] = data
		res.Downloads = append(res.Downloads, output.Download{Kind: output.EPUB, Lang: lang, Path: file, Size: len(data)})
	}
	return res, nil
}

// book is the language's book without its chapters: its metadata, its
// stylesheet and images.
func (e EPUBs) book(m *output.Model, lang string) Book {
	cfg := m.Config
	s := m.Catalog.For(lang)
	bk := Book{
		Lang: lang, Title: s.T("site_title", nil), Publisher: cfg.Organisation.Name,
		// The site's name, address and publisher name the book: two
		// organisations' toolkits are two publications.
		ID:       cfg.Outputs.Name + "|" + cfg.BaseURL + "|" + cfg.Organisation.Name,
		Modified: m.Updated, Summary: s.T("epub_summary", nil), Rights: "CC BY 4.0",
		TOCTitle: s.T("epub_toc", nil), LandmarksTitle: s.T("epub_landmarks", nil),
		Files: map[string][]byte{},
	}
	if e.CSS != nil {
		bk.CSS = "style.css"
		bk.Files["style.css"] = e.CSS
	}
	for _, st := range m.Site.Statics[lang] {
		if isImage(st.Key) {
			bk.Files[st.Key] = st.Data
		}
	}
	return bk
}

func isImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg":
		return true
	}
	return false
}
