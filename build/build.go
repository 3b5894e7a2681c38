package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
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
	"sobre/build/output"
	"sobre/build/resolve"
	"sobre/build/search"
	"sobre/build/terms"
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
	// Now is the day dated pages (as_of) are judged against; zero means
	// the clock's. It changes warnings only, never an output.
	Now time.Time
	// LiveReload is a script address added to every page (preview only).
	LiveReload string
	// Verbose receives each file written.
	Verbose func(path string)
	// Outputs are outputs of one's own, run after the registered ones
	// (see outputs.go) as their needs allow.
	Outputs []output.Output
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
	shape   check.Shape // for parity with its source or translations
	html    []byte      // the site's page
	loads   web.Loads   // what html makes a browser fetch
	dur     time.Duration
	bodyErr error // the Markdown does not render
	err     error // the site's page does not render
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
	// terms is the fixed-term glossary (i18n/terms.toml) check.Terms reads.
	terms *terms.List
	// Src is the site's files (without the embedded defaults).
	Src fs.FS
	// files is the site's files over the embedded defaults (fonts).
	files fs.FS
	// Updated dates the files of the bundles (SOURCE_DATE_EPOCH).
	Updated time.Time
	now     time.Time // Options.Now
	// Measures holds what the content rules measured, per source file.
	Measures map[string]check.PageReport
	all      []*instance
	byPage   map[*content.Page]*instance
	extra    []output.Output
}

// LoadFS reads and parses the site in src: configuration, content,
// strings, theme, every page's Markdown, its links and the content rules.
// It reads only src and opts.Defaults (opts.Src is not used) and writes
// nothing.
func LoadFS(ctx context.Context, src fs.FS, opts Options) (*Project, error) {
	files := overlay{top: src, base: opts.Defaults}
	pr := &Project{Src: src, files: files, Updated: opts.Updated, now: opts.Now, extra: opts.Outputs}
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
	pr.Problems.Add(cfg.Notes())
	toml, _ := fs.ReadFile(src, config.FileName) // read by config.Load: only its lines are wanted
	pr.Problems.Add(check.Profiles(cfg.Codes(), cfg.Readability, toml))
	pr.loadTerms(src)
	site, p := content.Load(src, cfg)
	pr.Problems.Add(p)
	cat, p := i18n.Load(files, cfg.Codes(), cfg.DefaultLanguage)
	pr.Problems.Add(p)
	if cfg.Outputs.Booklets {
		// The booklets' names come from the strings: a name that is not a
		// file name is found by check too, before anything is built.
		_, p := output.Moves(cfg, cat)
		pr.Problems.Add(p)
	}
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
	pr.byPage = make(map[*content.Page]*instance, len(pr.all))
	pr.Measures = map[string]check.PageReport{}
	for _, in := range pr.all {
		pr.Docs[in.page] = in.doc
		pr.byPage[in.page] = in
		pr.Problems.Add(in.doc.Problems)
		if !in.page.Fallback {
			pr.Problems.Add(in.lint)
			pr.Measures[in.measure.File] = in.measure
		}
	}
	pr.Problems.Add(pr.parity())
	pr.Problems.Add(resolve.Links(site, pr.Docs))
	if pr.Problems.HasErrors() {
		return fail()
	}
	pr.Problems = dedupe(pr.Problems)
	return pr, nil
}

// loadTerms reads the fixed-term glossary check.Terms holds translations to.
func (pr *Project) loadTerms(src fs.FS) {
	var err error
	if pr.terms, err = terms.Load(src, pr.Config.DefaultLanguage); err != nil {
		var te *terms.Error
		if !errors.As(err, &te) {
			te = &terms.Error{Msg: err.Error()}
		}
		pr.Problems.Errorf(terms.File, te.Line, "terms", "%s", te.Msg)
	}
}

// parity compares each translation with its source's structure (see
// check.Parity), before links are resolved, as they were written.
func (pr *Project) parity() diag.List {
	var problems diag.List
	for _, in := range pr.all {
		problems.Add(pr.parityOf(in))
	}
	return problems
}

