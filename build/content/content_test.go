package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"sobre/build/config"
)

func page(title string, extra ...string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n" + strings.Join(extra, "\n") + "\n---\nBody\n")}
}

func TestLoadModel(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/index.md":           page("Accueil", "weight: 1"),
		"content/fr/charte.md":          page("Charte", "weight: 10"),
		"content/fr/modules/index.md":   page("Modules", "weight: 20"),
		"content/fr/modules/b.md":       page("Bêta", "weight: 2"),
		"content/fr/modules/a.md":       page("Alpha", "weight: 2"),
		"content/fr/img/x.png":          &fstest.MapFile{Data: []byte("png")},
		"content/nl/index.md":           page("Start"),
		"content/nl/charte.md":          page("Charter", "slug: charter"),
		"content/en/index.md":           page("Home"),
		"content/en/modules/a.md":       page("Alpha EN"),
		"content/en/modules/only-en.md": page("Only in English"),
	}
	site, probs := Load(fsys, config.Default())
	if probs.HasErrors() {
		t.Fatalf("problems: %v", probs)
	}
	var order []string
	for _, p := range site.Pages["fr"] {
		order = append(order, p.Out)
	}
	want := "fr/index.html fr/charte.html fr/modules/index.html fr/modules/a.html fr/modules/b.html"
	if got := strings.Join(order, " "); got != want {
		t.Errorf("reading order\n got %s\nwant %s", got, want)
	}
	nl := site.ByKey["nl"]
	if p := nl["charte.md"]; p.Out != "nl/charter.html" || p.Fallback {
		t.Errorf("slug: got %s fallback=%v", p.Out, p.Fallback)
	}
	if p := nl["modules/a.md"]; !p.Fallback || p.ContentLang() != "fr" || p.Out != "nl/modules/a.html" {
		t.Errorf("fallback: got %+v", p)
	}
	if _, ok := site.ByKey["fr"]["modules/only-en.md"]; ok {
		t.Error("a page only in English must not fall back into French")
	}
	if got := len(site.Translations(nl["index.md"])); got != 3 {
		t.Errorf("translations of index = %d, want 3", got)
	}
	var statics []string
	for _, s := range site.Statics["nl"] {
		statics = append(statics, s.Key)
	}
	if strings.Join(statics, ",") != "img/x.png" {
		t.Errorf("nl statics = %v, want the French image for fallback pages", statics)
	}
	var crumbs []string
	for _, p := range site.Parents(site.ByKey["fr"]["modules/a.md"]) {
		crumbs = append(crumbs, p.Key)
	}
	if strings.Join(crumbs, ",") != "index.md,modules/index.md" {
		t.Errorf("parents = %v", crumbs)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fs   fstest.MapFS
		file string
		line int
		want string
	}{
		{"unknown language", fstest.MapFS{
			"content/fr/index.md": page("A"),
			"content/de/index.md": page("B"),
		}, "content/de", 0, "unknown language folder \"de\""},
		{"file outside language", fstest.MapFS{
			"content/fr/index.md": page("A"),
			"content/README.md":   page("B"),
		}, "content/README.md", 0, "outside a language folder"},
		{"same output", fstest.MapFS{
			"content/fr/index.md": page("A"),
			"content/fr/a.md":     page("A", "slug: b"),
			"content/fr/b.md":     page("B"),
		}, "content/fr/a.md", 1, "writes fr/b.html, as content/fr/b.md does"},
		{"bad front matter", fstest.MapFS{
			"content/fr/index.md": {Data: []byte("---\ntitle: A\nwieght: 2\n---\n")},
		}, "content/fr/index.md", 3, "unknown setting wieght"},
		{"edition of a missing page", fstest.MapFS{
			"content/fr/index.md":         page("A"),
			"content/fr/charte-facile.md": page("F", "edition: easy-read", "of: charter.md"),
		}, "content/fr/charte-facile.md", 4, "of: charter.md names no page"},
		{"edition of itself", fstest.MapFS{
			"content/fr/index.md": page("A"),
			"content/fr/sub/f.md": page("F", "edition: easy-read", "of: f.md"),
		}, "content/fr/sub/f.md", 4, "is this page itself"},
		{"edition of an edition", fstest.MapFS{
			"content/fr/index.md": page("A"),
			"content/fr/c.md":     page("C"),
			"content/fr/e.md":     page("E", "edition: easy-read", "of: c.md"),
			"content/nl/f.md":     page("F", "of: e.md", "edition: easy-read"),
		}, "content/nl/f.md", 3, "is itself an edition"},
		{"no source pages", fstest.MapFS{
			"content/nl/index.md": page("A"),
		}, "content/fr", 0, "has no pages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, probs := Load(tt.fs, config.Default())
			if site != nil {
				t.Fatal("site accepted")
			}
			for _, p := range probs {
				if strings.Contains(p.Msg, tt.want) {
					if p.File != tt.file || p.Line != tt.line {
						t.Errorf("at %s:%d, want %s:%d", p.File, p.Line, tt.file, tt.line)
					}
					return
				}
			}
			t.Errorf("no problem says %q: %v", tt.want, probs)
		})
	}
}

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"fr/index.html", "fr/charte.html", "charte.html"},
		{"fr/modules/a.html", "fr/charte.html", "../charte.html"},
		{"fr/modules/a.html", "fr/modules/b.html", "b.html"},
		{"fr/charte.html", "nl/charter.html", "../nl/charter.html"},
		{"index.html", "fr/index.html", "fr/index.html"},
		{"fr/a/b/c.html", "assets/style.css", "../../../assets/style.css"},
		{"fr/a/b.html", "fr/c/d.html", "../c/d.html"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.to); got != tt.want {
			t.Errorf("Rel(%s, %s) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestUnportable(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"photo-2026_a.png", ""},
		{"équipe.png", ""},
		{`a\b.png`, "a backslash"},
		{"C:x.png", "a colon"},
		{"a\nb.png", "a control character (U+000A)"},
		{"a\x7fb.png", "a control character (U+007F)"},
	} {
		if got := unportable(c.name); got != c.want {
			t.Errorf("unportable(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestEditions: an edition finds the page it adapts in its own tree, the
// page finds its editions, and a tree without the edition's translation
// links its fallback both ways too.
func TestEditions(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/index.md":         page("A"),
		"content/fr/charte.md":        page("Charte"),
		"content/fr/charte-facile.md": page("Facile", "edition: easy-read", "of: charte.md"),
		"content/nl/charte.md":        page("Charter", "slug: charter"),
	}
	site, probs := Load(fsys, config.Default())
	if site == nil {
		t.Fatal(probs)
	}
	for _, l := range []string{"fr", "nl"} {
		full, easy := site.ByKey[l]["charte.md"], site.ByKey[l]["charte-facile.md"]
		if got := site.Adapted(easy); got != full {
			t.Errorf("%s: Adapted = %v, want the charter", l, got)
		}
		if got := site.Editions(full); len(got) != 1 || got[0] != easy {
			t.Errorf("%s: Editions = %v, want the easy-read page", l, got)
		}
		if site.Adapted(full) != nil || len(site.Editions(easy)) != 0 {
			t.Errorf("%s: links the wrong way", l)
		}
	}
}
