package build

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/markup"
	"sobre/build/resolve"
	"sobre/build/search"
	"sobre/build/web"
)

// Preview keeps a rendered site in memory between edits, for sobre serve.
// Update re-parses the pages whose Markdown changed and re-renders only
// what depends on them: their instances in every language tree, their
// translations (whose outdated notice follows the source), the pages that
// link to anchors they changed, the generated blocks built from them and
// the search index of their languages. Changes to front matter, to the set
// of pages or to anything outside the Markdown (site.toml, strings, theme,
// images) load the whole site again, which is always correct.
//
// Booklets and bundles are built only when asked (BuildDownloads), and
// kept until a source changes: the page reload never waits for them.
//
// A Preview is not safe for concurrent use; the server serialises calls.
type Preview struct {
	opts Options
	pr   *Project // nil while the sources fail to load
	// Problems only a full load recomputes: at load (config, content,
	// strings, theme) and at render (strings, image budgets).
	loadProblems, renderProblems diag.List
	pages                        map[*instance]*pageState
	labels, values               map[string]map[string]string
	indexes                      map[string]web.Asset
	files                        map[string][]byte // the site without sw.js and downloads, download links filled
	raw                          map[string][]byte // chooser and 404 with the downloads placeholder
	sizes                        map[string]int    // transfer sizes of assets and images, for the budget
	cssGz                        int

	downloads  []web.Download
	dlFiles    map[string][]byte // booklets and bundles, as last built
	dlProblems diag.List
	dlStale    bool
	dlBuilt    bool
	sw         []byte
	pending    map[string]bool // languages whose search index is out of date
}

// pageState is what the preview knows of one page instance.
type pageState struct {
	parse, render diag.List
	targets       []string // output paths, in the page's tree, its links point to
}

// Change reports one update of a preview.
type Change struct {
	Full     bool          // the whole site was loaded again
	Pages    int           // pages rendered
	Changed  []string      // output files whose bytes changed
	Duration time.Duration // from the call to the new pages being ready
}

// NewPreview loads and renders a site in memory, without its booklets and
// bundles. When the sources fail to load, the preview holds the problems
// and the next Update tries again.
func NewPreview(ctx context.Context, opts Options) (*Preview, error) {
	p := &Preview{opts: opts, pending: map[string]bool{}}
	_, err := p.reload(ctx)
	return p, err
}

// Problems lists the problems of the sources as a full build reports them.
func (p *Preview) Problems() diag.List {
	var l diag.List
	l.Add(p.loadProblems)
	for _, st := range p.pages {
		l.Add(st.parse)
	}
	if l.HasErrors() || p.pr == nil {
		return dedupe(l) // a full build stops after loading
	}
	l.Add(p.renderProblems)
	for _, st := range p.pages {
		l.Add(st.render)
	}
	if !l.HasErrors() {
		l.Add(p.dlProblems)
	}
	return dedupe(l)
}

// Err is the error a full build of the same sources would return.
func (p *Preview) Err() error { return p.Problems().Err() }

// Langs summarises the pages of each language.
func (p *Preview) Langs() []LangStats {
	if p.pr == nil {
		return nil
	}
	var out []LangStats
	for _, lang := range p.pr.Config.Codes() {
		st := LangStats{Lang: lang}
		for _, pg := range p.pr.Site.Pages[lang] {
			st.Pages++
			if pg.Fallback {
				st.Fallbacks++
			}
		}
		out = append(out, st)
	}
	return out
}

// File returns a file of the site as it stands, downloads excepted (see
// Download) and sw.js included.
func (p *Preview) File(name string) ([]byte, bool) {
	if name == "sw.js" && p.pr != nil {
		sw, err := p.serviceWorker()
		return sw, err == nil && sw != nil
	}
	b, ok := p.files[name]
	return b, ok
}

// Files returns the site's files, a map the preview no longer changes.
// sw.js and the downloads are left out: they come on demand.
func (p *Preview) Files() map[string][]byte { return p.files }

