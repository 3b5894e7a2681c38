package build

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"sobre/build/bundle"
	"sobre/build/content"
	"sobre/build/markup"
	"sobre/build/output"
	"sobre/build/print"
	"sobre/build/search"
	"sobre/build/web"
)

// offered are the outputs whose downloads the pages offer, in the order
// the pages list them.
var offered = []string{"booklets", "zips", "epubs"}

// outputs are the build's outputs, one line each, then the options' own.
// The runner orders them by their needs; see output.Output.
func (pr *Project) outputs() []output.Output {
	return append([]output.Output{
		then{search.Indexes{Entries: pr.searchEntries}, pr.useSearchIndexes},
		print.Booklets{},
		bundle.Zips{},
		bundle.EPUBs{CSS: pr.Theme.EPUBCSS},
		sitePages{pr},
		web.NotFoundPages{R: pr.Renderer, Offered: offered},
		web.DownloadPages{R: pr.Renderer, Offered: offered},
		web.HostFiles{},
		web.ServiceWorker{Theme: pr.Theme, Loads: pr.pageLoads},
	}, pr.extra...)
}

// model is the site as the outputs read it.
func (pr *Project) model() *output.Model {
	assets := map[string][]byte{pr.Theme.CSS.Path: pr.Theme.CSS.Data}
	for _, s := range pr.Theme.Scripts {
		assets[s.Path] = s.Data
	}
	return &output.Model{
		Config: pr.Config, Site: pr.Site, Catalog: pr.Catalog, Docs: pr.Docs,
		Files: pr.files, Updated: pr.Updated, Assets: assets, Pages: pages{pr},
	}
}

// searchEntries are a language's pages as the search index takes them,
// prepared when they were parsed.
func (pr *Project) searchEntries(lang string) []search.Prepared {
	var out []search.Prepared
	for _, in := range pr.all { // in each language's reading order
		if in.page.Lang == lang {
			out = append(out, in.search)
		}
	}
	return out
}

// useSearchIndexes tells the pages where their language's index is: its
// name carries its hash, known once it is built.
func (pr *Project) useSearchIndexes(r *output.Result) {
	for lang, path := range search.IndexPaths(r.Files, pr.Config.Codes()) {
		pr.Renderer.SetSearchIndex(lang, path)
	}
}

// then runs an output, then fn with its result, before any output that
// needs it starts.
type then struct {
	output.Output
	fn func(*output.Result)
}

func (t then) Run(ctx context.Context, m *output.Model, prior output.Results) (*output.Result, error) {
	r, err := t.Output.Run(ctx, m, prior)
	if err == nil && r != nil {
		t.fn(r)
	}
	return r, err
}

// pages renders the site's pages for the outputs that hold them, from
// the Markdown rendered once per page instance.
type pages struct{ pr *Project }

func (p pages) Page(page *content.Page, v output.Variant) ([]byte, error) {
	in := p.pr.byPage[page]
	if in.bodyErr != nil {
		return nil, in.bodyErr
	}
	html, _, err := p.pr.Renderer.PageVariant(page, in.body, v)
	return html, err
}

func (p pages) Chooser(v output.Variant) ([]byte, error) { return p.pr.Renderer.Chooser(v) }

func (p pages) Body(page *content.Page, t markup.Target) ([]byte, error) {
	in := p.pr.byPage[page]
	if in.bodyErr != nil {
		return nil, in.bodyErr
	}
	t.Blocks = p.pr.Renderer.Blocks(page, &in.body, in.doc.IDs())
	var b bytes.Buffer
	if _, err := in.doc.Render(&b, t); err != nil {
		return nil, fmt.Errorf("%s: %w", page.Source.File, err)
	}
	return b.Bytes(), nil
}

// sitePages is the output of the site's pages, with the downloads every
// other output offers, the language chooser, the theme's files and the
// content's own files (images).
type sitePages struct{ pr *Project }

func (sitePages) Name() string { return "pages" }

func (sitePages) Needs() []string { return append([]string{"search"}, offered...) }

func (s sitePages) Run(ctx context.Context, m *output.Model, prior output.Results) (*output.Result, error) {
	pr := s.pr
	downloads := prior.Downloads(offered...)
	parallel(ctx, pr.all, func(in *instance) {
		t := time.Now()
		pr.renderPage(in, downloads)
		in.dur += time.Since(t)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &output.Result{Files: map[string][]byte{}}
	for _, in := range pr.all {
		if in.err != nil {
			res.Problems.Errorf(in.page.Source.File, 0, "render", "%v", in.err)
			continue
		}
		res.Files[in.page.Out] = in.html
	}
	if b, err := pr.Renderer.Chooser(output.Variant{Downloads: downloads}); err != nil {
		res.Problems.Errorf(web.ThemeDir, 0, "render", "%v", err)
	} else {
		res.Files["index.html"] = b
	}
	for name, b := range m.Assets {
		res.Files[name] = b
	}
	for _, lang := range m.Config.Codes() {
		for _, st := range m.Site.Statics[lang] {
			res.Files[lang+"/"+st.Key] = st.Data
		}
	}
	return res, nil
}

// renderPage renders one page instance for the site, offering downloads;
// its Markdown is rendered already.
func (pr *Project) renderPage(in *instance, downloads []output.Download) {
	if in.bodyErr != nil {
		in.html, in.err = nil, in.bodyErr
		return
	}
	in.html, in.loads, in.err = pr.Renderer.Page(in.page, in.body, downloads)
}

// pageLoads says what each rendered page loads, by its path: the service
// worker precaches a page with what it loads.
func (pr *Project) pageLoads() map[string]web.Loads {
	loads := map[string]web.Loads{"index.html": pr.Renderer.ChooserLoads()}
	for _, lang := range pr.Config.Codes() {
		loads[web.DownloadsPath(pr.Renderer.Strings(lang))] = pr.Renderer.DownloadsLoads(lang)
	}
	for _, in := range pr.all {
		if in.err == nil {
			loads[in.page.Out] = in.loads
		}
	}
	return loads
}
