// Package svg draws simple SVG pictures in PDF: the hand-written
// diagrams of the site (boxes, circles, lines, arrows and labels), so
// that the print booklets show them rather than their text alternative.
//
// It reads a subset of SVG 1.1 and refuses, with the line and a way out,
// what it does not draw, rather than printing something else than the
// site shows. The look is the one a browser prints: presentation
// attributes, then the class rules of the <style> element that apply to
// print (outside any @media block, and in @media print), then the style
// attribute; all the properties it draws are inherited through <g>.
package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"sobre/build/pdf"
)

// Drawing is a parsed picture, ready to be drawn at any size.
type Drawing struct {
	// Width and Height are the picture's size in its own units, from its
	// viewBox (or width and height): the proportions to keep.
	Width, Height float64
	// Title is the text of the root's <title>, white space collapsed.
	Title string

	minX, minY float64
	items      []item
}

// Fonts are the faces text is set in: Bold for font-weight bold or 700
// and more (Regular when Bold is nil), Regular for the rest.
type Fonts struct{ Regular, Bold *pdf.Font }

// item is one shape or one text to paint, in document order.
type item struct {
	line int
	m    matrix // from the element's user space to the drawing's
	st   style
	path []seg
	open bool // a line: stroked, never filled

	text bool
	s    string
	x, y float64
}

const svgNS = "http://www.w3.org/2000/svg"

// node is an element as read, before styles are resolved: class rules
// apply wherever the <style> element stands.
type node struct {
	name  string
	attrs []xml.Attr
	line  int
	text  strings.Builder
	kids  []*node
}

// drawn lists the elements this package draws, for error messages.
const drawn = "the print booklets draw <g>, <rect>, <circle>, <ellipse>, <line>, <polyline>, <polygon>, <path> and <text> with plain characters"

var known = map[string]bool{
	"g": true, "title": true, "desc": true, "metadata": true, "style": true,
	"rect": true, "circle": true, "ellipse": true, "line": true,
	"polyline": true, "polygon": true, "path": true, "text": true,
}

// Parse reads an SVG picture of the supported subset.
func Parse(data []byte) (*Drawing, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *node
	var stack []*node
	skip := 0 // depth inside an element whose content is ignored
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("svg: %w: the file is not well-formed XML", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if root != nil && len(stack) == 0 {
				return nil, fmt.Errorf("svg: element <%s> after </svg> on line %d: a picture has one root element", t.Name.Local, line)
			}
			n := &node{name: t.Name.Local, attrs: t.Attr, line: line}
			if root == nil {
				if n.name != "svg" || t.Name.Space != svgNS && t.Name.Space != "" {
					return nil, fmt.Errorf("svg: the root element on line %d is <%s>, not <svg>: the file is not an SVG picture", line, n.name)
				}
				root = n
				stack = append(stack, n)
				continue
			}
			parent := stack[len(stack)-1]
			switch {
			case parent.name == "text":
				return nil, fmt.Errorf("svg: element <%s> inside <text> on line %d: the print booklets set a text's plain characters only; give each piece its own <text>", n.name, line)
			case parent.name != "svg" && parent.name != "g":
				skip = 1 // markup inside <title>, <desc>, <metadata>, <style>
				continue
			case t.Name.Space != svgNS && t.Name.Space != "":
				skip = 1 // an editor's own elements (Inkscape's, say) draw nothing
				continue
			case !known[n.name]:
				return nil, fmt.Errorf("svg: unsupported SVG element <%s> on line %d: %s; simplify the drawing", n.name, line, drawn)
			}
			parent.kids = append(parent.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if skip == 0 && len(stack) > 0 {
				switch top := stack[len(stack)-1]; top.name {
				case "text", "title", "style":
					top.text.Write(t)
				}
			}
		}
	}
	if root == nil {
		return nil, errors.New("svg: no <svg> element: the file is not an SVG picture")
	}

	d := &Drawing{}
	if err := d.size(root); err != nil {
		return nil, err
	}
	var rules []rule
	for _, k := range root.kids {
		switch k.name {
		case "title":
			if d.Title == "" {
				d.Title = collapse(k.text.String())
			}
		}
	}
	var styles func(n *node)
	styles = func(n *node) {
		for _, k := range n.kids {
			if k.name == "style" && forPrint(k) {
				rules = append(rules, parseCSS(k.text.String())...)
			}
			styles(k)
		}
	}
	styles(root)
	// The viewBox maps onto the viewport: outside it, nothing shows.
	if err := d.walk(root, &initial, identity, rules); err != nil {
		return nil, err
	}
	return d, nil
}