// parityOf is parity for one page instance: nothing for a source page or
// a fallback.
func (pr *Project) parityOf(in *instance) diag.List {
	p, def := in.page, pr.Config.DefaultLanguage
	src := pr.Site.ByKey[def][p.Key]
	from := pr.byPage[src]
	if p.Lang == def || p.Fallback || from == nil {
		return nil
	}
	problems := check.Parity(
		check.Side{Shape: from.shape, File: src.Source.File, Keys: src.Source.Front.Lines},
		check.Side{Shape: in.shape, File: p.Source.File, Keys: p.Source.Front.Lines})
	problems.Add(check.Terms(pr.terms, src.Source, p.Source))
	return problems
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
	if src.Front.Edition == content.EditionEasyRead {
		in.doc.KeepLines()
	}
	in.search = search.Prepare(search.Page{Title: src.Front.Title, URL: strings.TrimPrefix(in.page.Out, in.page.Lang+"/"), Lang: cl, Doc: in.doc})
	in.shape = check.ShapeOf(in.doc) // before links are rewritten
	in.lint, in.measure = nil, check.PageReport{}
	if !in.page.Fallback {
		o := check.Options{MinReadability: cfg.Readability, PageMin: src.Front.MinReadability}
		in.lint, in.measure = check.Lint(in.doc, src.File, cl, o)
		in.lint.Add(pr.lawRules(in))
		if src.Front.Edition == content.EditionEasyRead {
			in.lint.Add(check.EasyRead(in.doc, src.File, cl))
		}
	}
}

// lawRules are the rules of pages about the law: a page citing the AI Act
// links to the dated law page, and a dated page is checked again yearly.
func (pr *Project) lawRules(in *instance) diag.List {
	var l diag.List
	p, law := in.page, pr.Config.Law
	if law != "" && p.Key != law && pr.Site.ByKey[p.Lang][law] != nil {
		l.Add(check.LawLinks(in.doc, p.Source.File, p.Source.Lang, content.Rel(p.Key, law)))
	}
	if asOf, _ := p.Source.Front.AsOfDate(); !asOf.IsZero() {
		now := pr.now
		if now.IsZero() {
			now = time.Now()
		}
		l.Add(check.Stale(p.Source.File, p.Source.Front.Lines["as_of"], asOf, now))
	}
	return l
}

// renderBody renders one page instance's Markdown: what each output of
// the page starts from.
func (pr *Project) renderBody(in *instance) {
	in.body, in.bodyErr = pr.Renderer.RenderBody(in.page, pr.Docs)
	in.html, in.err = nil, in.bodyErr
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

// Render makes every output of the site in memory (outputs.go lists
// them) and checks the weight budget. Problems are added to pr.Problems.
func (pr *Project) Render(ctx context.Context) (*Output, error) {
	return pr.renderChecked(ctx, pr.outputs(), nil)
}

// renderChecked renders the outputs outs (given: see render), then checks
// the pages' weights and the interface strings.
func (pr *Project) renderChecked(ctx context.Context, outs []output.Output, given output.Results) (*Output, error) {
	res, err := pr.render(ctx, outs, given)
	if res == nil {
		return nil, err
	}
	pr.checkWeights(res)
	pr.checkStrings()
	pr.Problems = dedupe(pr.Problems)
	return res, pr.Problems.Err()
}

// render renders every page's Markdown, then runs outs; given are the
// results of outputs not run again (the preview's downloads).
func (pr *Project) render(ctx context.Context, outs []output.Output, given output.Results) (*Output, error) {
	parallel(ctx, pr.all, func(in *instance) {
		t := time.Now()
		pr.renderBody(in)
		in.dur += time.Since(t)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	results, err := output.Run(ctx, pr.model(), outs, given)
	if err != nil {
		return nil, err
	}
	res := &Output{Files: map[string][]byte{}}
	for _, o := range outs {
		r := results[o.Name()]
		pr.Problems.Add(r.Problems)
		for name, b := range r.Files {
			res.Files[name] = b
		}
	}
	res.Langs = pr.langStats()
	return res, nil
}

// langStats counts each language's pages and the time spent on them.
func (pr *Project) langStats() []LangStats {
	stats := map[string]*LangStats{}
	for _, lang := range pr.Config.Codes() {
		stats[lang] = &LangStats{Lang: lang}
	}
	for _, in := range pr.all {
		if in.err != nil {
			continue
		}
		st := stats[in.page.Lang]
		st.Pages++
		if in.page.Fallback {
			st.Fallbacks++
		}
		st.Time += in.dur
	}
	var out []LangStats
	for _, lang := range pr.Config.Codes() {
		out = append(out, *stats[lang])
	}
	return out
}

// checkStrings reports interface strings missing in a language (shown in
// the default language) and those the theme asks for but none defines.
func (pr *Project) checkStrings() {
	cfg := pr.Config
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
		pr.Problems.Errorf(f.File, f.Line, "i18n", "string %q: %s", f.ID, f.Err)
	}
	used := pr.Theme.StringIDs()
	for _, lang := range cfg.Codes() {
		for _, id := range pr.Catalog.Defined(lang) {
			if !used[id] && !pr.Catalog.Used(id) {
				pr.Problems.Warnf(i18n.Dir+"/"+lang+".toml", pr.Catalog.Line(lang, id), "i18n", "string %q is used nowhere (no layout nor the build asks for it): remove it, or check its name against %s", id, i18n.Dir+"/"+cfg.DefaultLanguage+".toml")
			}
		}
	}
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
