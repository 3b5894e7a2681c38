package svg

import (
	"fmt"
	"math"
	"strings"

	"sobre/build/font"
	"sobre/build/pdf"
)

// GlyphError is returned by Content for a text holding characters the
// font lacks: they are never drawn as empty boxes.
type GlyphError struct {
	Line    int    // the <text> element's line
	Text    string // its characters
	Missing []rune
}

func (e *GlyphError) Error() string {
	var cs []string
	for _, r := range e.Missing {
		cs = append(cs, fmt.Sprintf("%q (U+%04X)", r, r))
	}
	return fmt.Sprintf("svg: <text> on line %d: the print font lacks %s in %q: replace the character in the drawing", e.Line, strings.Join(cs, ", "), e.Text)
}

// gstate is the part of the PDF graphics state the drawing sets, so that
// an operator is written only when its value changes.
type gstate struct {
	fill, stroke paint
	width        float64
	dash         string
	cap, join    int
	miter        float64
	render       int // text rendering mode (Tr)
}

// Content returns PDF content-stream operators that paint the drawing
// with its top-left corner at (x, top) in PDF user space (y grows
// upwards), scaled to width points wide (height in proportion). Text is
// set with fonts.Regular or fonts.Bold, selected by the resource name
// that name returns (e.g. "/F1"). The operators sit between q and Q, and
// what lies outside the viewBox is clipped, as a browser does.
func (d *Drawing) Content(x, top, width float64, fonts Fonts, name func(*pdf.Font) string) (string, error) {
	if !(width > 0) || math.IsInf(width, 0) || math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(top) || math.IsInf(top, 0) {
		return "", fmt.Errorf("svg: cannot draw at (%g, %g) %g wide", x, top, width)
	}
	// The page's own state is unknown here: everything is set once.
	w := &writer{g: gstate{fill: paint{none: true}, stroke: paint{none: true}, width: -1, cap: -1, join: -1, miter: -1, render: -1}}
	s := width / d.Width
	// SVG's y axis points down, PDF's up: one matrix scales and flips.
	fmt.Fprintf(&w.b, "q\n%s cm\n", w.nums(s, 0, 0, -s, x-d.minX*s, top+d.minY*s))
	fmt.Fprintf(&w.b, "%s re W n\n", w.nums(d.minX, d.minY, d.Width, d.Height))
	for _, it := range d.items {
		fill := !it.st.fill.none && !it.open
		stroke := !it.st.stroke.none && it.st.width > 0
		if !fill && !stroke {
			continue
		}
		w.state(it.st, fill, stroke)
		own := it.m != identity
		if own {
			fmt.Fprintf(&w.b, "q %s cm\n", w.nums(it.m[:]...))
		}
		if it.text {
			if err := w.text(it, fill, stroke, fonts, name); err != nil {
				return "", err
			}
		} else {
			w.path(it, fill, stroke)
		}
		if own {
			w.b.WriteString("Q\n")
		}
	}
	w.b.WriteString("Q\n")
	if w.bad {
		return "", fmt.Errorf("svg: the drawing's coordinates grow too large to write at %g points wide", width)
	}
	return w.b.String(), nil
}

// writer writes a content stream, with the graphics state it has set.
type writer struct {
	b   strings.Builder
	g   gstate
	bad bool // a number was not finite, or too large for PDF readers
}

// n writes a number; one PDF readers cannot hold makes the stream bad.
func (w *writer) n(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e9 {
		w.bad = true
		return "0"
	}
	return pdf.Num(v)
}

func (w *writer) nums(v ...float64) string {
	s := make([]string, len(v))
	for i, f := range v {
		s[i] = w.n(f)
	}
	return strings.Join(s, " ")
}

// op writes an operator after its operands, one line, as nums would
// write them, with no string built on the way.
func (w *writer) op(name string, v ...float64) {
	for i, f := range v {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		w.b.WriteString(w.n(f))
	}
	w.b.WriteByte(' ')
	w.b.WriteString(name)
	w.b.WriteByte('\n')
}

