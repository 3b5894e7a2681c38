package build

import (
	"bytes"
	"context"
	"fmt"
	"maps"
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
	"sobre/build/output"
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
	files                        map[string][]byte // the site without sw.js and downloads
	sizes                        map[string]int    // transfer sizes of assets and images, for the budget
	cssGz                        int

	dl         output.Results    // the outputs of the downloads as last built; nil before
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
	parity        diag.List // a translation against its source (check.Parity)
	targets       []string  // output paths, in the page's tree, its links point to
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
		l.Add(st.parity)
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
// stand, then renders every page again to offer them, with their sizes.
// It does nothing while the site has errors, as a full build stops first.
func (p *Preview) BuildDownloads(ctx context.Context) error {
	pr := p.pr
	if pr == nil || p.Problems().HasErrors() {
		return p.Err()
	}
	p.Settle(ctx)
	rs, err := output.Run(ctx, pr.model(), p.outputs(true), output.Results{"search": p.searchResult()})
	if err != nil {
		return err // or stopped: an edit came
	}
	p.dl, p.dlFiles, p.dlProblems = output.Results{}, map[string][]byte{}, nil
	for _, name := range offered {
		p.dl[name] = rs[name]
		p.dlProblems.Add(rs[name].Problems)
		for file, b := range rs[name].Files {
			p.dlFiles[file] = b
		}
	}
	p.dlBuilt, p.dlStale = true, false
	return p.refresh(ctx)
}

// outputs are the outputs the preview runs: the downloads, or the others
// (the service worker aside, made when asked).
func (p *Preview) outputs(downloads bool) []output.Output {
	var out []output.Output
	for _, o := range p.pr.outputs() {
		if slices.Contains(offered, o.Name()) == downloads && o.Name() != "sw" {
			out = append(out, o)
		}
	}
	return out
}

// downloadResults are the downloads as last built: none before.
func (p *Preview) downloadResults() output.Results {
	if p.dl != nil {
		return p.dl
	}
	rs := output.Results{}
	for _, name := range offered {
		rs[name] = &output.Result{}
	}
	return rs
}

// searchResult is the search indexes as they stand.
func (p *Preview) searchResult() *output.Result {
	r := &output.Result{Files: map[string][]byte{}}
	for _, a := range p.indexes {
		r.Files[a.Path] = a.Data
	}
	return r
}

// refresh runs the outputs that read the downloads again (their sizes
// changed): every page, the chooser and the not-found pages.
func (p *Preview) refresh(ctx context.Context) error {
	given := output.Results{"search": p.searchResult()}
	maps.Copy(given, p.downloadResults())
	var outs []output.Output
	for _, o := range p.outputs(false) {
		if slices.ContainsFunc(o.Needs(), func(n string) bool { return slices.Contains(offered, n) }) {
			outs = append(outs, o)
		}
	}
	rs, err := output.Run(ctx, p.pr.model(), outs, given)
	if err != nil {
		return err
	}
	files := maps.Clone(p.files)
	for _, o := range outs {
		maps.Copy(files, rs[o.Name()].Files)
	}
	p.files, p.sw = files, nil
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
	out := maps.Clone(p.files)
	maps.Copy(out, p.dlFiles)
	sw, err := web.WorkerFile(p.pr.Theme, p.pr.Site, out, p.pr.pageLoads())
	if err != nil {
		return nil, err
	}
	p.sw = sw
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

// reload loads and renders the whole site again, with the downloads as
// last built until they are built again.
func (p *Preview) reload(ctx context.Context) (Change, error) {
	old := p.files
	pr, err := Load(ctx, p.opts)
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
	p.pr = pr // its outputs are the preview's
	out, err := pr.renderChecked(ctx, p.outputs(false), p.downloadResults())
	if out == nil {
		p.pr = nil
		return Change{Full: true}, err
	}
	p.labels, p.values = parseStrings(pr)
	p.cssGz = web.GzipSize(pr.Theme.CSS.Data)
	p.sizes = map[string]int{}
	p.indexes = map[string]web.Asset{}
	for lang, path := range search.IndexPaths(out.Files, pr.Config.Codes()) {
		p.indexes[lang] = web.Asset{Path: path, Data: out.Files[path]}
	}
	p.files = out.Files
	p.sortProblems()
	n := 0
	for _, l := range out.Langs {
		n += l.Pages
	}
	return Change{Full: true, Pages: n, Changed: changedFiles(old, p.files)}, nil
}

// sortProblems tells each page's own problems from the site's, so an
// edit replaces the page's alone.
func (p *Preview) sortProblems() {
	pr := p.pr
	p.pages = make(map[*instance]*pageState, len(pr.all))
	mine := map[string]bool{}
	for _, in := range pr.all {
		st := &pageState{}
		st.parse.Add(in.doc.Problems)
		if !in.page.Fallback {
			st.parse.Add(in.lint)
		}
		st.targets = p.targetsOf(in)
		st.parity = pr.parityOf(in)
		p.pages[in] = st
		for _, q := range append(st.parse, st.parity...) {
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
	keys := map[string]bool{}
	for _, s := range dirty {
		keys[s.Key] = true
	}
	reparsed, inSet := p.reparse(ctx, dirty)
	render := p.dependents(keys, reparsed, inSet)
	// The search index of each language holding a changed page waits for
	// Settle: the pages are ready first, with the index they had.
	for _, in := range reparsed {
		p.pending[in.page.Lang] = true
	}
	p.files = maps.Clone(p.files) // the old map may still be served: never change it
	var changed []string
	p.renderPages(ctx, render)
	for _, in := range render {
		if in.err == nil && !bytes.Equal(p.files[in.page.Out], in.html) {
			changed = append(changed, in.page.Out)
		}
		p.store(in)
	}
	return Change{Pages: len(render), Changed: changed}
}

// reparse parses the instances of the dirty sources again, and those of
// pages linking to an anchor that came or went (their link check
// changes), and resolves their links. inSet holds the instances parsed.
func (p *Preview) reparse(ctx context.Context, dirty []*content.Source) (reparsed []*instance, inSet map[*instance]bool) {
	pr := p.pr
	inSet = map[*instance]bool{}
	anchors := map[*instance]string{}
	for _, in := range pr.all {
		if slices.Contains(dirty, in.page.Source) {
			reparsed = append(reparsed, in)
			inSet[in] = true
			anchors[in] = anchorList(in.doc)
		}
	}
	p.parse(ctx, reparsed)
	moved := map[string]bool{}
	for _, in := range reparsed {
		if anchorList(in.doc) != anchors[in] {
			moved[in.page.Out] = true
		}
	}
	if len(moved) > 0 {
		var linkers []*instance
		for _, in := range pr.all {
			if !inSet[in] && slices.ContainsFunc(p.pages[in].targets, func(t string) bool { return moved[t] }) {
				linkers = append(linkers, in)
				inSet[in] = true
			}
		}
		p.parse(ctx, linkers)
		reparsed = append(reparsed, linkers...)
	}
	for _, in := range reparsed {
		p.resolve(in)
	}
	return reparsed, inSet
}

// dependents are the instances to render again: those parsed again, the
// translations of the changed pages (keys), and the pages whose generated
// blocks come from a changed page.
func (p *Preview) dependents(keys map[string]bool, reparsed []*instance, inSet map[*instance]bool) []*instance {
	pr, cfg := p.pr, p.pr.Config
	render := append([]*instance(nil), reparsed...)
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
	return render
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
		file, js := search.IndexFile(prepared, lang)
		a := web.Asset{Path: file, Data: js}
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
			files[in.page.Out] = in.html
			changed = append(changed, in.page.Out)
		}
		// The language's not-found and downloads pages have the search form too.
		for _, nf := range []string{web.NotFoundPath(lang), web.DownloadsPath(pr.Renderer.Strings(lang))} {
			if files[nf] != nil {
				files[nf] = bytes.Replace(files[nf], oldName, newName, 1)
				changed = append(changed, nf)
			}
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
	p.files[in.page.Out] = in.html
	st.render = p.pageChecks(in)
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
	// A page and its translations are compared again, whichever changed.
	keys := map[string]bool{}
	for _, in := range ins {
		keys[in.page.Key] = true
	}
	for _, in := range pr.all {
		if keys[in.page.Key] && p.pages[in] != nil {
			p.pages[in].parity = pr.parityOf(in)
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

// renderPages renders instances, as Render does for all, offering the
// downloads as last built.
func (p *Preview) renderPages(ctx context.Context, ins []*instance) {
	downloads := p.downloadResults().Downloads(offered...)
	parallel(ctx, ins, func(in *instance) {
		p.pr.renderBody(in)
		p.pr.renderPage(in, downloads)
	})
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
			gz = web.GzipSize(html)
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
	refs, _ := web.References(in.page.Out, in.loads)
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
		n = web.GzipSize(data)
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
