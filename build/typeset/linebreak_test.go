package typeset

import (
	"math"
	"strings"
	"testing"
)

// mono turns text into items with every letter one unit wide, spaces as
// glue of 1 (stretch 0.5, shrink 1/3), "-" inside a word as a flagged
// hyphenation point, and the paragraph's closing fill and forced break.
func mono(text string) []Item {
	var items []Item
	for i, word := range strings.Fields(text) {
		if i > 0 {
			items = append(items, Item{Kind: Glue, Width: 1, Stretch: 0.5, Shrink: 1.0 / 3})
		}
		for j, syl := range strings.Split(word, "-") {
			if j > 0 {
				items = append(items, Item{Kind: Penalty, Width: 1, Penalty: 50, Flagged: true})
			}
			items = append(items, Item{Kind: Box, Width: float64(len([]rune(syl)))})
		}
	}
	return append(items, Item{Kind: Glue, Stretch: 1e6}, Item{Kind: Penalty, Penalty: -Infinity})
}

// natural is the width of a line's items, glue at its natural width.
func natural(items []Item, l Line) (w, y, z float64) {
	for i := l.Start; i < l.End; i++ {
		it := items[i]
		switch {
		case it.Kind == Penalty && i == l.End-1:
			w += it.Width
		case it.Kind == Box:
			w += it.Width
		case it.Kind == Glue && i < l.End-1:
			w, y, z = w+it.Width, y+it.Stretch, z+it.Shrink
		}
	}
	return
}

const text = `Nous nous engageons à adopter un usage sobre et écologiquement responsable de l’intelligence artificielle en privilégiant les moteurs de recherche classiques pour les requêtes simples et en réservant l’IA aux situations où elle apporte une réelle valeur ajoutée`

func TestBreakFits(t *testing.T) {
	for _, width := range []float64{45, 60, 75} {
		items := mono(text)
		p := Defaults(width)
		lines, err := Break(items, p)
		if err != nil {
			t.Fatal(err)
		}
		if lines[len(lines)-1].End != len(items) {
			t.Errorf("width %v: the last line ends at %d of %d", width, lines[len(lines)-1].End, len(items))
		}
		for i, l := range lines {
			if l.Overfull {
				t.Errorf("width %v, line %d: overfull", width, i)
			}
			w, y, z := natural(items, l)
			// Glyphs take their share of the adjustment too.
			for _, it := range items[l.Start:l.End] {
				if it.Kind == Box {
					y += p.Expand * it.Width
					z += p.Expand * it.Width
				}
			}
			last := i == len(lines)-1
			if !last && (l.Ratio < -1 || l.Ratio > 2) {
				t.Errorf("width %v, line %d: ratio %.2f out of tolerance", width, i, l.Ratio)
			}
			// The ratio is what sets the line to the measure exactly.
			set := w
			if l.Ratio >= 0 {
				set += l.Ratio * y
			} else {
				set += l.Ratio * z
			}
			if !last && math.Abs(set-width) > 1e-6 {
				t.Errorf("width %v, line %d: set to %.3f", width, i, set)
			}
			if i > 0 && l.Start != lines[i-1].End+1 && items[l.Start].Kind != Box {
				t.Errorf("width %v, line %d starts with glue", width, i)
			}
		}
	}
}

// firstFit breaks where a line would overflow, as a word processor does.
func firstFit(items []Item, width float64) []float64 {
	var ratios []float64
	w, y, start := 0.0, 0.0, true
	pending := 0.0 // glue before the next word
	pendingY := 0.0
	for _, it := range items {
		switch it.Kind {
		case Box:
			if !start && w+pending+it.Width > width {
				ratios = append(ratios, (width-w)/y)
				w, y, start = 0, 0, true
			}
			if !start {
				w, y = w+pending, y+pendingY
			}
			w += it.Width
			start = false
		case Glue:
			pending, pendingY = it.Width, it.Stretch
		}
	}
	return ratios
}

