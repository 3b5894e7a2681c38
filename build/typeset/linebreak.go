package typeset

import (
	"errors"
	"math"
	"slices"
)

// Kind is the kind of an item of a paragraph, in Knuth and Plass's model.
type Kind uint8

const (
	// Box is something that is set as is: a word, a syllable, a space
	// that must not stretch.
	Box Kind = iota
	// Glue is space that may stretch or shrink, and where a line may
	// break if a box comes before it.
	Glue
	// Penalty is a possible break with a cost: a hyphen after a syllable,
	// or, with Infinity, a place where the line must not break.
	Penalty
)

// Infinity as a penalty forbids a break; minus Infinity forces one.
const Infinity = 10000

// Item is a box, a glue or a penalty. Widths are in any unit (points).
type Item struct {
	Kind    Kind
	Width   float64 // for a penalty: the width added if the line breaks here (a hyphen)
	Stretch float64
	Shrink  float64
	Penalty float64 // penalties only
	Flagged bool    // penalties only: a hyphen; two in a row cost more
}

// Params tune the breaking. The zero value is not useful: use Defaults.
type Params struct {
	// Width returns the length available for line n (from 0).
	Width func(line int) float64
	// Tolerance is the largest adjustment ratio accepted (1 means glue
	// stretched to its full stretchability). Lines looser than that are
	// only taken when nothing else fits; Set then sets the paragraph
	// ragged rather than justify them.
	Tolerance float64
	// Pretolerance, when above 0, is the largest ratio of a first try
	// without hyphens, as TeX's \pretolerance: a paragraph that sets
	// well with whole words is not hyphenated at all.
	Pretolerance float64
	// LinePenalty is added to every line's badness: fewer lines win.
	LinePenalty float64
	// FlaggedDemerits is added when two lines in a row end with a hyphen
	// (TeX's \doublehyphendemerits).
	FlaggedDemerits float64
	// MaxHyphens, when above 0, is the most lines in a row that may end
	// with a hyphen (a ladder of hyphens at the right edge).
	MaxHyphens int
	// FinalHyphenDemerits is added when the last line but one ends with
	// a hyphen: the paragraph would end on the stub of a word ("ers.").
	FinalHyphenDemerits float64
	// FitnessDemerits is added when a tight line follows a loose one, or
	// the other way round: neighbouring lines should look alike.
	FitnessDemerits float64
	// Ragged sets lines at their natural spacing instead of justifying
	// them (headings, short lines); breaks are still chosen for evenness.
	Ragged bool
	// RaggedStretch is how much a ragged line may fall short of the
	// measure at ratio 1, like TeX's \rightskip stretch: lines are then
	// broken for even lengths, not for even spaces. Set makes it three
	// ems of the paragraph's first run when it is 0.
	RaggedStretch float64
	// Natural keeps ragged lines' spaces at their natural width, never
	// squeezed (large print): a line that would need it breaks earlier.
	Natural bool
	// Items, when set, keeps paragraphs' items for Set to scale for
	// another document, instead of building them again.
	Items *Items
	// Anywhere lets Set break a word between any two characters, as a
	// last resort: for text that would otherwise run past the margin.
	Anywhere bool
	// Expand is how far a justified line's letters may widen or narrow,
	// a share of their width (pdfTeX's font expansion): 0.02 lets a line
	// find 2 % of its glyphs' width before it needs a hyphen or wide
	// spaces; 0 keeps glyphs as drawn. Ragged lines never expand.
	Expand float64
}

// Defaults are TeX's plain values, scaled to the adjustment ratio.
func Defaults(width float64) Params {
	return Params{
		Width: func(int) float64 { return width },
		// Spaces stretch by half their width at ratio 1: never more
		// than 1.5 times their natural width.
		Tolerance:    1,
		Pretolerance: pretolerance,
		LinePenalty:  10,
		// TeX's \doublehyphendemerits.
		FlaggedDemerits: 10000,
		MaxHyphens:      2,
		// TeX's \finalhyphendemerits.
		FinalHyphenDemerits: 5000,
		FitnessDemerits:     100,
		Expand:              expand,
	}
}

// expand is Defaults' Expand: microtype's default limit, at which a
// reader sees no change in the letters.
const expand = 0.02

// pretolerance is Defaults' Pretolerance: spaces up to 1.4 times their
// width, for no hyphen.
const pretolerance = 1

// slack is how much wider than its measure a line may be and still fit:
// a thousandth of a point, far below what a printer shows, so that the
// rounding of widths scaled from another size never makes a line
// overfull.
const slack = 1e-3

// Line is one line of a broken paragraph: items [Start, End) and the
// ratio their glue is set at (negative: shrunk; above 1: looser than the
// glue's stretch; Overfull: wider than the line even fully shrunk).
type Line struct {
	Start, End int
	Ratio      float64
	Overfull   bool
	Hyphen     bool // the line ends at a flagged penalty: print a hyphen
}

type node struct {
	pos                    int // index of the break item; -1 for the start
	line                   int
	fitness                int
	width, stretch, shrink float64 // totals up to the first item after the break
	demerits               float64
	prev                   *node
	ratio                  float64
	overfull               bool
	hyphens                int // lines in a row ending with a hyphen, this one included
}

