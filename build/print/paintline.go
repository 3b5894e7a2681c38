package print

import (
	"fmt"
	"math"
	"strings"

	"sobre/build/pdf"
	"sobre/build/typeset"
)

// line draws a line of text: a paragraph's, a heading's, a list item's
// (its marker first), a table cell's, an entry of the contents (its page
// number after), or a table's header row repeated on the next page (an
// artifact: read once, where it first is).
func (pp *pagePainter) line(pl *placed, b *block) error {
	el := pp.els.block[pl.block]
	runs := b.runs
	if pl.cell > 0 {
		el = pp.els.cells[pl.block][pl.cell-1]
		runs = b.cells[pl.cell-1]
	}
	if pl.repeat {
		pp.c.BeginArtifact(pdf.Artifact{Type: "Pagination"})
	}
	if pl.first && (b.marker != "" || b.tick) {
		pp.marker(pl, b)
	}
	numX := 0.0
	if b.tag == "TOCI" && pl.last {
		numX = pp.leaders(pl, b)
	}
	if !pl.repeat {
		pp.tag(el)
	}
	end, prev, err := pp.words(pl, b, el, runs)
	if err != nil {
		return err
	}
	if b.tag == "TOCI" && pl.last {
		pp.draw(pp.d.Fonts.Regular, pp.d.Format.Body, numX, pl.y, b.num)
	}
	if pl.line.Hyphen && end >= 0 {
		// The hyphen of a word broken at the line's end is not part of
		// the word: its actual text is empty.
		if !pl.repeat {
			pp.c.BeginActualText("")
		}
		pp.draw(prev.Font.(*pdf.Font), prev.Size, end, pl.y, "-")
		if !pl.repeat {
			pp.c.End()
		}
	}
	pp.c.End()
	return nil
}

// leaders draws the dots that lead the eye from a contents entry's last
// line to its page number, and returns where the number starts (flush
// right). The dots are vectors (round caps on a dashed line), an artifact
// drawn before the entry's tagged content, so that a screen reader or a
// copy reads the title then the number, nothing between; they sit on a
// grid shared by every entry, so that they line up from entry to entry as
// TeX's \dotfill does.
func (pp *pagePainter) leaders(pl *placed, b *block) (numX float64) {
	f, size := pp.d.Format, pp.d.Format.Body
	numX = f.Width - f.Right - pp.d.textWidth(pp.d.Fonts.Regular, b.num, size)
	end := pl.x
	for _, pc := range pl.line.Pieces {
		if pc.Run >= 0 {
			end = pl.x + pc.X + pc.Width
		}
	}
	step := size * 0.5
	from := math.Ceil((end+size*0.4)/step) * step
	to := math.Floor((numX-size*0.4)/step) * step
	if to < from+step {
		return numX // too little room: the number alone
	}
	pp.c.BeginArtifact(layout)
	fmt.Fprintf(pp.c, "q 1 J %s w [0 %s] 0 d %s %s m %s %s l S Q\n", pdf.Num(size*0.12), pdf.Num(step), pdf.Num(from), pdf.Num(pl.y+size*0.06), pdf.Num(to), pdf.Num(pl.y+size*0.06))
	pp.c.End()
	return numX
}

// marker draws a list item's bullet or number, or a checklist's box to
// tick, its label element, in the margin before its first line.
func (pp *pagePainter) marker(pl *placed, b *block) {
	regular, size := pp.d.Fonts.Regular, pp.d.Format.Body
	pp.tag(pp.els.label[pl.block])
	if b.tick {
		side := size * 0.8
		pp.square(pl.x-side-size*0.5, pl.y, side, size, b.ticked)
	} else {
		mw := pp.d.textWidth(regular, b.marker, size)
		pp.draw(regular, size, pl.x-mw-size*0.5, pl.y, b.marker)
	}
	pp.c.End()
}