// TestTotalFit: first fit fills the first lines and leaves loose ones;
// total fit spreads the space over the paragraph.
func TestTotalFit(t *testing.T) {
	for _, width := range []float64{40, 50, 60, 70} {
		items := mono(text + " " + text)
		lines, err := Break(items, Defaults(width))
		if err != nil {
			t.Fatal(err)
		}
		worst, greedy := 0.0, 0.0
		for _, l := range lines[:len(lines)-1] {
			worst = math.Max(worst, math.Abs(l.Ratio))
		}
		for _, r := range firstFit(items, width) {
			greedy = math.Max(greedy, math.Abs(r))
		}
		if worst > greedy+1e-9 {
			t.Errorf("width %v: worst ratio %.2f, first fit's %.2f: total fit must never be worse", width, worst, greedy)
		}
	}
}

func TestHyphenAndFlags(t *testing.T) {
	items := mono("in-tel-li-gence ar-ti-fi-ci-elle res-pon-sable en-vi-ron-ne-ment")
	lines, err := Break(items, Defaults(10))
	if err != nil {
		t.Fatal(err)
	}
	hyphens := 0
	for i, l := range lines {
		if l.Hyphen {
			hyphens++
			if items[l.End-1].Kind != Penalty {
				t.Errorf("line %d ends with a hyphen but not at a penalty", i)
			}
		}
	}
	if hyphens == 0 {
		t.Error("narrow lines of long words need hyphens")
	}
}

func TestOverfullWord(t *testing.T) {
	items := mono("a verantwoordelijkheidsgevoel b")
	lines, err := Break(items, Defaults(10))
	if err != nil {
		t.Fatalf("a word wider than the line must give an overfull line, not an error: %v", err)
	}
	over := 0
	for _, l := range lines {
		if l.Overfull {
			over++
		}
	}
	if over != 1 {
		t.Errorf("%d overfull lines, want 1: %+v", over, lines)
	}
}

func TestForcedBreak(t *testing.T) {
	items := mono("un deux")
	mid := append([]Item{}, items[:1]...)
	mid = append(mid, Item{Kind: Glue, Stretch: 1e6}, Item{Kind: Penalty, Penalty: -Infinity})
	mid = append(mid, items[2:]...)
	lines, err := Break(mid, Defaults(40))
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].End != 3 {
		t.Errorf("a forced break must end the line: %+v", lines)
	}
	if _, err := Break(nil, Defaults(10)); err != ErrEmpty {
		t.Error("an empty paragraph is an error")
	}
}

// FuzzBreak: any widths and any measure give lines that cover every item
// in order, without a panic.
func FuzzBreak(f *testing.F) {
	f.Add("Nous nous engageons à adopter un usage sobre", 12.0)
	f.Add("a-b-c-d-e-f-g-h", 1.0)
	f.Add("x", 0.5)
	f.Add("verantwoordelijk-heids-ge-voel en meer", 3.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if strings.TrimSpace(s) == "" || math.IsNaN(width) || math.IsInf(width, 0) || width < 0.1 || width > 1e4 || len(s) > 2000 {
			return
		}
		items := mono(s)
		lines, err := Break(items, Defaults(width))
		if err != nil {
			t.Fatal(err)
		}
		prev := -1
		for _, l := range lines {
			if l.Start <= prev || l.End < l.Start || l.End > len(items) {
				t.Fatalf("lines out of order: %+v", lines)
			}
			prev = l.End - 1
		}
		if lines[len(lines)-1].End != len(items) {
			t.Fatalf("last line ends at %d of %d", lines[len(lines)-1].End, len(items))
		}
	})
}

