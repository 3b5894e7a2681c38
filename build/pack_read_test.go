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

// packPDFs are the materials pack's files in each language: A4, then
// large print.
var packPDFs = map[string][2]string{
	"fr": {"fr/print/materiel-atelier-ia.pdf", "fr/print/materiel-atelier-ia-grands-caracteres.pdf"},
	"nl": {"nl/print/materiaal-workshop-ai.pdf", "nl/print/materiaal-workshop-ai-grote-letters.pdf"},
	"en": {"en/print/ai-workshop-materials.pdf", "en/print/ai-workshop-materials-large-print.pdf"},
}

// packPages are the pack's web pages, whose words the PDFs print.
var packPages = map[string]string{"fr": "fr/materiel.html", "nl": "nl/workshopmateriaal.html", "en": "en/workshop-materials.html"}

// cardLabels are the callout label the web shows on every card, which
// paper says with its dashed border.
var cardLabels = map[string]string{"fr": "Carte à découper", "nl": "Kaart om uit te knippen", "en": "Card to cut out"}

// TestPack builds the repository's content and reads the materials pack
// back in every language and both editions, as TestBooklets and
// TestMeasures read the booklets: valid PDF (pdfcpu, strict), A4, tagged,
// both fonts embedded, everything painted inside marked content; every
// card a Div of the structure; each section (##) at the head of a page,
// with nothing before it; large print never under 16 pt (14 pt in the
// footers); the web page's words all printed. The pack is offered on the
// pages and held in the language's zip, not printed in the handout.
func TestPack(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := doBuild(t, "../", out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		if p.Rule == "print" {
			t.Errorf("print: %s", p)
		}
	}
	for lang, files := range packPDFs {
		src, err := os.ReadFile(filepath.Join("../content", lang, "materiel.md"))
		if err != nil {
			t.Fatal(err)
		}
		cards := bytes.Count(src, []byte("> [!CARD]"))
		sections := regexp.MustCompile(`(?m)^## (.*?) \{#`).FindAllSubmatch(src, -1)
		for k, name := range files {
			file := filepath.Join(out, name)
			checkPackFile(t, file, cards, sections)
			if k == 1 {
				checkLargePrint(t, file)
			}
		}
		checkPackWords(t, out, lang, files[0])
		page, _ := os.ReadFile(filepath.Join(out, packPages[lang]))
		for _, name := range files {
			if !bytes.Contains(page, []byte(filepath.Base(name))) {
				t.Errorf("%s does not offer %s", packPages[lang], name)
			}
		}
		handout, _ := exec.Command("pdftotext", filepath.Join(out, toolkitPDF(lang, "a4")), "-").Output()
		if first := string(sections[0][1]); strings.Contains(string(handout), first) {
			t.Errorf("the %s handout prints the pack (%q)", lang, first)
		}
		zips, _ := filepath.Glob(filepath.Join(out, "downloads", "*-"+lang+".zip"))
		if len(zips) != 1 {
			t.Fatalf("%d zips of %s", len(zips), lang)
		}
		zip, _ := os.ReadFile(zips[0])
		if !bytes.Contains(zip, []byte(files[0])) || !bytes.Contains(zip, []byte(files[1])) {
			t.Errorf("the %s zip does not hold the pack", lang)
		}
	}
}

// checkPackFile checks one edition of the pack: a valid, tagged A4 PDF
// with its fonts, its cards in the structure, each section on a page of
// its own.
func checkPackFile(t *testing.T, file string, cards int, sections [][][]byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(data), conf); err != nil {
		t.Errorf("%s: pdfcpu (strict): %v", file, err)
	}
	info := pdfinfo(t, file)
	if !strings.Contains(info, "595 x 842 pts (A4)") || !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("%s: not a tagged A4 PDF:\n%s", file, info)
	}
	fonts, _ := exec.Command("pdffonts", file).Output()
	if strings.Count(string(fonts), " yes yes yes ") != 2 {
		t.Errorf("%s: both fonts must be embedded, subset, with Unicode maps:\n%s", file, fonts)
	}
	checkMarked(t, file)
	structure, err := exec.Command("pdfinfo", "-struct", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	// A Div per grid of cards (five sets), a Div per card in it.
	if divs := regexp.MustCompile(`(?m)^\s*Div$`).FindAll(structure, -1); len(divs) != cards+5 {
		t.Errorf("%s: %d Div elements, want %d cards in 5 grids", file, len(divs), cards)
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(text), "\f")
	for _, s := range sections {
		heading := string(s[1])
		starts := false
		for _, p := range pages {
			if strings.HasPrefix(normal(strings.TrimSpace(p)), normal(heading)) {
				starts = true
			}
		}
		if !starts {
			t.Errorf("%s: no page starts with the section %q", file, heading)
		}
	}
}

// checkLargePrint checks that the large-print pack paints no glyph under
// 16 pt, nor under 14 pt in its footers.
func checkLargePrint(t *testing.T, file string) {
	t.Helper()
	least := map[string]float64{"text": 16, "figure": 16, "artifact": 14}
	glyphs := 0
	for _, p := range paintedSizes(t, file) {
		glyphs += p.glyphs
		if p.size < least[p.in]-0.001 {
			t.Errorf("%s: glyphs in %s at %.2f pt on page %d, under %g pt", file, p.in, p.size, p.page, least[p.in])
			return
		}
	}
	if glyphs < 3000 {
		t.Errorf("%s: only %d glyphs read: the reading reads nothing", file, glyphs)
	}
}

// checkPackWords checks that the A4 pack prints the words of the pack's
// web page, as the handout does its pages' (TestHandoutHasEveryWord).
func checkPackWords(t *testing.T, out, lang, pdf string) {
	t.Helper()
	text, err := exec.Command("pdftotext", "-layout", filepath.Join(out, pdf), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, words := article(t, filepath.Join(out, packPages[lang]), append([]string{cardLabels[lang]}, webOnly[lang]...))
	found, total, missing := coverage(wordsOf(words), handoutWords(string(text)))
	if total < 500 || float64(found) < 0.99*float64(total) {
		t.Errorf("%s: %d of the web page's %d words printed; missing: %s", pdf, found, total, strings.Join(missing, " "))
	}
}
