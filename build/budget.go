package build

import (
	"path"
	"sort"
	"strings"

	"sobre/build/web"
)

// checkWeights weighs the site's pages against the budgets and keeps the
// heaviest for the report. Gzip never makes a page larger than it is, bar
// a few header bytes: a page whose raw HTML fits the budget fits it
// gzipped. Only the largest pages (for the report) and those that might
// be over the budget are compressed, which spares most of the work.
func (pr *Project) checkWeights(res *Output) {
	cfg, out := pr.Config, res.Files
	cssGz := web.GzipSize(pr.Theme.CSS.Data)
	for _, in := range pr.all {
		if in.err == nil {
			res.Heaviest = append(res.Heaviest, PageWeight{Path: in.page.Out, HTML: len(out[in.page.Out]), CSS: cssGz})
		}
	}
	for _, lang := range cfg.Codes() { // the downloads pages, which no content makes
		if p := web.DownloadsPath(pr.Renderer.Strings(lang)); out[p] != nil {
			res.Heaviest = append(res.Heaviest, PageWeight{Path: p, HTML: len(out[p]), CSS: cssGz})
		}
	}
	sort.SliceStable(res.Heaviest, func(i, j int) bool { return res.Heaviest[i].HTML > res.Heaviest[j].HTML })
	for i := range res.Heaviest {
		w := &res.Heaviest[i]
		if i >= 20 && (cfg.Budgets.PageGzip <= 0 || w.HTML+gzipSlack+w.CSS <= cfg.Budgets.PageGzip) {
			res.Heaviest = res.Heaviest[:i] // the rest are under budget for certain
			break
		}
		w.HTML = web.GzipSize(out[w.Path])
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
}

// gzipSlack bounds what gzip's headers add to a page.
const gzipSlack = 64

// checkTransfer adds up what each page loads (its HTML, stylesheet,
// scripts and images, as its render recorded them; not the search index,
// loaded only when used) and checks it against the budget. Each file's own budget is checked by
// content.Load, before anything reads it whole.
func (pr *Project) checkTransfer(out map[string][]byte, res *Output) {
	b := pr.Config.Budgets
	sizes := map[string]int{}
	weigh := func(p string) int {
		if n, ok := sizes[p]; ok {
			return n
		}
		data := out[p]
		n := len(data)
		if !isImage(p) {
			n = web.GzipSize(data)
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
		refs, _ := web.References(p, in.loads)
		for _, f := range refs {
			loads += weigh(f)
		}
		// The raw HTML bounds its gzipped size: measure only when it matters.
		html, ok := measured[p]
		if !ok {
			html = len(out[p])
			if b.PageTotal > 0 && html+loads > b.PageTotal {
				html = web.GzipSize(out[p])
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
