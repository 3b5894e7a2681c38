package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "content", "fr"), 0o755)
	os.WriteFile(filepath.Join(src, "content", "fr", "index.md"), []byte("---\ntitle: Accueil\n---\nBonjour\n"), 0o644)
	out := filepath.Join(t.TempDir(), "site")

	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-src", src, "-out", out, "-v"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	s := stdout.String()
	for _, want := range []string{"fr      1 page, 0 fallbacks", "nl      1 page, 1 fallback,", "total 3 pages (2 fallbacks)", filepath.Join(out, "fr", "index.html"), "heaviest pages"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}

	os.WriteFile(filepath.Join(src, "content", "fr", "index.md"), []byte("---\ntitle: Accueil\nfoo: bar\n---\n"), 0o644)
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build", "-src", src, "-out", out}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d on bad input, want 1", code)
	}
	if e := stderr.String(); !strings.Contains(e, "content/fr/index.md:3: unknown setting foo") || !strings.Contains(e, "was left as it was") {
		t.Errorf("stderr: %s", e)
	}

	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "extra"}} {
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	stdout.Reset()
	if code := run([]string{"version"}, &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "sobre ") {
		t.Errorf("version: %d %q", code, stdout.String())
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1773532800")
	d, err := sourceDate()
	if err != nil || d.Format("2006-01-02") != "2026-03-15" {
		t.Errorf("got %v %v", d, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if _, err := sourceDate(); err == nil {
		t.Error("a bad SOURCE_DATE_EPOCH must be refused")
	}
}
