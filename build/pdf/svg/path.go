package svg

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// pt is a point in the drawing's user space (y grows downwards).
type pt struct{ x, y float64 }

// seg is one piece of an outline in absolute coordinates: every SVG path
// command comes down to these four, as PDF paths do.
type seg struct {
	op byte  // 'M' move, 'L' line, 'C' cubic Bézier, 'Z' close
	p  [3]pt // M, L: p[0]; C: two control points and the end point
}

// limit bounds every number read, so that sums and products stay finite
// and PDF readers get numbers they can hold.
const limit = 1e7

// scanner reads the numbers and flags of path data and of lists
// (points, viewBox, stroke-dasharray, transform arguments).
type scanner struct {
	s string
	i int
}

func (sc *scanner) space() {
	for sc.i < len(sc.s) && isSpace(sc.s[sc.i]) {
		sc.i++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// sep skips white space and at most one comma.
func (sc *scanner) sep() {
	sc.space()
	if sc.i < len(sc.s) && sc.s[sc.i] == ',' {
		sc.i++
		sc.space()
	}
}

func (sc *scanner) done() bool { sc.space(); return sc.i >= len(sc.s) }

// atNumber reports whether a number starts here.
func (sc *scanner) atNumber() bool {
	if sc.i >= len(sc.s) {
		return false
	}
	c := sc.s[sc.i]
	return c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9'
}

// number reads one number in SVG's grammar: 1, -2.5, .5, 1e3, and the
// compact forms "1.5.5" (two numbers) and "3-4" (two numbers).
func (sc *scanner) number() (float64, error) {
	start := sc.i
	s := sc.s
	i := sc.i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, sc.expected("a number")
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k > j {
			i = k
		}
	}
	v, err := parseFloat(s[start:i])
	if err != nil {
		return 0, err
	}
	sc.i = i
	return v, nil
}

// flag reads an arc flag: a single 0 or 1, which may touch what follows.
func (sc *scanner) flag() (bool, error) {
	if sc.i < len(sc.s) && (sc.s[sc.i] == '0' || sc.s[sc.i] == '1') {
		sc.i++
		return sc.s[sc.i-1] == '1', nil
	}
	return false, sc.expected("an arc flag 0 or 1")
}

func (sc *scanner) expected(what string) error {
	if sc.i >= len(sc.s) {
		return fmt.Errorf("expected %s at the end", what)
	}
	r := []rune(sc.s[sc.i:])
	if len(r) > 12 {
		r = append(r[:12], '…')
	}
	return fmt.Errorf("expected %s at character %d, found %q", what, sc.i+1, string(r))
}

// numbers reads n numbers separated by white space or commas.
func (sc *scanner) numbers(n int) ([]float64, error) {
	out := make([]float64, n)
	for k := range out {
		if k > 0 {
			sc.sep()
		}
		v, err := sc.number()
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// arcArgs reads an arc's radii, rotation, two flags and end point; the
// flags are single digits that may touch what follows ("0120 0").
func (sc *scanner) arcArgs() ([]float64, error) {
	a, err := sc.numbers(3)
	if err != nil {
		return nil, err
	}
	for range 2 {
		sc.sep()
		f, err := sc.flag()
		if err != nil {
			return nil, err
		}
		v := 0.0
		if f {
			v = 1
		}
		a = append(a, v)
	}
	sc.sep()
	end, err := sc.numbers(2)
	if err != nil {
		return nil, err
	}
	return append(a, end...), nil
}

// list reads a whole attribute of numbers (points, viewBox, dash array).
func list(s string) ([]float64, error) {
	sc := &scanner{s: s}
	var out []float64
	sc.space()
	for !sc.done() {
		if len(out) > 0 {
			sc.sep()
		}
		v, err := sc.number()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// argc is the number of arguments each path command takes.
var argc = map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}

// parsePath turns path data into absolute moves, lines and cubic
// Béziers: quadratic curves are raised to cubics and elliptical arcs are
// split into quarter arcs, each a cubic.
func parsePath(d string) ([]seg, error) {
	pp := &pather{sc: scanner{s: d}}
	first := true
	for !pp.sc.done() {
		c := pp.sc.s[pp.sc.i]
		up := c &^ 0x20
		n, ok := argc[up]
		if !ok || c < 'A' {
			if pp.sc.atNumber() {
				return nil, pp.sc.expected("a command letter")
			}
			r, _ := utf8.DecodeRuneInString(d[pp.sc.i:])
			return nil, fmt.Errorf("unknown path command %q at character %d: use M L H V C S Q T A Z", r, pp.sc.i+1)
		}
		if first && up != 'M' {
			return nil, fmt.Errorf("path data must start with M or m, not %q", c)
		}
		first = false
		pp.sc.i++
		if err := pp.command(c, n); err != nil {
			return nil, err
		}
	}
	return pp.out, nil
}

// pather is the state of parsePath: the outline so far and the points
// later commands are relative to.
type pather struct {
	sc         scanner
	out        []seg
	cur, start pt   // the current point, and the subpath's start (Z)
	ctrl       pt   // reflected by S (cubic) or T (quadratic)
	last       byte // the previous command, upper case
}

// command reads the arguments of command letter c, which takes n
// numbers, and of its implicit repetitions.
func (pp *pather) command(c byte, n int) error {
	sc := &pp.sc
	up := c &^ 0x20
	for rep := 0; ; rep++ {
		if rep > 0 {
			sc.sep()
			if n == 0 || !sc.atNumber() {
				return nil
			}
		} else {
			sc.space()
		}
		var a []float64
		var err error
		if up == 'A' {
			a, err = sc.arcArgs()
		} else {
			a, err = sc.numbers(n)
		}
		if err != nil {
			return fmt.Errorf("%c: %w", c, err)
		}
		if c != up {
			pp.absolute(up, a)
		}
		cmd := up
		if cmd == 'M' && rep > 0 {
			cmd = 'L' // pairs after a move are lines
		}
		pp.draw(cmd, a)
		pp.last = cmd
	}
}

// absolute turns a relative command's arguments into offsets from the
// current point: x for even arguments, y for odd ones (H: x only, V: y
// only, A: the last two).
func (pp *pather) absolute(up byte, a []float64) {
	cur := pp.cur
	switch up {
	case 'H':
		a[0] += cur.x
	case 'V':
		a[0] += cur.y
	case 'A':
		a[5] += cur.x
		a[6] += cur.y
	default:
		for k := range a {
			if k%2 == 0 {
				a[k] += cur.x
			} else {
				a[k] += cur.y
			}
		}
	}
}

// draw adds the segments of command cmd with absolute arguments a.
func (pp *pather) draw(cmd byte, a []float64) {
	cur := pp.cur
	switch cmd {
	case 'M':
		pp.cur = pt{a[0], a[1]}
		pp.start = pp.cur
		pp.out = append(pp.out, seg{op: 'M', p: [3]pt{pp.cur}})
	case 'L':
		pp.lineTo(pt{a[0], a[1]})
	case 'H':
		pp.lineTo(pt{a[0], cur.y})
	case 'V':
		pp.lineTo(pt{cur.x, a[0]})
	case 'C', 'S':
		c1 := cur
		if cmd == 'S' {
			if pp.last == 'C' || pp.last == 'S' {
				c1 = pt{2*cur.x - pp.ctrl.x, 2*cur.y - pp.ctrl.y}
			}
			a = append([]float64{c1.x, c1.y}, a...)
		}
		c1 = pt{a[0], a[1]}
		c2, end := pt{a[2], a[3]}, pt{a[4], a[5]}
		pp.out = append(pp.out, seg{op: 'C', p: [3]pt{c1, c2, end}})
		pp.ctrl, pp.cur = c2, end
	case 'Q', 'T':
		q := cur
		if cmd == 'T' {
			if pp.last == 'Q' || pp.last == 'T' {
				q = pt{2*cur.x - pp.ctrl.x, 2*cur.y - pp.ctrl.y}
			}
			a = append([]float64{q.x, q.y}, a...)
		}
		q = pt{a[0], a[1]}
		end := pt{a[2], a[3]}
		pp.out = append(pp.out, quad(cur, q, end))
		pp.ctrl, pp.cur = q, end
	case 'A':
		end := pt{a[5], a[6]}
		large, sweep := a[3] == 1, a[4] == 1
		pp.out = append(pp.out, arc(cur, a[0], a[1], a[2], large, sweep, end)...)
		pp.cur = end
	case 'Z':
		pp.out = append(pp.out, seg{op: 'Z'})
		pp.cur = pp.start
	}
}

func (pp *pather) lineTo(p pt) {
	pp.cur = p
	pp.out = append(pp.out, seg{op: 'L', p: [3]pt{p}})
}

// quad raises a quadratic Bézier to the cubic that draws the same curve.
func quad(p0, q, p1 pt) seg {
	return seg{op: 'C', p: [3]pt{
		{p0.x + 2.0/3*(q.x-p0.x), p0.y + 2.0/3*(q.y-p0.y)},
		{p1.x + 2.0/3*(q.x-p1.x), p1.y + 2.0/3*(q.y-p1.y)},
		p1,
	}}
}

// arc converts an elliptical arc in endpoint form to cubic Béziers, one
// per quarter turn at most, following the SVG implementation notes
// (F.6.5 centre parametrisation, F.6.6 out-of-range radii).
func arc(p0 pt, rx, ry, phiDeg float64, large, sweep bool, p1 pt) []seg {
	if p0 == p1 {
		return nil // F.6.2: an arc to its own start is omitted
	}
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 {
		return []seg{{op: 'L', p: [3]pt{p1}}}
	}
	phi := math.Mod(phiDeg, 360) * math.Pi / 180
	sin, cos := math.Sincos(phi)
	dx, dy := (p0.x-p1.x)/2, (p0.y-p1.y)/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		s := math.Sqrt(l)
		rx, ry = rx*s, ry*s
	}
	nu := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	de := rx*rx*y1*y1 + ry*ry*x1*x1
	k := 0.0
	if nu > 0 && de > 0 {
		k = math.Sqrt(nu / de)
	}
	if large == sweep {
		k = -k
	}
	cx1, cy1 := k*rx*y1/ry, -k*ry*x1/rx
	cx := cos*cx1 - sin*cy1 + (p0.x+p1.x)/2
	cy := sin*cx1 + cos*cy1 + (p0.y+p1.y)/2
	angle := func(ux, uy, vx, vy float64) float64 {
		return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy)
	}
	t1 := angle(1, 0, (x1-cx1)/rx, (y1-cy1)/ry)
	dt := angle((x1-cx1)/rx, (y1-cy1)/ry, (-x1-cx1)/rx, (-y1-cy1)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(dt)/(math.Pi/2) - 1e-9))
	if n < 1 {
		n = 1
	}
	step := dt / float64(n)
	t := 4.0 / 3 * math.Tan(step/4)
	on := func(ex, ey float64) pt { // a point of the unit circle onto the ellipse
		ex, ey = ex*rx, ey*ry
		return pt{cos*ex - sin*ey + cx, sin*ex + cos*ey + cy}
	}
	out := make([]seg, 0, n)
	a := t1
	for i := 0; i < n; i++ {
		b := a + step
		sa, ca := math.Sincos(a)
		sb, cb := math.Sincos(b)
		end := on(cb, sb)
		if i == n-1 {
			end = p1 // exactly where the path says, not a rounding away
		}
		out = append(out, seg{op: 'C', p: [3]pt{on(ca-t*sa, sa+t*ca), on(cb+t*sb, sb-t*cb), end}})
		a = b
	}
	return out
}
