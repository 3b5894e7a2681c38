package corpus_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
	"sobre/build/diag"
)

// tree reads every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := corpus.Write(d, 30, 42); err != nil {
			t.Fatal(err)
		}
	}
	if err := corpus.Write(c, 30, 43); err != nil {
		t.Fatal(err)
	}
	ta, tb, tc := tree(t, a), tree(t, b), tree(t, c)
	if len(ta) != len(tb) {
		t.Fatalf("two runs wrote %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two runs with the same arguments", name)
		}
	}
	if bytes.Equal(ta["content/fr/index.md"], tc["content/fr/index.md"]) {
		t.Error("another seed gave the same home page")
	}

	// 30 fr pages; the 10th and 20th regular pages are not translated.
	count := map[string]int{}
	for name := range ta {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".md") {
			count[strings.Split(name, "/")[1]]++
		}
	}
	if count["fr"] != 30 || count["nl"] != 28 || count["en"] != 28 {
		t.Errorf("pages per language = %v, want fr 30, nl 28, en 28", count)
	}
	if _, ok := ta["content/nl/img/figure-1.png"]; !ok {
		t.Error("no content/nl/img/figure-1.png")
	}
	for name, data := range ta {
		if !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, "index.md") {
			continue
		}
		words := len(bytes.Fields(data))
		if words < 600 || words > 900 {
			t.Errorf("%s has %d words, want about 700", name, words)
		}
	}
}

func TestBuild(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Write(src, 20, 1); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{Src: src, Out: out, Defaults: sobre.Defaults})
	if res != nil {
		// Errors fail; warnings (lint rules evolve) are shown, so that a
		// corpus drifting away from clean plain-language pages is noticed.
		for _, p := range res.Problems {
			if p.Severity == diag.Error {
				t.Error(p)
			} else {
				t.Log(p)
			}
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	pages, fallbacks := 0, 0
	for _, l := range res.Langs {
		pages += l.Pages
		fallbacks += l.Fallbacks
	}
	if pages != 60 || fallbacks != 2 {
		t.Errorf("built %d pages with %d fallbacks, want 60 with 2", pages, fallbacks)
	}
	for _, f := range []string{"fr/index.html", "nl/modules/index.html", "en/img/figure-2.png", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Error(err)
		}
	}
}
