package pdf

import (
	"fmt"
	"sort"
	"strings"

	"sobre/build/font"
)

// Font is a font used in one document: the parsed font (build/font),
// whose metrics and shaping face it shares with every document set in
// it, and the glyphs this document drew, which its embedded subset keeps.
// Text is written with the font's own glyph ids as character ids
// (Identity-H); the embedded file keeps every id but only the outlines
// of the glyphs used.
type Font struct {
	*font.Font
	used map[uint16]string // glyph id -> the characters it shows
}

// NewFont returns f for a new document, with no glyph used yet.
func NewFont(f *font.Font) *Font {
	return &Font{Font: f, used: map[uint16]string{}}
}

// Clone returns the same font with no glyph used yet, for another
// document: the parsed tables, and the words shaped with them, are
// shared; each document embeds the subset it uses.
func (f *Font) Clone() *Font { return NewFont(f.Font) }

// Used reports whether any glyph of the font was drawn: a fallback font
// that drew none is not embedded.
func (f *Font) Used() bool { return len(f.used) > 0 }

// Glyph returns the glyph that shows r alone, unshaped.
func (f *Font) Glyph(r rune) (Glyph, bool) {
	g := f.GlyphID(r)
	return Glyph{ID: g, Advance: f.GlyphAdvance(g), Text: string(r)}, g != 0
}

// Encode returns s as a hex string of glyph ids for the Tj operator and
// marks its glyphs as used. Characters the font lacks are returned, not
// drawn: the typesetter substitutes them before, and fails on any left.
func (f *Font) Encode(s string) (string, []rune) {
	var b strings.Builder
	var missing []rune
	b.WriteByte('<')
	for _, r := range s {
		g := f.GlyphID(r)
		if g == 0 {
			missing = append(missing, r)
			continue
		}
		if _, ok := f.used[g]; !ok {
			f.used[g] = string(r)
		}
		fmt.Fprintf(&b, "%04X", g)
	}
	b.WriteByte('>')
	return b.String(), missing
}

// Glyph is a glyph placed by a shaper. Lengths are in thousandths of
// the font size, x to the right and y up.
type Glyph struct {
	ID               uint16
	Advance          float64 // to the next glyph's origin
	XOffset, YOffset float64 // where the glyph is drawn from its origin
	// Text is what the glyph's cluster stands for: one character, several
	// for a ligature. Only a cluster's first glyph has it.
	Text string
}

// ShowAt returns the operators that draw glyphs set at size from the
// current text position: a TJ array whose numbers are the differences
// between the shaper's advances and the widths the font gives (kerning),
// and a text rise for glyphs moved up or down. It marks the glyphs as
// used, each with the text of the cluster it first appears in, for the
// ToUnicode map. Clusters set with .notdef (id 0) are returned, not
// drawn, as Encode returns characters it lacks.
//
// The first glyph is moved lead thousandths of the size to the right of
// the current text position. With whole, the text position is left where
// the last glyph's advance ends, so that the next glyphs of a line can
// follow in the same text object.
func (f *Font) ShowAt(glyphs []Glyph, size, lead float64, whole bool) (string, []rune) {
	var b []byte
	var missing []rune
	rise := 0.0
	start := -1     // where the current TJ array starts in b; -1: none open
	inHex := false  // a hex string is open
	kerned := false // the open array has a number: TJ, else Tj will do
	adjust := lead  // to move the next glyph by, in thousandths, x to the right
	end := func() {
		if inHex {
			b = append(b, '>')
			inHex = false
		}
		if start < 0 {
			return
		}
		if kerned {
			b = append(b, "] TJ "...)
		} else {
			// One string: drop the brackets.
			b = append(b[:start], b[start+1:]...)
			b = append(b, " Tj "...)
		}
		start, kerned = -1, false
	}
	for _, g := range glyphs {
		if g.ID == 0 || int(g.ID) >= f.NumGlyphs() {
			missing = append(missing, []rune(g.Text)...)
			adjust += g.Advance
			continue
		}
		if g.YOffset != rise {
			end()
			rise = g.YOffset
			b = append(b, Num(rise*size/1000)...)
			b = append(b, " Ts "...)
		}
		if start < 0 {
			start = len(b)
			b = append(b, '[')
		}
		// TJ numbers move the next glyph left: the sign is the opposite.
		if n := -(adjust + g.XOffset); n >= 0.0005 || n <= -0.0005 {
			if inHex {
				b = append(b, '>')
				inHex = false
			}
			b = append(b, Num(n)...)
			kerned = true
		}
		if !inHex {
			b = append(b, '<')
			inHex = true
		}
		b = append(b, hexDigits[g.ID>>12], hexDigits[g.ID>>8&15], hexDigits[g.ID>>4&15], hexDigits[g.ID&15])
		if t, ok := f.used[g.ID]; !ok || (t == "" && g.Text != "") {
			f.used[g.ID] = g.Text
		}
		// The font moves on by the glyph's width; the shaper wants its
		// advance, from the origin, not from where the offset drew it.
		adjust = g.Advance - f.GlyphAdvance(g.ID) - g.XOffset
	}
	if n := -adjust; whole && start >= 0 && (n >= 0.0005 || n <= -0.0005) {
		if inHex {
			b = append(b, '>')
			inHex = false
		}
		b = append(b, Num(n)...)
		kerned = true
	}
	end()
	if rise != 0 {
		b = append(b, "0 Ts "...)
	}
	return strings.TrimSuffix(string(b), " "), missing
}

