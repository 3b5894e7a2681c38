package pdf

import (
	"fmt"
	"sort"
	"strings"
)

// Font is a TrueType font to embed. Text is written with the font's own
// glyph ids as character ids (Identity-H); the embedded file keeps every
// id but only the outlines of the glyphs used.
type Font struct {
	t    *ttf
	used map[uint16]rune // glyph id -> the character it shows
	name string
}

// LoadFont reads a TrueType font. name is the name it gets in the file,
// e.g. "AtkinsonHyperlegibleNext-Regular".
func LoadFont(data []byte, name string) (*Font, error) {
	t, err := parseTTF(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", name, err)
	}
	return &Font{t: t, used: map[uint16]rune{}, name: name}, nil
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool { return f.t.cmap[r] != 0 }

// Advance returns the width of r in thousandths of the font size.
func (f *Font) Advance(r rune) float64 {
	return float64(f.t.advances[f.t.cmap[r]]) * 1000 / f.t.upem
}

// Width returns the width of s set at size.
func (f *Font) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.Advance(r)
	}
	return w * size / 1000
}

// Encode returns s as a hex string of glyph ids for the Tj operator and
// marks its glyphs as used. Characters the font lacks are returned, not
// drawn: the typesetter substitutes them before, and fails on any left.
func (f *Font) Encode(s string) (string, []rune) {
	var b strings.Builder
	var missing []rune
	b.WriteByte('<')
	for _, r := range s {
		g := f.t.cmap[r]
		if g == 0 {
			missing = append(missing, r)
			continue
		}
		if _, ok := f.used[g]; !ok {
			f.used[g] = r
		}
		fmt.Fprintf(&b, "%04X", g)
	}
	b.WriteByte('>')
	return b.String(), missing
}

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
	base := Name(subsetTag(gids) + "+" + f.name)
	sub := f.t.subset(keep)
	file := w.AddStream(fmt.Sprintf("/Length1 %d", len(sub)), sub, false)

	t := f.t
	scale := func(v int16) string { return Num(float64(v) * 1000 / t.upem) }
	flags := 32 // nonsymbolic
	if t.italic != 0 {
		flags |= 64
	}
	desc := w.Add(fmt.Sprintf("<< /Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%s %s %s %s] /ItalicAngle %s /Ascent %s /Descent %s /CapHeight %s /StemV 80 /FontFile2 %s >>",
		base, flags, scale(t.xMin), scale(t.yMin), scale(t.xMax), scale(t.yMax), Num(t.italic), scale(t.ascent), scale(t.descent), scale(t.capHeight), file))
	var widths strings.Builder
	for _, g := range gids {
		fmt.Fprintf(&widths, "%d [%s] ", g, Num(float64(t.advances[g])*1000/t.upem))
	}
	cid := w.Add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %s /DW %s /W [%s] /CIDToGIDMap /Identity >>",
		base, desc, Num(float64(t.advances[0])*1000/t.upem), strings.TrimSpace(widths.String())))
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
func toUnicode(gids []uint16, used map[uint16]rune) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		end := min(i+100, len(gids))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-i)
		for _, g := range gids[i:end] {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16Of(used[g]) {
				fmt.Fprintf(&b, "%04X", u)
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
