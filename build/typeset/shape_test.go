package typeset_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"

	"sobre/build/typeset"
)

// plainWidth is what a text measures glyph by glyph, without shaping.
func plainWidth(f typeset.Metrics, s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.Advance(r)
	}
	return w * size / 1000
}

// TestKerning: pairs that Atkinson Hyperlegible Next kerns (its GPOS
// kern feature) come out narrower than their letters' advances, and
// words it does not kern keep them.
func TestKerning(t *testing.T) {
	f := regular(t)
	tests := []struct {
		word    string
		narrows bool
	}{
		{"AVAT", true}, // A-V, V-A, A-T: 2403 -> 2273 thousandths
		{"To", true},   // -80
		{"LT", true},   // -70
		{"f.", true},   // -40
		{"yo", false},
		{"rv", false},
	}
	for _, tt := range tests {
		lines, err := typeset.Set([]typeset.Run{{Text: tt.word, Style: typeset.Style{Font: f, Size: 10}, Lang: "en", NoHyphens: true}}, typeset.Defaults(500))
		if err != nil {
			t.Fatal(err)
		}
		pc := lines[0].Pieces[0]
		plain := plainWidth(f, tt.word, 10)
		if tt.narrows && !(pc.Width < plain-0.1) {
			t.Errorf("%q: shaped width %.2f, want less than the advances' %.2f", tt.word, pc.Width, plain)
		}
		if !tt.narrows && math.Abs(pc.Width-plain) > 1e-9 {
			t.Errorf("%q: shaped width %.2f, want the advances' %.2f", tt.word, pc.Width, plain)
		}
		sum := 0.0
		for _, g := range pc.Glyphs {
			sum += g.Advance
		}
		if math.Abs(sum*10/1000-pc.Width) > 1e-9 {
			t.Errorf("%q: width %.3f is not the glyphs' advances %.3f", tt.word, pc.Width, sum*10/1000)
		}
	}
}

// TestShapingRoundTrip: every piece's glyphs give its text back, cluster
// by cluster. The font has no "liga" feature (its GSUB has aalt case
// ccmp frac locl ordn pnum sups tnum), so "office" is six glyphs and
// the ligature case is tested in build/pdf with a made-up glyph.
func TestShapingRoundTrip(t *testing.T) {
	f := regular(t)
	for _, lang := range []string{"fr", "en", "nl"} {
		for _, width := range []float64{90, 200, 340} {
			runs := []typeset.Run{{Text: preambule + " office officieel efficient ĳsbeer", Style: typeset.Style{Font: f, Size: 11}, Lang: lang}}
			lines, err := typeset.Set(runs, typeset.Defaults(width))
			if err != nil {
				t.Fatal(err)
			}
			if err := roundTrip(lines); err != nil {
				t.Errorf("%s, width %v: %v", lang, width, err)
			}
		}
	}
	lines, _ := typeset.Set([]typeset.Run{{Text: "office", Style: typeset.Style{Font: f, Size: 11}, Lang: "en"}}, typeset.Defaults(300))
	if n := len(lines[0].Pieces[0].Glyphs); n != 6 {
		t.Errorf("office: %d glyphs; the font gained ligatures: test them here", n)
	}
}

// TestHyphenUnkerned: a word broken at a hyphenation point loses the
// kerning with the letter that went to the next line, and lines are
// still set to their width.
func TestHyphenUnkerned(t *testing.T) {
	f := regular(t)
	text := strings.Repeat("Toutefois l’organisation travaillera TOTALEMENT AVANT d’autres AVATARS. ", 6)
	face := f.Face()
	hyphens := 0
	for _, width := range []float64{60, 75, 90, 110} {
		lines, err := typeset.Set([]typeset.Run{{Text: text, Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}, typeset.Defaults(width))
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lines {
			x := 0.0
			for _, pc := range l.Pieces {
				sum := 0.0
				for _, g := range pc.Glyphs {
					sum += g.Advance
				}
				if math.Abs(sum*11/1000-pc.Width) > 1e-6 {
					t.Errorf("width %v, line %d: %q is %.3f wide, its glyphs %.3f", width, i, pc.Text, pc.Width, sum*11/1000)
				}
				x = pc.X + pc.Width
			}
			if l.Hyphen {
				x += f.Advance('-') * 11 / 1000
				hyphens++
				gs := l.Pieces[len(l.Pieces)-1].Glyphs
				g := gs[len(gs)-1]
				if plain := float64(face.HorizontalAdvance(font.GID(g.ID))) * 1000 / float64(face.Upem()); g.Advance != plain {
					t.Errorf("width %v, line %d: the glyph before the hyphen keeps its kerning (%.1f, not %.1f)", width, i, g.Advance, plain)
				}
			}
			if i < len(lines)-1 && !l.Overfull && math.Abs(x-l.Width) > 1e-6 {
				t.Errorf("width %v, line %d: ends at %.3f, set to %.3f", width, i, x, l.Width)
			}
		}
	}
	if hyphens == 0 {
		t.Error("no line ends with a hyphen: the test tests nothing")
	}
}

// FuzzSet: any text sets without a panic, and gives pieces whose glyphs
// give the text back, none of them .notdef (a character the font lacks
// is a placeholder piece).
func FuzzSet(f *testing.F) {
	font := regular(f)
	f.Add(preambule, "fr", 200.0)
	f.Add("in\u00adtel\u00ad\u00adli\u00adgence AVAT", "en", 30.0)
	f.Add("e\u0301te\u0301 ĳsbeer", "nl", 50.0)
	f.Add("x★y", "fr", 100.0)
	f.Fuzz(func(t *testing.T, s, lang string, width float64) {
		if math.IsNaN(width) || math.IsInf(width, 0) || width < 1 || width > 1e4 || len(s) > 1000 || len(lang) > 20 {
			return
		}
		lines, err := typeset.Set([]typeset.Run{{Text: s, Style: typeset.Style{Font: font, Size: 11}, Lang: lang}}, typeset.Defaults(width))
		if err != nil {
			return // an empty paragraph
		}
		if err := roundTrip(lines); err != nil {
			t.Fatal(err)
		}
	})
}

// roundTrip checks that every piece's glyphs give its text back, and that
// none is .notdef.
func roundTrip(lines []typeset.SetLine) error {
	for _, l := range lines {
		for _, pc := range l.Pieces {
			if pc.Missing {
				if len(pc.Glyphs) > 0 || pc.Text == "" {
					return fmt.Errorf("placeholder %q with %d glyphs", pc.Text, len(pc.Glyphs))
				}
				continue // drawn by the caller as a box
			}
			var b strings.Builder
			for _, g := range pc.Glyphs {
				if g.ID == 0 {
					return fmt.Errorf("%q: .notdef set", pc.Text)
				}
				b.WriteString(g.Text)
			}
			if b.String() != pc.Text {
				return fmt.Errorf("glyphs give %q, piece is %q", b.String(), pc.Text)
			}
		}
	}
	return nil
}
