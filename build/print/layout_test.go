package print

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/markup"
	"sobre/build/pdf"
	"sobre/build/typeset"
)

// square is a diagram as wide as it is high: on A5, two thirds of the
// text's height.
const square = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#888"/></svg>`

// laidOut sets md as the one page of an A5 booklet (figures are the
// square) and lays it out.
func laidOut(t *testing.T, md string, pageBefore ...string) (*Document, [][]placed) {
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
	d := &Document{Title: "Essai", Lang: "fr", Format: A5, Footer: "Essai", Sign: "Nom et fonction", PageBefore: map[string]bool{},
		Fonts: Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")},
		Image: func(string) ([]byte, string) { return []byte(square), "content/fr/carre.svg" }}
	for _, id := range pageBefore {
		d.PageBefore[id] = true
	}
	d.AddPage(markup.Parse([]byte(md), markup.Options{Lang: "fr"}), "fr", "fr/essai.html")
	pages, err := d.contents()
	if err != nil {
		t.Fatal(err)
	}
	return d, pages
}

// sentence is French prose with long words, for lines to hyphenate.
const sentence = "L’intelligence artificielle transforme profondément nos manières de travailler, de communiquer et d’innover au service des associations. "

// prose is n sentences.
func prose(n int) string { return strings.Repeat(sentence, n) }

// breakFaults lists what breaks the pager's rules: a heading last on a
// page, a paragraph leaving a single line on a page, a page ending on an
// inserted hyphen, a page under 60 % full but the last.
func breakFaults(d *Document, pages [][]placed) []string {
	var faults []string
	lines := map[int]map[int]int{} // block -> page -> lines on it
	for pi, page := range pages {
		if len(page) == 0 {
			faults = append(faults, fmt.Sprintf("page %d empty", pi+1))
			continue
		}
		lowest := d.Format.Height
		for _, pl := range page {
			if pl.frame {
				lowest = min(lowest, pl.y-pl.h)
				continue
			}
			lowest = min(lowest, pl.y)
			if lines[pl.block] == nil {
				lines[pl.block] = map[int]int{}
			}
			lines[pl.block][pi]++
		}
		if pi+1 == len(pages) {
			continue
		}
		last := page[len(page)-1]
		if d.blocks[last.block].keep {
			faults = append(faults, fmt.Sprintf("page %d: a heading last", pi+1))
		}
		if !last.frame && !last.last && last.line.Hyphen {
			faults = append(faults, fmt.Sprintf("page %d: ends on a hyphen", pi+1))
		}
		f := d.Format
		if fill := (f.Height - f.Top - lowest) / (f.Height - f.Top - f.Bottom); fill < 0.6 {
			faults = append(faults, fmt.Sprintf("page %d: %.0f %% full", pi+1, fill*100))
		}
	}
	for b, on := range lines {
		if len(on) < 2 {
			continue
		}
		for pi, n := range on {
			if n < 2 {
				faults = append(faults, fmt.Sprintf("page %d: one line of block %d alone", pi+1, b))
			}
		}
	}
	return faults
}

// TestPageBreakRules lays out a text whose breaks fall at every place in
// turn — a chain of headings, a short or long paragraph, a list item, a
// callout — and checks the rules on every page.
func TestPageBreakRules(t *testing.T) {
	tail := "## Des engagements\n\n### Le premier\n\n" + prose(3) + "\n\n- " + prose(2) + "\n- " + prose(1) +
		"\n\n> [!NOTE]\n> " + prose(2) + "\n\n" + prose(1) + "\n\n### Le second\n\n" + prose(4) + "\n\n" + prose(2)
	words := strings.Fields(prose(6))
	for n := 1; n < len(words); n += 2 {
		md := strings.Join(words[:n], " ") + "\n\n"
		for k := range 8 {
			md += prose(1+k%3) + "\n\n"
		}
		d, pages := laidOut(t, md+tail+"\n\n"+tail)
		if faults := breakFaults(d, pages); len(faults) > 0 {
			t.Errorf("text %d, %d pages: %s", n, len(pages), strings.Join(faults, "; "))
		}
	}
}

// TestSplit checks where a paragraph breaks when room lines of it fit.
func TestSplit(t *testing.T) {
	lines := func(hyphens ...int) []typeset.SetLine {
		ls := make([]typeset.SetLine, 6)
		for _, h := range hyphens {
			ls[h-1].Hyphen = true
		}
		return ls
	}
	for _, c := range []struct {
		name    string
		lines   []typeset.SetLine
		room    int
		movable bool
		want    int
	}{
		{"all fit", lines(), 6, true, 6},
		{"one line: an orphan", lines(), 1, true, 0},
		{"five of six: a widow, take one along", lines(), 5, true, 4},
		{"a hyphen at the foot: a line less", lines(3), 3, true, 2},
		{"hyphens at the foot: lines less", lines(3, 4), 4, true, 2},
		{"hyphen on line 2, movable: next page", lines(2), 2, true, 0},
		{"hyphen on line 2 under a heading: kept", lines(2), 2, false, 2},
		{"three of three", lines()[:3], 2, true, 0},
	} {
		if got := split(c.lines, c.room, c.movable); got != c.want {
			t.Errorf("%s: split = %d, want %d", c.name, got, c.want)
		}
	}
	if got := firstSplit(lines(2, 3)); got != 4 {
		t.Errorf("firstSplit with hyphens on lines 2 and 3 = %d, want 4", got)
	}
	if got := firstSplit(lines()[:3]); got != 3 {
		t.Errorf("firstSplit of three lines = %d, want 3 (it cannot split)", got)
	}
}