// size reads the picture's coordinate system from the root element.
func (d *Drawing) size(root *node) error {
	at := func(what string) error {
		return fmt.Errorf("svg: %s on line %d: give the <svg> element a viewBox=\"0 0 width height\"", what, root.line)
	}
	if vb, ok := attr(root, "viewBox"); ok {
		v, err := list(vb)
		if err != nil || len(v) != 4 {
			return at(fmt.Sprintf("malformed viewBox=%q", vb))
		}
		if v[2] <= 0 || v[3] <= 0 {
			return at(fmt.Sprintf("empty viewBox=%q", vb))
		}
		d.minX, d.minY, d.Width, d.Height = v[0], v[1], v[2], v[3]
		return nil
	}
	ws, okw := attr(root, "width")
	hs, okh := attr(root, "height")
	if !okw || !okh {
		return at("no viewBox and no width and height")
	}
	w, err1 := length(ws)
	h, err2 := length(hs)
	if err1 != nil || err2 != nil || w <= 0 || h <= 0 {
		return at(fmt.Sprintf("malformed width=%q height=%q", ws, hs))
	}
	d.Width, d.Height = w, h
	return nil
}

// forPrint reports whether a <style> element applies to print: it has
// no media attribute, or one that names print or all.
func forPrint(n *node) bool {
	m, ok := attr(n, "media")
	return !ok || strings.TrimSpace(m) == "" || isPrintMedia("@media "+m)
}

