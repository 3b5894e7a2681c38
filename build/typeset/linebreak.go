// Package typeset sets text for print: line breaking, hyphenation and,
// later, shaping and pagination. It knows nothing of Markdown (the print
// stage turns the AST into paragraphs) nor of PDF (build/pdf draws).
package typeset

import (
	"errors"
	"math"
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
	// only taken when nothing else fits.
	Tolerance float64
	// LinePenalty is added to every line's badness: fewer lines win.
	LinePenalty float64
	// FlaggedDemerits is added when two lines in a row end with a hyphen.
	FlaggedDemerits float64
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
	// Items, when set, keeps paragraphs' items for Set to scale for
	// another document, instead of building them again.
	Items *Items
	// Anywhere lets Set break a word between any two characters, as a
	// last resort: for text that would otherwise run past the margin.
	Anywhere bool
}

// Defaults are TeX's plain values, scaled to the adjustment ratio.
func Defaults(width float64) Params {
	return Params{
		Width:           func(int) float64 { return width },
		Tolerance:       2,
		LinePenalty:     10,
		FlaggedDemerits: 3000,
		// TeX's \finalhyphendemerits.
		FinalHyphenDemerits: 5000,
		FitnessDemerits:     100,
	}
}

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
	for _, tol := range []float64{p.Tolerance, p.Tolerance * 5, math.Inf(1)} {
		q := p
		q.Tolerance = tol
		if lines, ok := breakLines(items, q, !math.IsInf(tol, 1)); ok {
			return lines, nil
		}
	}
	return nil, errors.New("typeset: no way to break the paragraph")
}

func breakLines(items []Item, p Params, strict bool) ([]Line, bool) {
	n := len(items)
	// Running sums: sum[i] covers items[0:i].
	sumW := make([]float64, n+1)
	sumY := make([]float64, n+1)
	sumZ := make([]float64, n+1)
	for i, it := range items {
		sumW[i+1], sumY[i+1], sumZ[i+1] = sumW[i], sumY[i], sumZ[i]
		if it.Kind != Penalty {
			sumW[i+1] += it.Width
		}
		if it.Kind == Glue {
			sumY[i+1] += it.Stretch
			sumZ[i+1] += it.Shrink
		}
	}
	// after returns where the next line starts after a break at b: glue
	// and non-forced penalties at a line's start are dropped.
	after := func(b int) int {
		i := b + 1
		for i < n && items[i].Kind != Box {
			if items[i].Kind == Penalty && items[i].Penalty <= -Infinity {
				break
			}
			i++
		}
		return i
	}
	active := []*node{{pos: -1, fitness: 1}}
	var deactivated *node // best overfull fallback when nothing fits
	for b := 0; b < n; b++ {
		it := items[b]
		legal := false
		switch it.Kind {
		case Penalty:
			legal = it.Penalty < Infinity
		case Glue:
			legal = b > 0 && items[b-1].Kind == Box
		}
		if !legal {
			continue
		}
		forced := it.Kind == Penalty && it.Penalty <= -Infinity
		type cand struct {
			d     float64
			from  *node
			ratio float64
			over  bool
		}
		var best [4]*cand
		kept := active[:0]
		for _, a := range active {
			start := after(a.pos)
			if a.pos < 0 {
				start = 0
			}
			w := sumW[b] - sumW[start]
			if it.Kind == Penalty {
				w += it.Width
			}
			target := p.Width(a.line)
			var r float64
			switch {
			case w < target:
				y := sumY[b] - sumY[start]
				if p.Ragged && p.RaggedStretch > 0 && b != n-1 {
					// Ragged lines keep their spaces: how short a line
					// falls is measured against the right margin's give.
					y = p.RaggedStretch
				}
				if y > 0 {
					r = (target - w) / y
				} else {
					r = math.Inf(1)
				}
			case w > target+slack:
				if z := sumZ[b] - sumZ[start]; z > 0 {
					r = (target - w) / z
				} else {
					r = math.Inf(-1)
				}
			}
			over := r < -1
			if over || forced {
				// This node can start no later line: drop it. Keep the least
				// bad overfull line in case nothing else fits.
				if over && !strict && (deactivated == nil || a.demerits < deactivated.demerits) {
					deactivated = &node{pos: b, line: a.line + 1, demerits: a.demerits, prev: a, ratio: r, overfull: true}
				}
			} else {
				kept = append(kept, a)
			}
			if over && strict {
				continue
			}
			if !over && r > p.Tolerance && !forced {
				continue
			}
			// A last line (forced break) may be as loose as it likes: its
			// glue is the paragraph's fill.
			// (Products, not math.Pow: this runs for every active node at
			// every break, millions of times in a long paragraph.)
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
			if it.Kind == Penalty && it.Flagged && a.pos >= 0 && items[a.pos].Kind == Penalty && items[a.pos].Flagged {
				d += p.FlaggedDemerits
			}
			if b == len(items)-1 && a.pos >= 0 && items[a.pos].Kind == Penalty && items[a.pos].Flagged {
				// The last line would begin with the end of a broken word.
				d += p.FinalHyphenDemerits
			}
			fc := fitness(r)
			if abs(fc-a.fitness) > 1 {
				d += p.FitnessDemerits
			}
			d += a.demerits
			if c := best[fc]; c == nil || d < c.d {
				best[fc] = &cand{d: d, from: a, ratio: r, over: over}
			}
		}
		active = kept
		for fc, c := range best {
			if c == nil {
				continue
			}
			active = append(active, &node{pos: b, line: c.from.line + 1, fitness: fc, demerits: c.d, prev: c.from, ratio: c.ratio, overfull: c.over})
		}
		if len(active) == 0 {
			if strict || deactivated == nil {
				return nil, false
			}
			// Nothing fits: take the overfull line and go on from there.
			active = []*node{deactivated}
			deactivated = nil
		}
	}
	var last *node
	for _, a := range active {
		if a.pos == n-1 && (last == nil || a.demerits < last.demerits) {
			last = a
		}
	}
	if last == nil {
		return nil, false
	}
	var lines []Line
	for a := last; a.prev != nil; a = a.prev {
		start := 0
		if a.prev.pos >= 0 {
			start = after(a.prev.pos)
		}
		end := a.pos
		l := Line{Start: start, End: end, Ratio: a.ratio, Overfull: a.overfull}
		if items[a.pos].Kind == Penalty {
			l.End = a.pos + 1
			l.Hyphen = items[a.pos].Flagged
		}
		lines = append(lines, l)
	}
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	return lines, true
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