// IsDownload tells whether name is a booklet or bundle: one that was
// built, or one of the folders they are written to.
func (p *Preview) IsDownload(name string) bool {
	if _, ok := p.dlFiles[name]; ok {
		return true
	}
	if strings.HasPrefix(name, "downloads/") {
		return true
	}
	lang, rest, ok := strings.Cut(name, "/")
	return ok && p.pr != nil && p.pr.Config.Language(lang) != nil && strings.HasPrefix(rest, "print/")
}

// DownloadsStale reports whether the booklets and bundles need building
// before they are served or their sizes shown.
func (p *Preview) DownloadsStale() bool {
	cfg := p.config()
	return cfg != nil && (cfg.Outputs.Booklets || cfg.Outputs.Bundles) && (!p.dlBuilt || p.dlStale)
}

func (p *Preview) config() *config.Config {
	if p.pr == nil {
		return nil
	}
	return p.pr.Config
}

// Download returns a booklet or bundle, building them first when a source
// changed since they were built.
func (p *Preview) Download(ctx context.Context, name string) ([]byte, bool, error) {
	if p.DownloadsStale() {
		if err := p.BuildDownloads(ctx); err != nil {
			return nil, false, err
		}
	}
	b, ok := p.dlFiles[name]
	return b, ok, nil
}

// BuildDownloads builds the booklets and bundles from the pages as they
// stand, then fills the download links of every page with their sizes.
// It does nothing while the site has errors, as a full build stops first.
func (p *Preview) BuildDownloads(ctx context.Context) error {
	pr := p.pr
	if pr == nil || p.Problems().HasErrors() {
		return p.Err()
	}
	p.Settle(ctx)
	out := make(map[string][]byte, len(p.files))
	for name, b := range p.files {
		out[name] = b
	}
	for in := range p.pages {
		if in.err == nil {
			out[in.page.Out] = in.html
		}
	}
	for name, b := range p.raw {
		out[name] = b
	}
	saved := pr.Problems
	pr.Problems = nil
	defer func() { pr.Problems = saved }()
	var downloads []web.Download
	cfg := pr.Config
	if cfg.Outputs.Booklets {
		var err error
		if downloads, err = pr.booklets(out); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err // stopped: an edit came
	}
	if cfg.Outputs.Bundles {
		more, err := pr.bundles(ctx, out, p.indexes, downloads)
		if err != nil {
			return err
		}
		downloads = append(downloads, more...)
	}
	p.dlProblems = pr.Problems
	p.dlFiles = map[string][]byte{}
	for name, b := range out {
		if _, ok := p.files[name]; !ok {
			p.dlFiles[name] = b
		}
	}
	p.downloads, p.dlBuilt, p.dlStale = downloads, true, false
	p.refinishAll()
	return nil
}

// Output returns every file a full build writes: downloads built if need
// be, and the service worker.
func (p *Preview) Output(ctx context.Context) (map[string][]byte, error) {
	if p.pr == nil {
		return nil, p.Err()
	}
	p.Settle(ctx)
	if p.DownloadsStale() {
		if err := p.BuildDownloads(ctx); err != nil {
			return nil, err
		}
	}
	out := make(map[string][]byte, len(p.files)+len(p.dlFiles)+1)
	for name, b := range p.files {
		out[name] = b
	}
	for name, b := range p.dlFiles {
		out[name] = b
	}
	sw, err := p.serviceWorker()
	if err != nil {
		return nil, err
	}
	if sw != nil {
		out["sw.js"] = sw
	}
	return out, p.Err()
}

// serviceWorker lists every file and hashes them all: it is worked out
// when asked, not at each edit.
func (p *Preview) serviceWorker() ([]byte, error) {
	if p.sw != nil {
		return p.sw, nil
	}
	out := make(map[string][]byte, len(p.files)+len(p.dlFiles))
	for name, b := range p.files {
		out[name] = b
	}
	for name, b := range p.dlFiles {
		out[name] = b
	}
	if err := p.pr.serviceWorker(out); err != nil {
		return nil, err
	}
	p.sw = out["sw.js"]
	return p.sw, nil
}

