package build

import (
	"path"
	"strings"
)

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
		refs, _ := references(p, in.loads)
		for _, f := range refs {
			loads += weigh(f)
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
