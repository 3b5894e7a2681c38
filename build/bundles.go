package build

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"sobre/build/bundle"
	"sobre/build/markup"
	"sobre/build/web"
)

// bundles packs the offline downloads into out: one zip per language and
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
// files it does not hold. booklets are the site's booklets, already in out.
func (pr *Project) bundles(ctx context.Context, out map[string][]byte, indexes map[string]web.Asset, booklets []web.Download) ([]web.Download, error) {
	cfg, r := pr.Config, pr.Renderer
	ph := []byte(web.DownloadsPlaceholder)
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
		held  []web.Download // the booklets among files
		more  string         // what the pages say the bundle left out
		zip   []byte
		err   error
	}
	// hold lists the booklets among a bundle's files; the files are all
	// in before its pages are filled in.
	hold := func(j *job) {
		for _, dl := range booklets {
			if _, ok := j.files[dl.Path]; ok {
				j.held = append(j.held, dl)
			}
		}
	}
	// page puts a page of lang in a bundle at name, with the booklets the
	// bundle holds in place of the site's downloads.
	page := func(j *job, name, lang string, b []byte) {
		more := ""
		if j.lang == "" && len(j.held) < len(booklets) {
			more = r.Strings(lang).T("dl_bundle_more", nil)
		}
		j.files[name] = bytes.Replace(b, ph, r.BundleDownloads(lang, name, j.held, more), 1)
	}
	langOf := func(name string) string {
		if i := strings.IndexByte(name, '/'); i > 0 && cfg.Language(name[:i]) != nil {
			return name[:i]
		}
		return cfg.DefaultLanguage
	}

	all := &job{files: map[string][]byte{}}
	var pages []string
	for name, b := range out {
		switch {
		case pr.hostOnly(name) || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"):
			// for hosts only
		case strings.HasSuffix(name, ".html"):
			pages = append(pages, name)
		case strings.Contains(name, "/print/") && !strings.HasSuffix(name, "-a4.pdf"):
			// the A4 editions only: the others are in each language's zip
		default:
			all.files[name] = b
		}
	}
	hold(all)
	for _, name := range pages {
		page(all, name, langOf(name), out[name])
	}
	jobs := []*job{all}
	byLang := map[string]*job{}
	for _, lang := range cfg.Codes() {
		j := &job{lang: lang, files: map[string][]byte{}}
		shared(j.files, lang)
		for _, s := range pr.Site.Statics[lang] {
			j.files[lang+"/"+s.Key] = s.Data
		}
		for name, b := range out {
			if strings.HasPrefix(name, lang+"/print/") {
				j.files[name] = b // every booklet of the language
			}
		}
		hold(j)
		jobs = append(jobs, j)
		byLang[lang] = j
	}
	// Pages of one-language bundles are rendered again: their language
	// switcher differs, and the home is also the bundle's index.html.
	var mu sync.Mutex
	parallel(ctx, pr.all, func(in *instance) {
		if in.err != nil {
			return
		}
		p := in.page
		v := web.Variant{Only: p.Lang}
		html, _, err := r.PageVariant(p, in.body, v)
		var root []byte
		if err == nil && p.IsHome() {
			v.At = "index.html"
			root, _, err = r.PageVariant(p, in.body, v)
		}
		mu.Lock()
		defer mu.Unlock()
		j := byLang[p.Lang]
		if err != nil {
			j.err = err
			return
		}
		page(j, p.Out, p.Lang, html)
		if root != nil {
			page(j, "index.html", p.Lang, root)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, j := range jobs[1:] {
		if _, ok := j.files["index.html"]; ok || j.err != nil {
			continue
		}
		// A language without a home page: its bundle opens on the chooser.
		idx, err := r.Chooser(j.lang)
		if err != nil {
			return nil, err
		}
		page(j, "index.html", j.lang, idx)
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
			which := "every-language"
			if j.lang != "" {
				which = j.lang
			}
			return nil, fmt.Errorf("packing the %s bundle: %w", which, j.err)
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
			Lang: lang, Title: s.T("site_title", nil), Publisher: cfg.Organisation.Name,
			// The site's name, address and publisher name the book: two
			// organisations' toolkits are two publications.
			ID:       cfg.Outputs.Name + "|" + cfg.BaseURL + "|" + cfg.Organisation.Name,
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
			var x bytes.Buffer
			t := markup.Target{Link: bundle.ChapterLink, XHTML: true, Blocks: r.Blocks(p, &in.body, in.doc.IDs())}
			if _, err := in.doc.Render(&x, t); err != nil {
				return nil, fmt.Errorf("%s: %w", p.Source.File, err)
			}
			key := strings.TrimSuffix(strings.TrimPrefix(p.Out, lang+"/"), ".html") + ".xhtml"
			depth := strings.Count(p.Key, "/")
			if p.IsSectionIndex() && !p.IsHome() {
				depth--
			}
			bk.Chapters = append(bk.Chapters, bundle.Chapter{Path: key, Title: p.Source.Front.Title, Lang: p.ContentLang(), Depth: depth, Body: x.Bytes()})
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
