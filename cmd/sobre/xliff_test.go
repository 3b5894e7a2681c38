package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sobre/build/status"
)

// TestXliffRoundTrip exports the outdated Dutch page of statusSite,
// translates its changed units as a tool would, imports, builds, and
// reads the status; a second import changes nothing.
func TestXliffRoundTrip(t *testing.T) {
	dir := statusSite(t)
	xlf := filepath.Join(t.TempDir(), "nl.xlf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"xliff", "export", "-src", dir, "-lang", "nl", "-o", xlf}, &stdout, &stderr); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	data, _ := os.ReadFile(xlf)
	doc := string(data)
	// The rewritten paragraph and the changed item of b.md, translated
	// and marked done, as a translation tool writes them.
	for _, r := range [][2]string{
		{"<source>Deuxième paragraphe, réécrit.</source>\n    <target>Deuxième paragraphe.</target>", "<source>Deuxième paragraphe, réécrit.</source>\n    <target>Tweede alinea, herschreven.</target>"},
		{"<source>deux, modifié</source>\n    <target>deux</target>", "<source>deux, modifié</source>\n    <target>twee, gewijzigd</target>"},
	} {
		if !strings.Contains(doc, r[0]) {
			t.Fatalf("the export lacks %q:\n%s", r[0], doc)
		}
		doc = strings.Replace(doc, r[0], r[1], 1)
	}
	doc = strings.ReplaceAll(doc, `state="initial" subState="sobre:outdated"`, `state="translated"`)
	os.WriteFile(xlf, []byte(doc), 0o644)
	stdout.Reset()
	if code := run([]string{"xliff", "import", "-src", dir, xlf}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "content/nl/b.md: 2 unit(s) updated, stamped") {
		t.Errorf("import said:\n%s", stdout.String())
	}
	b, _ := os.ReadFile(filepath.Join(dir, "content/nl/b.md"))
	if !strings.HasSuffix(string(b), "---\nPremier paragraphe.\n\nTweede alinea, herschreven.\n\n- un\n- twee, gewijzigd\n") {
		t.Errorf("b.md:\n%s", b)
	}
	if code := run([]string{"build", "-src", dir, "-out", filepath.Join(t.TempDir(), "public")}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	stdout.Reset()
	cmdStatus(context.Background(), []string{"-src", dir, "-json"}, &stdout, &stderr)
	var rep status.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Languages[0].Pages {
		if p.Key == "b.md" && p.State != "up-to-date" {
			t.Errorf("b.md is %s after the import: %+v", p.State, p)
		}
	}
	stdout.Reset()
	if code := run([]string{"xliff", "import", "-src", dir, xlf}, &stdout, &stderr); code != 0 || !strings.HasPrefix(stdout.String(), "nothing to change") {
		t.Errorf("second import: exit %d: %s%s", code, stdout.String(), stderr.String())
	}
}

func TestXliffImportBadFile(t *testing.T) {
	dir := statusSite(t)
	xlf := filepath.Join(t.TempDir(), "nl.xlf")
	os.WriteFile(xlf, []byte("<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fr\" trgLang=\"nl\">\n <file id=\"f1\">\n  <unit id=\"u1\">\n"), 0o644)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"xliff", "import", "-src", dir, xlf}, &stdout, &stderr); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if want := xlf + ":5:1: xliff: "; !strings.HasPrefix(stderr.String(), want) || !strings.Contains(stderr.String(), "nothing was written") {
		t.Errorf("stderr %q, want it to start with %q", stderr.String(), want)
	}
}
