package print

import (
	"fmt"
	"strings"

	"sobre/build/pdf"
	"sobre/build/typeset"
)

// drawGlyphs writes a piece's shaped glyphs at x, y (its origin on the
// baseline) in the font called name: kerning and offsets as the shaper
// set them. A glyph the font lacks is an error, never a .notdef drawn.
func drawGlyphs(c *strings.Builder, name string, f *pdf.Font, size, x, y float64, pc typeset.Piece) error {
	gs := make([]pdf.Glyph, len(pc.Glyphs))
	for i, g := range pc.Glyphs {
		gs[i] = pdf.Glyph{ID: g.ID, Advance: g.Advance, XOffset: g.XOffset, YOffset: g.YOffset, Text: g.Text}
	}
	ops, missing := f.Show(gs, size)
	if len(missing) > 0 {
		return &typeset.MissingGlyphError{Chars: missing}
	}
	fmt.Fprintf(c, "BT %s %s Tf %s %s Td %s ET\n", name, pdf.Num(size), pdf.Num(x), pdf.Num(y), ops)
	return nil
}
