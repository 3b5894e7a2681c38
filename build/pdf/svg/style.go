package svg

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// paint is a fill or stroke: a colour, or none.
type paint struct {
	none    bool
	r, g, b uint8
}

// style holds the properties an element draws with. Every one of them
// is inherited in SVG, so an element starts from its parent's.
type style struct {
	fill, stroke paint
	width        float64   // stroke-width
	dash         []float64 // stroke-dasharray; nil when solid
	dashOffset   float64
	cap, join    int // PDF's J and j: 0 butt/miter, 1 round, 2 square/bevel
	miter        float64
	evenOdd      bool
	size         float64 // font-size
	bold         bool
	anchor       int // 0 start, 1 middle, 2 end
	hidden       bool
}

// initial is the style of the root before its attributes: SVG's
// initial values.
var initial = style{fill: paint{}, stroke: paint{none: true}, width: 1, miter: 4, size: 16}

var named = map[string]paint{
	"none":        {none: true},
	"transparent": {none: true},
	"black":       {false, 0, 0, 0},
	"white":       {false, 255, 255, 255},
	"red":         {false, 255, 0, 0},
	"green":       {false, 0, 128, 0},
	"blue":        {false, 0, 0, 255},
	"gray":        {false, 128, 128, 128},
	"grey":        {false, 128, 128, 128},
	"silver":      {false, 192, 192, 192},
	"navy":        {false, 0, 0, 128},
}

// parseColor reads #rgb, #rrggbb, rgb(r, g, b) (numbers 0–255 or
// percentages), none and a few colour names.
func parseColor(s string) (paint, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if p, ok := named[s]; ok {
		return p, nil
	}
	bad := fmt.Errorf("malformed colour %q: write #rgb, #rrggbb, rgb(r, g, b), black, white or none", s)
	if strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 {
			return paint{}, bad
		}
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return paint{}, bad
		}
		return paint{r: uint8(v >> 16), g: uint8(v >> 8), b: uint8(v)}, nil
	}
	if strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")") {
		parts := strings.Split(s[4:len(s)-1], ",")
		if len(parts) != 3 {
			parts = strings.Fields(s[4 : len(s)-1])
		}
		if len(parts) != 3 {
			return paint{}, bad
		}
		var c [3]uint8
		for i, p := range parts {
			p = strings.TrimSpace(p)
			pc := false
			if strings.HasSuffix(p, "%") {
				p, pc = p[:len(p)-1], true
			}
			v, err := strconv.ParseFloat(p, 64)
			if err != nil || math.IsNaN(v) {
				return paint{}, bad
			}
			if pc {
				v = v * 255 / 100
			}
			c[i] = uint8(math.Round(math.Max(0, math.Min(255, v))))
		}
		return paint{r: c[0], g: c[1], b: c[2]}, nil
	}
	return paint{}, bad
}

// parseFloat reads a number and keeps it within limit.
func parseFloat(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("malformed number %q", s)
	}
	if math.Abs(v) > limit {
		return 0, fmt.Errorf("number %q out of range (±%g)", s, float64(limit))
	}
	return v, nil
}

// length reads a length in user units; "px" is the same thing.
func length(s string) (float64, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "px")
	v, err := parseFloat(s)
	if err != nil {
		return 0, fmt.Errorf("%w: give a plain number of user units such as 12 or 12.5 (no %%, em or pt)", err)
	}
	return v, nil
}

