package print

import (
	"fmt"

	"sobre/build/pdf"
	"sobre/build/typeset"
)

// textLine writes the words of a line into as few text objects as the
// marked content allows: one BT … ET, each word a TJ array that starts
// with the distance from where the previous word ended. A line of twelve
// words weighs a third of twelve text objects of their own, and deflates
// as much faster.
type textLine struct {
	c    *pdf.Content
	y    float64
	open bool
	font string
	size float64
	pen  float64 // where the text position is, x
	buf  []pdf.Glyph
	// scale is the line's horizontal scaling (1: as drawn), the
	// typesetter's font expansion: Tz scales glyphs and TJ's gaps alike.
	scale float64
}

// show draws a piece's shaped glyphs at x (its origin on the baseline),
// with a space glyph after them when space: kerning and offsets as the
// shaper set them. A glyph the font lacks is an error, never a .notdef
// drawn.
func (t *textLine) show(name string, f *pdf.Font, size, x float64, pc typeset.Piece, space bool) error {
	gs := t.buf[:0]
	width := 0.0
	for _, g := range pc.Glyphs {
		gs = append(gs, pdf.Glyph{ID: g.ID, Advance: g.Advance, XOffset: g.XOffset, YOffset: g.YOffset, Text: g.Text})
		width += g.Advance
	}
	if sp, ok := f.Glyph(' '); ok && space {
		gs = append(gs, sp)
		width += sp.Advance
	}
	t.buf = gs
	lead := 0.0
	switch {
	case !t.open:
		t.c.WriteString("BT " + name + " " + pdf.Num(size) + " Tf ")
		if t.scaled() {
			t.c.WriteString(pdf.Num(100*t.scale) + " Tz ")
		}
		t.c.WriteString(pdf.Num(x) + " " + pdf.Num(t.y) + " Td ")
		t.open, t.font, t.size, t.pen = true, name, size, x
	case name != t.font || size != t.size:
		t.c.WriteString(name + " " + pdf.Num(size) + " Tf ")
		t.font, t.size = name, size
		fallthrough
	default:
		lead = (x - t.pen) * 1000 / (size * t.factor())
	}
	ops, missing := f.ShowAt(gs, size, lead, true)
	if len(missing) > 0 {
		// The typesetter sets what a font lacks as placeholders: a
		// .notdef here is a bug, not the text's fault.
		return fmt.Errorf("print: %q shaped with .notdef", string(missing))
	}
	t.c.WriteString(ops + " ")
	t.pen = x + width*size/1000*t.factor()
	return nil
}

// scaled reports whether the line's glyphs are set wider or narrower
// than drawn.
func (t *textLine) scaled() bool { return t.scale != 0 && t.scale != 1 }

// factor is the line's horizontal scaling, 1 when none is set.
func (t *textLine) factor() float64 {
	if t.scaled() {
		return t.scale
	}
	return 1
}

// close ends the text object, before marked content changes.
func (t *textLine) close() {
	if t.open {
		t.c.WriteString("ET\n")
		if t.scaled() {
			// Tz is graphics state, which ET keeps: what is drawn next
			// is drawn at its own width.
			t.c.WriteString("100 Tz\n")
		}
		t.open = false
	}
}
