package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"sort"
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
		case name == "robots.txt" || name == "sitemap.xml" || name == "404.html":
			// for hosts only
		case strings.HasSuffix(name, ".html"):
			all.files[name] = strip(b)
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

// serviceWorker writes sw.js at the site's root with the files to keep
// for each language, and a cache name that changes with any file.
func (pr *Project) serviceWorker(out map[string][]byte) error {
	names := make([]string, 0, len(out))
	for n := range out {
		if !strings.HasPrefix(n, "downloads/") && n != "sw.js" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	h := sha256.New()
	files := map[string][]string{}
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(out[n])
		lang, _, nested := strings.Cut(n, "/")
		switch {
		case n == "robots.txt" || n == "sitemap.xml" || n == "404.html":
		case nested && pr.Config.Language(lang) != nil:
			files[lang] = append(files[lang], n)
		case strings.HasPrefix(n, "assets/search-"):
			// search-<lang>.<hash>.js belongs to its language
			l := strings.TrimPrefix(n, "assets/search-")
			l, _, _ = strings.Cut(l, ".")
			files[l] = append(files[l], n)
		default:
			files[""] = append(files[""], n)
		}
	}
	sw, err := pr.Theme.ServiceWorker("sobre-"+hex.EncodeToString(h.Sum(nil))[:16], files)
	if err != nil || sw == nil {
		return err
	}
	out["sw.js"] = sw
	return nil
}

var loadRe = regexp.MustCompile(`<(?:img|script)\s[^>]*\bsrc="([^"#?]+)"|<link\s[^>]*\brel="stylesheet"[^>]*\bhref="([^"#?]+)"`)

// checkTransfer adds up what each page loads (its HTML, stylesheet,
// scripts and images; not the search index, loaded only when used) and
// checks it and each image against the budgets.
func (pr *Project) checkTransfer(out map[string][]byte, res *Output) {
	b := pr.Config.Budgets
	if b.Image > 0 {
		for _, lang := range pr.Config.Codes() {
			for _, s := range pr.Site.Statics[lang] {
				if isImage(s.Key) && len(s.Data) > b.Image && s.Lang == lang {
					pr.Problems.Errorf(s.File, 0, "budget", "image of %s, over the budget of %s (budgets.image): resize it (1200 px wide is plenty on screen) or compress it", kb(len(s.Data)), kb(b.Image))
				}
			}
		}
	}
	sizes := map[string]int{}
	weigh := func(p string) int {
		if n, ok := sizes[p]; ok {
			return n
		}
		data := out[p]
		n := len(data)
		if !isImage(p) {
			n = gzipSize(data)
		}
		sizes[p] = n
		return n
	}
	measured := map[string]int{}
	for _, w := range res.Heaviest {
		measured[w.Path] = w.HTML
	}
	for _, in := range pr.all {
		if in.err != nil {
			continue
		}
		p := in.page.Out
		loads := 0
		for _, m := range loadRe.FindAllSubmatch(out[p], -1) {
			ref := string(m[1]) + string(m[2])
			if !strings.Contains(ref, ":") {
				loads += weigh(path.Join(path.Dir(p), ref))
			}
		}
		// The raw HTML bounds its gzipped size: measure only when it matters.
		html, ok := measured[p]
		if !ok {
			html = len(out[p])
			if b.PageTotal > 0 && html+loads > b.PageTotal {
				html = gzipSize(out[p])
			}
		}
		total := html + loads
		for i := range res.Heaviest {
			if res.Heaviest[i].Path == p {
				res.Heaviest[i].All = total
			}
		}
		if b.PageTotal > 0 && total > b.PageTotal {
			pr.Problems.Errorf(in.page.Source.File, 0, "budget", "%s loads %s (HTML, CSS, scripts gzipped and images), over the budget of %s (budgets.page_total): use fewer or lighter images", p, kb(total), kb(b.PageTotal))
		}
	}
}

func isImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg":
		return true
	}
	return false
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
