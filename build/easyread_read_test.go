package build_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// TestEasyReadEdition builds testdata/easyread, a site whose charter has
// an easy-to-read edition, and reads its booklets and pages back: each
// language's booklet is a valid, tagged A4 PDF with no glyph under 16 pt
// and no inserted hyphen, each sentence on its line, the pictures as
// figures, and the block to sign filled from site.toml; the pages link
// the two editions both ways.
func TestEasyReadEdition(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := doBuild(t, "testdata/easyread", out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		if p.Rule == "print" || strings.HasPrefix(p.Rule, "easy-") {
			t.Errorf("%s", p)
		}
	}
	for _, tt := range []struct {
		lang, file, sign, line string
	}{
		{"fr", "fr/print/charte-ia-facile-a-lire.pdf", "Nous signons", "Nous posons des questions courtes et claires."},
		{"nl", "nl/print/charter-ai-makkelijk-lezen.pdf", "Wij ondertekenen", "Nous posons des questions courtes et claires."}, // nl falls back to fr
		{"en", "en/print/ai-charter-easy-read.pdf", "We sign", "We ask short and clear questions."},
	} {
		file := filepath.Join(out, tt.file)
		data, err := os.ReadFile(file)
		if err != nil {
			t.Error(err)
			continue
		}
		conf := model.NewDefaultConfiguration()
		conf.ValidationMode = model.ValidationStrict
		if err := api.Validate(bytes.NewReader(data), conf); err != nil {
			t.Errorf("%s: pdfcpu (strict): %v", tt.file, err)
		}
		info := pdfinfo(t, file)
		if !strings.Contains(info, "Tagged:          yes") || !strings.Contains(info, "595 x 842 pts (A4)") {
			t.Errorf("%s: not a tagged A4:\n%s", tt.file, info)
		}
		glyphs := 0
		for _, p := range paintedSizes(t, file) {
			glyphs += p.glyphs
			if p.size < 16-0.001 {
				t.Errorf("%s: %s at %.2f pt on page %d, under 16 pt", tt.file, p.in, p.size, p.page)
			}
		}
		if glyphs < 300 {
			t.Errorf("%s: only %d glyphs read", tt.file, glyphs)
		}
		text, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(text), "\n")
		for _, l := range lines {
			if regexp.MustCompile(`\p{L}[-‐]\s*$`).MatchString(l) {
				t.Errorf("%s: a line ends with an inserted hyphen: %q", tt.file, l)
			}
		}
		for _, want := range []string{tt.sign, "Les Amis du Quartier", tt.line} {
			found := false
			for _, l := range lines {
				found = found || strings.TrimSpace(l) == want || want != tt.line && strings.Contains(l, want)
			}
			if !found {
				t.Errorf("%s: no line %q in\n%s", tt.file, want, text)
			}
		}
		structure, _ := exec.Command("pdfinfo", "-struct", file).Output()
		if n := strings.Count(string(structure), "Figure"); n != 2 {
			t.Errorf("%s: %d figures tagged, want the 2 pictures", tt.file, n)
		}
	}
	page := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	easy, full := page("en/charter-easy-read.html"), page("en/charter.html")
	for _, want := range []string{`data-edition="easy-read"`, `href="charter.html"`, "Read the full text: Charter", "<br>", "ai-charter-easy-read.pdf"} {
		if !strings.Contains(easy, want) {
			t.Errorf("en/charter-easy-read.html lacks %q", want)
		}
	}
	if !strings.Contains(full, `href="charter-easy-read.html"`) || !strings.Contains(full, "Read this page in easy read") {
		t.Error("en/charter.html does not link its easy-read edition")
	}
}