// square draws a box w wide from x, standing on the baseline y as a
// capital of size does (its bottom a little under it); ticked draws a
// tick in it. Vectors, in whatever marked content is open.
func (pp *pagePainter) square(x, y, w, size float64, ticked bool) {
	h := min(w, size*0.8)
	bottom := y - size*0.1
	fmt.Fprintf(pp.c, "q %s w %s %s %s %s re S", pdf.Num(size*0.06), pdf.Num(x), pdf.Num(bottom), pdf.Num(w), pdf.Num(h))
	if ticked {
		fmt.Fprintf(pp.c, " %s %s m %s %s l %s %s l S", pdf.Num(x+w*0.2), pdf.Num(bottom+h*0.5), pdf.Num(x+w*0.42), pdf.Num(bottom+h*0.22), pdf.Num(x+w*0.82), pdf.Num(bottom+h*0.82))
	}
	pp.c.WriteString(" Q\n")
}

// piece is a piece of a line to draw: its run, font, element, and
// whether a space follows it.
type piece struct {
	pl     *placed
	b      *block
	el     int
	pc     typeset.Piece
	run    typeset.Run
	f      *pdf.Font
	spaced bool
	runs   []typeset.Run // the line's block's or cell's
}

// words draws a line's pieces one by one where the line's spacing puts
// them; a real space glyph follows each word that a space follows, on the
// line or at its end, so that text read from the structure (screen
// readers, copy) keeps its words apart. It returns where the last piece
// ends (-1: none) and its style, for a hyphen after it.
func (pp *pagePainter) words(pl *placed, b *block, el int, runs []typeset.Run) (end float64, prev typeset.Style, err error) {
	end = -1
	pieces := pl.line.Pieces
	text := &textLine{c: pp.c, y: pl.y, buf: pp.glyphs[:0], scale: 1 + pl.line.Expand}
	for k, pc := range pieces {
		if pc.Run < 0 {
			continue
		}
		run := runs[pc.Run]
		st := run.Style
		pce := piece{pl: pl, b: b, el: el, pc: pc, run: run, f: st.Font.(*pdf.Font), spaced: spacedAfter(pl, k, st.Size), runs: runs}
		end, prev = pl.x+pc.X+pc.Width, st
		switch {
		case pc.Missing:
			// No font has it: a box, read as the character.
			text.close()
			actual := pc.Text
			if pce.spaced {
				actual += " "
			}
			pp.d.placeholder(pp.c, pp.p.fontNames, st.Size, pl.x+pc.X, pl.y, actual)
		case run.Rule > 0 && run.Text == "":
			// A box to tick or to write a score in, part of its
			// block: a form's.
			text.close()
			size := st.Size
			if pc.Width > 2*size {
				size *= 1.5 // a score's box: room for two digits written by hand
			}
			pp.square(pl.x+pc.X, pl.y, pc.Width, size, false)
		case run.Rule > 0:
			text.close()
			pp.blank(pce)
		default:
			err = pp.word(text, pce)
		}
		if err != nil {
			return 0, prev, err
		}
	}
	text.close()
	pp.glyphs = text.buf
	return end, prev, nil
}

// spacedAfter reports whether a space follows piece k of a line: the
// gap to the next piece, or the line's end where it ends a word.
func spacedAfter(pl *placed, k int, size float64) bool {
	pieces := pl.line.Pieces
	for j := k + 1; j < len(pieces); j++ {
		if pieces[j].Run >= 0 {
			return pieces[j].X-(pieces[k].X+pieces[k].Width) > size*0.05
		}
	}
	return !pl.last && !pl.line.Hyphen && !pl.line.InWord
}

