package build_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
)

// TestFallbackStringsMarked: an interface string missing in Dutch shows in
// French, marked lang="fr" in the page's text so screen readers switch
// voice (WCAG 3.1.2), and plain where markup is not allowed (<title>,
// attributes).
func TestFallbackStringsMarked(t *testing.T) {
	src := fstest.MapFS{}
	for name, data := range map[string]string{
		"site.toml":           "[languages.fr]\nname = \"Français\"\nweight = 1\n[languages.nl]\nname = \"Nederlands\"\nweight = 2\n[outputs]\nbooklets = false\nbundles = false\n",
		"content/fr/index.md": "---\ntitle: Accueil\n---\nBienvenue.\n",
		"content/nl/index.md": "---\ntitle: Start\n---\nWelkom.\n",
		// Dutch strings with site_title and footer_code left out.
		"i18n/nl.toml": dutchWithout(t, "site_title", "footer_code"),
	} {
		src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.BuildFS(context.Background(), src, build.Options{Out: out, Defaults: sobre.Defaults}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "nl", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	fr := frenchString(t, "footer_code")
	if want := `<span lang="fr">` + fr + `</span>`; !strings.Contains(string(page), want) {
		t.Errorf("the French footer_code is not marked: no %q in\n%s", want, page)
	}
	title := regexp.MustCompile(`<title>(.*?)</title>`).FindSubmatch(page)
	if title == nil || strings.Contains(string(title[1]), "<") || !strings.Contains(string(title[1]), frenchString(t, "site_title")) {
		t.Errorf("title %q: want the French site_title, plain", title)
	}
	// The two strings left out, each once: in the header's brand and the footer.
	if n := strings.Count(string(page), `<span lang="fr">`); n != 2 {
		t.Errorf("%d marks of French, want 2: strings that Dutch has are marked too, or the brand is not", n)
	}
	frPage, _ := os.ReadFile(filepath.Join(out, "fr", "index.html"))
	if strings.Contains(string(frPage), `<span lang="fr">`) {
		t.Error("the French page marks its own strings")
	}
}

// dutchWithout is i18n/nl.toml without the top-level keys named.
func dutchWithout(t *testing.T, keys ...string) string {
	data, err := os.ReadFile("../i18n/nl.toml")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		k, _, _ := strings.Cut(line, "=")
		skip := false
		for _, key := range keys {
			skip = skip || strings.TrimSpace(k) == key
		}
		if !skip {
			b.WriteString(line)
		}
	}
	return b.String()
}

// frenchString is a top-level string of i18n/fr.toml, as a page shows it.
func frenchString(t *testing.T, key string) string {
	data, err := os.ReadFile("../i18n/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^` + key + `\s*=\s*"(.*)"$`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no %s in i18n/fr.toml", key)
	}
	return strings.ReplaceAll(string(m[1]), "’", "’")
}
