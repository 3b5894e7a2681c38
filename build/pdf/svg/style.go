package svg

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"sobre/build/colour"
)

// paint is a fill or stroke: a colour, or none.
type paint struct {
	none bool
	c    colour.RGB
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

// parsePaint reads a fill or stroke: none (or transparent, which draws
// nothing too), or a colour in build/colour's grammar.
func parsePaint(s string) (paint, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none", "transparent":
		return paint{none: true}, nil
	}
	c, err := colour.Parse(s)
	if err != nil {
		return paint{}, fmt.Errorf("%w, or none", err)
	}
	return paint{c: c}, nil
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
		return st.inherit(prop, parent), nil
	}
	return st.assign(prop, val)
}

// inherit sets prop to its value in parent, and reports whether prop is
// a property it handles.
func (st *style) inherit(prop string, parent *style) bool {
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
		return false
	}
	return true
}

// assign reads val as prop's value into st, and reports whether prop is
// a property it handles.
func (st *style) assign(prop, val string) (bool, error) {
	var err error
	switch prop {
	case "fill":
		st.fill, err = parsePaint(val)
	case "stroke":
		st.stroke, err = parsePaint(val)
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
		st.bold, err = bold(val)
	case "visibility":
		var k int
		k, err = keyword(val, "visible", "hidden", "collapse")
		st.hidden = k > 0
	default:
		return false, nil
	}
	return true, err
}

// bold reads a font-weight: bold from 700 up, as the faces go.
func bold(val string) (bool, error) {
	switch val {
	case "normal", "lighter":
		return false, nil
	case "bold", "bolder":
		return true, nil
	}
	w, e := strconv.Atoi(val)
	if e != nil || w < 1 || w > 1000 {
		return w >= 700, fmt.Errorf("malformed font-weight %q: write normal, bold or a number from 1 to 1000", val)
	}
	return w >= 700, nil
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
	decls   []decl
}

// decl is a CSS declaration: a property, lower case, and its value.
type decl struct{ prop, val string }

// maxMedia bounds how deep @media blocks nest and still apply.
const maxMedia = 4

// parseCSS reads a style sheet and keeps, in order, the rules that apply
// to print: those outside any @media block and those of @media print
// (or all). Other at-rules, other media, rules nested in rules and
// selectors other than a single class are skipped; so is what the CSS
// parser finds malformed, as a browser does.
func parseCSS(s string) []rule {
	p := css.NewParser(parse.NewInputString(s), false)
	// block is an open { }: whether the rules in it apply, and the rule
	// it is the body of (-1: an at-rule's, or a rule skipped).
	type block struct {
		open bool
		rule int
	}
	stack := []block{{open: true, rule: -1}}
	var rules []rule
	for {
		gt, _, data := p.Next()
		top := stack[len(stack)-1]
		switch gt {
		case css.ErrorGrammar:
			if !p.HasParseError() {
				return rules // the end, or a read error
			}
		case css.BeginAtRuleGrammar:
			prelude := string(data) + tokens(p.Values())
			stack = append(stack, block{open: top.open && len(stack) <= maxMedia && isPrintMedia(prelude), rule: -1})
		case css.BeginRulesetGrammar:
			b := block{rule: -1}
			if classes := classes(p.Values()); top.open && len(classes) > 0 {
				rules = append(rules, rule{classes: classes})
				b.rule = len(rules) - 1
			}
			stack = append(stack, b)
		case css.EndAtRuleGrammar, css.EndRulesetGrammar:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case css.DeclarationGrammar:
			if top.rule >= 0 {
				r := &rules[top.rule]
				r.decls = append(r.decls, decl{strings.ToLower(string(data)), value(p.Values())})
			}
		}
	}
}

// declarations reads the declarations of a style attribute.
func declarations(s string) []decl {
	if strings.TrimSpace(s) == "" {
		return nil // most elements have none: no parser to make
	}
	p := css.NewParser(parse.NewInputString(s), true)
	var out []decl
	for {
		gt, _, data := p.Next()
		switch gt {
		case css.ErrorGrammar:
			if !p.HasParseError() {
				return out
			}
		case css.DeclarationGrammar:
			out = append(out, decl{strings.ToLower(string(data)), value(p.Values())})
		}
	}
}

// tokens writes tokens back as text, comments left out.
func tokens(ts []css.Token) string {
	var b strings.Builder
	for _, t := range ts {
		if t.TokenType != css.CommentToken {
			b.Write(t.Data)
		}
	}
	return b.String()
}

// value is a declaration's value as text, without !important: the
// print's look does not depend on which rule wins by importance.
func value(ts []css.Token) string {
	ts = trimSpace(ts)
	if n := len(ts); n > 0 && ts[n-1].TokenType == css.IdentToken && strings.EqualFold(string(ts[n-1].Data), "important") {
		if rest := trimSpace(ts[:n-1]); len(rest) > 0 && rest[len(rest)-1].TokenType == css.DelimToken && string(rest[len(rest)-1].Data) == "!" {
			ts = rest[:len(rest)-1]
		}
	}
	return strings.TrimSpace(tokens(ts))
}

// trimSpace drops white space and comments at both ends of tokens.
func trimSpace(ts []css.Token) []css.Token {
	blank := func(t css.Token) bool { return t.TokenType == css.WhitespaceToken || t.TokenType == css.CommentToken }
	for len(ts) > 0 && blank(ts[0]) {
		ts = ts[1:]
	}
	for len(ts) > 0 && blank(ts[len(ts)-1]) {
		ts = ts[:len(ts)-1]
	}
	return ts
}

// classes returns the class names of a selector list's single-class
// selectors (".box"); other selectors are left out.
func classes(ts []css.Token) []string {
	var out []string
	for len(ts) > 0 {
		sel := ts
		if i := commaAt(ts); i >= 0 {
			sel, ts = ts[:i], ts[i+1:]
		} else {
			ts = nil
		}
		sel = trimSpace(sel)
		if len(sel) == 2 && sel[0].TokenType == css.DelimToken && string(sel[0].Data) == "." && sel[1].TokenType == css.IdentToken {
			if c, ok := classSelector("." + string(sel[1].Data)); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func commaAt(ts []css.Token) int {
	for i, t := range ts {
		if t.TokenType == css.CommaToken {
			return i
		}
	}
	return -1
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
