package print

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"sobre/build/markup"
	"sobre/build/pdf"
	"sobre/build/typeset"
)

// Cards to cut out: a "> [!CARD]" callout is a card, and cards that
// follow each other make a grid, two to a row where two fit at a readable
// measure (sixteen body sizes each), one to a row otherwise (large print).
// Every card of a grid is as wide and, row by row, as tall as the others,
// at least a third of a page, so that a sheet cuts into equal cards along
// the dashed lines they share. A card row is a block like a table row
// ("TR"), set and placed whole; each paragraph of a card is a cell of it,
// stacked under the one before in its card's column, and tagged P in a Div
// per card, in a Div per grid: screen readers read card after card, with
// no table to announce.

// cardPad is the room between a card's dashed border and its text, in
// body sizes: room for the scissors to wander.
const cardPad = 0.8

// cardMeasure is the narrowest a card of a two-card row may be, in body
// sizes.
const cardMeasure = 16

// cardsPerRow is how many cards stand side by side at indent.
func (d *Document) cardsPerRow(indent float64) int {
	f := d.Format
	if (f.Width-f.Left-f.Right-indent)/2 >= cardMeasure*f.Body {
		return 2
	}
	return 1
}

// cardHeight is the least height of a card: three rows to a page, under
// a heading and a line of instructions.
func (d *Document) cardHeight() float64 {
	f := d.Format
	return (f.Height - f.Top - f.Bottom - 4.5*f.Body*f.Leading) / 3
}

// isCard reports whether n is a card.
func isCard(n ast.Node) bool {
	c, ok := n.(*markup.Callout)
	return ok && c.Name == "card"
}

// addCard adds card n to the row of the card before it, or starts a row
// (and, after anything but a card, a grid). Its label is not printed: the
// dashed border says what it is.
func (d *Document) addCard(n *markup.Callout, src []byte, lang string, indent float64) {
	paras := d.cardParagraphs(n, src, lang)
	per := d.cardsPerRow(indent)
	after := isCard(n.PreviousSibling())
	if last := len(d.blocks) - 1; after && last >= 0 && d.blocks[last].card != nil && len(d.blocks[last].cols) < per {
		b := &d.blocks[last]
		col := len(b.cols)
		b.cols = append(b.cols, b.cols[0])
		for _, p := range paras {
			b.cells, b.card = append(b.cells, p), append(b.card, col)
		}
		return
	}
	before := 0.0 // rows of a grid share their cut lines
	if !after {
		d.tables++
		before = 0.8
		if last := len(d.blocks) - 1; last >= 0 && d.blocks[last].tag == "P" {
			d.blocks[last].keep = true // the grid's instructions stay with its first row
		}
	}
	f := d.Format
	b := block{tag: "TR", table: d.tables, indent: indent, before: before, cols: []float64{(f.Width - f.Left - f.Right - indent) / float64(per)}}
	for _, p := range paras {
		b.cells, b.card = append(b.cells, p), append(b.card, 0)
	}
	d.add(b, n, lang)
}

// cardScale is the size of a card's type, in body sizes: a card is read
// at arm's length, on a table; large print's body is large enough.
func (d *Document) cardScale() float64 {
	if d.Format.Least > 0 {
		return 1
	}
	return 1.25
}

// cardParagraphs are a card's paragraphs as runs: its lists' items each a
// paragraph with its bullet, its headings bold.
func (d *Document) cardParagraphs(n *markup.Callout, src []byte, lang string) [][]typeset.Run {
	var paras [][]typeset.Run
	scale := d.cardScale()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			paras = append(paras, d.inline(c, src, lang, false, scale, nil))
		case *ast.Heading:
			paras = append(paras, d.inline(c, src, lang, true, scale, nil))
		case *ast.List:
			for li := c.FirstChild(); li != nil; li = li.NextSibling() {
				runs := []typeset.Run{{Text: "• ", Style: d.style(false, scale), Lang: lang}}
				for p := li.FirstChild(); p != nil; p = p.NextSibling() {
					runs = append(runs, d.inline(p, src, lang, false, scale, nil)...)
				}
				paras = append(paras, runs)
			}
		default:
			if t := strings.TrimSpace(markup.PlainText(c, src)); t != "" {
				paras = append(paras, []typeset.Run{{Text: t, Style: d.style(false, scale), Lang: lang}})
			}
		}
	}
	if len(paras) == 0 {
		paras = append(paras, nil) // an empty card: a card to write on
	}
	return paras
}