// set applies one property to st. parent is the inherited style, for
// "inherit". It reports whether prop is a property it handles.
func (st *style) set(prop, val string, parent *style) (bool, error) {
	val = strings.TrimSpace(val)
	if _, ok := unsupported[prop]; ok {
		return true, checkUnsupported(prop, val)
	}
	if val == "inherit" {
		switch prop {
		case "fill":
			st.fill = parent.fill
		case "stroke":
			st.stroke = parent.stroke
		case "stroke-width":
			st.width = parent.width
		case "stroke-dasharray":
			st.dash = parent.dash
		case "stroke-dashoffset":
			st.dashOffset = parent.dashOffset
		case "stroke-linecap":
			st.cap = parent.cap
		case "stroke-linejoin":
			st.join = parent.join
		case "stroke-miterlimit":
			st.miter = parent.miter
		case "fill-rule":
			st.evenOdd = parent.evenOdd
		case "font-size":
			st.size = parent.size
		case "font-weight":
			st.bold = parent.bold
		case "text-anchor":
			st.anchor = parent.anchor
		case "visibility":
			st.hidden = parent.hidden
		default:
			return false, nil
		}
		return true, nil
	}
	var err error
	switch prop {
	case "fill":
		st.fill, err = parseColor(val)
	case "stroke":
		st.stroke, err = parseColor(val)
	case "stroke-width":
		st.width, err = length(val)
		if err == nil && st.width < 0 {
			err = fmt.Errorf("negative stroke-width %s", val)
		}
	case "stroke-dashoffset":
		st.dashOffset, err = length(val)
	case "stroke-miterlimit":
		st.miter, err = parseFloat(val)
		if err == nil && st.miter < 1 {
			err = fmt.Errorf("stroke-miterlimit %s is under 1", val)
		}
	case "stroke-dasharray":
		st.dash, err = dashes(val)
	case "stroke-linecap":
		st.cap, err = keyword(val, "butt", "round", "square")
	case "stroke-linejoin":
		st.join, err = keyword(val, "miter", "round", "bevel")
	case "fill-rule":
		var k int
		k, err = keyword(val, "nonzero", "evenodd")
		st.evenOdd = k == 1
	case "text-anchor":
		st.anchor, err = keyword(val, "start", "middle", "end")
	case "font-size":
		st.size, err = length(val)
		if err == nil && st.size <= 0 {
			err = fmt.Errorf("font-size %s is not positive", val)
		}
	case "font-weight":
		switch val {
		case "normal", "lighter":
			st.bold = false
		case "bold", "bolder":
			st.bold = true
		default:
			w, e := strconv.Atoi(val)
			if e != nil || w < 1 || w > 1000 {
				err = fmt.Errorf("malformed font-weight %q: write normal, bold or a number from 1 to 1000", val)
			}
			st.bold = w >= 700
		}
	case "visibility":
		var k int
		k, err = keyword(val, "visible", "hidden", "collapse")
		st.hidden = k > 0
	default:
		return false, nil
	}
	return true, err
}

// unsupported are properties that change the look and that this package
// does not draw: they are refused unless they hold their no-effect
// value, rather than silently dropped.
var unsupported = map[string]string{
	"opacity": "1", "fill-opacity": "1", "stroke-opacity": "1",
	"filter": "none", "mask": "none", "clip-path": "none",
	"marker-start": "none", "marker-mid": "none", "marker-end": "none",
	"font-style": "normal", "text-decoration": "none",
	"dominant-baseline": "auto", "alignment-baseline": "auto", "baseline-shift": "baseline",
	"writing-mode": "horizontal-tb", "letter-spacing": "normal", "word-spacing": "normal",
}

// checkUnsupported returns an error for an unsupported property that
// does not hold its no-effect value.
func checkUnsupported(prop, val string) error {
	if v, ok := unsupported[prop]; ok && strings.TrimSpace(val) != v {
		return fmt.Errorf("%s is not drawn in print: remove it, or give the plain colour it stands for", prop)
	}
	return nil
}

func keyword(val string, words ...string) (int, error) {
	for i, w := range words {
		if val == w {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%q is not one of %s", val, strings.Join(words, ", "))
}

// dashes reads a stroke-dasharray: none, or lengths; an odd count is
// repeated to make it even, as SVG says.
func dashes(val string) ([]float64, error) {
	if val == "none" {
		return nil, nil
	}
	v, err := list(val)
	if err != nil {
		return nil, err
	}
	sum := 0.0
	for _, x := range v {
		if x < 0 {
			return nil, fmt.Errorf("negative dash length in %q", val)
		}
		sum += x
	}
	if sum == 0 {
		return nil, nil // all zeros: a solid line
	}
	if len(v)%2 == 1 {
		v = append(v, v...)
	}
	return v, nil
}

// rule is a CSS rule whose selectors are single classes.
type rule struct {
	classes []string
	decls   [][2]string
}

// parseCSS reads a style sheet and keeps, in order, the rules that apply
// to print: those outside any @media block and those of @media print
// (or all). Other at-rules, other media and selectors other than a
// single class are skipped.
func parseCSS(s string) []rule {
	// Comments out.
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + " " + s[i+2+j+2:]
	}
	var rules []rule
	cssBlock(s, &rules, 0)
	return rules
}

// cssBlock reads rules until the end of s; depth guards against
// unbounded nesting.
func cssBlock(s string, rules *[]rule, depth int) {
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		open := strings.IndexAny(s, "{;}")
		if open < 0 {
			return
		}
		if s[open] != '{' {
			s = s[open+1:] // a statement (@import …;) or a stray brace
			continue
		}
		prelude := strings.TrimSpace(s[:open])
		body, rest := matching(s[open+1:])
		s = rest
		if strings.HasPrefix(prelude, "@") {
			if depth < 4 && isPrintMedia(prelude) {
				cssBlock(body, rules, depth+1)
			}
			continue
		}
		var r rule
		for _, sel := range strings.Split(prelude, ",") {
			if c, ok := classSelector(strings.TrimSpace(sel)); ok {
				r.classes = append(r.classes, c)
			}
		}
		if len(r.classes) == 0 {
			continue
		}
		for _, d := range strings.Split(body, ";") {
			p, v, ok := strings.Cut(d, ":")
			if !ok {
				continue
			}
			v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
			r.decls = append(r.decls, [2]string{strings.ToLower(strings.TrimSpace(p)), v})
		}
		*rules = append(*rules, r)
	}
}