// state sets the colours and stroke parameters st paints with, those
// that change.
func (w *writer) state(st style, fill, stroke bool) {
	g := &w.g
	if fill && g.fill != st.fill {
		fmt.Fprintf(&w.b, "%s rg\n", color(st.fill))
		g.fill = st.fill
	}
	if !stroke {
		return
	}
	if g.stroke != st.stroke {
		fmt.Fprintf(&w.b, "%s RG\n", color(st.stroke))
		g.stroke = st.stroke
	}
	if g.width != st.width {
		fmt.Fprintf(&w.b, "%s w\n", w.n(st.width))
		g.width = st.width
	}
	dash := "[] 0"
	if st.dash != nil {
		dash = "[" + w.nums(st.dash...) + "] " + w.n(st.dashOffset)
	}
	if g.dash != dash {
		fmt.Fprintf(&w.b, "%s d\n", dash)
		g.dash = dash
	}
	if g.cap != st.cap {
		fmt.Fprintf(&w.b, "%d J\n", st.cap)
		g.cap = st.cap
	}
	if g.join != st.join {
		fmt.Fprintf(&w.b, "%d j\n", st.join)
		g.join = st.join
	}
	if g.miter != st.miter && st.join == 0 {
		fmt.Fprintf(&w.b, "%s M\n", w.n(st.miter))
		g.miter = st.miter
	}
}

// text sets a <text> in its font, anchored at its start, middle or end;
// a character the font lacks is an error, never an empty box.
func (w *writer) text(it item, fill, stroke bool, fonts Fonts, name func(*pdf.Font) string) error {
	st := it.st
	f := fonts.Regular
	if st.bold && fonts.Bold != nil {
		f = fonts.Bold
	}
	if f == nil {
		return fmt.Errorf("svg: <text> on line %d: no font to set it in", it.line)
	}
	text := substitute(it.s, f)
	hex, missing := f.Encode(text)
	if len(missing) > 0 {
		return &GlyphError{Line: it.line, Text: it.s, Missing: missing}
	}
	mode := 0
	switch {
	case fill && stroke:
		mode = 2
	case stroke:
		mode = 1
	}
	if w.g.render != mode {
		fmt.Fprintf(&w.b, "%d Tr\n", mode)
		w.g.render = mode
	}
	tx := it.x
	switch st.anchor {
	case 1:
		tx -= f.Width(text, st.size) / 2
	case 2:
		tx -= f.Width(text, st.size)
	}
	// The text matrix flips y back, so that letters stand upright.
	fmt.Fprintf(&w.b, "BT %s %s Tf 1 0 0 -1 %s Tm %s Tj ET\n", name(f), w.n(st.size), w.nums(tx, it.y), hex)
	return nil
}

// path writes a shape's outline and the operator that fills, strokes or
// does both.
func (w *writer) path(it item, fill, stroke bool) {
	for _, sg := range it.path {
		switch sg.op {
		case 'M':
			w.op("m", sg.p[0].x, sg.p[0].y)
		case 'L':
			w.op("l", sg.p[0].x, sg.p[0].y)
		case 'C':
			w.op("c", sg.p[0].x, sg.p[0].y, sg.p[1].x, sg.p[1].y, sg.p[2].x, sg.p[2].y)
		case 'Z':
			w.b.WriteString("h\n")
		}
	}
	op := "S"
	switch {
	case fill && stroke:
		op = "B"
	case fill:
		op = "f"
	}
	if fill && it.st.evenOdd {
		op += "*"
	}
	w.b.WriteString(op + "\n")
}

// spaces are white-space characters a font may lack, drawn as others: a
// no-break space is a space, a soft hyphen nothing (it is a break point).
var spaces = map[rune]rune{'\u00a0': ' ', '\u00ad': -1}

// substitute replaces the characters f lacks that have a stand-in f has
// (font.StandIn, or spaces).
func substitute(s string, f *pdf.Font) string {
	return strings.Map(func(r rune) rune {
		sub, ok := font.StandIn(r)
		if !ok {
			sub, ok = spaces[r]
		}
		if ok && !f.Has(r) && (sub < 0 || f.Has(sub)) {
			return sub
		}
		return r
	}, s)
}

// color writes an RGB colour, its components in 0–1.
func color(p paint) string {
	r, g, b := p.c.Channels()
	return pdf.Num(r) + " " + pdf.Num(g) + " " + pdf.Num(b)
}