// setCards sets each paragraph of a card row in its card's width, and
// makes the row as tall as its fullest card, a third of a page at least.
func (d *Document) setCards(b block) (set, error) {
	f := d.Format
	size := f.size(d.cardScale())
	s := set{lh: size * f.Leading, size: size}
	lines := make([]int, len(b.cols))
	for c, runs := range b.cells {
		room := max(b.cols[b.card[c]]-2*cardPad*f.Body, f.Body)
		params := typeset.Defaults(room)
		params.Items = d.Items
		params.Ragged = true // a card's narrow measure: even spaces
		params.Natural = f.Ragged
		set, err := d.fitLines(b, setWhole, runs, params, room)
		if err != nil {
			return s, err
		}
		d.overfull(b, set, room)
		s.cells = append(s.cells, set)
		lines[b.card[c]] += len(set)
	}
	for _, n := range lines {
		s.rows = max(s.rows, n)
	}
	s.h = max(float64(s.rows)*s.lh+2*cardPad*f.Body, d.cardHeight())
	return s, nil
}

// cardRow places card row i whole: on the next page when what is left of
// this one cannot hold it.
func (pg *pager) cardRow(i int, gap float64) {
	f := pg.f
	b, s := pg.d.blocks[i], pg.sets[i]
	if pg.used > 0 && pg.used+gap+s.h > pg.height {
		pg.newPage()
		gap = pg.gapAfterBreak(i)
	}
	pg.used += gap
	top := f.Height - f.Top - pg.used
	left := f.Left + b.indent
	pg.cur = append(pg.cur, placed{block: i, frame: true, x: left, y: top, h: s.h})
	at := make([]int, len(b.cols)) // lines placed in each card
	for c, lines := range s.cells {
		col := b.card[c]
		x := left + float64(col)*b.cols[0] + cardPad*f.Body
		for k, l := range lines {
			at[col]++
			pg.cur = append(pg.cur, placed{block: i, cell: c + 1, line: l, first: k == 0, last: k == len(lines)-1,
				x: x, y: top - cardPad*f.Body - float64(at[col])*s.lh + (s.lh-s.size)/2, size: s.size})
		}
	}
	pg.used += s.h
}

// cutLines draws a card row's cards as dashed lines, an artifact: where
// to cut. Each line is drawn from its left or top end, so that the line
// two cards share, drawn twice, falls dash on dash.
func (pp *pagePainter) cutLines(pl *placed, b *block) {
	c := pp.c
	c.BeginArtifact(layout)
	c.WriteString("q 0.8 w 0.35 G [4 3] 0 d\n")
	right := pl.x + sum(b.cols)
	for _, y := range []float64{pl.y, pl.y - pl.h} {
		fmt.Fprintf(c, "%s %s m %s %s l S\n", pdf.Num(pl.x), pdf.Num(y), pdf.Num(right), pdf.Num(y))
	}
	x := pl.x
	for k := 0; k <= len(b.cols); k++ {
		fmt.Fprintf(c, "%s %s m %s %s l S\n", pdf.Num(x), pdf.Num(pl.y), pdf.Num(x), pdf.Num(pl.y-pl.h))
		if k < len(b.cols) {
			x += b.cols[k]
		}
	}
	c.WriteString("Q\n")
	c.End()
}

// cardElems adds the elements of card row i under its grid's (grids maps
// a grid to its element): a Div per card, a P per paragraph.
func (d *Document) cardElems(p *painted, els *blockElems, grids map[int]int, i int, lang string) {
	b := d.blocks[i]
	t := p.tree
	g, ok := grids[b.table]
	if !ok {
		g = t.Add(0, pdf.StructElem{Role: "Div", Lang: lang})
		grids[b.table] = g
	}
	els.block[i] = g
	cards := map[int]int{}
	for _, col := range b.card {
		card, ok := cards[col]
		if !ok {
			card = t.Add(g, pdf.StructElem{Role: "Div"})
			cards[col] = card
		}
		els.cells[i] = append(els.cells[i], t.Add(card, pdf.StructElem{Role: "P"}))
	}
}