// Update brings the preview up to date with the files changed, given as
// paths relative to the site folder ("content/fr/charte.md").
func (p *Preview) Update(ctx context.Context, changed []string) (Change, error) {
	start := time.Now()
	ch, full, err := p.incremental(ctx, changed)
	if err != nil {
		return ch, err
	}
	if full {
		ch, err = p.reload(ctx)
	}
	ch.Duration = time.Since(start)
	return ch, err
}

// reload loads and renders the whole site again.
func (p *Preview) reload(ctx context.Context) (Change, error) {
	old := p.files
	opts := p.opts
	pr, err := Load(ctx, opts)
	if err != nil && pr == nil {
		return Change{Full: true}, err
	}
	p.sw, p.dlStale = nil, true
	clear(p.pending)
	if err != nil {
		// Keep the last good pages on show, and the problems.
		p.pr, p.pages = nil, nil
		p.loadProblems, p.renderProblems = pr.Problems, nil
		return Change{Full: true}, nil
	}
	p.loadProblems = pr.Problems
	// Render every page, without the booklets and bundles.
	cfg := *pr.Config
	cfg.Outputs.Booklets, cfg.Outputs.Bundles = false, false
	full := pr.Config
	pr.Config = &cfg
	out, err := pr.Render(ctx)
	pr.Config = full
	if out == nil {
		return Change{Full: true}, err
	}
	p.pr = pr
	p.labels, p.values = parseStrings(pr)
	p.cssGz = gzipSize(pr.Theme.CSS.Data)
	p.sizes = map[string]int{}
	p.indexes = map[string]web.Asset{}
	for _, lang := range pr.Config.Codes() {
		for name, b := range out.Files {
			if strings.HasPrefix(name, "assets/search-"+lang+".") {
				p.indexes[lang] = web.Asset{Path: name, Data: b}
			}
		}
	}
	p.files = out.Files
	delete(p.files, "sw.js")
	p.raw = map[string][]byte{}
	if b, err := pr.Renderer.Chooser(); err == nil {
		p.raw["index.html"] = b
	}
	for _, lang := range append([]string{""}, pr.Config.Codes()...) {
		if b, err := pr.Renderer.NotFound(lang); err == nil {
			p.raw[web.NotFoundPath(lang)] = b
		}
	}
	// Tell each page's own problems from the site's, so an edit replaces
	// the page's alone.
	p.pages = make(map[*instance]*pageState, len(pr.all))
	mine := map[string]bool{}
	for _, in := range pr.all {
		st := &pageState{}
		st.parse.Add(in.doc.Problems)
		if !in.page.Fallback {
			st.parse.Add(in.lint)
		}
		st.targets = p.targetsOf(in)
		p.pages[in] = st
		for _, q := range st.parse {
			mine[q.String()] = true
		}
	}
	var loadOnly diag.List
	for _, q := range p.loadProblems {
		if !mine[q.String()] {
			loadOnly = append(loadOnly, q)
		}
	}
	p.loadProblems = loadOnly
	for _, in := range pr.all {
		st := p.pages[in]
		if in.err != nil {
			st.render.Errorf(in.page.Source.File, 0, "render", "%v", in.err)
		}
		st.render.Add(p.pageChecks(in))
		for _, q := range st.render {
			mine[q.String()] = true
		}
	}
	seen := map[string]bool{}
	for _, q := range p.loadProblems {
		seen[q.String()] = true
	}
	p.renderProblems = nil
	for _, q := range pr.Problems {
		if k := q.String(); !seen[k] && !mine[k] {
			p.renderProblems = append(p.renderProblems, q)
		}
	}
	if p.dlBuilt {
		p.refinishAll() // the sizes of the last downloads, until they are built again
	}
	n := 0
	for _, l := range out.Langs {
		n += l.Pages
	}
	return Change{Full: true, Pages: n, Changed: changedFiles(old, p.files)}, nil
}

