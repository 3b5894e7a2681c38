package print_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sobre"
	"sobre/build"
	"sobre/build/font"
	"sobre/build/markup"
	"sobre/build/pdf"
	"sobre/build/print"
)

func fonts(t testing.TB) print.Fonts {
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
	return print.Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")}
}

// charter builds the repository's charter in lang as an A4 booklet.
func charter(t testing.TB, lang string) []byte {
	pr, err := build.Load(context.Background(), build.Options{Src: "../..", Defaults: sobre.Defaults})
	if err != nil {
		t.Fatal(err)
	}
	p := pr.Site.ByKey[lang]["charte.md"]
	d := &print.Document{Title: p.Source.Front.Title, Lang: lang, Format: print.A4, Fonts: fonts(t), Footer: p.Source.Front.Title}
	d.AddTitle(print.Text{Text: p.Source.Front.Title})
	d.AddPage(pr.Docs[p], p.ContentLang(), "")
	out, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCharterBooklet(t *testing.T) {
	for _, lang := range []string{"fr", "nl", "en"} {
		a := charter(t, lang)
		if !bytes.Equal(a, charter(t, lang)) {
			t.Fatalf("%s: two builds of the booklet differ", lang)
		}
		if _, err := exec.LookPath("pdfinfo"); err != nil {
			t.Skip("poppler-utils not installed")
		}
		file := filepath.Join(t.TempDir(), "charte-"+lang+".pdf")
		os.WriteFile(file, a, 0o644)
		info, _ := exec.Command("pdfinfo", file).Output()
		for _, want := range []string{"Tagged:          yes", "595 x 842 pts (A4)", "Title:"} {
			if !strings.Contains(string(info), want) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", lang, want, info)
			}
		}
		text, _ := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
		flat := strings.Join(strings.Fields(strings.ReplaceAll(string(text), "-\n", "")), " ")
		for _, want := range map[string][]string{
			"fr": {"Préambule", "Mistral 7B", "EcoLogits", "Avancé ++", "Engagement"},
			"nl": {"Preambule", "Mistral 7B", "Gevorderd ++"},
			"en": {"Preamble", "Mistral 7B", "Advanced ++"},
		}[lang] {
			if !strings.Contains(flat, want) {
				t.Errorf("%s: the booklet's text lacks %q", lang, want)
			}
		}
		fonts, _ := exec.Command("pdffonts", file).Output()
		if strings.Count(string(fonts), " yes yes yes ") != 2 {
			t.Errorf("%s: both fonts must be embedded, subset, with Unicode maps:\n%s", lang, fonts)
		}
	}
}

func BenchmarkCharterBooklet(b *testing.B) {
	for b.Loop() {
		charter(b, "fr")
	}
}

// TestLongTable sets a table longer than a page: every row once in the
// structure, the header row again at the head of each page it runs on,
// and text that stays inside its column.
func TestLongTable(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Registre\n\n| Outil | Usage | Vérifié par |\n| --- | --- | --- |\n")
	for i := range 60 {
		fmt.Fprintf(&md, "| Outil numéro %d | Traduire les courriers aux familles, puis les relire | La coordinatrice |\n", i+1)
	}
	doc := markup.Parse([]byte(md.String()), markup.Options{Lang: "fr"})
	d := &print.Document{Title: "Registre", Lang: "fr", Format: print.A5, Fonts: fonts(t), Footer: "Registre"}
	d.AddPage(doc, "fr", "")
	data, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	file := filepath.Join(t.TempDir(), "table.pdf")
	os.WriteFile(file, data, 0o644)
	text, _ := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
	pages := strings.Split(strings.TrimRight(string(text), "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("60 rows on %d A5 pages", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "Vérifié par") {
			t.Errorf("page %d lacks the header row", i+1)
		}
	}
	structure, _ := exec.Command("pdfinfo", "-struct", file).Output()
	if th, td := strings.Count(string(structure), "TH"), strings.Count(string(structure), "TD"); th != 3 || td != 180 {
		t.Errorf("%d TH and %d TD in the structure, want 3 and 180", th, td)
	}
}

