// Package font reads the TrueType fonts print sets text in. Each face is
// parsed once, by go-text (github.com/go-text/typesetting): its Face
// shapes words and gives the metrics and the character map; the raw
// tables it read give the subset a PDF embeds (subset.go). The package
// also knows the stand-ins drawn for characters print fonts commonly
// lack (StandIn). It knows nothing of PDF: build/pdf embeds what this
// package gives it.
package font

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Font is a TrueType font parsed once. Its metrics and character map
// are safe for concurrent use; its shaping face (Face) is not.
type Font struct {
	name      string
	face      *gotext.Face
	tables    map[string][]byte // the raw tables a subset copies
	upem      float64
	numGlyphs int
	longLoca  bool
	metrics   Metrics
	dense     []uint16  // the character map below denseRunes, by rune
	advances  []float32 // by glyph, in font units, as go-text reads them
}

// denseRunes bounds the part of the character map kept as a table: the
// text of the languages printed (Latin, Greek, Cyrillic, punctuation,
// arrows, symbols) lies below it, and is looked up for every character
// of a booklet several times, where go-text's map searches its ranges.
const denseRunes = 0x3000

// Metrics are what a PDF font descriptor says of a font, in thousandths
// of the font size.
type Metrics struct {
	BBox                       [4]float64 // xMin, yMin, xMax, yMax
	Ascent, Descent, CapHeight float64
	ItalicAngle                float64 // degrees, counter-clockwise
}

var errFont = errors.New("not a TrueType font this writer can read")

// tableTags are the tables read raw: those a subset keeps, and those
// the descriptor's metrics come from.
var tableTags = []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cvt ", "fpgm", "prep", "OS/2", "post"}

// Parse reads a TrueType font (glyf outlines). name is the name it is
// embedded under, e.g. "AtkinsonHyperlegibleNext-Regular".
func Parse(data []byte, name string) (f *Font, err error) {
	defer func() {
		// A short or corrupt table must give an error, not a crash.
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("font %s: %w: %v", name, errFont, r)
		}
	}()
	if len(data) < 12 || (u32(data, 0) != 0x00010000 && string(data[:4]) != "true") {
		return nil, fmt.Errorf("font %s: %w", name, errFont)
	}
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("font %s: %w: %v", name, errFont, err)
	}
	f = &Font{name: name, tables: map[string][]byte{}}
	for _, tag := range tableTags {
		if t := ot.MustNewTag(tag); ld.HasTable(t) {
			if f.tables[tag], err = ld.RawTable(t); err != nil {
				return nil, fmt.Errorf("font %s: %w: %v", name, errFont, err)
			}
		}
	}
	if err := f.readTables(); err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	ft, err := gotext.NewFont(ld)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w: %v", name, errFont, err)
	}
	f.face = gotext.NewFace(ft)
	f.advances = make([]float32, f.numGlyphs)
	for g := range f.advances {
		f.advances[g] = f.face.HorizontalAdvance(gotext.GID(g))
	}
	f.dense = make([]uint16, denseRunes)
	for r := range rune(denseRunes) {
		f.dense[r] = f.lookup(r)
	}
	return f, nil
}

// readTables checks the tables a subset needs and reads the metrics.
func (f *Font) readTables() error {
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if f.tables[t] == nil {
			return fmt.Errorf("%w: no %s table", errFont, t)
		}
	}
	head, hhea := f.tables["head"], f.tables["hhea"]
	f.upem = float64(u16(head, 18))
	f.longLoca = u16(head, 50) == 1
	nh := int(u16(hhea, 34))
	f.numGlyphs = int(u16(f.tables["maxp"], 4))
	locaSize := 2
	if f.longLoca {
		locaSize = 4
	}
	// Tables that disagree with the glyph count would send the reader
	// past their ends: refuse them here, once.
	if f.upem == 0 || f.numGlyphs == 0 || nh == 0 || nh > f.numGlyphs || len(f.tables["hmtx"]) < 4*nh || len(f.tables["loca"]) < locaSize*(f.numGlyphs+1) {
		return fmt.Errorf("%w: glyph tables do not match the glyph count", errFont)
	}
	scale := func(v uint16) float64 { return float64(int16(v)) * 1000 / f.upem }
	m := &f.metrics
	m.BBox = [4]float64{scale(u16(head, 36)), scale(u16(head, 38)), scale(u16(head, 40)), scale(u16(head, 42))}
	m.Ascent, m.Descent = scale(u16(hhea, 4)), scale(u16(hhea, 6))
	m.CapHeight = m.Ascent
	if os2 := f.tables["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		m.CapHeight = scale(u16(os2, 88))
	}
	if post := f.tables["post"]; len(post) >= 8 {
		m.ItalicAngle = float64(int32(u32(post, 4))) / 65536
	}
	return nil
}

func u16(b []byte, i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
func u32(b []byte, i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }

// Name is the name the font is embedded under.
func (f *Font) Name() string { return f.name }

// Face is the font parsed for shaping (GSUB, GPOS). It is not safe for
// concurrent use: build/typeset serialises its shaping per face.
func (f *Font) Face() *gotext.Face { return f.face }

// Metrics are the font's descriptor metrics.
func (f *Font) Metrics() Metrics { return f.metrics }

// NumGlyphs is the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

// GlyphID returns the glyph that shows r, 0 (.notdef) if none does.
func (f *Font) GlyphID(r rune) uint16 {
	if r >= 0 && r < denseRunes {
		return f.dense[r]
	}
	return f.lookup(r)
}

// lookup reads the character map: glyph ids past the font's last glyph
// are none.
func (f *Font) lookup(r rune) uint16 {
	g, ok := f.face.Font.Cmap.Lookup(r)
	if !ok || int(g) >= f.numGlyphs {
		return 0
	}
	return uint16(g)
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool { return f.GlyphID(r) != 0 }

// GlyphAdvance returns glyph g's width in thousandths of the font size.
func (f *Font) GlyphAdvance(g uint16) float64 {
	if int(g) >= len(f.advances) {
		return 0
	}
	return float64(f.advances[g]) * 1000 / f.upem
}

// Advance returns the width of r in thousandths of the font size (that
// of .notdef when the font lacks r).
func (f *Font) Advance(r rune) float64 { return f.GlyphAdvance(f.GlyphID(r)) }

// Width returns the width of s set at size, unshaped.
func (f *Font) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.Advance(r)
	}
	return w * size / 1000
}
