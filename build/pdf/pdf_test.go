package pdf_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/pdf"
)

// page writes a one-page A4 document setting lines of text with the
// print font: the smallest complete use of the writer.
func page(t *testing.T, lines []string) []byte {
	t.Helper()
	f := regular(t)
	var content strings.Builder
	y := 780.0
	for _, l := range lines {
		hex, missing := f.Encode(l)
		if len(missing) > 0 {
			t.Fatalf("missing glyphs %q in %q", missing, l)
		}
		fmt.Fprintf(&content, "BT /F1 12 Tf 56 %s Td %s Tj ET\n", pdf.Num(y), hex)
		y -= 18
	}
	var w pdf.Writer
	catalog := w.Alloc()
	pages := w.Alloc()
	font := f.Embed(&w)
	stream := w.AddStream("", []byte(content.String()), false)
	pg := w.Add(fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 595 842] /Resources << /Font << /F1 %s >> >> /Contents %s >>", pages, font, stream))
	w.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", pg))
	w.Set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s /Lang %s >>", pages, pdf.Text("fr")))
	return w.Bytes(catalog)
}

var sample = []string{
	"Charte d’usage responsable de l’intelligence artificielle",
	"« Nous nous engageons » — à adopter un usage sobre… œuvre, été",
	"Verantwoordelijkheid, toegankelijkheid: één charter.",
}

func TestWriterAndFont(t *testing.T) {
	a := page(t, sample)
	if !bytes.Equal(a, page(t, sample)) {
		t.Fatal("two writes of the same document differ")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-1.7")) || !bytes.HasSuffix(a, []byte("%%EOF\n")) {
		t.Fatal("not a PDF file")
	}
	data, _ := fs.ReadFile(sobre.Defaults, "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf")
	if len(a) > len(data)/2 {
		t.Errorf("a page of three lines weighs %d bytes: the font is not subset (full font %d)", len(a), len(data))
	}
	parsed, _ := font.Parse(data, "x")
	if _, missing := pdf.NewFont(parsed).Encode("a\u202fb\u00adc"); len(missing) != 2 {
		t.Errorf("missing = %q: the font lacks U+202F and U+00AD, and must say so", missing)
	}

	// Read it back with poppler when it is installed (.ci/run installs it).
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed: apt-get install poppler-utils")
	}
	file := filepath.Join(t.TempDir(), "page.pdf")
	os.WriteFile(file, a, 0o644)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range sample {
		if !strings.Contains(string(text), l) {
			t.Errorf("pdftotext lacks %q:\n%s", l, text)
		}
	}
	fonts, err := exec.Command("pdffonts", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	row := strings.Fields(strings.Split(strings.TrimSpace(string(fonts)), "\n")[2])
	// name type encoding emb sub uni object ID
	if !strings.Contains(row[0], "+AtkinsonHyperlegibleNext-Regular") || row[len(row)-5] != "yes" || row[len(row)-4] != "yes" || row[len(row)-3] != "yes" {
		t.Errorf("font not embedded, subset and mapped to Unicode:\n%s", fonts)
	}
	info, _ := exec.Command("pdfinfo", file).Output()
	if !strings.Contains(string(info), "595 x 842 pts (A4)") {
		t.Errorf("page size:\n%s", info)
	}
}

func TestText(t *testing.T) {
	tests := map[string]string{"fr": "(fr)", "a(b)c\\": `(a\(b\)c\\)`, "é": "<FEFF00E9>", "😀": "<FEFFD83DDE00>"}
	for in, want := range tests {
		if got := pdf.Text(in); got != want {
			t.Errorf("Text(%q) = %s, want %s", in, got, want)
		}
	}
	if pdf.Name("Titre (2)") != "/Titre#20#282#29" || pdf.Num(12.5000) != "12.5" || pdf.Num(-0.0001) != "0" {
		t.Error("Name or Num")
	}
}

// FuzzEmbedFont: a site may bring its own fonts; a broken one gives an
// error, never a crash, and a font that loads can be encoded and embedded.
func FuzzEmbedFont(f *testing.F) {
	data, _ := fs.ReadFile(sobre.Defaults, "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf")
	f.Add(data[:2000])
	f.Add(data[:200])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		parsed, err := font.Parse(b, "x")
		if err != nil {
			return
		}
		f := pdf.NewFont(parsed)
		f.Encode("Aé’")
		var w pdf.Writer
		f.Embed(&w)
	})
}

// TestNum compares Num with the float formatter it stands in for.
func TestNum(t *testing.T) {
	ref := func(f float64) string {
		s := strconv.FormatFloat(f, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "-0" || s == "" {
			return "0"
		}
		return s
	}
	values := []float64{0, 1, -1, 0.5, 12.5, -0.0001, 0.0004, 0.0005, -0.0005, 595.276, 841.89, 1e6, -123.4567, 1e20, 3.999999}
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		values = append(values, (r.Float64()-0.5)*2000)
	}
	for _, v := range values {
		if got, want := pdf.Num(v), ref(v); got != want {
			t.Errorf("Num(%v) = %s, want %s", v, got, want)
		}
	}
}
