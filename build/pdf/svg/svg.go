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
// Style sheets and style attributes are read with tdewolff's CSS parser,
// colours with build/colour. Size reads a picture's intrinsic size from
// its root element alone, for pages that reserve an image's room.
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
	root, err := read(data)
	if err != nil {
		return nil, err
	}
	d := &Drawing{}
	if err := d.size(root); err != nil {
		return nil, err
	}
	for _, k := range root.kids {
		if k.name == "title" && d.Title == "" {
			d.Title = collapse(k.text.String())
		}
	}
	// The viewBox maps onto the viewport: outside it, nothing shows.
	if err := d.walk(root, &initial, identity, styleRules(root, nil)); err != nil {
		return nil, err
	}
	return d, nil
}

// styleRules gathers, in document order, the class rules of the <style>
// elements under n that apply to print.
func styleRules(n *node, rules []rule) []rule {
	for _, k := range n.kids {
		if k.name == "style" && forPrint(k) {
			rules = append(rules, parseCSS(k.text.String())...)
		}
		rules = styleRules(k, rules)
	}
	return rules
}

// Size reads the size a browser gives the picture when nothing else sets
// it, in user units (CSS pixels): its width and height attributes, or,
// when one of them is missing or not a plain length, its viewBox's. It
// reads the root element only, not the drawing, and is cheap.
func Size(data []byte) (w, h float64, err error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("svg: no <svg> element: %w", err)
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		root := &node{name: t.Name.Local, attrs: t.Attr}
		if root.name != "svg" || t.Name.Space != svgNS && t.Name.Space != "" {
			return 0, 0, fmt.Errorf("svg: the root element is <%s>, not <svg>", root.name)
		}
		ws, _ := attr(root, "width")
		hs, _ := attr(root, "height")
		if w, err := length(ws); err == nil && w > 0 {
			if h, err := length(hs); err == nil && h > 0 {
				return w, h, nil
			}
		}
		vb, _ := attr(root, "viewBox")
		if v, err := list(vb); err == nil && len(v) == 4 && v[2] > 0 && v[3] > 0 {
			return v[2], v[3], nil
		}
		return 0, 0, errors.New("svg: no width and height, and no viewBox")
	}
}

// tree is the element tree as read, before styles are resolved.
type tree struct {
	root  *node
	stack []*node
	skip  int // depth inside an element whose content is ignored
}

// read parses the XML into the tree of the elements drawn, with the
// text of <text>, <title> and <style>.
func read(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var tr tree
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
			if err := tr.start(t, line); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if tr.skip > 0 {
				tr.skip--
			} else if len(tr.stack) > 0 {
				tr.stack = tr.stack[:len(tr.stack)-1]
			}
		case xml.CharData:
			if tr.skip == 0 && len(tr.stack) > 0 {
				switch top := tr.stack[len(tr.stack)-1]; top.name {
				case "text", "title", "style":
					top.text.Write(t)
				}
			}
		}
	}
	if tr.root == nil {
		return nil, errors.New("svg: no <svg> element: the file is not an SVG picture")
	}
	return tr.root, nil
}

