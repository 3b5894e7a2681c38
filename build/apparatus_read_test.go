package build_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"sobre/build/diag"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sobre"
	"sobre/build"
)

// TestPaperApparatus reads the built booklets back: the toolkit's
// footers name chapters by their titles, not by their menu labels; the
// charter's say "page x / y" in its language; the imposed file's title is
// in its language and its pages carry no marked-content ids.
func TestPaperApparatus(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("poppler-utils not installed")
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, "../", out); err != nil {
		t.Fatal(err)
	}
	read := func(args ...string) string {
		t.Helper()
		text, err := exec.Command(args[0], args[1:]...).Output()
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return string(text)
	}
	for _, c := range []struct {
		lang, charter, home, label, pageOf, imposed string
	}{
		{"fr", "charte", "Une IA responsable dans nos ASBL", "Accueil", "page 2 / ", "IA responsable en ASBL (A5, imposé pour l’impression)"},
		{"nl", "charter", "Verantwoorde AI in onze vzw", "Start", "pagina 2 / ", "Verantwoorde AI in de vzw (A5, ingeschoten voor druk)"},
		{"en", "charter", "Responsible AI in our non-profit", "Home", "page 2 / ", "Responsible AI in non-profits (A5, imposed)"},
	} {
		dir := filepath.Join(out, c.lang, "print")
		handout := read("pdftotext", "-layout", "-enc", "UTF-8", filepath.Join(out, toolkitPDF(c.lang, "a4")), "-")
		if !strings.Contains(handout, c.home+" · 3") {
			t.Errorf("%s handout: page 3's footer is not %q", c.lang, c.home+" · 3")
		}
		if regexp.MustCompile(`(?m)^\s*` + c.label + ` · \d+\s*$`).MatchString(handout) {
			t.Errorf("%s handout: a footer says the menu label %q", c.lang, c.label)
		}
		charter := read("pdftotext", "-layout", "-enc", "UTF-8", filepath.Join(dir, c.charter+"-a4.pdf"), "-")
		if !strings.Contains(charter, " · "+c.pageOf) {
			t.Errorf("%s charter: no footer with %q", c.lang, c.pageOf)
		}
		imposed := filepath.Join(out, toolkitPDF(c.lang, "a5-imposed"))
		if !strings.Contains(read("pdfinfo", "-enc", "UTF-8", imposed), "Title:           "+c.imposed+"\n") {
			t.Errorf("%s imposed: title is not %q", c.lang, c.imposed)
		}
		if n := strings.Count(string(inflate(t, imposed)), "/MCID"); n > 0 {
			t.Errorf("%s imposed: %d marked-content ids that no structure tree refers to", c.lang, n)
		}
	}
}

// TestCoverEdition: the toolkit's cover names the organisation, the
// edition's date in the reader's language and the address of the
// language's home page when site.toml and the build know them, and the
// toolkit's other editions: the offline ones only when the site makes
// them.
func TestCoverEdition(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	toml := "base_url = \"https://example.org/ia/\"\n[organisation]\nname = \"ASBL Le Pont\"\n"
	tests := []struct {
		name, toml    string
		want, wantNot []string
	}{
		{"bundles", toml, []string{"ASBL Le Pont", "Édition du 15 mars 2026", "https://example.org/ia/fr\n",
			"en grands caractères.", "La charte existe aussi seule", "livre numérique (EPUB)"}, nil},
		{"no bundles", toml + "[outputs]\nbundles = false\n", []string{"en grands caractères.", "La charte existe aussi seule"}, []string{"EPUB"}},
	}
	for _, tt := range tests {
		src := fstest.MapFS{}
		for name, data := range map[string]string{
			"content/fr/index.md":  "---\ntitle: Accueil\n---\nBienvenue.\n",
			"content/fr/charte.md": "---\ntitle: Charte\n---\nNous nous engageons.\n",
			"site.toml":            tt.toml,
		} {
			src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
		}
		out := filepath.Join(t.TempDir(), "public")
		updated := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
		res, err := build.BuildFS(context.Background(), src, build.Options{Out: out, Defaults: sobre.Defaults, Updated: updated})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Problems {
			if p.Severity != diag.Notice { // the shipped contact's note is expected
				t.Fatal(p)
			}
		}
		text, err := exec.Command("pdftotext", "-l", "1", "-enc", "UTF-8", filepath.Join(out, toolkitPDF("fr", "a4")), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, want := range tt.want {
			if !strings.Contains(string(text), want) && !strings.Contains(flat, want) {
				t.Errorf("%s: cover: no %q in\n%s", tt.name, want, text)
			}
		}
		for _, not := range tt.wantNot {
			if strings.Contains(string(text), not) {
				t.Errorf("%s: cover: %q, which the site does not make, in\n%s", tt.name, not, text)
			}
		}
	}
}
