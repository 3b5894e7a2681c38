package print

import (
	"io/fs"
	"math"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/markup"
	"sobre/build/pdf"
)

// packDoc is md set as the materials pack sets its page, in format f.
func packDoc(t *testing.T, md string, f Format) *Document {
	t.Helper()
	load := func(name string) *pdf.Font {
		data, err := fs.ReadFile(sobre.Defaults, "themes/default/fonts/"+name+".ttf")
		if err != nil {
			t.Fatal(err)
		}
		ft, err := font.Parse(data, name)
		if err != nil {
			t.Fatal(err)
		}
		return pdf.NewFont(ft)
	}
	d := &Document{Title: "Matériel", Lang: "fr", Format: f, Footer: "Matériel", Forms: true, BreakBefore: 2, PageBefore: map[string]bool{},
		Fonts: Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")}}
	d.AddPage(markup.Parse([]byte(md), markup.Options{Lang: "fr"}), "fr", "fr/materiel.html")
	return d
}

// cardsMD is an instruction and n cards, the first two of two paragraphs.
func cardsMD(n int) string {
	var b strings.Builder
	b.WriteString("## Cartes\n\nDécoupez le long des pointillés.\n\n")
	for i := range n {
		b.WriteString("> [!CARD]\n> **Module 2 · Personne**\n")
		if i < 2 {
			b.WriteString(">\n> Fatou, 38 ans, a un vieux téléphone et peu de données mobiles.\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestCardGrid lays out five cards: two to a row on the pack's A4, one in
// large print; every card as wide as the others and a third of a page
// tall at least, rows sharing their cut lines, text inside its card, the
// instructions on the page of the first row.
func TestCardGrid(t *testing.T) {
	for _, c := range []struct {
		name       string
		f          Format
		perRow     int
		firstPages int // pages the grid starts on
	}{
		{"A4", PackA4, 2, 1},
		{"large print", LargePrint, 1, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := packDoc(t, cardsMD(5), c.f)
			pages, err := d.contents()
			if err != nil {
				t.Fatal(err)
			}
			rows, cards := 0, 0
			var bottom float64
			last := -1
			for pi, page := range pages {
				for _, pl := range page {
					b := d.blocks[pl.block]
					if b.card == nil {
						continue
					}
					if pl.frame {
						rows++
						cards += len(b.cols)
						if len(b.cols) > c.perRow {
							t.Errorf("a row of %d cards, want %d at most", len(b.cols), c.perRow)
						}
						width := c.f.Width - c.f.Left - c.f.Right
						for _, w := range b.cols {
							if math.Abs(w-width/float64(c.perRow)) > 0.01 {
								t.Errorf("a card %.1f pt wide, want %.1f", w, width/float64(c.perRow))
							}
						}
						if pl.h < d.cardHeight()-0.01 {
							t.Errorf("a row %.1f pt tall, under %.1f", pl.h, d.cardHeight())
						}
						if last == pi && math.Abs(pl.y-bottom) > 0.01 {
							t.Errorf("page %d: a row at %.1f, not on the cut line of the row above (%.1f)", pi+1, pl.y, bottom)
						}
						if rows == 1 && pi != 0 {
							t.Errorf("the first row on page %d, away from its instructions", pi+1)
						}
						bottom, last = pl.y-pl.h, pi
						continue
					}
					col := b.card[pl.cell-1]
					left := c.f.Left + float64(col)*b.cols[0]
					if pl.x < left+cardPad*c.f.Body-0.01 || pl.x+pl.line.Width > left+b.cols[col]-cardPad*c.f.Body+0.01 {
						t.Errorf("a card's line at %.1f–%.1f, outside its card %.1f–%.1f", pl.x, pl.x+pl.line.Width, left, left+b.cols[col])
					}
				}
			}
			if want := (5 + c.perRow - 1) / c.perRow; rows != want || cards != 5 {
				t.Errorf("%d rows of %d cards, want %d rows of 5", rows, cards, want)
			}
		})
	}
}

// TestCardTags checks that a grid is a Div, each card a Div in it, each
// of its paragraphs a P: no table for a screen reader to announce.
func TestCardTags(t *testing.T) {
	d := packDoc(t, cardsMD(3), PackA4)
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	tree := d.drawn.tree.Dump()
	// The grid, then each card: its paragraphs (two, two, one).
	want := "  Div\n    Div\n      P page=1\n      P page=1\n    Div\n      P page=1\n      P page=1\n    Div\n      P page=1\n"
	if !strings.Contains(tree, want) {
		t.Errorf("the cards' structure:\n%s\nwant:\n%s", tree, want)
	}
	if strings.Contains(tree, "Table") || strings.Contains(tree, "TD") {
		t.Error("cards tagged as a table")
	}
}

// TestPackSections puts each section of the pack on a page of its own,
// and gives a form's empty columns room to write in.
func TestPackSections(t *testing.T) {
	md := "Intro.\n\n## Présence\n\n| Nom et prénom de la personne présente ce jour | Signature |\n| --- | --- |\n| | |\n\n## Avis\n\nCourt.\n"
	d := packDoc(t, md, PackA4)
	pages, err := d.contents()
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 {
		t.Fatalf("%d pages, want the intro and a page per section", len(pages))
	}
	for pi, want := range []string{"", "H2", "H2"} {
		if b := d.blocks[pages[pi][0].block]; want != "" && b.tag != want {
			t.Errorf("page %d starts with %s, want %s", pi+1, b.tag, want)
		}
	}
	for _, b := range d.blocks {
		if b.tag != "TR" {
			continue
		}
		share := (PackA4.Width - PackA4.Left - PackA4.Right) / 2
		if b.cols[1] < share*0.75 {
			t.Errorf("the signature column is %.1f pt wide, under %.1f", b.cols[1], share*0.75)
		}
	}
}
