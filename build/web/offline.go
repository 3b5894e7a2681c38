package web

import (
	"compress/gzip"
	"context"
	"io"
	"sync"

	"crypto/sha256"
	"encoding/hex"
	"path"
	"sobre/build/content"
	"sobre/build/output"
	"sort"
	"strings"
)

// precacheBudget bounds what the service worker fetches in the background
// after a reader's first visit, per language, counted as the files weigh
// once gzipped (the way hosts send HTML, CSS and scripts): pages in reading
// order, with what they load, until the next page would pass it. Pages
// beyond it are kept when the reader opens them; PDFs, zips and EPUBs only
// when the reader asks. On Save-Data or a 2G connection nothing is fetched
// in the background at all (see themes/default/sw.js).
const precacheBudget = 120_000

// ServiceWorker is the output of sw.js at the site's root, with, per
// language, the files to fetch after a first visit (within
// precacheBudget), the files a reader may keep on demand (PDFs, zips,
// EPUBs), and a version that changes with any file, so a new build
// replaces the pages kept by the old one. A theme without a worker has
// none.
type ServiceWorker struct {
	Theme *Theme
	// Loads gives what each page loads (see Renderer.Page), by its path,
	// once the pages are rendered.
	Loads func() map[string]Loads
}

// Name is the output's name.
func (ServiceWorker) Name() string { return "sw" }

// Needs every other output: the worker lists and hashes every file.
func (ServiceWorker) Needs() []string { return []string{output.All} }

// Run writes sw.js.
func (w ServiceWorker) Run(_ context.Context, m *output.Model, prior output.Results) (*output.Result, error) {
	sw, err := WorkerFile(w.Theme, m.Site, prior.Files(), w.Loads())
	if err != nil || sw == nil {
		return nil, err
	}
	return &output.Result{Files: map[string][]byte{"sw.js": sw}}, nil
}

// WorkerFile is sw.js for the site's files out (sw.js aside); nil when
// the theme has no worker.
// loads says what each page loads, by its path.
func WorkerFile(t *Theme, site *content.Site, out map[string][]byte, loads map[string]Loads) ([]byte, error) {
	if t.Worker == nil {
		return nil, nil
	}
	names := make([]string, 0, len(out))
	for n := range out {
		if n != "sw.js" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	h := sha256.New()
	var keep []string
	for _, n := range names {
		if isDownload(n) {
			keep = append(keep, n)
			continue
		}
		h.Write([]byte(n))
		h.Write([]byte{0})
		h.Write(out[n])
	}
	files := map[string][]string{}
	for _, l := range site.Config.Languages {
		var pages []string
		known := map[string]bool{NotFoundPath(l.Code): true}
		for _, p := range site.Pages[l.Code] {
			pages = append(pages, p.Out)
			known[p.Out] = true
		}
		// Then the language's pages no content makes (its downloads page):
		// those whose loads the build gives.
		var made []string
		for p := range loads {
			if strings.HasPrefix(p, l.Code+"/") && !known[p] {
				made = append(made, p)
			}
		}
		sort.Strings(made)
		files[l.Code] = precache(out, loads, append(homeFirst(pages), made...), precacheBudget)
	}
	return t.ServiceWorker(hex.EncodeToString(h.Sum(nil))[:16], files, keep)
}

// isDownload reports whether a file is one the reader keeps only on
// request: a booklet, a zip, an e-book.
func isDownload(name string) bool {
	switch path.Ext(name) {
	case ".pdf", ".zip", ".epub":
		return true
	}
	return strings.HasPrefix(name, "downloads/")
}

// homeFirst puts a language's home page (its index.html) before the others,
// which keep their reading order: it is where a reader offline starts.
func homeFirst(pages []string) []string {
	out := make([]string, 0, len(pages))
	for _, p := range pages {
		if strings.Count(p, "/") == 1 && path.Base(p) == "index.html" {
			out = append([]string{p}, out...)
		} else {
			out = append(out, p)
		}
	}
	return out
}

// precache lists the pages to keep after a first visit, each followed by
// the files it loads (stylesheet, scripts, images: loads, by page) not
// listed before, as long as the whole stays within budget (gzipped bytes);
// then the site's root (the language chooser) and the search index, if
// they still fit. The first page is always listed, whatever it weighs.
func precache(out map[string][]byte, loads map[string]Loads, pages []string, budget int) []string {
	var list []string
	seen := map[string]bool{}
	total := 0
	// add lists a page and its files if they fit; lazy files (the search
	// index) are only noted, to come last.
	var lazy []string
	add := func(page string) bool {
		group := []string{page}
		refs, late := References(page, loads[page])
		for _, r := range refs {
			if _, ok := out[r]; ok && !seen[r] {
				group = append(group, r)
			}
		}
		cost := 0
		for _, f := range group {
			cost += GzipSize(out[f])
		}
		if len(list) > 0 && total+cost > budget {
			return false
		}
		total += cost
		for _, f := range group {
			seen[f] = true
			list = append(list, f)
		}
		lazy = append(lazy, late...)
		return true
	}
	for _, p := range pages {
		if _, ok := out[p]; ok && !seen[p] && !add(p) {
			break
		}
	}
	if _, ok := out["index.html"]; ok && !seen["index.html"] && len(list) > 0 {
		add("index.html")
	}
	for _, f := range lazy {
		if _, ok := out[f]; !ok || seen[f] {
			continue
		}
		seen[f] = true
		if n := GzipSize(out[f]); total+n <= budget {
			total += n
			list = append(list, f)
		}
	}
	return list
}

// References returns the files of the site that the page at from loads
// (refs) and the search index it loads only when the reader searches
// (lazy), as paths from the site's root. Links to other pages and to
// downloads are not loaded, so not listed; nor are files elsewhere.
func References(from string, l Loads) (refs, lazy []string) {
	if path.Ext(from) != ".html" {
		return nil, nil
	}
	for _, f := range l.Files {
		if p := siteFile(from, f); p != "" {
			refs = append(refs, p)
		}
	}
	for _, f := range l.Lazy {
		if p := siteFile(from, f); p != "" {
			lazy = append(lazy, p)
		}
	}
	return refs, lazy
}

// siteFile is the path from the site's root of the file ref names in the
// page at from, or "" for another host, a page or a download.
func siteFile(from, ref string) string {
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if ref == "" || strings.Contains(ref, ":") || strings.HasPrefix(ref, "/") {
		return ""
	}
	p := path.Join(path.Dir(from), ref)
	if strings.HasPrefix(p, "../") || p == ".." || path.Ext(p) == ".html" || isDownload(p) {
		return ""
	}
	return p
}

var gzPool = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// GzipSize is the size a host sends with gzip's default level: static
// hosts that precompress harder only make pages lighter than reported.
func GzipSize(b []byte) int {
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