// start adds an element to the tree, skips one whose content draws
// nothing, and refuses one this package does not draw.
func (tr *tree) start(t xml.StartElement, line int) error {
	if tr.skip > 0 {
		tr.skip++
		return nil
	}
	if tr.root != nil && len(tr.stack) == 0 {
		return fmt.Errorf("svg: element <%s> after </svg> on line %d: a picture has one root element", t.Name.Local, line)
	}
	n := &node{name: t.Name.Local, attrs: t.Attr, line: line}
	if tr.root == nil {
		if n.name != "svg" || t.Name.Space != svgNS && t.Name.Space != "" {
			return fmt.Errorf("svg: the root element on line %d is <%s>, not <svg>: the file is not an SVG picture", line, n.name)
		}
		tr.root = n
		tr.stack = append(tr.stack, n)
		return nil
	}
	parent := tr.stack[len(tr.stack)-1]
	switch {
	case parent.name == "text":
		return fmt.Errorf("svg: element <%s> inside <text> on line %d: the print booklets set a text's plain characters only; give each piece its own <text>", n.name, line)
	case parent.name != "svg" && parent.name != "g":
		tr.skip = 1 // markup inside <title>, <desc>, <metadata>, <style>
		return nil
	case t.Name.Space != svgNS && t.Name.Space != "":
		tr.skip = 1 // an editor's own elements (Inkscape's, say) draw nothing
		return nil
	case !known[n.name]:
		return fmt.Errorf("svg: unsupported SVG element <%s> on line %d: %s; simplify the drawing", n.name, line, drawn)
	}
	parent.kids = append(parent.kids, n)
	tr.stack = append(tr.stack, n)
	return nil
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
	st, m, hide, err := cascade(n, parent, pm, rules)
	if err != nil || hide {
		return err
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
		it.path, err = rectShape(n)
	case "circle", "ellipse":
		it.path, err = ellipseShape(n)
	case "line":
		var v []float64
		if v, err = nums(n, "x1", "y1", "x2", "y2"); err == nil {
			it.path = []seg{{op: 'M', p: [3]pt{{v[0], v[1]}}}, {op: 'L', p: [3]pt{{v[2], v[3]}}}}
			it.open = true
		}
	case "polyline", "polygon":
		it.path, err = polyShape(n)
	case "path":
		s, _ := attr(n, "d")
		if it.path, err = parsePath(s); err != nil {
			err = fail(n, "attribute d: %v", err)
		}
	case "text":
		err = text(n, &it)
	}
	if err != nil {
		return err
	}
	if st.hidden || len(it.path) == 0 && !it.text {
		return nil
	}
	d.items = append(d.items, it)
	return nil
}

// fail is an error about element n.
func fail(n *node, format string, a ...any) error {
	return fmt.Errorf("svg: <%s> on line %d: %s", n.name, n.line, fmt.Sprintf(format, a...))
}

// cascade resolves n's style from its parent's as a browser prints it:
// presentation attributes, then the class rules that match it, then its
// style attribute; and its transform. hide is display: none.
func cascade(n *node, parent *style, pm matrix, rules []rule) (st style, m matrix, hide bool, err error) {
	st, m = *parent, pm
	apply := func(prop, val, from string) error {
		if prop == "display" {
			hide = hide || strings.TrimSpace(val) == "none"
			return nil
		}
		if _, err := st.set(prop, val, parent); err != nil {
			return fail(n, "%s: %v", from, err)
		}
		return nil
	}
	var classes []string
	inline := ""
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
				return st, m, hide, fail(n, "attribute transform: %v", err)
			}
			m = pm.mul(t)
		default:
			if err := apply(a.Name.Local, a.Value, fmt.Sprintf("attribute %s=%q", a.Name.Local, a.Value)); err != nil {
				return st, m, hide, err
			}
		}
	}
	for _, r := range rules {
		if !matches(r, classes) {
			continue
		}
		for _, dc := range r.decls {
			if err := apply(dc.prop, dc.val, fmt.Sprintf("class rule .%s {%s: %s}", strings.Join(r.classes, ", ."), dc.prop, dc.val)); err != nil {
				return st, m, hide, err
			}
		}
	}
	for _, dc := range declarations(inline) {
		if err := apply(dc.prop, dc.val, fmt.Sprintf("style %s: %s", dc.prop, dc.val)); err != nil {
			return st, m, hide, err
		}
	}
	return st, m, hide, nil
}

// num reads a length attribute of n, def when it is missing.
func num(n *node, name string, def float64) (float64, error) {
	s, ok := attr(n, name)
	if !ok {
		return def, nil
	}
	v, err := length(s)
	if err != nil {
		return 0, fail(n, "attribute %s: %v", name, err)
	}
	return v, nil
}

