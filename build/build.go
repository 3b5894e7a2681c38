package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"sobre/build/check"
	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/outdir"
	"sobre/build/resolve"
	"sobre/build/search"
	"sobre/build/web"
)

// Options of a build.
type Options struct {
	// Src is the site folder (holding content/, optionally site.toml,
	// i18n/ and themes/). Out is the output folder.
	Src, Out string
	// Defaults holds the built-in themes/ and i18n/, under those names.
	Defaults fs.FS
	// Updated is shown as the build date; zero shows none. The CLI sets it
	// from SOURCE_DATE_EPOCH only, so builds stay reproducible.
	Updated time.Time
	// LiveReload is a script address added to every page (preview only).
	LiveReload string
	// Verbose receives each file written.
	Verbose func(path string)
}

// LangStats summarises one language of a build.
type LangStats struct {
	Lang      string
	Pages     int
	Fallbacks int
	Time      time.Duration // CPU time spent on the language's pages
}

// PageWeight is the transfer size of a page: its HTML and CSS, gzipped.
type PageWeight struct {
	Path string
	HTML int // gzipped bytes
	CSS  int
	// All is everything the page loads: HTML, CSS and scripts gzipped,
	// images as they are (0 when not measured: under budget for certain).
	All int
}

// Total is the page's weight with its stylesheet.
func (w PageWeight) Total() int { return w.HTML + w.CSS }

// Result reports a build.
type Result struct {
	Langs    []LangStats
	Files    int
	Bytes    int64
	Heaviest []PageWeight
	Budget   int
	Problems diag.List // warnings of a successful build, or all problems
	Missing  map[string][]string
	Duration time.Duration
}

type instance struct {
	search  search.Prepared
	body    web.Body // kept to render the page again for a bundle
	page    *content.Page
	doc     *markup.Doc
	lint    diag.List
	measure check.PageReport
	html    []byte
	loads   web.Loads // what html makes a browser fetch
	size    int
	dur     time.Duration
	err     error
}

// Project is a site loaded and parsed, ready to render: what build, check
// and status share.
type Project struct {
	Config   *config.Config
	Site     *content.Site
	Catalog  *i18n.Catalog
	Theme    *web.Theme
	Renderer *web.Renderer
	// Docs holds the parsed Markdown of every page instance.
	Docs map[*content.Page]*markup.Doc
	// Problems found so far; Load returns an error when any is an error.
	Problems diag.List
	// Src is the site's files (without the embedded defaults).
	Src fs.FS
	// files is the site's files over the embedded defaults (fonts).
	files fs.FS
	// Updated dates the files of the bundles (SOURCE_DATE_EPOCH).
	Updated time.Time
	// Measures holds what the content rules measured, per source file.
	Measures map[string]check.PageReport
	all      []*instance
}

