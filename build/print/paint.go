package print

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sobre/build/pdf"
	"sobre/build/pdf/svg"
)

// painted is a booklet drawn: each page's content stream, and what the
// tagged file adds to it (structure, links, bookmarks).
type painted struct {
	contents   []string
	deflated   [][]byte // contents, compressed
	tree       *pdf.StructTree
	heads      []int            // heading elements, in order
	at         map[int]pdf.Dest // a heading element's place
	blockAt    map[int]pdf.Dest // where each block starts
	headLevel  map[int]int      // heading element -> level
	fontNames  map[*pdf.Font]string
	images     []*pdf.Image // raster pictures, named /Im1, /Im2… in order
	pageImages [][]int      // page -> the images it draws
}

// image names a raster picture drawn on page pi.
func (p *painted) image(im *pdf.Image, pi int) string {
	k := slices.Index(p.images, im)
	if k < 0 {
		p.images = append(p.images, im)
		k = len(p.images) - 1
	}
	for len(p.pageImages) <= pi {
		p.pageImages = append(p.pageImages, nil)
	}
	if !slices.Contains(p.pageImages[pi], k) {
		p.pageImages[pi] = append(p.pageImages[pi], k)
	}
	return fmt.Sprintf("/Im%d", k+1)
}

// xobjects are the images page pi draws, of those written as refs.
func (p *painted) xobjects(pi int, refs []pdf.Ref) []pdf.Resource {
	if pi >= len(p.pageImages) {
		return nil
	}
	var out []pdf.Resource
	for _, k := range p.pageImages[pi] {
		out = append(out, pdf.Resource{Name: fmt.Sprintf("Im%d", k+1), Ref: refs[k]})
	}
	return out
}

// paint draws the pages, with their marked content and links.
func (d *Document) paint(pages [][]placed) (*painted, error) {
	p := &painted{tree: pdf.NewStructTree(d.Lang, len(pages)), at: map[int]pdf.Dest{}, blockAt: blockStarts(pages), headLevel: map[int]int{}}
	p.fontNames = map[*pdf.Font]string{}
	for i, f := range d.fontList() {
		p.fontNames[f] = "/" + fontName(i)
	}
	pp := &pagePainter{d: d, p: p, els: d.structure(p), targets: d.linkTargets(), linkElem: map[linkKey]int{}, foot: d.Footer, pages: len(pages)}
	for pi, lines := range pages {
		c, err := pp.page(pi, lines)
		if err != nil {
			return nil, err
		}
		p.contents = append(p.contents, c)
	}
	return p, nil
}

// blockStarts finds where each block starts, for links inside the
// booklet and its bookmarks.
func blockStarts(pages [][]placed) map[int]pdf.Dest {
	at := map[int]pdf.Dest{}
	for pi, lines := range pages {
		for _, pl := range lines {
			if _, ok := at[pl.block]; !ok {
				top := pl.y + pl.size
				if pl.frame {
					top = pl.y
				}
				at[pl.block] = pdf.Dest{Page: pi, Y: top}
			}
		}
	}
	return at
}

// linkTargets maps the links that lead into the booklet ("#path" and
// "#path#anchor") to the block they lead to; others lead out.
func (d *Document) linkTargets() map[string]int {
	targets := map[string]int{}
	chapter := ""
	for i, b := range d.blocks {
		if b.path != "" {
			chapter = b.path
			targets["#"+chapter] = i
		}
		if b.id != "" && chapter != "" {
			targets["#"+chapter+"#"+b.id] = i
		}
	}
	return targets
}

// blockElems are the structure elements of each block: its own, a list
// item's label, a table row's cells.
type blockElems struct {
	block, label []int
	cells        [][]int
}

