package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
	"sobre/build/output"
)

// words is a trivial output: words.txt, the number of words of each
// language's pages. It shows that an output of one's own is one type and
// one registration line, and that it runs with the others.
type words struct{}

func (words) Name() string    { return "words" }
func (words) Needs() []string { return nil }

func (words) Run(_ context.Context, m *output.Model, _ output.Results) (*output.Result, error) {
	var b strings.Builder
	for _, lang := range m.Config.Codes() {
		n := 0
		for _, p := range m.Site.Pages[lang] {
			if !p.Fallback {
				n += len(strings.Fields(string(p.Source.Body)))
			}
		}
		fmt.Fprintf(&b, "%s %d\n", lang, n)
	}
	return &output.Result{Files: map[string][]byte{"words.txt": []byte(b.String())}}, nil
}

func TestOwnOutput(t *testing.T) {
	src := fstest.MapFS{
		"site.toml":           {Data: []byte("default_language = \"fr\"\n\n[languages.fr]\nname = \"Français\"\nweight = 1\n\n[languages.en]\nname = \"English\"\nweight = 2\n\n[outputs]\nbooklets = false\nbundles = false\n")},
		"content/fr/index.md": {Data: []byte("---\ntitle: Accueil\n---\n\nUn deux trois quatre.\n")},
		"content/en/index.md": {Data: []byte("---\ntitle: Home\n---\n\nOne two.\n")},
	}
	out := filepath.Join(t.TempDir(), "public")
	_, err := build.BuildFS(context.Background(), src, build.Options{Out: out, Defaults: sobre.Defaults,
		Outputs: []output.Output{words{}}, // the registration
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "words.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "fr 4\nen 2\n"; string(got) != want {
		t.Errorf("words.txt = %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "fr", "index.html")); err != nil {
		t.Errorf("the site's pages are gone: %v", err)
	}
}
