package print

import (
	"io/fs"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/markup"
	"sobre/build/pdf"
)

// TestDescribedDiagram prints a diagram whose lettering would be under
// large print's 16 pt as its description, introduced as such, and keeps
// it a figure where its lettering is large enough or the format has no
// least size.
func TestDescribedDiagram(t *testing.T) {
	diagrams := map[string]string{
		// 12 of 640 units: about 8 pt at A4's width.
		"fr/small.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 100"><text x="10" y="50" font-size="12">Étape</text></svg>`,
		// 40 of 200 units: far above 16 pt at any width print gives it.
		"fr/large.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><text x="10" y="50" font-size="40">Étape</text></svg>`,
	}
	md := "# Schémas\n\n![Trois étapes : lire, signer, afficher](small.svg)\n\n![Une étape](large.svg)\n"
	tests := []struct {
		format Format
		want   []string // each picture's block: "Figure", or the text printed instead
	}{
		{LargePrint, []string{"Schéma, décrit en mots\u202f: Trois étapes\u202f: lire, signer, afficher", "Figure"}},
		{A4, []string{"Figure", "Figure"}},
		{A5, []string{"Figure", "Figure"}},
	}
	for _, tt := range tests {
		d := &Document{Title: "Schémas", Lang: "fr", Format: tt.format, Fonts: testFonts(t), Described: "Schéma, décrit en mots\u202f:",
			Image: func(p string) ([]byte, string) { return []byte(diagrams[p]), "content/" + p }}
		d.AddChapter(Chapter{Title: "Schémas", Path: "fr/schemas.html", Doc: markup.Parse([]byte(md), markup.Options{Lang: "fr"}), Lang: "fr"})
		var got []string
		for _, b := range d.blocks {
			switch {
			case b.tag == "Figure":
				got = append(got, "Figure")
			case b.tag == "P":
				var s strings.Builder
				for _, r := range b.runs {
					s.WriteString(r.Text)
				}
				got = append(got, s.String())
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s (least %g): got %q, want %q", tt.format.Name, tt.format.Least, got, tt.want)
		}
	}
}

// testFonts are the theme's print faces.
func testFonts(t *testing.T) Fonts {
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
	return Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")}
}
