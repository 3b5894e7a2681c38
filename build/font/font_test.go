package font_test

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"slices"
	"testing"

	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/font/gofont/goregular"

	"sobre"
	"sobre/build/font"
)

func atkinson(t testing.TB) *font.Font {
	t.Helper()
	data, err := fs.ReadFile(sobre.Defaults, "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := font.Parse(data, "AtkinsonHyperlegibleNext-Regular")
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestParseRefuses(t *testing.T) {
	data, _ := fs.ReadFile(sobre.Defaults, "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf")
	for name, b := range map[string][]byte{
		"garbage":   []byte("not a font at all"),
		"empty":     nil,
		"truncated": data[:2000],
		"header":    []byte("\x00\x01\x00\x00\x00\x01"),
		"cff":       append([]byte("OTTO"), data[4:]...),
	} {
		if _, err := font.Parse(b, "x"); err == nil {
			t.Errorf("%s: parsed; want an error", name)
		}
	}
}

// TestCmapAndMetrics: the character map and advances come from one parse,
// the same the shaper uses.
func TestCmapAndMetrics(t *testing.T) {
	f := atkinson(t)
	tests := []struct {
		r   rune
		gid uint16
	}{{'T', 0x53}, {'o', 0xAF}, {'a', 0x70}, {'★', 0}}
	for _, tt := range tests {
		if got := f.GlyphID(tt.r); got != tt.gid {
			t.Errorf("GlyphID(%q) = %d, want %d", tt.r, got, tt.gid)
		}
		if f.Has(tt.r) != (tt.gid != 0) {
			t.Errorf("Has(%q) = %v", tt.r, f.Has(tt.r))
		}
		if g, _ := f.Face().NominalGlyph(tt.r); tt.gid != 0 && uint16(g) != tt.gid {
			t.Errorf("the shaping face maps %q to %d, the font to %d", tt.r, g, tt.gid)
		}
	}
	if a := f.Advance('o'); a <= 0 || a != f.GlyphAdvance(0xAF) {
		t.Errorf("Advance('o') = %v, GlyphAdvance = %v", a, f.GlyphAdvance(0xAF))
	}
	if w := f.Width("oo", 10); w != 2*f.Advance('o')*10/1000 {
		t.Errorf("Width = %v", w)
	}
	m := f.Metrics()
	if m.Ascent <= 0 || m.Descent >= 0 || m.CapHeight <= 0 || m.CapHeight > m.Ascent || m.BBox[2] <= m.BBox[0] || m.ItalicAngle != 0 {
		t.Errorf("metrics: %+v", m)
	}
}

// TestStandIns: each stand-in is drawn where the print font lacks the
// character itself.
func TestStandIns(t *testing.T) {
	f := atkinson(t)
	for _, r := range []rune{'\u202f', '\u2010', '\u2011', '₂'} {
		s, ok := font.StandIn(r)
		if !ok {
			t.Errorf("%U: no stand-in", r)
			continue
		}
		if f.Has(r) || !f.Has(s) {
			t.Errorf("%U: the font has it (%v) or lacks its stand-in %U (%v)", r, f.Has(r), s, f.Has(s))
		}
	}
	if _, ok := font.StandIn('a'); ok {
		t.Error("a has a stand-in")
	}
}

// TestSubset: the subset keeps every glyph id, the outlines of the glyphs
// used only, and reads back as a font.
func TestSubset(t *testing.T) {
	for name, data := range map[string][]byte{"go": goregular.TTF} {
		f, err := font.Parse(data, name)
		if err != nil {
			t.Fatal(err)
		}
		used := map[uint16]bool{f.GlyphID('a'): true, f.GlyphID('é'): true}
		sub := f.Subset(used)
		if len(sub) >= len(data)/2 {
			t.Errorf("%s: subset of two glyphs weighs %d bytes, the font %d", name, len(sub), len(data))
		}
		// No cmap: a PDF font is drawn by glyph id.
		ld, err := ot.NewLoader(bytes.NewReader(sub))
		if err != nil {
			t.Fatalf("%s: the subset does not read back: %v", name, err)
		}
		var tags []string
		for _, tag := range ld.Tables() {
			tags = append(tags, tag.String())
		}
		slices.Sort(tags)
		if want := []string{"cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"}; !slices.Equal(tags, want) {
			t.Errorf("%s: tables %q, want %q", name, tags, want)
		}
		loca, _ := ld.RawTable(ot.MustNewTag("loca"))
		if len(loca) != 4*(f.NumGlyphs()+1) {
			t.Fatalf("%s: loca of %d bytes for %d glyphs (long offsets)", name, len(loca), f.NumGlyphs())
		}
		for _, tt := range []struct {
			g     uint16
			drawn bool
		}{{0, true}, {f.GlyphID('a'), true}, {f.GlyphID('é'), true}, {f.GlyphID('z'), false}} {
			start, end := binary.BigEndian.Uint32(loca[4*tt.g:]), binary.BigEndian.Uint32(loca[4*tt.g+4:])
			if drawn := end > start; drawn != tt.drawn {
				t.Errorf("%s: glyph %d drawn = %v, want %v", name, tt.g, drawn, tt.drawn)
			}
		}
	}
}
