package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// ttf is what the PDF writer needs of a TrueType font: metrics, the
// character map, and the glyph data to embed a subset.
type ttf struct {
	tables     map[string][]byte
	upem       float64
	xMin, yMin int16
	xMax, yMax int16
	ascent     int16
	descent    int16
	capHeight  int16
	italic     float64
	longLoca   bool
	numGlyphs  int
	advances   []uint16
	cmap       map[rune]uint16
}

var errFont = errors.New("not a TrueType font this writer can read")

func u16(b []byte, i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
func u32(b []byte, i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }

func parseTTF(data []byte) (f *ttf, err error) {
	defer func() {
		// A short or corrupt table must give an error, not a crash.
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: %v", errFont, r)
		}
	}()
	if len(data) < 12 || (u32(data, 0) != 0x00010000 && string(data[:4]) != "true") {
		return nil, errFont
	}
	f = &ttf{tables: map[string][]byte{}, cmap: map[rune]uint16{}}
	n := int(u16(data, 4))
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, length := int(u32(rec, 8)), int(u32(rec, 12))
		f.tables[string(rec[:4])] = data[off : off+length]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("%w: no %s table", errFont, t)
		}
	}
	head := f.tables["head"]
	f.upem = float64(u16(head, 18))
	f.xMin, f.yMin, f.xMax, f.yMax = int16(u16(head, 36)), int16(u16(head, 38)), int16(u16(head, 40)), int16(u16(head, 42))
	f.longLoca = u16(head, 50) == 1
	hhea := f.tables["hhea"]
	f.ascent, f.descent = int16(u16(hhea, 4)), int16(u16(hhea, 6))
	nh := int(u16(hhea, 34))
	f.numGlyphs = int(u16(f.tables["maxp"], 4))
	hmtx := f.tables["hmtx"]
	locaSize := 2
	if f.longLoca {
		locaSize = 4
	}
	// Tables that disagree with the glyph count would send the reader
	// past their ends: refuse them here, once.
	if f.numGlyphs == 0 || nh == 0 || nh > f.numGlyphs || len(hmtx) < 4*nh || len(f.tables["loca"]) < locaSize*(f.numGlyphs+1) {
		return nil, fmt.Errorf("%w: glyph tables do not match the glyph count", errFont)
	}
	f.advances = make([]uint16, f.numGlyphs)
	for g := 0; g < f.numGlyphs; g++ {
		if g < nh {
			f.advances[g] = u16(hmtx, 4*g)
		} else {
			f.advances[g] = f.advances[nh-1]
		}
	}
	if os2 := f.tables["OS/2"]; len(os2) >= 90 && u16(os2, 0) >= 2 {
		f.capHeight = int16(u16(os2, 88))
	} else {
		f.capHeight = f.ascent
	}
	if post := f.tables["post"]; len(post) >= 8 {
		f.italic = float64(int32(u32(post, 4))) / 65536
	}
	return f, f.readCmap()
}

