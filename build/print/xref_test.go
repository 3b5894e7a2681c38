package print

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/markup"
	"sobre/build/pdf"
)

// refBooklet is an A5 booklet of chapters (path, Markdown), with a
// contents and page references, made into a PDF.
func refBooklet(t *testing.T, chapters ...[2]string) (*Document, []byte) {
	t.Helper()
	load := func(name string) *pdf.Font {
		data, err := fs.ReadFile(sobre.Defaults, "themes/default/fonts/"+name+".ttf")
		if err != nil {
			t.Fatal(err)
		}
		f, err := font.Parse(data, name)
		if err != nil {
			t.Fatal(err)
		}
		return pdf.NewFont(f)
	}
	d := &Document{Title: "Essai", Lang: "fr", Format: A5, Footer: "Essai",
		Fonts: Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")},
		PageRef: func(page int, within bool) string {
			if within {
				return fmt.Sprintf(", p.\u00a0%d", page)
			}
			return fmt.Sprintf(" (p.\u00a0%d)", page)
		}}
	d.AddCover(Text{Text: "Essai"})
	d.AddContents(Text{Text: "Sommaire"})
	for i, c := range chapters {
		doc := markup.Parse([]byte(c[1]), markup.Options{Lang: "fr"})
		d.AddChapter(Chapter{File: "content/" + c[0], Title: fmt.Sprintf("Chapitre %d", i+1), Path: c[0], Doc: doc, Lang: "fr"})
	}
	data, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	return d, data
}

// pageOfHeading is the page (from 1) where the heading with anchor id is
// laid out, found in the layout itself.
func pageOfHeading(t *testing.T, d *Document, id string) int {
	t.Helper()
	for pi, lines := range d.pages {
		for _, pl := range lines {
			if d.blocks[pl.block].id == id {
				return pi + 1
			}
		}
	}
	t.Fatalf("no heading #%s laid out", id)
	return 0
}

// TestPageRefs checks that a link to a later heading or chapter of the
// booklet prints the page it lands on, as part of its link; that a link
// to a heading on its own page, to a page not in the booklet or out of
// it prints none; and, read back with pdftotext, that the page printed
// holds the heading.
func TestPageRefs(t *testing.T) {
	first := "Voir [la cible](#cible), [le voisin](#voisin), [le chapitre deux](deux.html), [une page absente](absente.html) et [le site](https://example.org) (voir [la cible](#cible)).\n\n" +
		"## Voisin {#voisin}\n\n" + strings.Repeat(prose(3)+"\n\n", 8) + "## Cible {#cible}\n\n" + prose(1)
	d, data := refBooklet(t, [2]string{"fr/un.html", first}, [2]string{"fr/deux.html", "Le deuxième chapitre."})
	text := ""
	for _, r := range d.blocks[refBlock(d)].runs {
		text += r.Text
	}
	target := pageOfHeading(t, d, "cible")
	two := 0
	for pi, lines := range d.pages {
		for _, pl := range lines {
			if d.blocks[pl.block].path == "fr/deux.html" && two == 0 {
				two = pi + 1
			}
		}
	}
	if target < 4 || two <= target {
		t.Fatalf("the test wants the target on a later page: #cible on %d, chapter two on %d", target, two)
	}
	for _, want := range []string{
		fmt.Sprintf("la cible (p.\u00a0%d),", target),
		"le voisin,",
		fmt.Sprintf("le chapitre deux (p.\u00a0%d),", two),
		"une page absente et",
		fmt.Sprintf("le site (example.org) (voir la cible, p.\u00a0%d).", target),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the paragraph does not say %q: %q", want, text)
		}
	}
	// The reference is the link's: its annotation's text ends with it.
	if contents := "/Contents " + pdf.Text(fmt.Sprintf("la cible (p. %d)", target)); !bytes.Contains(inflated(data), []byte(contents)) {
		t.Errorf("no link annotation with %s", contents)
	}
	readBack(t, data, target, "Cible")
	readBack(t, data, two, "Le deuxième chapitre.")
}

// refBlock is the block of the first chapter's first paragraph.
func refBlock(d *Document) int {
	for i, b := range d.blocks {
		if b.tag == "P" && b.chap == 0 && strings.HasPrefix(b.from, "Chapitre 1") {
			return i
		}
	}
	return -1
}

// readBack reads page n of the PDF with pdftotext, when it is there, and
// checks that it holds want.
func readBack(t *testing.T, data []byte, n int, want string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	file := filepath.Join(t.TempDir(), "refs.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("page %d does not hold %q:\n%s", n, want, out)
	}
}

// inflated is the PDF's streams, uncompressed: its objects, its pages'
// content.
func inflated(data []byte) []byte {
	var all []byte
	for _, m := range regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`).FindAllSubmatch(data, -1) {
		z, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		plain, _ := io.ReadAll(z)
		all = append(all, plain...)
	}
	return all
}

// TestPageRefsSettle checks the loop's fixed point and its rule that
// ends it: once laid out, numbering again changes nothing; a reference
// printed once (here, marked so) stays printed though its target is on
// its page; the last pass reports a change without making it.
func TestPageRefsSettle(t *testing.T) {
	d, _ := refBooklet(t, [2]string{"fr/un.html", "Voir [le voisin](#voisin).\n\n## Voisin {#voisin}\n\n" + prose(2)})
	if changed, err := d.number(d.pages, false); err != nil || changed {
		t.Fatalf("numbering the booklet as laid out changes it (%v, %v)", changed, err)
	}
	rr := d.refs[0]
	if rr.refs[0].text != "" {
		t.Fatalf("a link to its own page prints %q", rr.refs[0].text)
	}
	rr.refs[0].shown = true
	before := len(d.blocks[rr.block].runs)
	if changed, _ := d.number(d.pages, true); !changed || len(d.blocks[rr.block].runs) != before {
		t.Errorf("the last pass: changed %v, runs %d -> %d: want a change reported, not made", changed, before, len(d.blocks[rr.block].runs))
	}
	if changed, _ := d.number(d.pages, false); !changed {
		t.Fatal("a reference printed once is not printed again")
	}
	text := ""
	for _, r := range d.blocks[rr.block].runs {
		text += r.Text
	}
	if !strings.Contains(text, "le voisin (p.\u00a03).") {
		t.Errorf("the paragraph says %q", text)
	}
}
