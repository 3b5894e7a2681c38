package xliff

import (
	"os"
	"strings"
	"testing"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/terms"
)

// repo loads the repository's own site.
func repo(t testing.TB, dir string) (*content.Site, *terms.List) {
	t.Helper()
	fsys := os.DirFS(dir)
	cfg, probs := config.Load(fsys)
	if cfg == nil {
		t.Fatal(probs.Err())
	}
	s, probs := content.Load(fsys, cfg)
	if s == nil {
		t.Fatal(probs.Err())
	}
	g, err := terms.Load(fsys, cfg.DefaultLanguage)
	if err != nil {
		t.Fatal(err)
	}
	return s, g
}

func TestExportRepo(t *testing.T) {
	s, g := repo(t, "../..")
	for _, lang := range []string{"nl", "en"} {
		doc, err := Export(s, os.DirFS("../.."), lang, g)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		doc.Write(&b)
		if os.Getenv("XLIFF_OUT") != "" {
			os.WriteFile(os.Getenv("XLIFF_OUT")+"-"+lang+".xlf", []byte(b.String()), 0o644)
		}
		back, err := Parse("x.xlf", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		if len(back.Files) != len(doc.Files) {
			t.Fatalf("%s: %d files back, want %d", lang, len(back.Files), len(doc.Files))
		}
	}
}