// BenchmarkHandout sets the French toolkit as an A4 handout, its ~70
// pages, with fonts loaded for each document as the build loads them.
func BenchmarkHandout(b *testing.B) {
	pr, err := build.Load(context.Background(), build.Options{Src: "../..", Defaults: sobre.Defaults})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		h := &print.Document{Title: "Toolkit", Lang: "fr", Format: print.A4, Fonts: fonts(b), Footer: "Toolkit"}
		h.AddCover(print.Text{Text: "Toolkit"})
		h.AddContents(print.Text{Text: "Contents"})
		for _, q := range pr.Site.Pages["fr"] {
			if pr.Docs[q] != nil {
				h.AddChapter(print.Chapter{Title: q.Source.Front.Title, Path: q.Out, Doc: pr.Docs[q], Lang: q.ContentLang()})
			}
		}
		if _, err := h.PDF(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOverfullReported: a word wider than its column is broken where it
// fits, and the booklet says where, as TeX reports an overfull box.
func TestOverfullReported(t *testing.T) {
	md := "| a | b | c | d | e | f | g | h |\n|---|---|---|---|---|---|---|---|\n| 2026-03-15T09:00:00 | 2026-03-15T09:00:00 | 2026-03-15T09:00:00 | 2026-03-15T09:00:00 | 2026-03-15T09:00:00 | 2026-03-15T09:00:00 | 2026-03-15T09:00:00 | 2026-03-15T09:00:00 |\n"
	d := &print.Document{Title: "T", Lang: "fr", Format: print.A5, Fonts: fonts(t), Footer: "T"}
	d.AddChapter(print.Chapter{File: "content/fr/t.md", Title: "Dates", Path: "fr/t.html", Doc: markup.Parse([]byte(md), markup.Options{Lang: "fr"}), Lang: "fr"})
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) == 0 {
		t.Fatal("no overfull line reported")
	}
	if p := d.Problems[0]; p.File != "content/fr/t.md" || p.Line != 3 || p.Kind != "overfull" || !strings.Contains(p.Error(), `in "Dates", A5: a word of 19 characters ("2026-03-15T09:00:00") is`) {
		t.Errorf("problem: %s (%s:%d %s)", p, p.File, p.Line, p.Kind)
	}
}

// TestPhoto prints a raster image as a tagged figure, at the size a
// screen shows it, in the booklet and in its imposition.
func TestPhoto(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 200, 100))
	for i := range m.Pix {
		m.Pix[i] = byte(i)
	}
	var logo bytes.Buffer
	png.Encode(&logo, m)
	md := "# Logo\n\nNotre logo :\n\n![Le logo de l’ASBL, un soleil orange](img/logo.png)\n"
	d := &print.Document{Title: "Logo", Lang: "fr", Format: print.A5, Fonts: fonts(t), Footer: "Logo",
		Image: func(p string) ([]byte, string) {
			if p != "fr/img/logo.png" {
				t.Errorf("image asked as %q", p)
			}
			return logo.Bytes(), "content/fr/img/logo.png"
		}}
	d.AddChapter(print.Chapter{Title: "Logo", Path: "fr/logo.html", Doc: markup.Parse([]byte(md), markup.Options{Lang: "fr"}), Lang: "fr"})
	booklet, err := d.PDF()
	if err != nil {
		t.Fatal(err)
	}
	imposed, err := d.Imposed("Livret (A5, imposé)")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) > 0 {
		t.Errorf("problems: %v", d.Problems)
	}
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{"booklet": booklet, "imposed": imposed} {
		file := filepath.Join(dir, name+".pdf")
		os.WriteFile(file, data, 0o644)
		list, err := exec.Command("pdfimages", "-list", file).Output()
		if err != nil {
			t.Fatal(err)
		}
		// One image, 200 × 100, and its soft mask (the PNG has alpha).
		if !regexp.MustCompile(`image\s+200\s+100\s+rgb`).Match(list) || !regexp.MustCompile(`smask\s+200\s+100\s+gray`).Match(list) {
			t.Errorf("%s: pdfimages -list:\n%s", name, list)
		}
		// Rendered without a complaint.
		if out, err := exec.Command("pdftoppm", "-r", "20", "-png", file, filepath.Join(dir, name)).CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("%s: pdftoppm: %v %s", name, err, out)
		}
	}
	structure, _ := exec.Command("pdfinfo", "-struct", filepath.Join(dir, "booklet.pdf")).Output()
	if !strings.Contains(string(structure), "Figure") {
		t.Errorf("no Figure in the structure:\n%s", structure)
	}
}
