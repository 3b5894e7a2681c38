package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	"sobre/build/resolve"
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
	page *content.Page
	doc  *markup.Doc
	html []byte
	size int
	dur  time.Duration
	err  error
}

// Build renders the site of opts.Src into opts.Out. On error the previous
// output is untouched and the error lists every problem found.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	fail := func(l diag.List) (*Result, error) {
		res.Problems = dedupe(l)
		return res, res.Problems.Err()
	}
	if err := checkOut(opts.Src, opts.Out); err != nil {
		return nil, err
	}
	siteFS := os.DirFS(opts.Src)
	files := overlay{top: siteFS, base: opts.Defaults}
	var problems diag.List

	cfg, p := config.Load(siteFS)
	problems.Add(p)
	if cfg == nil {
		return fail(problems)
	}
	res.Budget = cfg.Budgets.PageGzip
	site, p := content.Load(siteFS, cfg)
	problems.Add(p)
	cat, p := i18n.Load(files, cfg.Codes(), cfg.DefaultLanguage)
	problems.Add(p)
	table, _ := json.Marshal(i18n.MatchTable(cfg.Codes()))
	theme, p := web.LoadTheme(files, map[string]string{"chooser.js": "window.SOBRE_LANGS=" + string(table) + ";"})
	problems.Add(p)
	if theme != nil {
		problems.Add(check.Contrast(theme.Colors))
	}
	if problems.HasErrors() {
		return fail(problems)
	}
	r, err := web.NewRenderer(theme, site, cat, web.Options{LiveReload: opts.LiveReload, Updated: opts.Updated})
	if err != nil {
		return nil, err
	}

	// Parse every page instance; a fallback page is parsed in its tree so
	// its links resolve to that tree's files.
	var all []*instance
	for _, lang := range cfg.Codes() {
		for _, pg := range site.Pages[lang] {
			all = append(all, &instance{page: pg})
		}
	}
	values := map[string]map[string]string{}
	for _, lang := range cfg.Codes() {
		v := map[string]string{"organisation": cfg.Organisation.Name}
		if t, ok := cfg.SigningDate(); ok {
			v["date"] = web.FormatDate(r.Strings(lang), t)
		}
		values[lang] = v
	}
	labels := map[string]map[string]string{}
	for _, lang := range cfg.Codes() {
		s := r.Strings(lang)
		m := map[string]string{"level1": s.T("level1", nil), "level2": s.T("level2", nil)}
		for _, n := range markup.BlankNames {
			m["blank."+n] = s.T("blank."+n, nil)
		}
		for _, n := range markup.CalloutTypes {
			m["callout."+n] = s.T("callout."+n, nil)
		}
		labels[lang] = m
	}
	parallel(ctx, all, func(in *instance) {
		t := time.Now()
		src := in.page.Source
		cl := src.Lang
		in.doc = markup.Parse(src.Body, markup.Options{
			Lang: cl, File: src.File, LineOffset: src.BodyLine - 1,
			Labels: labels[cl], Values: values[cl], ReservedIDs: web.ReservedIDs,
			Glossary:     content.Rel(in.page.Key, cfg.Glossary),
			SortSections: in.page.Key == cfg.Glossary,
		})
		in.dur += time.Since(t)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	docs := make(map[*content.Page]*markup.Doc, len(all))
	for _, in := range all {
		docs[in.page] = in.doc
		problems.Add(in.doc.Problems)
	}
	problems.Add(resolve.Links(site, docs))
	if problems.HasErrors() {
		return fail(problems)
	}

	cssGz := gzipSize(theme.CSS.Data)
	parallel(ctx, all, func(in *instance) {
		t := time.Now()
		var body bytes.Buffer
		if err := in.doc.Render(&body); err != nil {
			in.err = err
			return
		}
		in.html, in.err = r.Page(in.page, web.Body{HTML: body.Bytes(), Words: len(bytes.Fields(in.page.Source.Body)), Tasks: in.doc.Tasks})
		if in.err == nil {
			in.size = gzipSize(in.html)
		}
		in.dur += time.Since(t)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	out := map[string][]byte{}
	stats := map[string]*LangStats{}
	for _, lang := range cfg.Codes() {
		stats[lang] = &LangStats{Lang: lang}
	}
	for _, in := range all {
		if in.err != nil {
			problems.Errorf(in.page.Source.File, 0, "render", "%v", in.err)
			continue
		}
		out[in.page.Out] = in.html
		st := stats[in.page.Lang]
		st.Pages++
		if in.page.Fallback {
			st.Fallbacks++
		}
		st.Time += in.dur
		res.Heaviest = append(res.Heaviest, PageWeight{Path: in.page.Out, HTML: in.size, CSS: cssGz})
	}
	sort.SliceStable(res.Heaviest, func(i, j int) bool {
		a, b := res.Heaviest[i], res.Heaviest[j]
		if a.Total() != b.Total() {
			return a.Total() > b.Total()
		}
		return a.Path < b.Path
	})
	if budget := cfg.Budgets.PageGzip; budget > 0 {
		for _, w := range res.Heaviest {
			if w.Total() <= budget {
				break
			}
			problems.Errorf(sourceOf(all, w.Path), 0, "budget", "%s weighs %s gzipped with its CSS, over the budget of %s (budgets.page_gzip): split the page or trim the theme",
				w.Path, kb(w.Total()), kb(budget))
		}
	}
	if len(res.Heaviest) > 5 {
		res.Heaviest = res.Heaviest[:5]
	}

	extra := []struct {
		path string
		fn   func() ([]byte, error)
	}{
		{"index.html", r.Chooser},
		{"404.html", r.NotFound},
	}
	for _, e := range extra {
		b, err := e.fn()
		if err != nil {
			problems.Errorf(web.ThemeDir, 0, "render", "%v", err)
			continue
		}
		out[e.path] = b
	}
	out["robots.txt"] = web.Robots(cfg)
	if sm := web.Sitemap(site); sm != nil {
		out["sitemap.xml"] = sm
	}
	out[theme.CSS.Path] = theme.CSS.Data
	for _, s := range theme.Scripts {
		out[s.Path] = s.Data
	}
	for _, lang := range cfg.Codes() {
		for _, s := range site.Statics[lang] {
			out[lang+"/"+s.Key] = s.Data
		}
	}

	// Strings: missing ones are shown in the default language and listed.
	res.Missing = cat.Missing()
	for _, lang := range cfg.Codes() {
		if m := res.Missing[lang]; len(m) > 0 {
			problems.Warnf(i18n.Dir+"/"+lang+".toml", 0, "i18n", "%d interface strings missing, shown in %s: %s", len(m), cfg.DefaultLanguage, strings.Join(m, ", "))
		}
	}
	for _, id := range cat.Unknown() {
		problems.Errorf(i18n.Dir+"/"+cfg.DefaultLanguage+".toml", 0, "i18n", "the theme asks for string %q, defined in no language: add it", id)
	}
	if problems.HasErrors() {
		return fail(problems)
	}

	if err := writeAtomic(opts.Out, out, opts.Verbose); err != nil {
		return nil, fmt.Errorf("writing %s: %w", opts.Out, err)
	}
	for _, lang := range cfg.Codes() {
		res.Langs = append(res.Langs, *stats[lang])
	}
	for _, b := range out {
		res.Files++
		res.Bytes += int64(len(b))
	}
	res.Problems = dedupe(problems)
	res.Duration = time.Since(start)
	return res, nil
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

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

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
