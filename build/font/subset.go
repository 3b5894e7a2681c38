package font

import (
	"encoding/binary"
	"sort"
)

// The subsetter is our own: a PDF needs the font's glyph ids kept as
// they are (the text is written with them) and the outlines of the glyphs
// used, nothing more; it reads the raw tables Parse kept.

// glyph returns a glyph's outline data.
func (f *Font) glyph(g int) []byte {
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
func (f *Font) components(g int) (out []int) {
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

// Subset writes the font keeping every glyph id but emptying the
// outlines of glyphs not in used (and not part of a used composite), so
// ids in the text need no mapping; it keeps only the tables a PDF's
// embedded TrueType font needs (PDF 2.0, 9.9).
func (f *Font) Subset(used map[uint16]bool) []byte {
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
