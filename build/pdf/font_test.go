package pdf_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/pdf"
)

func regular(t *testing.T) *pdf.Font {
	t.Helper()
	data, err := fs.ReadFile(sobre.Defaults, "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse(data, "AtkinsonHyperlegibleNext-Regular")
	if err != nil {
		t.Fatal(err)
	}
	return pdf.NewFont(f)
}

// glyphs returns s's glyphs with their own advances, one per character.
func glyphs(f *pdf.Font, s string) []pdf.Glyph {
	var gs []pdf.Glyph
	for _, r := range s {
		id, _ := f.Face().NominalGlyph(r)
		gs = append(gs, pdf.Glyph{ID: uint16(id), Advance: f.Advance(r), Text: string(r)})
	}
	return gs
}

func TestShow(t *testing.T) {
	f := regular(t)
	// In this font T is 83 (0x53), o 175 (0xAF), a 112 (0x70).
	kerned := glyphs(f, "To")
	kerned[0].Advance -= 80
	moved := glyphs(f, "oa")
	moved[1].XOffset, moved[1].YOffset = 12.5, 200
	missing := glyphs(f, "o★a")
	tests := []struct {
		name    string
		glyphs  []pdf.Glyph
		want    string
		missing string
	}{
		{"plain", glyphs(f, "oa"), "<00AF0070> Tj", ""},
		{"kerned", kerned, "[<0053>80<00AF>] TJ", ""},
		// The offset glyph is drawn 12.5 to the right, 2 pt up (size 10);
		// the rise is reset after.
		{"offsets", moved, "<00AF> Tj 2 Ts [-12.5<0070>] TJ 0 Ts", ""},
		// .notdef is never drawn: the next glyph goes where it would be.
		{"missing", missing, "[<00AF>-527<0070>] TJ", "★"},
	}
	for _, tt := range tests {
		got, miss := f.ShowAt(tt.glyphs, 10, 0, false)
		if got != tt.want || string(miss) != tt.missing {
			t.Errorf("%s: Show = %s, missing %q; want %s, missing %q", tt.name, got, string(miss), tt.want, tt.missing)
		}
	}
}

// TestLigatureToUnicode: a glyph standing for several characters maps
// back to all of them, so that text copied or read aloud is whole. The
// font has no ligature, so glyph "f" plays the "ffi" ligature here.
func TestLigatureToUnicode(t *testing.T) {
	f := regular(t)
	gs := glyphs(f, "ofce")
	gs[1].Text = "ffi"
	show, _ := f.ShowAt(gs, 12, 0, false)
	plain, _ := f.Encode("ef fort")
	var w pdf.Writer
	catalog := w.Alloc()
	pages := w.Alloc()
	font := f.Embed(&w)
	content := fmt.Sprintf("BT /F1 12 Tf 56 780 Td %s ET\nBT /F1 12 Tf 56 760 Td %s Tj ET\n", show, plain)
	stream := w.AddStream("", []byte(content), false)
	pg := w.Add(fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 595 842] /Resources << /Font << /F1 %s >> >> /Contents %s >>", pages, font, stream))
	w.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", pg))
	w.Set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed: apt-get install poppler-utils")
	}
	file := filepath.Join(t.TempDir(), "ligature.pdf")
	os.WriteFile(file, w.Bytes(catalog), 0o644)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The first text a glyph stands for is its only one: "f" shows as
	// "ffi" everywhere (a real ligature has a glyph of its own).
	if got := strings.Fields(string(text)); len(got) != 3 || got[0] != "office" || got[1] != "effi" {
		t.Errorf("pdftotext = %q, want office effi ffiort", text)
	}
}
