package typeset_test

import (
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/typeset"
)

func regular(t testing.TB) *font.Font {
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

const preambule = "L’intelligence artificielle transforme profondément nos manières de travailler, de communiquer et d’innover. Si elle représente une formidable opportunité pour les organisations à but non lucratif, en apportant efficacité, créativité et impact, son usage soulève également de nombreuses questions environnementales, éthiques, sociales et juridiques\u202f; « nous nous engageons\u202f» à y répondre\u202f!"

func TestSetParagraph(t *testing.T) {
	f := regular(t)
	for _, width := range []float64{260, 340, 480} { // A5 text is about 320 pt wide
		runs := []typeset.Run{{Text: preambule, Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}
		lines, err := typeset.Set(runs, typeset.Defaults(width))
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for i, l := range lines {
			if l.Overfull {
				t.Errorf("width %v, line %d overfull", width, i)
			}
			// Justified lines fill the measure, spaces at most 1.5 times
			// their width; a paragraph that cannot is set ragged.
			if i < len(lines)-1 && !l.Ragged && math.Abs(l.Width-width) > 0.01 {
				t.Errorf("width %v, line %d set to %.2f", width, i, l.Width)
			}
			if i < len(lines)-1 && !l.Ragged && (l.Ratio < -1 || l.Ratio > 1) {
				t.Errorf("width %v, line %d ratio %.2f", width, i, l.Ratio)
			}
			if l.Ragged != lines[0].Ragged || l.Width > width+0.01 {
				t.Errorf("width %v, line %d: ragged %v, width %.2f", width, i, l.Ragged, l.Width)
			}
			var words []string
			for _, p := range l.Pieces {
				words = append(words, p.Text)
			}
			s := strings.Join(words, " ")
			if l.Hyphen {
				s += "-"
			}
			text = append(text, s)
		}
		joined := strings.Join(text, "\n")
		// French spaces never start or end a line.
		for _, l := range text {
			if strings.HasPrefix(l, "\u2009") || strings.HasPrefix(l, ";") || strings.HasPrefix(l, "»") || strings.HasPrefix(l, "!") {
				t.Errorf("width %v: line starts with a sign that must stay with its word: %q", width, l)
			}
		}
		// Reading the lines back, hyphens joined, gives the text.
		back := strings.ReplaceAll(joined, "-\n", "")
		back = strings.Join(strings.Fields(strings.ReplaceAll(back, "\n", " ")), " ")
		want := strings.NewReplacer("\u202f", " \u2009 ").Replace(preambule)
		want = strings.Join(strings.Fields(want), " ")
		if strings.ReplaceAll(back, " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Errorf("width %v: lines do not give the text back:\n%s", width, joined)
		}
	}
}

// TestMissingGlyphs: a character the font lacks is a placeholder piece,
// never dropped, never an error; an emoji sequence is one placeholder,
// a lone joiner none; Chinese breaks between its characters.
func TestMissingGlyphs(t *testing.T) {
	f := regular(t)
	tests := []struct {
		text    string
		missing []string
	}{
		{"Niveau ★ avancé → suite", []string{"★", "→"}},
		{"un sourire😀, une équipe 👩\u200d💻 et 👍🏽 !", []string{"😀", "👩\u200d💻", "👍🏽"}},
		{"rien\u200b ici\ufe0f", nil},
		{"non\u2011stop, co\u2010auteur, in\u00adtel\u00adli\u00adgence, 10\u202f%", nil},
	}
	for _, tt := range tests {
		lines, err := typeset.Set([]typeset.Run{{Text: tt.text, Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}, typeset.Defaults(300))
		if err != nil {
			t.Fatalf("%q: %v", tt.text, err)
		}
		var got []string
		var all strings.Builder
		for _, l := range lines {
			for _, pc := range l.Pieces {
				if pc.Missing {
					got = append(got, pc.Text)
					if pc.Width != typeset.Placeholder*11 || len(pc.Glyphs) != 0 {
						t.Errorf("%q: placeholder %q is %v wide with %d glyphs", tt.text, pc.Text, pc.Width, len(pc.Glyphs))
					}
				}
				all.WriteString(pc.Text)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.missing) {
			t.Errorf("%q: placeholders %q, want %q", tt.text, got, tt.missing)
		}
		for _, m := range tt.missing {
			if !strings.Contains(all.String(), m) {
				t.Errorf("%q: %q dropped", tt.text, m)
			}
		}
	}
	// 200 Chinese characters the font lacks, no space: they break
	// between characters and stay in the measure.
	lines, err := typeset.Set([]typeset.Run{{Text: strings.Repeat("中文", 100), Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}, typeset.Defaults(300))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Overfull || l.Width > 300.01 {
			t.Errorf("a line of placeholders %v wide, overfull %v", l.Width, l.Overfull)
		}
	}
}

func BenchmarkSet(b *testing.B) {
	f := regular(b)
	runs := []typeset.Run{{Text: strings.Repeat(preambule+" ", 3), Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}
	p := typeset.Defaults(300)
	for b.Loop() {
		if _, err := typeset.Set(runs, p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestItemsShared: a paragraph set through an Items cache at two sizes
// gets the same items, bit for bit, whichever size comes first, and
// they are the items Build makes, to rounding.
func TestItemsShared(t *testing.T) {
	f := regular(t)
	runs := func(size float64) []typeset.Run {
		return []typeset.Run{{Text: preambule, Style: typeset.Style{Font: f, Size: size}, Lang: "fr"}}
	}
	set := func(c *typeset.Items, size float64) []typeset.SetLine {
		p := typeset.Defaults(300)
		p.Items = c
		lines, err := typeset.Set(runs(size), p)
		if err != nil {
			t.Fatal(err)
		}
		return lines
	}
	var first, second typeset.Items
	a10, _ := set(&first, 10), set(&first, 11.5)
	_, b10 := set(&second, 11.5), set(&second, 10)
	if fmt.Sprint(a10) != fmt.Sprint(b10) {
		t.Error("the lines at 10 pt depend on which size was set first")
	}
	plain := set(nil, 10)
	if len(plain) != len(a10) {
		t.Fatalf("%d lines without the cache, %d with it", len(plain), len(a10))
	}
	for i := range plain {
		if d := plain[i].Width - a10[i].Width; d > 1e-9 || d < -1e-9 {
			t.Errorf("line %d: %v pt without the cache, %v with it", i, plain[i].Width, a10[i].Width)
		}
	}
}

// TestRaggedFallback: a paragraph that justified lines would stretch
// past 1.5 times its spaces (a long address in a narrow column) is set
// ragged at its natural spacing; one that fits stays justified.
func TestRaggedFallback(t *testing.T) {
	f := regular(t)
	tests := []struct {
		text   string
		width  float64
		ragged bool
	}{
		{"Le texte du règlement sur EUR-Lex (eur-lex.europa.eu/eli/reg/2024/1689/oj) est long à lire.", 150, true},
		{preambule, 340, false},
	}
	for _, tt := range tests {
		runs := []typeset.Run{{Text: tt.text, Style: typeset.Style{Font: f, Size: 10}, Lang: "fr"}}
		lines, err := typeset.Set(runs, typeset.Defaults(tt.width))
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lines {
			if l.Ragged != tt.ragged {
				t.Errorf("%.20q…, line %d: ragged %v, want %v", tt.text, i, l.Ragged, tt.ragged)
			}
			if !l.Ragged && i < len(lines)-1 && l.Ratio > 1 {
				t.Errorf("%.20q…, line %d: justified at ratio %.2f, spaces past 1.5 times", tt.text, i, l.Ratio)
			}
			if l.Width > tt.width+0.01 {
				t.Errorf("%.20q…, line %d: %.1f pt wide in %.0f", tt.text, i, l.Width, tt.width)
			}
		}
	}
}

// TestNaturalSpaces: ragged lines set with Natural keep every space at
// its natural width (large print never squeezes a line), where ragged
// lines without it may shrink their spaces to keep a word on the line.
func TestNaturalSpaces(t *testing.T) {
	f := regular(t)
	space := f.Advance(' ') * 16.5 / 1000
	least := map[bool]float64{false: math.Inf(1), true: math.Inf(1)}
	for _, natural := range []bool{false, true} {
		for width := 180.0; width <= 480; width += 3 {
			p := typeset.Defaults(width)
			p.Ragged, p.Natural = true, natural
			lines, err := typeset.Set([]typeset.Run{{Text: preambule, Style: typeset.Style{Font: f, Size: 16.5}, Lang: "fr"}}, p)
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range lines {
				if natural && l.Width > width+0.01 {
					t.Errorf("width %v, line %d is %.2f wide", width, i, l.Width)
				}
				for k := 1; k < len(l.Pieces); k++ {
					if gap := l.Pieces[k].X - l.Pieces[k-1].X - l.Pieces[k-1].Width; gap > 0.01 {
						least[natural] = min(least[natural], gap)
					}
				}
			}
		}
	}
	if least[true] < space-0.001 {
		t.Errorf("a natural line has a space of %.3f pt, under the %.3f pt of a space", least[true], space)
	}
	if least[false] >= space-0.001 {
		t.Errorf("no ragged line shrinks a space (least %.3f pt): the test tests nothing", least[false])
	}
}

// TestExpansion sets the preamble justified with and without font
// expansion: glyphs never widen or narrow past the limit, the last line
// and ragged lines keep them as drawn, each piece's width includes its
// line's expansion, and expansion never needs more hyphens.
func TestExpansion(t *testing.T) {
	f := regular(t)
	runs := []typeset.Run{{Text: preambule, Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}
	hyphens := func(lines []typeset.SetLine) (n int) {
		for _, l := range lines {
			if l.Hyphen {
				n++
			}
		}
		return n
	}
	expanded := 0
	for _, width := range []float64{200, 260, 320} {
		p := typeset.Defaults(width)
		lines, err := typeset.Set(runs, p)
		if err != nil {
			t.Fatal(err)
		}
		p.Expand = 0
		plain, err := typeset.Set(runs, p)
		if err != nil {
			t.Fatal(err)
		}
		if h, hp := hyphens(lines), hyphens(plain); h > hp {
			t.Errorf("width %v: %d hyphens with expansion, %d without", width, h, hp)
		}
		for i, l := range lines {
			last := i == len(lines)-1
			if l.Expand != 0 {
				expanded++
			}
			switch {
			case math.Abs(l.Expand) > 0.02+1e-9:
				t.Errorf("width %v, line %d: glyphs expanded %.4f, past 2 %%", width, i, l.Expand)
			case (last || l.Ragged) && l.Expand != 0:
				t.Errorf("width %v, line %d (last %v, ragged %v): expanded %.4f", width, i, last, l.Ragged, l.Expand)
			}
			for _, pc := range l.Pieces {
				drawn := 0.0
				for _, g := range pc.Glyphs {
					drawn += g.Advance * 11 / 1000
				}
				if math.Abs(pc.Width-drawn*(1+l.Expand)) > 0.01 {
					t.Errorf("width %v, line %d: %q is %.3f wide, its glyphs %.3f at %+.4f", width, i, pc.Text, pc.Width, drawn, l.Expand)
				}
			}
		}
	}
	if expanded == 0 {
		t.Error("no line expanded its glyphs")
	}
}
