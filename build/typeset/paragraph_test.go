package typeset_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"

	"sobre"
	"sobre/build/pdf"
	"sobre/build/typeset"
)

func regular(t testing.TB) *pdf.Font {
	data, err := fs.ReadFile(sobre.Defaults, "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := pdf.LoadFont(data, "AtkinsonHyperlegibleNext-Regular")
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
			if i < len(lines)-1 && math.Abs(l.Width-width) > 0.01 {
				t.Errorf("width %v, line %d set to %.2f", width, i, l.Width)
			}
			if i < len(lines)-1 && (l.Ratio < -1 || l.Ratio > 2) {
				t.Errorf("width %v, line %d ratio %.2f", width, i, l.Ratio)
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

func TestMissingGlyphs(t *testing.T) {
	f := regular(t)
	_, err := typeset.Set([]typeset.Run{{Text: "Niveau ★ avancé → suite", Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}, typeset.Defaults(300))
	var mg *typeset.MissingGlyphError
	if !errors.As(err, &mg) || len(mg.Chars) != 2 {
		t.Fatalf("want the two missing characters reported, got %v", err)
	}
	// Characters the font lacks but that have a stand-in are set.
	if _, err := typeset.Set([]typeset.Run{{Text: "non\u2011stop, co\u2010auteur, in\u00adtel\u00adli\u00adgence, 10\u202f%", Style: typeset.Style{Font: f, Size: 11}, Lang: "fr"}}, typeset.Defaults(300)); err != nil {
		t.Errorf("substitutes must cover U+2010, U+2011, U+00AD and U+202F: %v", err)
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
