package web_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sobre"
	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/web"
)

var hashRe = regexp.MustCompile(`\.[0-9a-f]{10}\.`)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.html")

// The golden pages are the rendered HTML, re-indented one tag per line so
// that a change to the theme or the model reads as a small diff.
func TestGoldenPages(t *testing.T) {
	fsys := fstest.MapFS{
		"content/fr/index.md":          {Data: []byte("---\ntitle: Accueil\nweight: 1\n---\nBienvenue.\n")},
		"content/fr/charte.md":         {Data: []byte("---\ntitle: Charte\nweight: 2\ncredit: charter\n---\n## Environnement {#environnement}\n\n- (Avancé) Mesurer.\n\nNotre ASBL {{organisation}} s’engage.\n")},
		"content/fr/modules/index.md":  {Data: []byte("---\ntitle: Modules\nweight: 3\n---\nListe.\n")},
		"content/fr/modules/climat.md": {Data: []byte("---\ntitle: Climat\n---\nTexte.\n")},
		"content/nl/index.md":          {Data: []byte("---\ntitle: Start\nai:\n  what: translation\n  tool: Claude (Anthropic)\n  review: pending\n---\nWelkom.\n")},
		"content/nl/charte.md":         {Data: []byte("---\ntitle: Charter\nslug: charter\ncredit: charter\nai:\n  what: translation\n  tool: Claude (Anthropic)\n  review: reviewed\n  reviewer: An Peeters\n---\n## Milieu {#environnement}\n\n- (Gevorderd) Meten.\n")},
	}
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/ia/"
	cfg.Contact = "mailto:info@example.org"
	cfg.Credits = map[string]config.Credit{"charter": {Work: "Charte", Author: "pwablo.be", URL: "https://pwablo.be/", License: "CC BY 4.0",
		LicenseURL: "https://creativecommons.org/licenses/by/4.0/", Lang: "fr", Context: map[string]string{"nl": "voor BeEducation"}}}
	site, probs := content.Load(fsys, cfg)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	cat, _ := i18n.Load(sobre.Defaults, cfg.Codes(), "fr")
	theme, probs := web.LoadTheme(sobre.Defaults, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	r, err := web.NewRenderer(theme, site, cat, web.Options{Updated: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ golden, lang, key string }{
		{"charte-fr", "fr", "charte.md"},
		{"charter-nl", "nl", "charte.md"},
		{"fallback-nl", "nl", "modules/climat.md"},
	}
	for _, c := range cases {
		p := site.ByKey[c.lang][c.key]
		d := markup.Parse(p.Source.Body, markup.Options{Lang: p.Source.Lang, File: p.Source.File})
		var body bytes.Buffer
		d.Render(&body)
		got, err := r.Page(p, web.Body{HTML: body.Bytes(), Words: 42, Tasks: d.Tasks}, nil)
		if err != nil {
			t.Fatal(err)
		}
		check(t, c.golden, got)
	}
	chooser, err := r.Chooser(web.Variant{})
	if err != nil {
		t.Fatal(err)
	}
	check(t, "chooser", chooser)
}

func check(t *testing.T, name string, got []byte) {
	t.Helper()
	// Asset names carry a content hash; any theme edit would churn every golden.
	pretty := hashRe.ReplaceAllString(strings.ReplaceAll(string(got), "><", ">\n<")+"\n", ".HASH.")
	file := filepath.Join("testdata", name+".golden.html")
	if *update {
		os.WriteFile(file, []byte(pretty), 0o644)
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if pretty != string(want) {
		t.Errorf("%s differs from %s (run go test ./build/web -update and review the diff):\n%s", name, file, firstDiff(pretty, string(want)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n got: " + al[i] + "\nwant: " + bl[i]
		}
	}
	return "lengths differ"
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}