// readCmap reads the Unicode subtable: format 12 (all planes) if there
// is one, else format 4 (the basic plane).
func (f *ttf) readCmap() error {
	c := f.tables["cmap"]
	best, bestFmt := -1, 0
	for i := 0; i < int(u16(c, 2)); i++ {
		rec := c[4+8*i:]
		pid, eid, off := u16(rec, 0), u16(rec, 2), int(u32(rec, 4))
		if !(pid == 0 || (pid == 3 && (eid == 1 || eid == 10))) {
			continue
		}
		format := int(u16(c, off))
		if (format == 12 && bestFmt != 12) || (format == 4 && bestFmt == 0) {
			best, bestFmt = off, format
		}
	}
	switch bestFmt {
	case 12:
		t := c[best:]
		for i := 0; i < int(u32(t, 12)); i++ {
			g := t[16+12*i:]
			start, end, gid := u32(g, 0), u32(g, 4), u32(g, 8)
			for r := start; r <= end && r < 0x110000 && r-start < 0x10000; r++ {
				if g := gid + r - start; g < uint32(f.numGlyphs) {
					f.cmap[rune(r)] = uint16(g)
				}
			}
		}
	case 4:
		t := c[best:]
		segs := int(u16(t, 6)) / 2
		ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
		for s := 0; s < segs; s++ {
			end, start := int(u16(t, ends+2*s)), int(u16(t, starts+2*s))
			delta, ro := int(u16(t, deltas+2*s)), int(u16(t, ranges+2*s))
			for r := start; r <= end && r != 0xFFFF; r++ {
				var g int
				if ro == 0 {
					g = (r + delta) & 0xFFFF
				} else {
					idx := ranges + 2*s + ro + 2*(r-start)
					if g = int(u16(t, idx)); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
				if g != 0 && g < f.numGlyphs {
					f.cmap[rune(r)] = uint16(g)
				}
			}
		}
	default:
		return fmt.Errorf("%w: no Unicode character map", errFont)
	}
	return nil
}

// glyph returns a glyph's outline data.
func (f *ttf) glyph(g int) []byte {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	if g < 0 || g >= f.numGlyphs {
		return nil
	}
	var a, b int
	if f.longLoca {
		a, b = int(u32(loca, 4*g)), int(u32(loca, 4*g+4))
	} else {
		a, b = 2*int(u16(loca, 2*g)), 2*int(u16(loca, 2*g+2))
	}
	if a >= b || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// components lists the glyphs a composite glyph is made of.
func (f *ttf) components(g int) (out []int) {
	defer func() {
		if recover() != nil {
			out = nil // a truncated composite: keep what was read
		}
	}()
	d := f.glyph(g)
	if len(d) < 10 || int16(u16(d, 0)) >= 0 {
		return nil
	}
	i := 10
	for {
		flags := u16(d, i)
		out = append(out, int(u16(d, i+2)))
		i += 4
		if flags&1 != 0 { // ARG_1_AND_2_ARE_WORDS
			i += 4
		} else {
			i += 2
		}
		switch {
		case flags&8 != 0: // WE_HAVE_A_SCALE
			i += 2
		case flags&0x40 != 0: // X_AND_Y_SCALE
			i += 4
		case flags&0x80 != 0: // TWO_BY_TWO
			i += 8
		}
		if flags&0x20 == 0 { // MORE_COMPONENTS
			return out
		}
	}
}

// subset writes a font keeping every glyph id but emptying the outlines
// of glyphs not used, so ids in the text need no mapping; it keeps only
// the tables a PDF's embedded TrueType font needs (PDF 2.0, 9.9).
func (f *ttf) subset(used map[uint16]bool) []byte {
	keep := map[int]bool{0: true}
	var walk func(g int)
	walk = func(g int) {
		if keep[g] && g != 0 {
			return
		}
		keep[g] = true
		for _, c := range f.components(g) {
			if c < f.numGlyphs {
				walk(c)
			}
		}
	}
	for g := range used {
		walk(int(g))
	}
	var glyf []byte
	loca := make([]byte, 4*(f.numGlyphs+1))
	for g := 0; g < f.numGlyphs; g++ {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if keep[g] {
			glyf = append(glyf, f.glyph(g)...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*f.numGlyphs:], uint32(len(glyf)))
	head := append([]byte(nil), f.tables["head"]...)
	binary.BigEndian.PutUint16(head[50:], 1) // long offsets in loca
	binary.BigEndian.PutUint32(head[8:], 0)  // checksum adjustment, set below
	tables := map[string][]byte{"head": head, "hhea": f.tables["hhea"], "maxp": f.tables["maxp"], "hmtx": f.tables["hmtx"], "loca": loca, "glyf": glyf}
	for _, t := range []string{"cvt ", "fpgm", "prep"} {
		if f.tables[t] != nil {
			tables[t] = f.tables[t]
		}
	}
	return writeSFNT(tables)
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	entry, pow := 0, 1
	for pow*2 <= n {
		pow *= 2
		entry++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(entry))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*pow))
	headAt := 0
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}
