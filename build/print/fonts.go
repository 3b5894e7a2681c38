package print

import (
	"fmt"
	"unicode"

	"sobre/build/font"
	"sobre/build/pdf"
	"sobre/build/typeset"
)

// fit gives the characters of block i's runs a font that has them: the
// run's own, or the first fallback font that has it. A character no font
// has stays in the run's font, where the typesetter sets a placeholder
// box for it, and is reported on its line. Runs are split where the font
// changes; a run set in a fallback font is never hyphenated (the page's
// language is not its script's).
func (d *Document) fit(i int) {
	b := &d.blocks[i]
	if b.fitted {
		return
	}
	b.fitted = true
	counts := map[rune]int{}
	var order []rune
	miss := func(r rune) {
		if counts[r] == 0 {
			order = append(order, r)
		}
		counts[r]++
	}
	b.runs = d.split(b.runs, miss)
	for c := range b.cells {
		b.cells[c] = d.split(b.cells[c], miss)
	}
	for _, r := range order {
		var lines []int
		if b.node != nil && b.doc != nil {
			lines = b.doc.LinesOf(b.node, string(r), counts[r])
		}
		if len(lines) == 0 {
			lines = []int{b.line}
		}
		for _, l := range lines {
			d.missing(b.file, l, r)
		}
	}
}

// edition names the booklet's format in messages: "A4", "A5", "large
// print" (an A4 page too).
func (d *Document) edition() string {
	if d.Format == LargePrint {
		return "large print"
	}
	return d.Format.Name
}

// check reports the characters of s, printed outside the flow of text (a
// running footer), that no font has.
func (d *Document) check(s, file string, line int) {
	for _, r := range s {
		if _, ok := d.fontFor(d.Fonts.Regular, r, nil); !ok {
			d.missing(file, line, r)
		}
	}
}

func (d *Document) missing(file string, line int, r rune) {
	d.Problems = append(d.Problems, &Error{File: file, Line: line, Kind: "glyph", Char: r,
		Err: fmt.Errorf("U+%04X %q: no print font has it; a box stands in for it", r, r)})
}

// fontFor returns the font that draws r: cur when r goes with what comes
// before it (a space, a mark, an invisible character), else primary when
// it has r (or its stand-in), else the first fallback that has it. ok is
// false when no font has r: then f is primary, which draws a placeholder.
func (d *Document) fontFor(primary *pdf.Font, r rune, cur *pdf.Font) (f *pdf.Font, ok bool) {
	if cur != nil && (unicode.IsSpace(r) || typeset.Ignorable(r) || unicode.In(r, unicode.Mn, unicode.Me) && cur.Has(r)) {
		return cur, true
	}
	if s, ok := font.StandIn(r); ok && primary.Has(s) {
		return primary, true
	}
	if primary.Has(r) || unicode.IsSpace(r) || typeset.Ignorable(r) {
		return primary, true
	}
	for _, fb := range d.Fonts.Fallback {
		if fb.Has(r) {
			return fb, true
		}
	}
	return primary, false
}

// split cuts runs where the font that has their characters changes, and
// calls miss for each character no font has.
func (d *Document) split(runs []typeset.Run, miss func(rune)) []typeset.Run {
	var out []typeset.Run
	for _, run := range runs {
		primary, ok := run.Style.Font.(*pdf.Font)
		if run.Rule > 0 || !ok {
			out = append(out, run)
			continue
		}
		var cur *pdf.Font
		start := 0
		emit := func(end int) {
			if end > start {
				part := run
				part.Text = run.Text[start:end]
				if cur != primary {
					part.Style.Font, part.NoHyphens = cur, true
				}
				out = append(out, part)
			}
			start = end
		}
		for i, r := range run.Text {
			f, ok := d.fontFor(primary, r, cur)
			if !ok {
				miss(r)
			}
			if f != cur && cur != nil {
				emit(i)
			}
			cur = f
		}
		emit(len(run.Text))
	}
	return out
}