// structure builds the structure tree: Document > H1… P L > LI > Lbl
// LBody, Table > TR > TH TD, TOC > TOCI, one element per block (a list
// item two: its label and its body).
func (d *Document) structure(p *painted) blockElems {
	t := p.tree
	els := blockElems{block: make([]int, len(d.blocks)), label: make([]int, len(d.blocks)), cells: make([][]int, len(d.blocks))}
	list, table, grids := map[int]int{}, map[int]int{}, map[int]int{}
	toc := -1
	for i, b := range d.blocks {
		lang := ""
		if b.lang != "" && b.lang != d.Lang {
			lang = b.lang
		}
		switch b.tag {
		case "TOCI":
			if toc < 0 {
				toc = t.Add(0, pdf.StructElem{Role: "TOC"})
			}
			els.block[i] = t.Add(toc, pdf.StructElem{Role: "TOCI", Lang: lang})
		case "LI":
			l, ok := list[b.list]
			if !ok {
				l = t.Add(0, pdf.StructElem{Role: "L", Lang: lang})
				list[b.list] = l
			}
			li := t.Add(l, pdf.StructElem{Role: "LI"})
			els.label[i] = t.Add(li, pdf.StructElem{Role: "Lbl"})
			els.block[i] = t.Add(li, pdf.StructElem{Role: "LBody"})
		case "TR":
			if b.card != nil {
				d.cardElems(p, &els, grids, i, lang)
				continue
			}
			tb, ok := table[b.table]
			if !ok {
				tb = t.Add(0, pdf.StructElem{Role: "Table", Lang: lang})
				table[b.table] = tb
			}
			els.block[i] = t.Add(tb, pdf.StructElem{Role: "TR"})
			for range b.cells {
				cell := pdf.StructElem{Role: "TD"}
				if b.head {
					cell = pdf.StructElem{Role: "TH", Scope: "Column"}
				}
				els.cells[i] = append(els.cells[i], t.Add(els.block[i], cell))
			}
		default:
			els.block[i] = d.blockElem(p, i, lang)
		}
	}
	return els
}

// blockElem adds the element of a block that stands alone under the
// document: a paragraph, a figure, a heading (which the outline lists).
func (d *Document) blockElem(p *painted, i int, lang string) int {
	b := &d.blocks[i]
	if !strings.HasPrefix(b.tag, "H") {
		return p.tree.Add(0, pdf.StructElem{Role: b.tag, Lang: lang, Alt: b.alt})
	}
	title := ""
	for _, r := range b.runs {
		title += r.Text
	}
	el := p.tree.Add(0, pdf.StructElem{Role: b.tag, Title: title, Lang: lang, Alt: b.alt})
	p.heads = append(p.heads, el)
	p.headLevel[el] = int(b.tag[1] - '0')
	p.at[el] = p.blockAt[i]
	return el
}

// linkKey is a run of a block's line or cell: a link's words on several
// lines are one Link element.
type linkKey struct{ block, cell, run int }

// pagePainter draws the pages one by one: what runs on from page to page
// (the footer's title, the links' elements) and the page being drawn.
type pagePainter struct {
	d        *Document
	p        *painted
	els      blockElems
	targets  map[string]int
	linkElem map[linkKey]int
	foot     string
	pages    int         // how many pages the booklet has
	glyphs   []pdf.Glyph // reused by every line

	pi int // the page being drawn
	c  *pdf.Content
}

// page draws page pi and returns its content stream.
func (pp *pagePainter) page(pi int, lines []placed) (string, error) {
	pp.pi = pi
	pp.c = &pdf.Content{}
	pp.c.Grow(24 << 10) // a full A4 page of text takes some 17 to 22 KB of operators
	cover := false
	for i := range lines {
		pl := &lines[i]
		b := &pp.d.blocks[pl.block]
		cover = cover || b.cover
		if b.foot != "" && pl.first {
			pp.foot = b.foot
		}
		var err error
		switch {
		case pl.frame && b.tag == "Figure":
			err = pp.figure(pl, b)
		case pl.frame && b.card != nil:
			pp.cutLines(pl, b)
		case pl.frame && b.tag == "TR":
			pp.rowRules(pl, b)
		case pl.frame && b.qr != nil:
			pp.code(pl, b.qr)
		case pl.frame:
			pp.signature(pl, b)
		default:
			err = pp.line(pl, b)
		}
		if err != nil {
			return "", err
		}
	}
	pp.calloutBars(lines)
	if !cover {
		pp.footer()
	}
	pp.p.tree.AddSpans(pi, pp.c.Spans())
	return pp.c.String(), nil
}

// tag opens the next marked content of element el on the page.
func (pp *pagePainter) tag(el int) {
	pp.c.BeginTag(pp.p.tree.Elem(el).Role, pp.p.tree.Mark(el, pp.pi))
}

// draw draws s unshaped (a label, a number, a hyphen, the footer).
func (pp *pagePainter) draw(f *pdf.Font, size, x, y float64, s string) {
	pp.d.drawText(pp.c, pp.p.fontNames, f, size, x, y, s)
}