// blank draws a blank to fill in: a line under the baseline (an
// artifact), and what goes there as invisible text squeezed to the
// line's length (render mode 3, which q … Q takes back), so that it is
// read aloud and copied, never seen.
func (pp *pagePainter) blank(pc piece) {
	c, pl, st := pp.c, pc.pl, pc.run.Style
	x0, y0 := pl.x+pc.pc.X, pl.y-st.Size*0.15
	if !pl.repeat {
		c.End()
		c.BeginArtifact(layout)
	}
	fmt.Fprintf(c, "q %s w %s %s m %s %s l S Q\n", pdf.Num(st.Size*0.06), pdf.Num(x0), pdf.Num(y0), pdf.Num(x0+pc.pc.Width), pdf.Num(y0))
	if !pl.repeat {
		c.End()
		pp.tag(pc.el)
	}
	label := pc.run.Text
	if pc.spaced {
		label += " "
	}
	hex, missing := pc.f.Encode(label)
	if len(missing) > 0 {
		// Read whole, though the font draws only part of it.
		c.BeginActualText(label)
	}
	squeeze := 100 * pc.pc.Width / max(pc.f.Width(label, st.Size), 1)
	fmt.Fprintf(c, "q BT 3 Tr %s %s Tf %s Tz %s %s Td %s Tj ET Q\n", pp.p.fontNames[pc.f], pdf.Num(st.Size), pdf.Num(squeeze), pdf.Num(x0), pdf.Num(pl.y), hex)
	if len(missing) > 0 {
		c.End()
	}
}

// word draws a word shaped: in its own voice when its language is not
// the block's, and as a link when it is one.
func (pp *pagePainter) word(text *textLine, pc piece) error {
	run, pl := pc.run, pc.pl
	span := run.Lang != "" && run.Lang != pc.b.lang && !pl.repeat
	to, inside := pp.targets[run.Link]
	if run.Link != "" && !pl.repeat && (!strings.HasPrefix(run.Link, "#") || inside) {
		link := pdf.Link{URI: run.Link}
		if inside {
			link = pdf.Link{Dest: pp.p.blockAt[to]}
		}
		return pp.link(text, pc, span, link)
	}
	if span {
		// A phrase in another language, read with its own voice.
		text.close()
		pp.c.BeginLang(run.Lang)
	}
	if err := text.show(pp.p.fontNames[pc.f], pc.f, run.Style.Size, pl.x+pc.pc.X, pc.pc, pc.spaced); err != nil {
		return err
	}
	if span {
		text.close()
		pp.c.End()
	}
	return nil
}

// link draws a word of a link: the link is its own element, tied to its
// annotation, so that assistive technology reads it as a link (PDF/UA
// 7.18.5); the next word of the same link on the same line extends the
// annotation's rectangle over both and the space between them. The runs
// of one link (a bold word in it, its page reference) are one element.
func (pp *pagePainter) link(text *textLine, pc piece, span bool, link pdf.Link) error {
	c, pl, st, tree := pp.c, pc.pl, pc.run.Style, pp.p.tree
	first := pc.pc.Run
	for first > 0 && pc.runs[first-1].Link == pc.run.Link {
		first--
	}
	key := linkKey{pl.block, pl.cell, first}
	le, ok := pp.linkElem[key]
	if !ok {
		le = tree.Add(pc.el, pdf.StructElem{Role: "Link"})
		pp.linkElem[key] = le
	}
	text.close()
	c.End()
	pp.tag(le)
	if span {
		c.BeginLang(pc.run.Lang)
	}
	if err := text.show(pp.p.fontNames[pc.f], pc.f, st.Size, pl.x+pc.pc.X, pc.pc, pc.spaced); err != nil {
		return err
	}
	text.close()
	if span {
		c.End()
	}
	x0 := pl.x + pc.pc.X
	rect := [4]float64{x0, pl.y - st.Size*0.25, x0 + pc.pc.Width, pl.y + st.Size*0.9}
	if l := tree.LastLink(le); l != nil && l.Page == pp.pi && l.Rect[1] == rect[1] {
		l.Rect[2] = rect[2]
		l.Contents += " " + pc.pc.Text
	} else {
		link.Page, link.Rect, link.Contents = pp.pi, rect, pc.pc.Text
		tree.AddLink(le, link)
	}
	c.End()
	pp.tag(pc.el)
	return nil
}