// TestFigureFloats: a figure too tall for the rest of its page goes to
// the head of the next one, the text after it fills the page, and the
// structure tree keeps the figure where the text has it.
func TestFigureFloats(t *testing.T) {
	md := prose(7) + "\n\n![Un carré](carre.svg)\n\nAprès la figure. " + prose(1) + "\n\n" + prose(8)
	d, pages := laidOut(t, md)
	if faults := breakFaults(d, pages); len(faults) > 0 {
		t.Errorf("%s", strings.Join(faults, "; "))
	}
	fig := -1
	for i, b := range d.blocks {
		if b.tag == "Figure" {
			fig = i
		}
	}
	if len(pages) < 2 || pages[1][0].block != fig {
		t.Fatalf("the figure (block %d) should float to the head of page 2: %d pages", fig, len(pages))
	}
	after := false
	for _, pl := range pages[0] {
		after = after || pl.block > fig
	}
	if !after {
		t.Errorf("the text after the figure should fill page 1")
	}
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	var roles []string
	for _, l := range strings.Split(d.drawn.tree.Dump(), "\n") {
		if f := strings.Fields(l); len(f) > 0 && (f[0] == "P" || f[0] == "Figure") {
			roles = append(roles, f[0]+" "+strings.Join(f[len(f)-1:], ""))
		}
	}
	if got := strings.Join(roles, ", "); !strings.HasPrefix(got, "P page=1, Figure page=2, P page=1") {
		t.Errorf("structure tree order: %s, want the figure between its paragraphs", got)
	}
}

// TestFiguresFloatInOrder: a figure behind one that floats floats too,
// after it, and the heading before it stays with the text that follows.
func TestFiguresFloatInOrder(t *testing.T) {
	md := prose(7) + "\n\n![Un carré](carre.svg)\n\n## Un titre\n\n![Un autre](carre.svg)\n\n" + prose(12)
	d, pages := laidOut(t, md)
	if faults := breakFaults(d, pages); len(faults) > 0 {
		t.Errorf("%s", strings.Join(faults, "; "))
	}
	var figures []int
	for _, page := range pages {
		for _, pl := range page {
			if d.blocks[pl.block].tag == "Figure" {
				figures = append(figures, pl.block)
			}
		}
	}
	if len(figures) != 2 || figures[0] > figures[1] {
		t.Errorf("figures placed in the order %v, want the text's", figures)
	}
}

// TestWholeSection: the charter's engagement, its text and signatures,
// stays on the page after its last commitment when the page holds it,
// and moves whole to the next page when it does not, wherever the text
// before it ends.
func TestWholeSection(t *testing.T) {
	engagement := "## Engagement {#engagement}\n\nEn signant cette charte, notre ASBL s’engage à la mettre en œuvre.\n\nSignature : {{signature}}\n"
	words := strings.Fields(prose(18))
	for n := 8; n < len(words); n += 4 {
		d, pages := laidOut(t, "## Innovation\n\n"+strings.Join(words[:n], " ")+"\n\n"+engagement, "engagement")
		on := map[int]bool{}
		for pi, page := range pages {
			for _, pl := range page {
				if i := pl.block; d.blocks[i].whole || i > 0 && d.blocks[i-1].whole || d.blocks[i].sign != "" {
					on[pi] = true
				}
			}
		}
		if len(on) != 1 || n < 100 && !on[0] {
			t.Errorf("%d words before: the engagement is on pages %v, want one page, the first when it fits", n, on)
		}
	}
}

// TestCalloutLabel: a callout's label is printed unless the heading just
// before it says it already; every block of a callout has its rule.
func TestCalloutLabel(t *testing.T) {
	for _, c := range []struct {
		md    string
		label bool
	}{
		{"## Exercise\n\n> [!EXERCISE]\n> Sort the cards.\n", false},
		{"## Questions for discussion\n\n> [!DISCUSSION]\n> Who decides?\n", false},
		{"## Exercise\n\nFirst this.\n\n> [!EXERCISE]\n> Sort the cards.\n", true},
		{"## Before the workshop\n\n> [!TIP]\n> Print the booklets.\n", true},
	} {
		d, _ := laidOut(t, c.md)
		label, ruled := false, 0
		for _, b := range d.blocks {
			for _, r := range b.runs {
				label = label || r.Style.Bold && b.tag == "P"
			}
			if b.callout > 0 {
				ruled++
			}
		}
		if label != c.label {
			t.Errorf("%q: label printed %v, want %v", c.md, label, c.label)
		}
		if ruled == 0 {
			t.Errorf("%q: no block of the callout has its rule", c.md)
		}
	}
}
