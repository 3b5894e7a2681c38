package build_test

import (
	"archive/zip"
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
)

// TestNoticesOnPaperAndInEbooks: a translation whose source changed since
// it was translated, made with AI help and not reviewed, says both on the
// first page of its chapter in the PDFs and at the top of its EPUB
// chapter, as the web does: people may sign an outdated or unreviewed
// charter from paper.
func TestNoticesOnPaperAndInEbooks(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	src := fstest.MapFS{}
	for name, data := range map[string]string{
		"site.toml":            "[languages.fr]\nname = \"Français\"\nweight = 1\n[languages.nl]\nname = \"Nederlands\"\nweight = 2\n",
		"content/fr/index.md":  "---\ntitle: Accueil\n---\nBienvenue.\n",
		"content/fr/charte.md": "---\ntitle: Charte\n---\nNous nous engageons, aujourd’hui autrement.\n",
		"content/nl/index.md":  "---\ntitle: Start\n---\nWelkom.\n",
		"content/nl/charte.md": "---\ntitle: Charter\nslug: charter\ntranslation:\n  from: fr\n  source: 000000000000\nai:\n  what: translation\n  tool: Een AI-tool\n  review: pending\n---\nWe engageren ons.\n",
	} {
		src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.BuildFS(context.Background(), src, build.Options{Out: out, Defaults: sobre.Defaults}); err != nil {
		t.Fatal(err)
	}
	want := []string{"De oorspronkelijke versie in het Frans is gewijzigd", "Nog niet nagelezen door een mens"}
	for _, pdf := range []string{"nl/print/charter-a4.pdf", toolkitPDF("nl", "a4")} {
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, pdf), "-").Output()
		if err != nil {
			t.Fatalf("%s: %v", pdf, err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: no %q in\n%s", pdf, w, flat)
			}
		}
	}
	zr, err := zip.OpenReader(filepath.Join(out, "downloads/site-nl.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, "charter.xhtml") {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		found = true
		for _, w := range want {
			if !strings.Contains(string(b), w) || !strings.Contains(string(b), `role="note"`) {
				t.Errorf("%s: no note %q in\n%s", f.Name, w, b)
			}
		}
	}
	if !found {
		t.Error("no charter chapter in the Dutch EPUB")
	}
}
