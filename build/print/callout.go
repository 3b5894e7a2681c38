package print

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"sobre/build/pdf"
)

// barGrey is the callouts' rule: a grey that prints on any office
// printer, dark enough to see, light enough not to read as text.
const barGrey = 0.55

// calloutBars draws, beside the lines of each callout on the page, a
// grey rule from its first line's top to its last line's foot, so that
// a callout is set apart on paper as the web sets it apart with a
// tint: an artifact, the label says in words what kind of box it is.
func (pp *pagePainter) calloutBars(lines []placed) {
	type span struct{ x, top, bottom float64 }
	var order []int
	spans := map[int]*span{}
	for i := range lines {
		pl := &lines[i]
		b := &pp.d.blocks[pl.block]
		if b.callout == 0 {
			continue
		}
		top, bottom := pl.y+pl.size*0.95, pl.y-pl.size*0.35
		if pl.frame {
			top, bottom = pl.y, pl.y-pl.h
		}
		s, ok := spans[b.callout]
		if !ok {
			s = &span{x: pp.d.Format.Left + b.bar, top: top, bottom: bottom}
			spans[b.callout] = s
			order = append(order, b.callout)
		}
		s.top, s.bottom = max(s.top, top), min(s.bottom, bottom)
	}
	if len(order) == 0 {
		return
	}
	w := pp.d.Format.Body * 0.22
	pp.c.BeginArtifact(layout)
	for _, k := range order {
		s := spans[k]
		fmt.Fprintf(pp.c, "q %s g %s %s %s %s re f Q\n", pdf.Num(barGrey), pdf.Num(s.x-w/2), pdf.Num(s.bottom), pdf.Num(w), pdf.Num(s.top-s.bottom))
	}
	pp.c.End()
}

// saidBy reports whether heading, the block just before a callout,
// already says its label: every word of the label is one of the
// heading's ("Exercise" under "Exercise", "Discussion" under "Questions
// for discussion"). The label is then left out, not read twice.
func saidBy(heading block, label string) bool {
	if !strings.HasPrefix(heading.tag, "H") || strings.TrimSpace(label) == "" {
		return false
	}
	var text strings.Builder
	for _, r := range heading.runs {
		text.WriteString(r.Text)
	}
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	said := words(text.String())
	for _, w := range words(label) {
		if !slices.Contains(said, w) {
			return false
		}
	}
	return true
}