// matching splits s after the brace that closes an open one.
func matching(s string) (body, rest string) {
	depth := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[:i], s[i+1:]
			}
		}
	}
	return s, ""
}

// isPrintMedia reports whether an at-rule's prelude is @media for print.
func isPrintMedia(prelude string) bool {
	q, ok := strings.CutPrefix(prelude, "@media")
	if !ok {
		return false
	}
	for _, m := range strings.Split(q, ",") {
		switch strings.Join(strings.Fields(strings.ToLower(m)), " ") {
		case "print", "all", "only print":
			return true
		}
	}
	return false
}

func classSelector(s string) (string, bool) {
	if len(s) < 2 || s[0] != '.' {
		return "", false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80) {
			return "", false
		}
	}
	return s[1:], true
}

// matrix is an affine transform [a b c d e f] as PDF writes it:
// (x, y) -> (a x + c y + e, b x + d y + f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns the transform that applies n, then m.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

// parseTransform reads a transform list: matrix, translate, scale,
// rotate, skewX and skewY.
func parseTransform(s string) (matrix, error) {
	m := identity
	rest := strings.TrimSpace(s)
	for rest != "" {
		rest = strings.TrimLeft(rest, " \t\r\n,")
		if rest == "" {
			break
		}
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("malformed transform %q: write e.g. translate(10 20) scale(2)", s)
		}
		name := strings.TrimSpace(rest[:open])
		args, err := list(rest[open+1 : end])
		if err != nil {
			return m, fmt.Errorf("transform %s: %w", name, err)
		}
		rest = rest[end+1:]
		var t matrix
		n := len(args)
		bad := func(want string) error {
			return fmt.Errorf("transform %s takes %s numbers, not %d", name, want, n)
		}
		switch name {
		case "matrix":
			if n != 6 {
				return m, bad("6")
			}
			copy(t[:], args)
		case "translate":
			if n != 1 && n != 2 {
				return m, bad("1 or 2")
			}
			t = matrix{1, 0, 0, 1, args[0], 0}
			if n == 2 {
				t[5] = args[1]
			}
		case "scale":
			if n != 1 && n != 2 {
				return m, bad("1 or 2")
			}
			t = matrix{args[0], 0, 0, args[0], 0, 0}
			if n == 2 {
				t[3] = args[1]
			}
		case "rotate":
			if n != 1 && n != 3 {
				return m, bad("1 or 3")
			}
			sin, cos := math.Sincos(args[0] * math.Pi / 180)
			t = matrix{cos, sin, -sin, cos, 0, 0}
			if n == 3 {
				cx, cy := args[1], args[2]
				t = matrix{1, 0, 0, 1, cx, cy}.mul(t).mul(matrix{1, 0, 0, 1, -cx, -cy})
			}
		case "skewX", "skewY":
			if n != 1 {
				return m, bad("1")
			}
			k := math.Tan(args[0] * math.Pi / 180)
			if math.Abs(k) > limit {
				return m, fmt.Errorf("transform %s(%g) is too steep", name, args[0])
			}
			t = matrix{1, 0, k, 1, 0, 0}
			if name == "skewY" {
				t = matrix{1, k, 0, 1, 0, 0}
			}
		default:
			return m, fmt.Errorf("unknown transform %q: use matrix, translate, scale, rotate, skewX or skewY", name)
		}
		m = m.mul(t)
	}
	return m, nil
}