// segment is a part of a string drawn in one font; a nil font: a
// character no font has, drawn as a placeholder.
type segment struct {
	font *pdf.Font
	text string
}

// segments cuts s, to be drawn in f, into parts each drawn in one font:
// f, its stand-in for r, the regular font, then the fallback fonts.
func (d *Document) segments(f *pdf.Font, s string) []segment {
	var out []segment
	for _, r := range s {
		var g *pdf.Font
		if sub, ok := font.StandIn(r); ok && !f.Has(r) && f.Has(sub) {
			r = sub
		}
		switch {
		case f.Has(r):
			g = f
		case typeset.Ignorable(r):
			continue // invisible: nothing to draw
		case d.Fonts.Regular.Has(r):
			g = d.Fonts.Regular
		default:
			for _, fb := range d.Fonts.Fallback {
				if fb.Has(r) {
					g = fb
					break
				}
			}
		}
		if n := len(out); n > 0 && out[n-1].font == g && g != nil {
			out[n-1].text += string(r)
			continue
		}
		out = append(out, segment{g, string(r)})
	}
	return out
}

// textWidth is the width of s drawn by drawText.
func (d *Document) textWidth(f *pdf.Font, s string, size float64) float64 {
	w := 0.0
	for _, sg := range d.segments(f, s) {
		if sg.font == nil {
			w += typeset.Placeholder * size
			continue
		}
		w += sg.font.Width(sg.text, size)
	}
	return w
}

// drawText draws s from x on baseline y in f at size, unshaped (a footer,
// a number, a marker): characters f lacks in a fallback font, or as a
// placeholder box.
func (d *Document) drawText(c *pdf.Content, names map[*pdf.Font]string, f *pdf.Font, size, x, y float64, s string) {
	for _, sg := range d.segments(f, s) {
		if sg.font == nil {
			d.placeholder(c, names, size, x, y, sg.text)
			x += typeset.Placeholder * size
			continue
		}
		hex, _ := sg.font.Encode(sg.text)
		fmt.Fprintf(c, "BT %s %s Tf %s %s Td %s Tj ET\n", names[sg.font], pdf.Num(size), pdf.Num(x), pdf.Num(y), hex)
		x += sg.font.Width(sg.text, size)
	}
}

// placeholder draws a character no font has (text, a cluster) as a box
// with a question mark in it, typeset.Placeholder ems wide from x on the
// baseline y: seen, never dropped. Its actual text is the character, so
// that screen readers, search and copy get it.
func (d *Document) placeholder(c *pdf.Content, names map[*pdf.Font]string, size, x, y float64, text string) {
	c.BeginActualText(text)
	w := typeset.Placeholder * size
	fmt.Fprintf(c, "q %s w %s %s %s %s re S Q\n", pdf.Num(size*0.05), pdf.Num(x+size*0.06), pdf.Num(y-size*0.02), pdf.Num(w-size*0.12), pdf.Num(size*0.74))
	// Text readers place the actual text where the span's glyphs run:
	// an invisible question mark as wide as the box, then the visible
	// one, centred, its spacing running to the box's end, so that
	// placeholders side by side read as one word ("中文").
	regular, name := d.Fonts.Regular, names[d.Fonts.Regular]
	hex, _ := regular.Encode("?")
	fmt.Fprintf(c, "q BT 3 Tr %s %s Tf %s Tz %s %s Td %s Tj ET Q\n", name, pdf.Num(size), pdf.Num(100*w/max(regular.Width("?", size), 0.001)), pdf.Num(x), pdf.Num(y), hex)
	q := size * 0.55
	qw := regular.Width("?", q)
	fmt.Fprintf(c, "q BT %s %s Tf %s Tc %s %s Td %s Tj ET Q\n", name, pdf.Num(q), pdf.Num((w-qw)/2), pdf.Num(x+(w-qw)/2), pdf.Num(y+size*0.16), hex)
	c.End()
}