// ErrEmpty is returned for a paragraph without items.
var ErrEmpty = errors.New("typeset: empty paragraph")

// Break splits a paragraph into lines with the total-fit algorithm of
// Knuth and Plass ("Breaking paragraphs into lines", 1981): among all ways
// to break, the one with the least total demerits. The paragraph must end
// with a forced break (Penalty -Infinity), as Paragraph items do.
//
// Where the paper gives up when no break fits, this tries again with the
// tolerance raised, then allows overfull lines, so that a very long word
// or a narrow column still gives a result, flagged, instead of an error.
func Break(items []Item, p Params) ([]Line, error) {
	if len(items) == 0 {
		return nil, ErrEmpty
	}
	if p.Pretolerance > 0 {
		q := p
		q.Tolerance = p.Pretolerance
		if lines, ok := breakLines(items, q, true, false); ok {
			return lines, nil
		}
	}
	for _, tol := range []float64{p.Tolerance, p.Tolerance * 5, math.Inf(1)} {
		q := p
		q.Tolerance = tol
		if lines, ok := breakLines(items, q, !math.IsInf(tol, 1), true); ok {
			return lines, nil
		}
	}
	return nil, errors.New("typeset: no way to break the paragraph")
}

// breakLines is one attempt at Break with p's tolerance; strict refuses
// overfull lines; without hyphens, no line ends at a flagged penalty. It
// reports false when no way to break fits.
func breakLines(items []Item, p Params, strict, hyphens bool) ([]Line, bool) {
	br := newBreaker(items, p, strict)
	br.hyphens = hyphens
	for b := range items {
		if br.legal(b) && !br.consider(b) {
			return nil, false
		}
	}
	last := br.bestLast()
	if last == nil {
		return nil, false
	}
	return br.lines(last), true
}

// breaker is one pass of the algorithm over a paragraph: the running
// sums that give any line's width in constant time, and the active list,
// the breaks from which a later line may still start.
type breaker struct {
	items   []Item
	p       Params
	strict  bool
	hyphens bool // lines may end with a hyphen
	// Running sums: sum[i] covers items[0:i].
	sumW, sumY, sumZ []float64
	active           []*node
	// fallback is the least bad overfull line, kept in case nothing
	// else fits (only when not strict).
	fallback *node
}

// cand is the best way found so far to reach a break in one fitness
// class: from which active node, with what demerits.
type cand struct {
	d       float64
	from    *node // nil: none yet
	ratio   float64
	over    bool
	hyphens int
}

func newBreaker(items []Item, p Params, strict bool) *breaker {
	n := len(items)
	br := &breaker{items: items, p: p, strict: strict,
		sumW: make([]float64, n+1), sumY: make([]float64, n+1), sumZ: make([]float64, n+1),
		active: []*node{{pos: -1, fitness: 1}},
	}
	e := p.Expand
	if p.Ragged {
		e = 0
	}
	for i, it := range items {
		br.sumW[i+1], br.sumY[i+1], br.sumZ[i+1] = br.sumW[i], br.sumY[i], br.sumZ[i]
		if it.Kind != Penalty {
			br.sumW[i+1] += it.Width
		}
		if it.Kind == Box {
			br.sumY[i+1] += e * it.Width
			br.sumZ[i+1] += e * it.Width
		}
		if it.Kind == Glue {
			br.sumY[i+1] += it.Stretch
			br.sumZ[i+1] += it.Shrink
		}
	}
	return br
}

// legal reports whether a line may end at item b: at a penalty that
// does not forbid it, or at glue that follows a box.
func (br *breaker) legal(b int) bool {
	switch it := br.items[b]; it.Kind {
	case Penalty:
		return it.Penalty < Infinity && (br.hyphens || !it.Flagged)
	case Glue:
		return b > 0 && br.items[b-1].Kind == Box
	}
	return false
}

// after returns where the next line starts after a break at b: glue and
// non-forced penalties at a line's start are dropped.
func (br *breaker) after(b int) int {
	items := br.items
	i := b + 1
	for i < len(items) && items[i].Kind != Box {
		if items[i].Kind == Penalty && items[i].Penalty <= -Infinity {
			break
		}
		i++
	}
	return i
}

