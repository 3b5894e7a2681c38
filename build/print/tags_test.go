package print

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/markup"
	"sobre/build/pdf"
)

var updateTags = flag.Bool("update", false, "rewrite testdata/*.tags from this build")

// TestTagsGolden dumps the structure tree of a small booklet, one line
// per element, and compares it with testdata/booklet.tags: a reviewer
// reads what a screen reader gets — roles, languages, alternative and
// actual text, links, pages — as Typst's pdftags tests show it. Record
// a meant change with go test ./build/print -run TestTagsGolden -update.
func TestTagsGolden(t *testing.T) {
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
	var logo bytes.Buffer
	png.Encode(&logo, image.NewGray(image.Rect(0, 0, 40, 20)))
	d := &Document{Title: "Boîte à outils", Lang: "fr", Format: A5, Footer: "Boîte à outils", Sign: "Nom et fonction",
		Fonts:   Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")},
		Image:   func(string) ([]byte, string) { return logo.Bytes(), "content/fr/logo.png" },
		PageRef: func(page int, _ bool) string { return " (p.\u00a0" + strconv.Itoa(page) + ")" }}
	d.AddCover(Text{Text: "Boîte à outils"}, Text{Text: "Une ASBL"})
	d.AddContents(Text{Text: "Sommaire"})
	chapters := []struct{ path, title, md string }{
		{"fr/charte.html", "Charte", "Nous nous engageons à un usage sobre ; voir [les modules](modules.html#outils) et [le site](https://example.org/ia).\n\n" +
			"## Engagements\n\n1. Transparence\n2. Sobriété, avec un [mot anglais]{lang=en}.\n\n" +
			"| Niveau | Exemple |\n|---|---|\n| Base | Un texte relu |\n\nFait le {{date}}.\n\n{{signature}}\n"},
		{"fr/modules.html", "Modules", "## Outils {#outils}\n\n![Le logo de l’ASBL](logo.png)\n\n- Un outil\n- Un autre ★\n\n- [ ] Une case à cocher\n"},
	}
	for _, c := range chapters {
		doc := markup.Parse([]byte(c.md), markup.Options{Lang: "fr"})
		d.AddChapter(Chapter{File: "content/" + c.path, Title: c.title, Path: c.path, Doc: doc, Lang: "fr"})
	}
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	got := d.drawn.tree.Dump()
	golden := filepath.Join("testdata", "booklet.tags")
	if *updateTags {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (record it with -update)", err)
	}
	if got != string(want) {
		t.Errorf("structure tree differs from %s (record a meant change with -update):\n%s", golden, got)
	}
}