const hexDigits = "0123456789ABCDEF"

// Embed writes the font and returns its Type0 font dictionary. Call it
// once every Encode call is done.
func (f *Font) Embed(w *Writer) Ref {
	gids := make([]uint16, 0, len(f.used))
	keep := map[uint16]bool{}
	for g := range f.used {
		gids = append(gids, g)
		keep[g] = true
	}
	sort.Slice(gids, func(i, j int) bool { return gids[i] < gids[j] })
	// A subset's name starts with six capitals naming it (PDF 9.6.4).
	base := Name(subsetTag(gids) + "+" + f.Name())
	sub := f.Subset(keep)
	file := w.AddStream(fmt.Sprintf("/Length1 %d", len(sub)), sub, false)

	m := f.Metrics()
	flags := 32 // nonsymbolic
	if m.ItalicAngle != 0 {
		flags |= 64
	}
	desc := w.Add(fmt.Sprintf("<< /Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %s >>",
		base, flags, Num(m.BBox[0]), Num(m.BBox[1]), Num(m.BBox[2]), Num(m.BBox[3]), Num(m.ItalicAngle), Num(m.Ascent), Num(m.Descent), Num(m.CapHeight), file))
	var widths strings.Builder
	for _, g := range gids {
		fmt.Fprintf(&widths, "%d [%s] ", g, Num(f.GlyphAdvance(g)))
	}
	cid := w.Add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %s /DW %s /W [%s] /CIDToGIDMap /Identity >>",
		base, desc, Num(f.GlyphAdvance(0)), strings.TrimSpace(widths.String())))
	toUni := w.AddStream("", toUnicode(gids, f.used), false)
	return w.Add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s >>", base, cid, toUni))
}

func subsetTag(gids []uint16) string {
	h := uint32(2166136261)
	for _, g := range gids {
		h = (h ^ uint32(g)) * 16777619
	}
	var b [6]byte
	for i := range b {
		b[i] = byte('A' + h%26)
		h /= 26
	}
	return string(b[:])
}

// toUnicode is the CMap that maps glyph ids back to characters, so that
// text can be searched, copied and read aloud.
// A glyph may stand for several characters (a ligature: "ffi"); one
// that stands for none (a cluster's second glyph) has no entry.
func toUnicode(gids []uint16, used map[uint16]string) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	mapped := make([]uint16, 0, len(gids))
	for _, g := range gids {
		if used[g] != "" {
			mapped = append(mapped, g)
		}
	}
	for i := 0; i < len(mapped); i += 100 {
		end := min(i+100, len(mapped))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-i)
		for _, g := range mapped[i:end] {
			fmt.Fprintf(&b, "<%04X> <", g)
			// A destination holds at most 512 bytes (PDF 9.10.3): 256
			// UTF-16 code units, far more than a cluster needs.
			n := 0
			for _, r := range used[g] {
				for _, u := range utf16Of(r) {
					if n < 256 {
						fmt.Fprintf(&b, "%04X", u)
					}
					n++
				}
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return []byte(b.String())
}

func utf16Of(r rune) []uint16 {
	if r >= 0x10000 {
		r -= 0x10000
		return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
	}
	return []uint16{uint16(r)}
}
