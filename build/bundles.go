package build

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"sobre/build/bundle"
	"sobre/build/web"
)

// bundles packs the offline downloads into out: one zip per language (its
// pages, rendered so that links to the other languages become plain names,
// its search index and files) and one with every language. Pages in a
// bundle leave out the download links: a zip does not contain itself.
func (pr *Project) bundles(ctx context.Context, out map[string][]byte, indexes map[string]web.Asset) ([]web.Download, error) {
	cfg, r := pr.Config, pr.Renderer
	ph := []byte(web.DownloadsPlaceholder)
	strip := func(b []byte) []byte { return bytes.Replace(b, ph, nil, 1) }
	shared := func(files map[string][]byte, lang string) {
		files[pr.Theme.CSS.Path] = pr.Theme.CSS.Data
		for _, s := range pr.Theme.Scripts {
			files[s.Path] = s.Data
		}
		for l, a := range indexes {
			if lang == "" || l == lang {
				files[a.Path] = a.Data
			}
		}
	}

	type job struct {
		lang  string // "" for every language
		files map[string][]byte
		zip   []byte
		err   error
	}
	all := &job{files: map[string][]byte{}}
	for name, b := range out {
		switch {
		case pr.hostOnly(name):
			// for hosts only
		case strings.HasSuffix(name, ".html"):
			all.files[name] = strip(b)
		case strings.Contains(name, "/print/") && !strings.HasSuffix(name, "-a4.pdf"):
			// as in each language's bundle: the A4 booklets only
		default:
			all.files[name] = b
		}
	}
	jobs := []*job{all}
	for _, lang := range cfg.Codes() {
		j := &job{lang: lang, files: map[string][]byte{}}
		shared(j.files, lang)
		for _, s := range pr.Site.Statics[lang] {
			j.files[lang+"/"+s.Key] = s.Data
		}
		// The language's A4 booklets, the charter and the handout: the A5
		// and large-print editions would treble the download, and are a
		// click away on the site.
		for name, b := range out {
			if strings.HasPrefix(name, lang+"/print/") && strings.HasSuffix(name, "-a4.pdf") {
				j.files[name] = b
			}
		}
		idx, err := r.Chooser(lang)
		if err != nil {
			return nil, err
		}
		j.files["index.html"] = strip(idx)
		jobs = append(jobs, j)
	}
	// Pages of one-language bundles are rendered again: their language
	// switcher differs.
	var mu sync.Mutex
	byLang := map[string]*job{}
	for _, j := range jobs[1:] {
		byLang[j.lang] = j
	}
	parallel(ctx, pr.all, func(in *instance) {
		if in.err != nil {
			return
		}
		html, err := r.PageVariant(in.page, in.body, web.Variant{Only: in.page.Lang})
		mu.Lock()
		defer mu.Unlock()
		j := byLang[in.page.Lang]
		if err != nil {
			j.err = err
			return
		}
		j.files[in.page.Out] = strip(html)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	name := cfg.Outputs.Name
	var wg sync.WaitGroup
	for _, j := range jobs {
		if j.err != nil {
			return nil, j.err
		}
		wg.Add(1)
		go func(j *job) {
			defer wg.Done()
			root := name
			if j.lang != "" {
				root += "-" + j.lang
			}
			j.zip, j.err = bundle.Zip(root, j.files, pr.Updated)
		}(j)
	}
	wg.Wait()
	var list []web.Download
	for _, j := range jobs {
		if j.err != nil {
			return nil, fmt.Errorf("packing the %s bundle: %w", j.lang, j.err)
		}
		file := "downloads/" + name
		if j.lang != "" {
			file += "-" + j.lang
		}
		file += ".zip"
		out[file] = j.zip
		list = append(list, web.Download{Kind: "zip", Lang: j.lang, Path: file, Size: len(j.zip)})
	}
	books, err := pr.epubs(ctx)
	if err != nil {
		return nil, err
	}
	for _, bk := range books {
		out[bk.Path] = bk.data
		list = append(list, bk.Download)
	}
	return list, nil
}

var htmlLinkRe = regexp.MustCompile(`href="([^":#]+)\.html(#[^"]*)?"`)

type book struct {
	web.Download
	data []byte
}

// epubs writes one EPUB 3 per language: its pages in reading order, each a
// chapter, with their images, links between them kept, and the
// accessibility metadata of EPUB Accessibility 1.1.
func (pr *Project) epubs(ctx context.Context) ([]book, error) {
	cfg, r := pr.Config, pr.Renderer
	var out []book
	for _, lang := range cfg.Codes() {
		s := r.Strings(lang)
		bk := bundle.Book{
			Lang: lang, Title: s.T("site_title", nil), ID: cfg.Outputs.Name,
			Modified: pr.Updated, Summary: s.T("epub_summary", nil), Rights: "CC BY 4.0",
			TOCTitle: s.T("epub_toc", nil), LandmarksTitle: s.T("epub_landmarks", nil),
			Files: map[string][]byte{},
		}
		if css := pr.Theme.EPUBCSS; css != nil {
			bk.CSS = "style.css"
			bk.Files["style.css"] = css
		}
		for _, st := range pr.Site.Statics[lang] {
			if isImage(st.Key) {
				bk.Files[st.Key] = st.Data
			}
		}
		for _, in := range pr.all {
			p := in.page
			if p.Lang != lang || in.err != nil {
				continue
			}
			html, err := r.Expand(p, in.body)
			if err != nil {
				return nil, err
			}
			html = htmlLinkRe.ReplaceAll(html, []byte(`href="$1.xhtml$2"`))
			x, err := bundle.XHTML(html)
			if err != nil {
				return nil, fmt.Errorf("%s: cannot write it as XHTML: %w", p.Source.File, err)
			}
			key := strings.TrimSuffix(strings.TrimPrefix(p.Out, lang+"/"), ".html") + ".xhtml"
			depth := strings.Count(p.Key, "/")
			if p.IsSectionIndex() && !p.IsHome() {
				depth--
			}
			bk.Chapters = append(bk.Chapters, bundle.Chapter{Path: key, Title: p.Source.Front.Title, Lang: p.ContentLang(), Depth: depth, Body: x})
		}
		data, err := bundle.EPUB(bk)
		if err != nil {
			return nil, err
		}
		path := "downloads/" + cfg.Outputs.Name + "-" + lang + ".epub"
		out = append(out, book{Download: web.Download{Kind: "epub", Lang: lang, Path: path, Size: len(data)}, data: data})
	}
	return out, nil
}
