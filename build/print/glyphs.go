package print

import (
	"strings"
	"sync"

	"sobre/build/pdf"
	"sobre/build/typeset"
)

// drawGlyphs writes a piece's shaped glyphs at x, y (its origin on the
// baseline) in the font called name: kerning and offsets as the shaper
// set them, then trail (encoded text, a space) where they end. A glyph
// the font lacks is an error, never a .notdef drawn.
func drawGlyphs(c *strings.Builder, name string, f *pdf.Font, size, x, y float64, pc typeset.Piece, trail string) error {
	buf := glyphBufs.Get().(*[]pdf.Glyph)
	defer glyphBufs.Put(buf)
	gs := (*buf)[:0]
	for _, g := range pc.Glyphs {
		gs = append(gs, pdf.Glyph{ID: g.ID, Advance: g.Advance, XOffset: g.XOffset, YOffset: g.YOffset, Text: g.Text})
	}
	*buf = gs
	ops, missing := f.Show(gs, size)
	if len(missing) > 0 {
		return &typeset.MissingGlyphError{Chars: missing}
	}
	for _, s := range []string{"BT ", name, " ", pdf.Num(size), " Tf ", pdf.Num(x), " ", pdf.Num(y), " Td ", ops} {
		c.WriteString(s)
	}
	if trail != "" {
		c.WriteString(" " + trail + " Tj")
	}
	c.WriteString(" ET\n")
	return nil
}

// glyphBufs saves an allocation per piece drawn.
var glyphBufs = sync.Pool{New: func() any { return new([]pdf.Glyph) }}