func BenchmarkBreak(b *testing.B) {
	items := mono(strings.Repeat(text+" ", 5))
	p := Defaults(60)
	for b.Loop() {
		if _, err := Break(items, p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFinalHyphen: with TeX's final hyphen demerits, fewer paragraphs
// end on the stub of a word broken on the line before.
func TestFinalHyphen(t *testing.T) {
	const hyphenated = "Nous nous en-ga-geons à adop-ter un usage sobre et éco-lo-gi-que-ment res-pon-sable de l’in-tel-li-gence ar-ti-fi-cielle en pri-vi-lé-giant les mo-teurs de re-cherche clas-siques"
	stubs := func(final float64) (n int) {
		for width := 20.0; width <= 80; width++ {
			p := Defaults(width)
			p.FinalHyphenDemerits = final
			for cut := 40; cut <= len(hyphenated); cut += 7 {
				text := hyphenated[:cut]
				if i := strings.LastIndexByte(text, ' '); i > 0 {
					text = text[:i]
				}
				lines, err := Break(mono(text), p)
				if err == nil && len(lines) > 1 && lines[len(lines)-2].Hyphen {
					n++
				}
			}
		}
		return n
	}
	without, with := stubs(0), stubs(Defaults(1).FinalHyphenDemerits)
	t.Logf("paragraphs ending on a stub: %d without the rule, %d with it", without, with)
	if with >= without {
		t.Errorf("final hyphen demerits: %d stubs, %d without them", with, without)
	}
}

// TestHyphenRules checks the rules on hyphens over many widths, each
// against the same breaking without it: at most two hyphenated lines in
// a row, fewer hyphens with a first try without them (TeX's
// \pretolerance), fewer hyphens in a row with \doublehyphendemerits.
func TestHyphenRules(t *testing.T) {
	const hyphenated = "Nous nous en-ga-geons à adop-ter un usage sobre et éco-lo-gi-que-ment res-pon-sable de l’in-tel-li-gence ar-ti-fi-cielle en pri-vi-lé-giant les mo-teurs de re-cherche clas-siques pour les re-quêtes simples et en ré-ser-vant l’IA aux si-tua-tions où elle ap-porte une ré-elle va-leur ajou-tée"
	type count struct{ hyphens, pairs, most int }
	measure := func(p Params, text string) (c count) {
		for width := 20.0; width <= 80; width++ {
			p.Width = func(int) float64 { return width }
			lines, err := Break(mono(text), p)
			if err != nil {
				t.Fatal(err)
			}
			run := 0
			for _, l := range lines {
				if !l.Hyphen {
					run = 0
					continue
				}
				c.hyphens++
				if run++; run > 1 {
					c.pairs++
				}
				c.most = max(c.most, run)
			}
		}
		return c
	}
	off := func(f func(*Params)) Params {
		p := Defaults(1)
		f(&p)
		return p
	}
	tests := []struct {
		rule       string
		text       string
		with, wout Params
		check      func(with, wout count) bool
	}{
		{"at most two in a row", hyphenated, Defaults(1), off(func(p *Params) { p.MaxHyphens, p.FlaggedDemerits = 0, 0 }),
			func(with, wout count) bool { return with.most <= 2 && wout.most > 2 }},
		{"double hyphen demerits", hyphenated, off(func(p *Params) { p.MaxHyphens = 0 }), off(func(p *Params) { p.MaxHyphens, p.FlaggedDemerits = 0, 0 }),
			func(with, wout count) bool { return with.pairs < wout.pairs }},
		{"pretolerance", hyphenated, Defaults(1), off(func(p *Params) { p.Pretolerance = 0 }),
			func(with, wout count) bool { return with.hyphens < wout.hyphens }},
	}
	for _, tt := range tests {
		with, wout := measure(tt.with, tt.text), measure(tt.wout, tt.text)
		t.Logf("%s: %+v with the rule, %+v without", tt.rule, with, wout)
		if !tt.check(with, wout) {
			t.Errorf("%s: %+v with the rule, %+v without", tt.rule, with, wout)
		}
	}
}