// LoadFS reads and parses the site in src: configuration, content,
// strings, theme, every page's Markdown, its links and the content rules.
// It reads only src and opts.Defaults (opts.Src is not used) and writes
// nothing.
func LoadFS(ctx context.Context, src fs.FS, opts Options) (*Project, error) {
	files := overlay{top: src, base: opts.Defaults}
	pr := &Project{Src: src, files: files, Updated: opts.Updated}
	fail := func() (*Project, error) {
		pr.Problems = dedupe(pr.Problems)
		return pr, pr.Problems.Err()
	}

	cfg, p := config.Load(src)
	pr.Problems.Add(p)
	if cfg == nil {
		return fail()
	}
	pr.Config = cfg
	site, p := content.Load(src, cfg)
	pr.Problems.Add(p)
	cat, p := i18n.Load(files, cfg.Codes(), cfg.DefaultLanguage)
	pr.Problems.Add(p)
	table, _ := json.Marshal(i18n.MatchTable(cfg.Codes()))
	theme, p := web.LoadTheme(files, map[string]string{"chooser.js": "window.SOBRE_LANGS=" + string(table) + ";"})
	pr.Problems.Add(p)
	if theme != nil {
		pr.Problems.Add(check.Contrast(theme.Colors))
	}
	if pr.Problems.HasErrors() {
		return fail()
	}
	r, err := web.NewRenderer(theme, site, cat, web.Options{LiveReload: opts.LiveReload, Updated: opts.Updated})
	if err != nil {
		return nil, err
	}
	pr.Site, pr.Catalog, pr.Theme, pr.Renderer = site, cat, theme, r

	// Parse every page instance; a fallback page is parsed in its tree so
	// its links resolve to that tree's files.
	for _, lang := range cfg.Codes() {
		for _, pg := range site.Pages[lang] {
			pr.all = append(pr.all, &instance{page: pg})
		}
	}
	labels, values := parseStrings(pr)
	parallel(ctx, pr.all, func(in *instance) {
		t := time.Now()
		pr.parse(in, labels, values)
		in.dur += time.Since(t)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pr.Docs = make(map[*content.Page]*markup.Doc, len(pr.all))
	pr.Measures = map[string]check.PageReport{}
	for _, in := range pr.all {
		pr.Docs[in.page] = in.doc
		pr.Problems.Add(in.doc.Problems)
		if !in.page.Fallback {
			pr.Problems.Add(in.lint)
			pr.Measures[in.measure.File] = in.measure
		}
	}
	pr.Problems.Add(resolve.Links(site, pr.Docs))
	if pr.Problems.HasErrors() {
		return fail()
	}
	pr.Problems = dedupe(pr.Problems)
	return pr, nil
}

// parse parses one page instance's Markdown, prepares its search entry
// and runs the content rules on it (a fallback's source is linted in its
// own tree).
func (pr *Project) parse(in *instance, labels, values map[string]map[string]string) {
	cfg := pr.Config
	src := in.page.Source
	cl := src.Lang
	in.doc = markup.Parse(src.Body, markup.Options{
		Lang: cl, File: src.File, LineOffset: src.BodyLine - 1,
		Labels: labels[cl], Values: values[cl], ReservedIDs: web.ReservedIDs,
		Glossary:     content.Rel(in.page.Key, cfg.Glossary),
		SortSections: in.page.Key == cfg.Glossary,
	})
	in.search = search.Prepare(search.Page{Title: src.Front.Title, URL: strings.TrimPrefix(in.page.Out, in.page.Lang+"/"), Lang: cl, Doc: in.doc})
	in.lint, in.measure = nil, check.PageReport{}
	if !in.page.Fallback {
		o := check.Options{MinReadability: cfg.Readability, PageMin: src.Front.MinReadability}
		in.lint, in.measure = check.Lint(in.doc, src.File, cl, o)
	}
}

// renderPage renders one page instance, with the blocks generated from
// other pages (the charter's self-assessment, the A–Z).
func (pr *Project) renderPage(in *instance) {
	cfg, site := pr.Config, pr.Site
	in.err = nil
	b := web.Body{Words: countWords(in.page.Source.Body), Tasks: in.doc.Tasks}
	for _, name := range in.doc.Directives() {
		switch name {
		case "assessment":
			b.Assessment = commitments(pr.Docs[site.ByKey[in.page.Lang][cfg.Charter]])
		case "a-z":
			b.AZ = pr.azEntries(in.page)
		}
	}
	var body bytes.Buffer
	refs, err := in.doc.Render(&body, markup.Target{Blocks: pr.Renderer.Blocks(in.page, &b, in.doc.IDs())})
	if err != nil {
		in.err = fmt.Errorf("%s: %v", in.page.Source.File, err)
		return
	}
	b.HTML, b.Images = body.Bytes(), refs.Images
	in.body = b
	in.html, in.loads, in.err = pr.Renderer.Page(in.page, b)
}

// parseStrings are the labels and values Markdown is parsed with, per
// language: interface strings and site.toml's organisation and date.
func parseStrings(pr *Project) (labels, values map[string]map[string]string) {
	cfg, r := pr.Config, pr.Renderer
	values = map[string]map[string]string{}
	labels = map[string]map[string]string{}
	for _, lang := range cfg.Codes() {
		s := r.Strings(lang)
		v := map[string]string{"organisation": cfg.Organisation.Name}
		if t, ok := cfg.SigningDate(); ok {
			v["date"] = web.FormatDate(s, t)
		}
		values[lang] = v
		m := map[string]string{"level1": s.T("level1", nil), "level2": s.T("level2", nil)}
		for _, n := range markup.BlankNames {
			m["blank."+n] = s.T("blank."+n, nil)
		}
		for _, n := range markup.CalloutTypes {
			m["callout."+n] = s.T("callout."+n, nil)
		}
		labels[lang] = m
	}
	return labels, values
}

// Output is a rendered site, still in memory.
type Output struct {
	Files    map[string][]byte
	Langs    []LangStats
	Heaviest []PageWeight // the 20 largest pages and any that may be over budget, heaviest first
}

// Render renders every page and file of the site in memory and checks the
// weight budget. Problems are added to pr.Problems.
func (pr *Project) Render(ctx context.Context) (*Output, error) {
	cfg, r, theme, site := pr.Config, pr.Renderer, pr.Theme, pr.Site
	cssGz := gzipSize(theme.CSS.Data)
	// The search index of each language comes first: every page links to it.
	indexes := map[string]web.Asset{}
	byLang := map[string][]search.Prepared{}
	for _, in := range pr.all { // pr.all is in each language's reading order
		byLang[in.page.Lang] = append(byLang[in.page.Lang], in.search)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, lang := range cfg.Codes() {
		wg.Add(1)
		go func(lang string) {
			defer wg.Done()
			js := search.BuildPrepared(byLang[lang], lang).Script(lang)
			a := web.Hashed("assets/search-"+lang+".js", js)
			mu.Lock()
			indexes[lang] = a
			mu.Unlock()
		}(lang)
	}
	wg.Wait()
	for lang, a := range indexes {
		r.SetSearchIndex(lang, a.Path)
	}
	parallel(ctx, pr.all, func(in *instance) {
		t := time.Now()
		pr.renderPage(in)
		in.dur += time.Since(t)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Output{Files: map[string][]byte{}}
	out := res.Files
	stats := map[string]*LangStats{}
	for _, lang := range cfg.Codes() {
		stats[lang] = &LangStats{Lang: lang}
	}
	for _, in := range pr.all {
		if in.err != nil {
			pr.Problems.Errorf(in.page.Source.File, 0, "render", "%v", in.err)
			continue
		}
		out[in.page.Out] = in.html
		st := stats[in.page.Lang]
		st.Pages++
		if in.page.Fallback {
			st.Fallbacks++
		}
		st.Time += in.dur
	}
	for _, lang := range cfg.Codes() {
		res.Langs = append(res.Langs, *stats[lang])
	}
	for _, e := range []struct {
		path string
		fn   func(...string) ([]byte, error)
	}{
		{"index.html", r.Chooser},
	} {
		b, err := e.fn()
		if err != nil {
			pr.Problems.Errorf(web.ThemeDir, 0, "render", "%v", err)
			continue
		}
		out[e.path] = b
	}
	out["robots.txt"] = web.Robots(cfg)
	if sm := web.Sitemap(site); sm != nil {
		out["sitemap.xml"] = sm
	}
	out[theme.CSS.Path] = theme.CSS.Data
	for _, a := range indexes {
		out[a.Path] = a.Data
	}
	for _, s := range theme.Scripts {
		out[s.Path] = s.Data
	}
	for _, lang := range cfg.Codes() {
		for _, s := range site.Statics[lang] {
			out[lang+"/"+s.Key] = s.Data
		}
	}
	pr.notFoundPages(out)
	if pr.Problems.HasErrors() {
		return res, pr.Problems.Err()
	}

	// Booklets first: the bundles carry them. Offline bundles are packed
	// from the pages without their download links; then every page gets
	// the links, with the files' sizes.
	var downloads []web.Download
	if cfg.Outputs.Booklets {
		var err error
		if downloads, err = pr.booklets(out); err != nil {
			return res, err
		}
	}
	if cfg.Outputs.Bundles {
		var err error
		more, err := pr.bundles(ctx, out, indexes, downloads)
		if err != nil {
			return res, err
		}
		downloads = append(downloads, more...)
	}
	for name, b := range out {
		if strings.HasSuffix(name, ".html") {
			out[name] = pr.finish(name, b, downloads)
		}
	}

	if err := pr.serviceWorker(out); err != nil {
		return res, err
	}

	// Gzip never makes a page larger than it is, bar a few header bytes:
	// a page whose raw HTML fits the budget fits it gzipped. Only the
	// largest pages (for the report) and those that might be over the
	// budget are compressed, which spares most of the work.
	for _, in := range pr.all {
		if in.err == nil {
			res.Heaviest = append(res.Heaviest, PageWeight{Path: in.page.Out, HTML: len(out[in.page.Out]), CSS: cssGz})
		}
	}
	sort.SliceStable(res.Heaviest, func(i, j int) bool { return res.Heaviest[i].HTML > res.Heaviest[j].HTML })
	const gzipSlack = 64
	for i := range res.Heaviest {
		w := &res.Heaviest[i]
		if i >= 20 && (cfg.Budgets.PageGzip <= 0 || w.HTML+gzipSlack+w.CSS <= cfg.Budgets.PageGzip) {
			res.Heaviest = res.Heaviest[:i] // the rest are under budget for certain
			break
		}
		w.HTML = gzipSize(out[w.Path])
	}
	sort.SliceStable(res.Heaviest, func(i, j int) bool {
		a, b := res.Heaviest[i], res.Heaviest[j]
		if a.Total() != b.Total() {
			return a.Total() > b.Total()
		}
		return a.Path < b.Path
	})
	pr.checkTransfer(out, res)
	if budget := cfg.Budgets.PageGzip; budget > 0 {
		for _, w := range res.Heaviest {
			if w.Total() <= budget {
				break
			}
			pr.Problems.Errorf(sourceOf(pr.all, w.Path), 0, "budget", "%s weighs %s gzipped with its CSS, over the budget of %s (budgets.page_gzip): split the page or trim the theme",
				w.Path, kb(w.Total()), kb(budget))
		}
	}

	// Strings: missing ones are shown in the default language and listed.
	missing := pr.Catalog.Missing()
	for _, lang := range cfg.Codes() {
		if m := missing[lang]; len(m) > 0 {
			pr.Problems.Warnf(i18n.Dir+"/"+lang+".toml", 0, "i18n", "%d interface strings missing, shown in %s: %s", len(m), cfg.DefaultLanguage, strings.Join(m, ", "))
		}
	}
	for _, id := range pr.Catalog.Unknown() {
		pr.Problems.Errorf(i18n.Dir+"/"+cfg.DefaultLanguage+".toml", 0, "i18n", "the theme asks for string %q, defined in no language: add it", id)
	}
	for _, f := range pr.Catalog.Failed() {
		pr.Problems.Errorf(f.File, 0, "i18n", "string %q: %s", f.ID, f.Err)
	}
	pr.Problems = dedupe(pr.Problems)
	return res, pr.Problems.Err()
}

// BuildFS renders the site in src into the folder opts.Out (opts.Src is
// not used). On error the previous output is untouched and the error lists
// every problem found.
func BuildFS(ctx context.Context, src fs.FS, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	pr, err := LoadFS(ctx, src, opts)
	if pr != nil {
		res.Problems = pr.Problems
		if pr.Config != nil {
			res.Budget = pr.Config.Budgets.PageGzip
			res.Missing = map[string][]string{}
		}
	}
	if err != nil {
		return res, err
	}
	out, err := pr.Render(ctx)
	res.Problems = pr.Problems
	if err != nil {
		return res, err
	}
	res.Missing = pr.Catalog.Missing()
	res.Langs = out.Langs
	res.Heaviest = out.Heaviest
	if len(res.Heaviest) > 5 {
		res.Heaviest = res.Heaviest[:5]
	}
	if _, err := outdir.Write(opts.Out, out.Files, opts.Verbose); err != nil {
		return nil, fmt.Errorf("writing %s: %w", opts.Out, err)
	}
	for _, b := range out.Files {
		res.Files++
		res.Bytes += int64(len(b))
	}
	res.Duration = time.Since(start)
	return res, nil
}

// countWords counts space-separated words without building a slice.
func countWords(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// parallel runs fn over items on every core.
func parallel(ctx context.Context, items []*instance, fn func(*instance)) {
	n := runtime.GOMAXPROCS(0)
	ch := make(chan *instance)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range ch {
				fn(it)
			}
		}()
	}
	for _, it := range items {
		if ctx.Err() != nil {
			break
		}
		ch <- it
	}
	close(ch)
	wg.Wait()
}

var gzPool = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// gzipSize is the size a host sends with gzip's default level: static
// hosts that precompress harder only make pages lighter than reported.
func gzipSize(b []byte) int {
	var c countWriter
	w := gzPool.Get().(*gzip.Writer)
	w.Reset(&c)
	w.Write(b)
	w.Close()
	gzPool.Put(w)
	return int(c)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func kb(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}

func sourceOf(all []*instance, out string) string {
	for _, in := range all {
		if in.page.Out == out {
			return in.page.Source.File
		}
	}
	return out
}

// dedupe drops repeated problems: a fallback page reports its source's
// problems once per language tree, which says nothing new.
func dedupe(l diag.List) diag.List {
	seen := map[string]bool{}
	var out diag.List
	for _, p := range l {
		k := p.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	out.Sort()
	return out
}

// finish completes a rendered page: its download links, with the files'
// sizes, and for a not-found page with base_url, links from the site's
// folder (it is served at any address).
func (pr *Project) finish(name string, b []byte, downloads []web.Download) []byte {
	cfg := pr.Config
	if ph := []byte(web.DownloadsPlaceholder); bytes.Contains(b, ph) {
		lang := cfg.DefaultLanguage
		if i := strings.IndexByte(name, '/'); i > 0 && cfg.Language(name[:i]) != nil {
			lang = name[:i]
		}
		b = bytes.Replace(b, ph, pr.Renderer.Downloads(lang, name, downloads), 1)
	}
	if cfg.BaseURL != "" && pr.isNotFound(name) {
		b = web.Rebase(b, cfg.BasePath()+strings.TrimSuffix(name, "404.html"))
	}
	return b
}

// isNotFound tells the root 404.html and each language's.
func (pr *Project) isNotFound(name string) bool {
	if name == "404.html" {
		return true
	}
	lang, rest, _ := strings.Cut(name, "/")
	return rest == "404.html" && pr.Config.Language(lang) != nil
}

// notFoundPages adds the root 404.html and one per language (fr/404.html),
// which the hosting snippets make the host serve for unknown addresses.
// With base_url, Render makes their links root-relative (web.Rebase) once
// the download links are in.
// A page of the content with that name would be hidden: it is an error.
func (pr *Project) notFoundPages(out map[string][]byte) {
	for _, lang := range append([]string{""}, pr.Config.Codes()...) {
		name := web.NotFoundPath(lang)
		if _, taken := out[name]; taken {
			src := sourceOf(pr.all, name)
			if src == name { // a file copied as it is
				src = "content/" + name
			}
			pr.Problems.Errorf(src, 0, "render", "%s is the address of the not-found page: rename the page or give it another slug", name)
			continue
		}
		b, err := pr.Renderer.NotFound(lang)
		if err != nil {
			pr.Problems.Errorf(web.ThemeDir, 0, "render", "%v", err)
			continue
		}
		out[name] = b
	}
}

// hostOnly tells the files a host needs but an offline copy does not: the
// 404 pages, robots.txt and sitemap.xml. The bundles leave them out. (The
// service worker keeps a language's 404 page with its other pages.)
func (pr *Project) hostOnly(name string) bool {
	return name == "robots.txt" || name == "sitemap.xml" || pr.isNotFound(name)
}
