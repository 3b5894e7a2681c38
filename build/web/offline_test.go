package web

import (
	"math/rand"
	"reflect"
	"testing"
)

func TestReferences(t *testing.T) {
	loads := Loads{
		Files: []string{"../assets/style.1.css", "../assets/search.2.js", "img/a.svg", "img/b%20c.svg?v=1#x",
			"data:image/png;base64,AA", "https://example.org/x.png", "/abs.png", "../../outside.png",
			"print/charte-a4.pdf", "../downloads/site.zip", "../nl/charter.html", "../assets/a&b.js"},
		Lazy: []string{"../assets/search-fr.3.js"},
	}
	tests := []struct {
		from string
		refs []string
		lazy string
	}{
		{"fr/x.html", []string{"assets/style.1.css", "assets/search.2.js", "fr/img/a.svg", "fr/img/b%20c.svg", "assets/a&b.js"}, "assets/search-fr.3.js"},
		{"fr/modules/x.html", []string{"fr/assets/style.1.css", "fr/assets/search.2.js", "fr/modules/img/a.svg", "fr/modules/img/b%20c.svg", "outside.png", "fr/assets/a&b.js"}, "fr/assets/search-fr.3.js"},
	}
	for _, tc := range tests {
		refs, lazy := References(tc.from, loads)
		if !reflect.DeepEqual(refs, tc.refs) {
			t.Errorf("%s: refs = %q\nwant %q", tc.from, refs, tc.refs)
		}
		if !reflect.DeepEqual(lazy, []string{tc.lazy}) {
			t.Errorf("%s: lazy = %q, want %q", tc.from, lazy, tc.lazy)
		}
	}
	if r, l := References("fr/print/a.pdf", loads); r != nil || l != nil {
		t.Errorf("a PDF has references: %q %q", r, l)
	}
}

// incompressible returns n bytes gzip cannot shrink, so sizes are known.
func incompressible(n int) []byte {
	b := make([]byte, n)
	rand.New(rand.NewSource(int64(n))).Read(b)
	return b
}

// TestPrecache weighs the pages' bytes; what each loads is in loads.
func TestPrecache(t *testing.T) {
	page := func(extra string) []byte {
		return []byte(`<link rel="stylesheet" href="../assets/s.css"><form data-index="../assets/ix.js"></form>` + extra)
	}
	out := map[string][]byte{
		"index.html":     []byte(`<script src="assets/chooser.js"></script>`),
		"assets/s.css":   incompressible(1000),
		"assets/ix.js":   incompressible(3000),
		"assets/ch.js":   incompressible(500),
		"fr/index.html":  page(""),
		"fr/a.html":      append(page(`<img src="img/big.svg">`), incompressible(2000)...),
		"fr/b.html":      page(`<script src="../assets/ch.js"></script>`),
		"fr/img/big.svg": incompressible(5000),
		"fr/print/x.pdf": incompressible(9000),
	}
	style, index := "../assets/s.css", []string{"../assets/ix.js"}
	loads := map[string]Loads{
		"index.html":    {Files: []string{"assets/chooser.js"}},
		"fr/index.html": {Files: []string{style}, Lazy: index},
		"fr/a.html":     {Files: []string{style, "img/big.svg"}, Lazy: index},
		"fr/b.html":     {Files: []string{style, "../assets/ch.js"}, Lazy: index},
	}
	pages := []string{"fr/index.html", "fr/a.html", "fr/b.html"}
	tests := []struct {
		name   string
		budget int
		want   []string
	}{
		{"everything fits", 100_000, []string{"fr/index.html", "assets/s.css", "fr/a.html", "fr/img/big.svg", "fr/b.html", "assets/ch.js", "index.html", "assets/ix.js"}},
		{"no room for the index", 11_000, []string{"fr/index.html", "assets/s.css", "fr/a.html", "fr/img/big.svg", "fr/b.html", "assets/ch.js", "index.html"}},
		// The next page does not fit: the list stops there, in reading order.
		{"stops at the first page too heavy", 5_000, []string{"fr/index.html", "assets/s.css", "index.html", "assets/ix.js"}},
		{"the first page always", 10, []string{"fr/index.html", "assets/s.css"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := precache(out, loads, pages, tc.budget)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("precache = %q\nwant %q", got, tc.want)
			}
			total := 0
			for _, f := range got {
				total += GzipSize(out[f])
			}
			if len(got) > 2 && total > tc.budget {
				t.Errorf("%d bytes listed, over the budget of %d", total, tc.budget)
			}
		})
	}
}

func TestHomeFirst(t *testing.T) {
	got := homeFirst([]string{"fr/a.html", "fr/modules/index.html", "fr/index.html", "fr/b.html"})
	want := []string{"fr/index.html", "fr/a.html", "fr/modules/index.html", "fr/b.html"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("homeFirst = %q, want %q", got, want)
	}
}

func TestIsDownload(t *testing.T) {
	for name, want := range map[string]bool{
		"fr/print/charte-a4.pdf":  true,
		"downloads/site.zip":      true,
		"downloads/site-fr.epub":  true,
		"downloads/readme.txt":    true,
		"fr/charte.html":          false,
		"assets/search-fr.1.js":   false,
		"fr/img/engagements.svg":  false,
		"fr/docs/modele-pdf.html": false,
	} {
		if got := isDownload(name); got != want {
			t.Errorf("isDownload(%q) = %v, want %v", name, got, want)
		}
	}
}
