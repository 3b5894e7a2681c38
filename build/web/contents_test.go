package web_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/web"
)

// h2s is a Markdown body with one h2 per title, each with a line of text.
func h2s(titles ...string) string {
	var b strings.Builder
	for _, t := range titles {
		fmt.Fprintf(&b, "## %s\n\nTexte.\n\n", t)
	}
	return b.String()
}

// TestContents checks which pages get an "On this page" list, what it
// links to, when a phone folds it, and the glossary's letters.
func TestContents(t *testing.T) {
	cases := []struct {
		name, key, body string
		want            []string // the links' targets; nil: no contents
		long            bool
		letters         string // the glossary's entries under their letters, in order
	}{
		{name: "three h2: none", key: "page.md", body: h2s("Un", "Deux", "Trois")},
		{name: "four h2: a link to each", key: "page.md", body: h2s("Un", "Deux", "Trois", "Quatre"),
			want: []string{"#un", "#deux", "#trois", "#quatre"}},
		{name: "h3 are not listed", key: "page.md", body: h2s("Un", "Deux", "Trois") + "### Sous\n\nTexte.\n\n## Quatre {#q4}\n",
			want: []string{"#un", "#deux", "#trois", "#q4"}},
		{name: "six h2: open on a phone", key: "page.md", body: h2s("A", "B", "C", "D", "E", "F"),
			want: []string{"#a", "#b", "#c", "#d", "#e", "#f"}},
		{name: "seven h2: folded on a phone", key: "page.md", body: h2s("A", "B", "C", "D", "E", "F", "G"),
			want: []string{"#a", "#b", "#c", "#d", "#e", "#f", "#g"}, long: true},
		{name: "glossary: letters in collation order", key: "glossaire.md", body: h2s("Biais", "Algorithme", "Éthique", "Apprentissage"),
			want: []string{"#biais", "#algorithme", "#ethique", "#apprentissage"}, letters: "A:Algorithme A:Apprentissage B:Biais E:Éthique"},
		{name: "A–Z page: its own letter bar", key: "index-a-z.md", body: h2s("Un", "Deux", "Trois", "Quatre") + "{{a-z}}\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/fr/index.md":     {Data: []byte("---\ntitle: Accueil\n---\nBienvenue.\n")},
				"content/fr/" + c.key:     {Data: []byte("---\ntitle: Page\n---\n" + c.body)},
				"content/fr/index-a-z.md": {Data: []byte("---\ntitle: A–Z\n---\n{{a-z}}\n")},
			}
			if c.key == "index-a-z.md" {
				fsys["content/fr/index-a-z.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A–Z\n---\n" + c.body)}
			}
			cfg := config.Default()
			cfg.Languages = cfg.Languages[:1]
			site, probs := content.Load(fsys, cfg)
			if probs.HasErrors() {
				t.Fatal(probs)
			}
			cat, _ := i18n.Load(sobre.Defaults, cfg.Codes(), "fr")
			theme, probs := web.LoadTheme(sobre.Defaults, nil)
			if probs.HasErrors() {
				t.Fatal(probs)
			}
			r, err := web.NewRenderer(theme, site, cat, web.Options{})
			if err != nil {
				t.Fatal(err)
			}
			docs := map[*content.Page]*markup.Doc{}
			for _, p := range site.Pages["fr"] {
				docs[p] = markup.Parse(p.Source.Body, markup.Options{Lang: "fr", File: p.Source.File})
			}
			b, err := r.RenderBody(site.ByKey["fr"][c.key], docs)
			if err != nil {
				t.Fatal(err)
			}
			if c.want == nil {
				if b.Contents != nil {
					t.Fatalf("contents %+v, want none", b.Contents)
				}
				return
			}
			if b.Contents == nil {
				t.Fatalf("no contents, want links to %v", c.want)
			}
			var got []string
			for _, l := range b.Contents.Links {
				got = append(got, l.Href)
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("links %v, want %v", got, c.want)
			}
			if b.Contents.Long() != c.long {
				t.Errorf("Long() = %v, want %v", b.Contents.Long(), c.long)
			}
			var letters []string
			for _, g := range b.Contents.Letters {
				for _, e := range g.Entries {
					letters = append(letters, g.Letter+":"+e.Title)
				}
			}
			if strings.Join(letters, " ") != c.letters {
				t.Errorf("letters %q, want %q", strings.Join(letters, " "), c.letters)
			}
		})
	}
}