// nums reads length attributes of n, 0 for a missing one.
func nums(n *node, names ...string) ([]float64, error) {
	out := make([]float64, len(names))
	for i, name := range names {
		v, err := num(n, name, 0)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// rectShape outlines a <rect>; nil when SVG draws nothing (no width or
// no height). A missing corner radius takes the other's value.
func rectShape(n *node) ([]seg, error) {
	v, err := nums(n, "x", "y", "width", "height")
	if err != nil {
		return nil, err
	}
	x, y, w, h := v[0], v[1], v[2], v[3]
	if w < 0 || h < 0 {
		return nil, fail(n, "negative width or height")
	}
	rx, err := num(n, "rx", -1)
	if err != nil {
		return nil, err
	}
	ry, err := num(n, "ry", -1)
	if err != nil {
		return nil, err
	}
	if rx < 0 && ry < 0 {
		rx, ry = 0, 0
	} else if rx < 0 {
		rx = ry
	} else if ry < 0 {
		ry = rx
	}
	if w == 0 || h == 0 {
		return nil, nil // SVG draws nothing
	}
	return rect(x, y, w, h, math.Min(rx, w/2), math.Min(ry, h/2)), nil
}

// ellipseShape outlines a <circle> or an <ellipse>; nil for a radius 0.
func ellipseShape(n *node) ([]seg, error) {
	v, err := nums(n, "cx", "cy")
	if err != nil {
		return nil, err
	}
	var rx, ry float64
	if n.name == "circle" {
		r, err := num(n, "r", 0)
		if err != nil {
			return nil, err
		}
		rx, ry = r, r
	} else {
		r, err := nums(n, "rx", "ry")
		if err != nil {
			return nil, err
		}
		rx, ry = r[0], r[1]
	}
	if rx < 0 || ry < 0 {
		return nil, fail(n, "negative radius")
	}
	if rx == 0 || ry == 0 {
		return nil, nil
	}
	return ellipse(v[0], v[1], rx, ry), nil
}

// polyShape outlines a <polyline>, or a <polygon>, closed.
func polyShape(n *node) ([]seg, error) {
	s, _ := attr(n, "points")
	v, err := list(s)
	if err != nil {
		return nil, fail(n, "attribute points: %v", err)
	}
	if len(v)%2 == 1 {
		return nil, fail(n, "attribute points has an odd count of numbers (%d): give x y pairs", len(v))
	}
	var path []seg
	for i := 0; i < len(v); i += 2 {
		op := byte('L')
		if i == 0 {
			op = 'M'
		}
		path = append(path, seg{op: op, p: [3]pt{{v[i], v[i+1]}}})
	}
	if n.name == "polygon" && len(path) > 0 {
		path = append(path, seg{op: 'Z'})
	}
	return path, nil
}

// text reads a <text> placed by one x and one y into it; an empty one
// draws nothing. Per-character placement is refused.
func text(n *node, it *item) error {
	for _, a := range []string{"dx", "dy", "rotate", "textLength"} {
		if _, ok := attr(n, a); ok {
			return fail(n, "attribute %s is not supported: place the text with x and y only", a)
		}
	}
	for _, a := range []string{"x", "y"} {
		if s, ok := attr(n, a); ok {
			if v, err := list(s); err == nil && len(v) > 1 {
				return fail(n, "attribute %s=%q places each character: give one number", a, s)
			}
		}
	}
	v, err := nums(n, "x", "y")
	if err != nil {
		return err
	}
	if s := collapse(n.text.String()); s != "" {
		it.text, it.s, it.x, it.y = true, s, v[0], v[1]
	}
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

// SmallestText is the size of the drawing's smallest lettering in its
// own units, transforms applied (0 when it has none): what a format with
// a least type size needs to know before printing it at some width.
func (d *Drawing) SmallestText() float64 {
	least := 0.0
	for _, it := range d.items {
		if !it.text {
			continue
		}
		// A transform's scale on text: the root of its area's factor.
		s := it.st.size * math.Sqrt(math.Abs(it.m[0]*it.m[3]-it.m[1]*it.m[2]))
		if least == 0 || s < least {
			least = s
		}
	}
	return least
}