// changedFiles lists the files whose bytes differ between two versions.
func changedFiles(old, cur map[string][]byte) []string {
	var out []string
	for name, b := range cur {
		if o, ok := old[name]; !ok || !bytes.Equal(o, b) {
			out = append(out, name)
		}
	}
	for name := range old {
		if _, ok := cur[name]; !ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// incremental handles a change of Markdown bodies; it says full when the
// change needs the whole site loaded again.
func (p *Preview) incremental(ctx context.Context, changed []string) (Change, bool, error) {
	pr := p.pr
	if pr == nil {
		return Change{}, true, nil
	}
	sources := map[string]*content.Source{}
	statics := map[string]bool{}
	for _, lang := range pr.Config.Codes() {
		for _, pg := range pr.Site.Pages[lang] {
			sources[pg.Source.File] = pg.Source
		}
		for _, s := range pr.Site.Drafts[lang] {
			sources[s.File] = s
		}
		for _, s := range pr.Site.Statics[lang] {
			statics[s.File] = true
		}
	}
	var dirty []*content.Source
	for _, name := range changed {
		name = path.Clean(filepath.ToSlash(name))
		file := filepath.Join(p.opts.Src, filepath.FromSlash(name))
		parts := strings.SplitN(name, "/", 3)
		isMD := len(parts) == 3 && parts[0] == content.Dir && strings.HasSuffix(name, ".md")
		fi, err := os.Lstat(file)
		if !isMD {
			// A file that came and went (an editor's swap file) changes nothing.
			if err != nil && !statics[name] && (len(parts) < 2 || parts[0] == content.Dir) {
				continue
			}
			return Change{}, true, nil
		}
		old := sources[name]
		if old == nil || err != nil || !fi.Mode().IsRegular() || strings.HasPrefix(path.Base(name), ".") {
			return Change{}, true, nil // a page added, removed, or no longer a plain file
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return Change{}, true, nil
		}
		src, problems := content.ParseSource(parts[1], parts[2], name, data)
		if src == nil || len(problems) > 0 || src.BodyLine != old.BodyLine || !reflect.DeepEqual(src.Front, old.Front) {
			return Change{}, true, nil // front matter: titles, order, states may change anywhere
		}
		if bytes.Equal(src.Body, old.Body) {
			continue
		}
		*old = *src // every page showing this source sees the new body
		dirty = append(dirty, old)
	}
	if len(dirty) == 0 {
		return Change{}, false, nil
	}
	p.sw, p.dlStale = nil, true
	return p.rerender(ctx, dirty), false, nil
}

// rerender re-parses the instances of the dirty sources and re-renders
// what depends on them.
func (p *Preview) rerender(ctx context.Context, dirty []*content.Source) Change {
	pr := p.pr
	cfg := pr.Config
	isDirty := map[*content.Source]bool{}
	keys := map[string]bool{}
	for _, s := range dirty {
		isDirty[s] = true
		keys[s.Key] = true
	}
	var reparse []*instance
	inSet := map[*instance]bool{}
	anchors := map[*instance]string{}
	for _, in := range pr.all {
		if isDirty[in.page.Source] {
			reparse = append(reparse, in)
			inSet[in] = true
			anchors[in] = anchorList(in.doc)
		}
	}
	p.parse(ctx, reparse)
	// Pages linking to an anchor that came or went: their link check changes.
	moved := map[string]bool{}
	for _, in := range reparse {
		if anchorList(in.doc) != anchors[in] {
			moved[in.page.Out] = true
		}
	}
	if len(moved) > 0 {
		var linkers []*instance
		for _, in := range pr.all {
			if inSet[in] {
				continue
			}
			for _, t := range p.pages[in].targets {
				if moved[t] {
					linkers = append(linkers, in)
					inSet[in] = true
					break
				}
			}
		}
		p.parse(ctx, linkers)
		reparse = append(reparse, linkers...)
	}
	for _, in := range reparse {
		p.resolve(in)
	}

	// What to render: the pages parsed again, their translations, and the
	// pages whose generated blocks come from a changed page.
	render := append([]*instance(nil), reparse...)
	add := func(in *instance) {
		if !inSet[in] {
			inSet[in] = true
			render = append(render, in)
		}
	}
	for _, in := range pr.all {
		if keys[in.page.Key] {
			add(in)
		}
	}
	for _, gen := range []struct{ key, directive string }{{cfg.Charter, "assessment"}, {cfg.Glossary, "a-z"}} {
		if gen.key == "" || !keys[gen.key] {
			continue
		}
		for _, in := range pr.all {
			if slices.Contains(in.doc.Directives(), gen.directive) {
				add(in)
			}
		}
	}

	// The search index of each language holding a changed page waits for
	// Settle: the pages are ready first, with the index they had.
	for _, in := range reparse {
		p.pending[in.page.Lang] = true
	}

	files := make(map[string][]byte, len(p.files))
	for name, b := range p.files {
		files[name] = b
	}
	p.files = files // the old map may still be served: never change it
	var changed []string
	p.renderPages(ctx, render)
	for _, in := range render {
		if in.err == nil && !bytes.Equal(files[in.page.Out], p.finish(in.page.Out, in.html)) {
			changed = append(changed, in.page.Out)
		}
		p.store(in)
	}
	return Change{Pages: len(render), Changed: changed}
}

// Settle rebuilds the search indexes an update left behind, and names
// the new index in every page of its language (the name carries its
// hash). It returns the files that changed.
func (p *Preview) Settle(ctx context.Context) []string {
	if p.pr == nil || len(p.pending) == 0 {
		return nil
	}
	pr := p.pr
	files := make(map[string][]byte, len(p.files))
	for name, b := range p.files {
		files[name] = b
	}
	var changed []string
	for _, lang := range pr.Config.Codes() {
		if !p.pending[lang] {
			continue
		}
		delete(p.pending, lang)
		var prepared []search.Prepared
		for _, in := range pr.all {
			if in.page.Lang == lang {
				prepared = append(prepared, in.search)
			}
		}
		a := web.Hashed("assets/search-"+lang+".js", search.BuildPrepared(prepared, lang).Script(lang))
		old := p.indexes[lang]
		if a.Path == old.Path {
			continue
		}
		p.indexes[lang] = a
		pr.Renderer.SetSearchIndex(lang, a.Path)
		delete(files, old.Path)
		files[a.Path] = a.Data
		changed = append(changed, old.Path, a.Path)
		oldName, newName := []byte(path.Base(old.Path)), []byte(path.Base(a.Path))
		for _, in := range pr.all {
			if in.page.Lang != lang || in.err != nil {
				continue
			}
			in.html = bytes.Replace(in.html, oldName, newName, 1)
			in.loads = in.loads.Renamed(string(oldName), string(newName))
			files[in.page.Out] = p.finish(in.page.Out, in.html)
			changed = append(changed, in.page.Out)
		}
		// The language's not-found page has the search form too.
		if nf := web.NotFoundPath(lang); p.raw[nf] != nil {
			p.raw[nf] = bytes.Replace(p.raw[nf], oldName, newName, 1)
			files[nf] = p.finish(nf, p.raw[nf])
			changed = append(changed, nf)
		}
	}
	p.files, p.sw = files, nil
	return changed
}

// store puts a rendered page into the files and checks its budget.
func (p *Preview) store(in *instance) {
	st := p.pages[in]
	st.render = nil
	if in.err != nil {
		st.render.Errorf(in.page.Source.File, 0, "render", "%v", in.err)
		delete(p.files, in.page.Out)
		return
	}
	p.files[in.page.Out] = p.finish(in.page.Out, in.html)
	st.render = p.pageChecks(in)
}

// finish fills a page's download links, as the end of Render does.
func (p *Preview) finish(name string, b []byte) []byte {
	return p.pr.finish(name, b, p.downloads)
}

// DownloadsPlaceholder is web's, named here for the preview.
const DownloadsPlaceholder = web.DownloadsPlaceholder

// refinishAll fills every page's download links again (their sizes changed).
func (p *Preview) refinishAll() {
	files := make(map[string][]byte, len(p.files))
	for name, b := range p.files {
		files[name] = b
	}
	for in := range p.pages {
		if in.err == nil {
			files[in.page.Out] = p.finish(in.page.Out, in.html)
		}
	}
	for name, b := range p.raw {
		files[name] = p.finish(name, b)
	}
	p.files = files
	p.sw = nil
}

// parse parses instances again, as Load does.
func (p *Preview) parse(ctx context.Context, ins []*instance) {
	pr := p.pr
	parallel(ctx, ins, func(in *instance) { pr.parse(in, p.labels, p.values) })
	for _, in := range ins {
		pr.Docs[in.page] = in.doc
		st := p.pages[in]
		st.parse = nil
		st.parse.Add(in.doc.Problems)
		if !in.page.Fallback {
			st.parse.Add(in.lint)
			pr.Measures[in.measure.File] = in.measure
		}
	}
}

// resolve checks and rewrites one instance's links, as Load does for all.
func (p *Preview) resolve(in *instance) {
	one := *p.pr.Site
	one.Pages = map[string][]*content.Page{in.page.Lang: {in.page}}
	st := p.pages[in]
	st.parse.Add(resolve.Links(&one, p.pr.Docs))
	st.targets = p.targetsOf(in)
}

// targetsOf lists the output paths the instance's links point to in its
// tree, whether resolved ("../a.html#x") or left as written ("a.md#x").
func (p *Preview) targetsOf(in *instance) []string {
	var out []string
	for _, l := range in.doc.Links {
		u, err := url.Parse(string(l.Node.Destination))
		if err != nil || u.Scheme != "" || u.Path == "" {
			continue
		}
		switch {
		case strings.HasSuffix(u.Path, ".md"):
			key := path.Clean(path.Join(path.Dir(in.page.Key), u.Path))
			if q := p.pr.Site.ByKey[in.page.Lang][key]; q != nil {
				out = append(out, q.Out)
			}
		case strings.HasSuffix(u.Path, ".html"):
			out = append(out, path.Clean(path.Join(path.Dir(in.page.Out), u.Path)))
		}
	}
	return out
}

// renderPages renders instances, as Render does for all.
func (p *Preview) renderPages(ctx context.Context, ins []*instance) {
	parallel(ctx, ins, p.pr.renderPage)
}

// pageChecks weighs one page against the budgets, as Render and
// checkTransfer do for all: the same pages fail with the same messages.
func (p *Preview) pageChecks(in *instance) diag.List {
	var l diag.List
	if in.err != nil {
		return l
	}
	b := p.pr.Config.Budgets
	html := p.files[in.page.Out]
	gz := -1
	gzipped := func() int {
		if gz < 0 {
			gz = gzipSize(html)
		}
		return gz
	}
	const gzipSlack = 64
	if b.PageGzip > 0 && len(html)+gzipSlack+p.cssGz > b.PageGzip {
		if total := gzipped() + p.cssGz; total > b.PageGzip {
			l.Errorf(in.page.Source.File, 0, "budget", "%s weighs %s gzipped with its CSS, over the budget of %s (budgets.page_gzip): split the page or trim the theme",
				in.page.Out, kb(total), kb(b.PageGzip))
		}
	}
	if b.PageTotal <= 0 {
		return l
	}
	loads := 0
	refs, _ := references(in.page.Out, in.loads)
	for _, f := range refs {
		loads += p.weigh(f)
	}
	size := len(html)
	if size+loads > b.PageTotal {
		size = gzipped()
	}
	if total := size + loads; total > b.PageTotal {
		l.Errorf(in.page.Source.File, 0, "budget", "%s loads %s (HTML, CSS, scripts gzipped and images), over the budget of %s (budgets.page_total): use fewer or lighter images", in.page.Out, kb(total), kb(b.PageTotal))
	}
	return l
}

// weigh is a file's transfer size: gzipped, images as they are.
func (p *Preview) weigh(name string) int {
	if n, ok := p.sizes[name]; ok {
		return n
	}
	data := p.files[name]
	n := len(data)
	if !isImage(name) {
		n = gzipSize(data)
	}
	p.sizes[name] = n
	return n
}

// anchorList is a doc's heading ids, comparable.
func anchorList(d *markup.Doc) string {
	if d == nil {
		return ""
	}
	var b strings.Builder
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "%s\n", h.ID)
	}
	return b.String()
}