// consider tries every active node as the start of a line ending at
// break b: nodes that can start no later line leave the active list, and
// the best line to b of each fitness class joins it. It reports false
// when the active list runs dry and nothing may take its place.
func (br *breaker) consider(b int) bool {
	it := br.items[b]
	forced := it.Kind == Penalty && it.Penalty <= -Infinity
	var best [4]cand
	kept := br.active[:0]
	for _, a := range br.active {
		r := br.ratio(a, b)
		over := r < -1
		if over || forced {
			// This node can start no later line: drop it.
			if over && !br.strict {
				br.keepFallback(a, b, r)
			}
		} else {
			kept = append(kept, a)
		}
		if over && br.strict {
			continue
		}
		if !over && r > br.p.Tolerance && !forced {
			continue
		}
		hyphens := 0
		if it.Kind == Penalty && it.Flagged {
			hyphens = a.hyphens + 1
			if br.strict && br.p.MaxHyphens > 0 && hyphens > br.p.MaxHyphens {
				continue
			}
		}
		d, fc := br.demerits(a, b, r, over, forced)
		if c := &best[fc]; c.from == nil || d < c.d {
			*c = cand{d: d, from: a, ratio: r, over: over, hyphens: hyphens}
		}
	}
	br.active = kept
	for fc, c := range best {
		if c.from == nil {
			continue
		}
		br.active = append(br.active, &node{pos: b, line: c.from.line + 1, fitness: fc, demerits: c.d, prev: c.from, ratio: c.ratio, overfull: c.over, hyphens: c.hyphens})
	}
	if len(br.active) > 0 {
		return true
	}
	if br.strict || br.fallback == nil {
		return false
	}
	// Nothing fits: take the overfull line and go on from there.
	br.active = []*node{br.fallback}
	br.fallback = nil
	return true
}

// keepFallback remembers the overfull line from a to b if it is the
// least bad so far.
func (br *breaker) keepFallback(a *node, b int, r float64) {
	if br.fallback == nil || a.demerits < br.fallback.demerits {
		br.fallback = &node{pos: b, line: a.line + 1, demerits: a.demerits, prev: a, ratio: r, overfull: true}
	}
}

// ratio is the adjustment ratio of the line from active node a to break
// b: how much of its glue's stretch (positive) or shrink (negative) it
// needs to fill its measure; below -1, the line is overfull.
func (br *breaker) ratio(a *node, b int) float64 {
	it := br.items[b]
	start := br.after(a.pos)
	if a.pos < 0 {
		start = 0
	}
	w := br.sumW[b] - br.sumW[start]
	if it.Kind == Penalty {
		w += it.Width
	}
	target := br.p.Width(a.line)
	switch {
	case w < target:
		y := br.sumY[b] - br.sumY[start]
		if br.p.Ragged && br.p.RaggedStretch > 0 && b != len(br.items)-1 {
			// Ragged lines keep their spaces: how short a line falls is
			// measured against the right margin's give.
			y = br.p.RaggedStretch
		}
		if y > 0 {
			return (target - w) / y
		}
		return math.Inf(1)
	case w > target+slack:
		if z := br.sumZ[b] - br.sumZ[start]; z > 0 && !(br.p.Ragged && br.p.Natural) {
			return (target - w) / z
		}
		return math.Inf(-1)
	}
	return 0
}

// demerits is the total cost of the paragraph up to a line from a to b
// set at ratio r, and the line's fitness class.
func (br *breaker) demerits(a *node, b int, r float64, over, forced bool) (float64, int) {
	it, p := br.items[b], br.p
	// A last line (forced break) may be as loose as it likes: its glue
	// is the paragraph's fill.
	// (Products, not math.Pow: this runs for every active node at every
	// break, millions of times in a long paragraph.)
	ar := math.Abs(r)
	bad := 100 * ar * ar * ar
	if math.IsInf(r, 1) || bad > Infinity {
		bad = Infinity
	}
	d := (p.LinePenalty + bad) * (p.LinePenalty + bad)
	if over {
		// Worse than any loose line: text must never run off the page
		// while a looser break exists.
		d += 1e12 * (1 - r)
	}
	switch {
	case it.Kind == Penalty && it.Penalty >= 0:
		d += it.Penalty * it.Penalty
	case it.Kind == Penalty && !forced:
		d -= it.Penalty * it.Penalty
	}
	afterHyphen := a.pos >= 0 && br.items[a.pos].Kind == Penalty && br.items[a.pos].Flagged
	if it.Kind == Penalty && it.Flagged && afterHyphen {
		d += p.FlaggedDemerits
	}
	if b == len(br.items)-1 && afterHyphen {
		// The last line would begin with the end of a broken word.
		d += p.FinalHyphenDemerits
	}
	fc := fitness(r)
	if abs(fc-a.fitness) > 1 {
		d += p.FitnessDemerits
	}
	return d + a.demerits, fc
}

// bestLast is the active node at the paragraph's end with the least
// demerits, or nil.
func (br *breaker) bestLast() *node {
	var last *node
	for _, a := range br.active {
		if a.pos == len(br.items)-1 && (last == nil || a.demerits < last.demerits) {
			last = a
		}
	}
	return last
}

// lines follows the chain of breaks back from last into lines.
func (br *breaker) lines(last *node) []Line {
	var lines []Line
	for a := last; a.prev != nil; a = a.prev {
		start := 0
		if a.prev.pos >= 0 {
			start = br.after(a.prev.pos)
		}
		l := Line{Start: start, End: a.pos, Ratio: a.ratio, Overfull: a.overfull}
		if it := br.items[a.pos]; it.Kind == Penalty {
			l.End = a.pos + 1
			l.Hyphen = it.Flagged
		}
		lines = append(lines, l)
	}
	slices.Reverse(lines)
	return lines
}

// fitness classes: 0 tight, 1 decent, 2 loose, 3 very loose.
func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
