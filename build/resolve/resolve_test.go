package resolve

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/markup"
)

func TestLinks(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/index.md":         {Data: []byte("---\ntitle: A\n---\n## Intro {#intro}\n")},
		"content/fr/charte.md":        {Data: []byte("---\ntitle: C\n---\n## Environnement {#environnement}\n")},
		"content/fr/modules/index.md": {Data: []byte("---\ntitle: M\n---\n")},
		"content/fr/modules/a.md":     {Data: []byte("---\ntitle: MA\n---\n## Objectifs\n")},
		"content/fr/docs/fiche.pdf":   {Data: []byte("%PDF")},
		"content/nl/charte.md":        {Data: []byte("---\ntitle: C\nslug: charter\n---\n## Milieu {#environnement}\n")},
	}
	site, probs := content.Load(fsys, config.Default())
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	tests := []struct {
		lang, from, dest string
		want             string // rewritten destination, or "!" + part of the error
	}{
		{"fr", "index.md", "charte.md", "charte.html"},
		{"fr", "index.md", "charte.md#environnement", "charte.html#environnement"},
		{"nl", "index.md", "charte.md#environnement", "charter.html#environnement"}, // slug of the nl tree
		{"nl", "modules/a.md", "../charte.md", "../charter.html"},                   // from a fallback page
		{"fr", "modules/a.md", "../index.md#intro", "../index.html#intro"},
		{"fr", "modules/a.md", "index.md", "index.html"},
		{"fr", "index.md", "modules/a.md#objectifs", "modules/a.html#objectifs"},
		{"fr", "index.md", "#intro", "#intro"},
		{"fr", "index.md", "docs/fiche.pdf", "docs/fiche.pdf"},
		{"nl", "index.md", "docs/fiche.pdf", "docs/fiche.pdf"}, // the source's files serve every tree
		{"fr", "index.md", "https://example.org/a", "https://example.org/a"},
		{"fr", "index.md", "mailto:info@example.org", "mailto:info@example.org"},
		{"fr", "index.md", "charte.md#nope", "!has no heading with id nope"},
		{"fr", "index.md", "#nope", "!no heading of this page has that id"},
		{"fr", "index.md", "absent.md", "!content/fr/absent.md does not exist"},
		{"fr", "index.md", "/fr/charte.md", "!starts at the root"},
		{"fr", "index.md", "//cdn.example.org/x.js", "!has no scheme"},
		{"fr", "index.md", "../nl/charte.md", "!leaves the language folder"},
		{"fr", "index.md", "charte.html", "!link to the Markdown file (charte.md)"},
		{"fr", "index.md", "javascript:alert(1)", "!is not allowed"},
		{"fr", "index.md", "docs/absent.pdf", "!does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+":"+tt.from+"->"+tt.dest, func(t *testing.T) {
			docs := map[*content.Page]*markup.Doc{}
			for _, l := range site.Config.Codes() {
				for _, p := range site.Pages[l] {
					docs[p] = markup.Parse(p.Source.Body, markup.Options{Lang: p.Source.Lang, File: p.Source.File})
				}
			}
			p := site.ByKey[tt.lang][tt.from]
			body := string(p.Source.Body) + "\n[x](" + tt.dest + ")\n"
			docs[p] = markup.Parse([]byte(body), markup.Options{Lang: tt.lang, File: p.Source.File})
			probs := Links(site, docs)
			if strings.HasPrefix(tt.want, "!") {
				if len(probs) != 1 || !strings.Contains(probs[0].Msg, tt.want[1:]) {
					t.Fatalf("want one error with %q, got %v", tt.want[1:], probs)
				}
				return
			}
			if len(probs) > 0 {
				t.Fatalf("unexpected: %v", probs)
			}
			if got := string(docs[p].Links[0].Node.Destination); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSize(t *testing.T) {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 64, 32)))
	tests := []struct {
		name string
		data string
		w, h int
		ok   bool
	}{
		{"png header", buf.String(), 64, 32, true},
		{"svg attributes", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 1280 720">`, 640, 360, true},
		{"svg viewBox", `<svg viewBox="0 0 640.4 200" xmlns="http://www.w3.org/2000/svg"><rect/></svg>`, 640, 200, true},
		{"svg percent", `<svg width="100%" height="100%"><rect/></svg>`, 0, 0, false},
		{"svg percent, viewBox", `<svg width="100%" height="100%" viewBox="0,0,300,150.5"/>`, 300, 151, true},
		{"svg single quotes, px", `<!-- <svg width="1" height="1"> --><svg width='64px' height='48.4px'/>`, 64, 48, true},
		{"svg other root", `<html><svg width="64" height="48"/></html>`, 0, 0, false},
		{"not an image", "%PDF-1.7", 0, 0, false},
	}
	for _, tt := range tests {
		w, h, ok := Size([]byte(tt.data))
		if w != tt.w || h != tt.h || ok != tt.ok {
			t.Errorf("%s: got %d×%d %v, want %d×%d %v", tt.name, w, h, ok, tt.w, tt.h, tt.ok)
		}
	}
}