func attr(n *node, name string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// collapse applies SVG's default white-space handling: new lines go,
// tabs become spaces, runs of spaces become one, ends are trimmed.
func collapse(s string) string {
	s = strings.NewReplacer("\r", "", "\n", "", "\t", " ").Replace(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}

// walk resolves n's style and transform and collects what it draws.
func (d *Drawing) walk(n *node, parent *style, pm matrix, rules []rule) error {
	st := *parent
	m := pm
	var classes []string
	inline := ""
	hide := false
	fail := func(format string, a ...any) error {
		return fmt.Errorf("svg: <%s> on line %d: %s", n.name, n.line, fmt.Sprintf(format, a...))
	}
	apply := func(prop, val, from string) error {
		if prop == "display" {
			hide = hide || strings.TrimSpace(val) == "none"
			return nil
		}
		if _, err := st.set(prop, val, parent); err != nil {
			return fail("%s: %v", from, err)
		}
		return nil
	}
	for _, a := range n.attrs {
		if a.Name.Space != "" {
			continue // xmlns:…, xlink:…, xml:space
		}
		switch a.Name.Local {
		case "class":
			classes = strings.Fields(a.Value)
		case "style":
			inline = a.Value
		case "transform":
			if n.name == "svg" {
				continue
			}
			t, err := parseTransform(a.Value)
			if err != nil {
				return fail("attribute transform: %v", err)
			}
			m = pm.mul(t)
		default:
			if err := apply(a.Name.Local, a.Value, fmt.Sprintf("attribute %s=%q", a.Name.Local, a.Value)); err != nil {
				return err
			}
		}
	}
	for _, r := range rules {
		if !matches(r, classes) {
			continue
		}
		for _, dc := range r.decls {
			if err := apply(dc[0], dc[1], fmt.Sprintf("class rule .%s {%s: %s}", strings.Join(r.classes, ", ."), dc[0], dc[1])); err != nil {
				return err
			}
		}
	}
	for _, dc := range strings.Split(inline, ";") {
		p, v, ok := strings.Cut(dc, ":")
		if !ok {
			continue
		}
		p = strings.ToLower(strings.TrimSpace(p))
		if err := apply(p, v, fmt.Sprintf("style %s: %s", p, strings.TrimSpace(v))); err != nil {
			return err
		}
	}
	if hide {
		return nil
	}

	num := func(name string, def float64) (float64, error) {
		s, ok := attr(n, name)
		if !ok {
			return def, nil
		}
		v, err := length(s)
		if err != nil {
			return 0, fail("attribute %s: %v", name, err)
		}
		return v, nil
	}
	nums := func(names ...string) ([]float64, error) {
		out := make([]float64, len(names))
		for i, name := range names {
			v, err := num(name, 0)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	it := item{line: n.line, m: m, st: st}
	switch n.name {
	case "svg", "g":
		for _, k := range n.kids {
			if err := d.walk(k, &st, m, rules); err != nil {
				return err
			}
		}
		return nil
	case "title", "desc", "metadata", "style":
		return nil
	case "rect":
		v, err := nums("x", "y", "width", "height")
		if err != nil {
			return err
		}
		x, y, w, h := v[0], v[1], v[2], v[3]
		if w < 0 || h < 0 {
			return fail("negative width or height")
		}
		rx, err := num("rx", -1)
		if err != nil {
			return err
		}
		ry, err := num("ry", -1)
		if err != nil {
			return err
		}
		if rx < 0 && ry < 0 {
			rx, ry = 0, 0
		} else if rx < 0 {
			rx = ry
		} else if ry < 0 {
			ry = rx
		}
		if w == 0 || h == 0 {
			return nil // SVG draws nothing
		}
		it.path = rect(x, y, w, h, math.Min(rx, w/2), math.Min(ry, h/2))
	case "circle", "ellipse":
		v, err := nums("cx", "cy")
		if err != nil {
			return err
		}
		var rx, ry float64
		if n.name == "circle" {
			r, err := num("r", 0)
			if err != nil {
				return err
			}
			rx, ry = r, r
		} else {
			r, err := nums("rx", "ry")
			if err != nil {
				return err
			}
			rx, ry = r[0], r[1]
		}
		if rx < 0 || ry < 0 {
			return fail("negative radius")
		}
		if rx == 0 || ry == 0 {
			return nil
		}
		it.path = ellipse(v[0], v[1], rx, ry)
	case "line":
		v, err := nums("x1", "y1", "x2", "y2")
		if err != nil {
			return err
		}
		it.path = []seg{{op: 'M', p: [3]pt{{v[0], v[1]}}}, {op: 'L', p: [3]pt{{v[2], v[3]}}}}
		it.open = true
	case "polyline", "polygon":
		s, _ := attr(n, "points")
		v, err := list(s)
		if err != nil {
			return fail("attribute points: %v", err)
		}
		if len(v)%2 == 1 {
			return fail("attribute points has an odd count of numbers (%d): give x y pairs", len(v))
		}
		for i := 0; i < len(v); i += 2 {
			op := byte('L')
			if i == 0 {
				op = 'M'
			}
			it.path = append(it.path, seg{op: op, p: [3]pt{{v[i], v[i+1]}}})
		}
		if n.name == "polygon" && len(it.path) > 0 {
			it.path = append(it.path, seg{op: 'Z'})
		}
	case "path":
		s, _ := attr(n, "d")
		p, err := parsePath(s)
		if err != nil {
			return fail("attribute d: %v", err)
		}
		it.path = p
	case "text":
		for _, a := range []string{"dx", "dy", "rotate", "textLength"} {
			if _, ok := attr(n, a); ok {
				return fail("attribute %s is not supported: place the text with x and y only", a)
			}
		}
		for _, a := range []string{"x", "y"} {
			if s, ok := attr(n, a); ok {
				if v, err := list(s); err == nil && len(v) > 1 {
					return fail("attribute %s=%q places each character: give one number", a, s)
				}
			}
		}
		v, err := nums("x", "y")
		if err != nil {
			return err
		}
		it.text, it.s, it.x, it.y = true, collapse(n.text.String()), v[0], v[1]
		if it.s == "" {
			return nil
		}
	}
	if st.hidden || len(it.path) == 0 && !it.text {
		return nil
	}
	d.items = append(d.items, it)
	return nil
}

func matches(r rule, classes []string) bool {
	for _, c := range classes {
		for _, rc := range r.classes {
			if c == rc {
				return true
			}
		}
	}
	return false
}

// kappa places the control points of a cubic Bézier that draws a
// quarter circle (error under 0.03 %).
const kappa = 0.5522847498307936

// rect outlines a rectangle, its corners rounded by quarter ellipses,
// starting where SVG does (after the top-left corner) so that dashes
// fall as in a browser.
func rect(x, y, w, h, rx, ry float64) []seg {
	if rx == 0 || ry == 0 {
		return []seg{
			{op: 'M', p: [3]pt{{x, y}}}, {op: 'L', p: [3]pt{{x + w, y}}},
			{op: 'L', p: [3]pt{{x + w, y + h}}}, {op: 'L', p: [3]pt{{x, y + h}}}, {op: 'Z'},
		}
	}
	kx, ky := rx*kappa, ry*kappa
	r, b := x+w, y+h
	return []seg{
		{op: 'M', p: [3]pt{{x + rx, y}}},
		{op: 'L', p: [3]pt{{r - rx, y}}},
		{op: 'C', p: [3]pt{{r - rx + kx, y}, {r, y + ry - ky}, {r, y + ry}}},
		{op: 'L', p: [3]pt{{r, b - ry}}},
		{op: 'C', p: [3]pt{{r, b - ry + ky}, {r - rx + kx, b}, {r - rx, b}}},
		{op: 'L', p: [3]pt{{x + rx, b}}},
		{op: 'C', p: [3]pt{{x + rx - kx, b}, {x, b - ry + ky}, {x, b - ry}}},
		{op: 'L', p: [3]pt{{x, y + ry}}},
		{op: 'C', p: [3]pt{{x, y + ry - ky}, {x + rx - kx, y}, {x + rx, y}}},
		{op: 'Z'},
	}
}

// ellipse outlines an ellipse in four quarters, starting at its right
// and turning towards its bottom, as SVG does.
func ellipse(cx, cy, rx, ry float64) []seg {
	kx, ky := rx*kappa, ry*kappa
	return []seg{
		{op: 'M', p: [3]pt{{cx + rx, cy}}},
		{op: 'C', p: [3]pt{{cx + rx, cy + ky}, {cx + kx, cy + ry}, {cx, cy + ry}}},
		{op: 'C', p: [3]pt{{cx - kx, cy + ry}, {cx - rx, cy + ky}, {cx - rx, cy}}},
		{op: 'C', p: [3]pt{{cx - rx, cy - ky}, {cx - kx, cy - ry}, {cx, cy - ry}}},
		{op: 'C', p: [3]pt{{cx + kx, cy - ry}, {cx + rx, cy - ky}, {cx + rx, cy}}},
		{op: 'Z'},
	}
}
