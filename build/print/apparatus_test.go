package print

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sobre/build/markup"
)

// apparatusDoc is a small booklet with a cover, contents and two
// chapters, written to a file for poppler to read back.
func apparatusDoc(t *testing.T, pageOf func(page, pages int) string) (*Document, string) {
	t.Helper()
	d := testDoc(t)
	d.PageOf = pageOf
	d.AddCover(Text{Text: "Boîte à outils"})
	d.AddContents(Text{Text: "Sommaire"})
	for _, c := range []struct{ path, title, short string }{
		{"fr/charte.html", "Charte d’usage responsable", "Charte"},
		{"fr/modules.html", "Les modules de formation", "Modules"},
	} {
		doc := markup.Parse([]byte("Un paragraphe.\n"), markup.Options{Lang: "fr"})
		d.AddChapter(Chapter{File: "content/" + c.path, Title: c.title, Short: c.short, Path: c.path, Doc: doc, Lang: "fr"})
	}
	out, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "booklet.pdf")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return d, file
}

// TestContentsLeaders: each contents entry has dot leaders between its
// title and its page number, drawn as a vector artifact before the
// entry's tagged content, so that the entry reads (and copies) as its
// title then its number with nothing between.
func TestContentsLeaders(t *testing.T) {
	d, file := apparatusDoc(t, nil)
	page := d.drawn.contents[1]
	leader := regexp.MustCompile(`/Artifact << /Type /Layout >> BDC\nq 1 J \S+ w \[0 \S+\] 0 d [^\n]* l S Q\nEMC\n/TOCI <</MCID \d+>> BDC`)
	if n := len(leader.FindAllString(page, -1)); n != 2 {
		t.Errorf("%d leaders before contents entries, want 2:\n%s", n, page)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	text, err := exec.Command("pdftotext", "-f", "2", "-l", "2", "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`Charte d’usage responsable +3\n`, `Les modules de formation +4\n`} {
		if !regexp.MustCompile(want).Match(text) {
			t.Errorf("contents: no line %q in\n%s", want, text)
		}
	}
	if strings.Contains(string(text), "..") {
		t.Errorf("contents: leaders read as text:\n%s", text)
	}
}

// TestFooters: the footer names the chapter (by its short title when it
// has one) and the page, "page x / y" when the document asks; the cover
// has none.
func TestFooters(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	pageOf := func(page, pages int) string { return fmt.Sprintf("page %d / %d", page, pages) }
	for _, c := range []struct {
		pageOf func(page, pages int) string
		want   []string
	}{
		{nil, []string{"", "T · 2", "Charte · 3", "Modules · 4"}},
		{pageOf, []string{"", "T · page 2 / 4", "Charte · page 3 / 4", "Modules · page 4 / 4"}},
	} {
		_, file := apparatusDoc(t, c.pageOf)
		text, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
		if len(pages) != len(c.want) {
			t.Fatalf("%d pages, want %d", len(pages), len(c.want))
		}
		for i, page := range pages {
			lines := strings.Split(strings.TrimSpace(page), "\n")
			// pdftotext -layout may drop the spaces of a short line.
			got, want := strings.ReplaceAll(lines[len(lines)-1], " ", ""), strings.ReplaceAll(c.want[i], " ", "")
			if want == "" && strings.Contains(got, "·") || want != "" && got != want {
				t.Errorf("page %d: footer %q, want %q", i+1, got, c.want[i])
			}
		}
	}
}