// figure draws a picture, tagged as a figure whose alternative text
// screen readers read instead of a diagram's labels.
func (pp *pagePainter) figure(pl *placed, b *block) error {
	el := pp.els.block[pl.block]
	pp.p.tree.Elem(el).BBox = &[4]float64{pl.x, pl.y - pl.h, pl.x + pl.size, pl.y}
	pp.tag(el)
	if b.photo != nil {
		name := pp.p.image(b.photo, pp.pi)
		fmt.Fprintf(pp.c, "q %s 0 0 %s %s %s cm %s Do Q\n", pdf.Num(pl.size), pdf.Num(pl.h), pdf.Num(pl.x), pdf.Num(pl.y-pl.h), name)
	} else {
		fonts := svg.Fonts{Regular: pp.d.Fonts.Regular, Bold: pp.d.Fonts.Bold}
		ops, err := b.figure.Content(pl.x, pl.y, pl.size, fonts, func(f *pdf.Font) string { return pp.p.fontNames[f] })
		if err != nil {
			return &Error{File: b.file, Line: b.line, Kind: "figure", Err: fmt.Errorf("in %q: %w", b.from, err)}
		}
		pp.c.WriteString(ops)
		pp.c.WriteString("\n")
	}
	pp.c.End()
	return nil
}

var layout = pdf.Artifact{Type: "Layout"}

// rowRules draws a table row's cell borders, an artifact, on a light
// ground (8 % black) for the header row.
func (pp *pagePainter) rowRules(pl *placed, b *block) {
	c := pp.c
	c.BeginArtifact(layout)
	if b.head {
		fmt.Fprintf(c, "0.92 g %s %s %s %s re f 0 g\n", pdf.Num(pl.x), pdf.Num(pl.y-pl.h), pdf.Num(sum(b.cols)), pdf.Num(pl.h))
	}
	c.WriteString("0.6 w\n")
	x := pl.x
	for _, w := range b.cols {
		fmt.Fprintf(c, "%s %s %s %s re S\n", pdf.Num(x), pdf.Num(pl.y-pl.h), pdf.Num(w), pdf.Num(pl.h))
		x += w
	}
	c.End()
}

// signature draws two boxes side by side, for the two people who sign
// for the organisation, and the caption that says what to write in each;
// a space keeps the two captions apart when read aloud.
func (pp *pagePainter) signature(pl *placed, b *block) {
	c, f := pp.c, pp.d.Format
	gap := f.Body * 1.5
	w := (f.Width - f.Right - pl.x - gap) / 2
	c.BeginArtifact(layout)
	c.WriteString("0.8 w\n")
	for k := range 2 {
		fmt.Fprintf(c, "%s %s %s %s re S\n", pdf.Num(pl.x+float64(k)*(w+gap)), pdf.Num(pl.y-pl.h), pdf.Num(w), pdf.Num(pl.h))
	}
	c.End()
	if b.sign == "" {
		return
	}
	size := f.size(0.85)
	pp.tag(pp.els.block[pl.block])
	for k, caption := range []string{b.sign + " ", b.sign} {
		pp.draw(pp.d.Fonts.Regular, size, pl.x+float64(k)*(w+gap)+size*0.6, pl.y-pl.h+size*0.8, caption)
	}
	c.End()
}

// footer draws the chapter's title and the page number (of how many,
// when the document asks), an artifact that screen readers skip; a title
// too long for the line is cut, with an ellipsis.
func (pp *pagePainter) footer() {
	d, regular := pp.d, pp.d.Fonts.Regular
	num := strconv.Itoa(pp.pi + 1)
	if d.PageOf != nil {
		num = d.PageOf(pp.pi+1, pp.pages)
	}
	text := pp.foot + " · " + num
	size := d.Format.artifact(0.8)
	fw := d.textWidth(regular, text, size)
	for room, title := d.Format.Width-d.Format.Left-d.Format.Right, []rune(pp.foot); fw > room && len(title) > 0; fw = d.textWidth(regular, text, size) {
		title = title[:len(title)*9/10]
		text = string(title) + "… · " + num
	}
	pp.c.BeginArtifact(pdf.Artifact{Type: "Pagination", Subtype: "Footer"})
	pp.draw(regular, size, (d.Format.Width-fw)/2, d.Format.Bottom/2, text)
	pp.c.End()
}

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}
