package print

import (
	"fmt"
	"strings"

	"sobre/build/typeset"
)

// Cross-references. A link that leads to a place in the booklet (a
// chapter, a heading) is clickable in the PDF, but paper cannot click: it
// also says where to look, " (p. 14)" after the link's text, the page
// being the one the footer numbers. Page numbers are known only once the
// pages are laid out, and printing them changes the lines, so it is done
// as TeX does with its second run: lay out, number, set the lines that
// changed again and lay out again, until no number moves (contents, which
// numbers its entries in the same loop).
//
// A link that closes a parenthesis ("(l’engagement 2 de la charte)")
// says its page inside it, as books do: "(…, p. 6)", not "(… (p. 6))".
//
// A reference is not printed when the place it leads to starts on the
// page where the link is: the reader sees it. So that the loop ends, a
// reference printed once is printed in every later pass (it cannot come
// and go as the pages move), and the loop stops after maxLayouts
// layouts, with a warning if a number still moved.

// maxLayouts bounds the layouts done for the contents' and references'
// page numbers: two in practice, three when a number's width moves a line.
const maxLayouts = 6

// refRuns are the runs of a block (cell 0) or of one of a table row's
// cells (cell c, from 1) that hold links into the booklet: their runs
// without references, and each reference to print.
type refRuns struct {
	block, cell int
	plain       []typeset.Run
	refs        []xref
}

// xref is the page reference after a link: after the link's last run, in
// the plain runs, and at it in the runs set; the block it leads to; what
// it prints ("" nothing, its target being on the link's page); shown once
// a pass has printed its number; within when a parenthesis closes after
// the link.
type xref struct {
	after, at int
	target    int
	text      string
	shown     bool
	within    bool
}

// placeholderPage is the page a reference prints before the first
// layout: a number of two figures, as most booklets have.
const placeholderPage = 10

// findRefs puts a page reference after every link that leads into the
// booklet, but in headings (a heading's text is its outline entry) and
// in the contents' entries (they print their page already).
func (d *Document) findRefs() {
	if d.PageRef == nil || d.refs != nil {
		return // none asked for, or found already
	}
	targets := d.linkTargets()
	for i := range d.blocks {
		b := &d.blocks[i]
		if b.tag == "TOCI" || strings.HasPrefix(b.tag, "H") {
			continue
		}
		for c := 0; c <= len(b.cells); c++ {
			rr := &refRuns{block: i, cell: c, plain: d.runsOf(i, c)}
			for k, r := range rr.plain {
				to, ok := targets[r.Link]
				if !ok || k+1 < len(rr.plain) && rr.plain[k+1].Link == r.Link {
					continue // not a link into the booklet, or not its end
				}
				within := k+1 < len(rr.plain) && strings.HasPrefix(rr.plain[k+1].Text, ")")
				rr.refs = append(rr.refs, xref{after: k, target: to, within: within, text: d.PageRef(placeholderPage, within)})
			}
			if len(rr.refs) > 0 {
				d.refs = append(d.refs, rr)
				d.placeRefs(rr)
			}
		}
	}
}

// runsOf is block i's runs (cell 0) or its cell c's.
func (d *Document) runsOf(i, c int) []typeset.Run {
	if c == 0 {
		return d.blocks[i].runs
	}
	return d.blocks[i].cells[c-1]
}

// placeRefs makes the runs to set: the plain runs, each reference that
// prints after its link's last run, in the link's size and weight, never
// hyphenated, and part of the link, whose element and annotation it joins.
func (d *Document) placeRefs(rr *refRuns) {
	runs := make([]typeset.Run, 0, len(rr.plain)+len(rr.refs))
	k := 0
	for r, run := range rr.plain {
		runs = append(runs, run)
		for ; k < len(rr.refs) && rr.refs[k].after == r; k++ {
			x := &rr.refs[k]
			x.at = len(runs) - 1
			if x.text == "" {
				continue
			}
			st := run.Style
			st.Font = d.Fonts.Regular
			if st.Bold {
				st.Font = d.Fonts.Bold
			}
			runs = append(runs, typeset.Run{Text: x.text, Style: st, Lang: d.Lang, Link: run.Link, NoHyphens: true})
		}
	}
	if rr.cell == 0 {
		d.blocks[rr.block].runs = runs
	} else {
		d.blocks[rr.block].cells[rr.cell-1] = runs
	}
}

// number gives each reference the page its target starts on, as laid out
// in pages, sets again the blocks whose references changed, and reports
// whether any did. The last pass (last) only reports: pages keep the lines
// they were filled with, and their runs.
func (d *Document) number(pages [][]placed, last bool) (bool, error) {
	if len(d.refs) == 0 {
		return false, nil
	}
	starts := blockStarts(pages)
	ends := linkEnds(pages, d.refs)
	changed := false
	for n, rr := range d.refs {
		moved := false
		for k := range rr.refs {
			x := &rr.refs[k]
			page := starts[x.target].Page
			text, shown := d.PageRef(page+1, x.within), true
			if page == ends[n][k] && !x.shown {
				text, shown = "", false
			}
			if text != x.text && last {
				return true, nil // no more layouts: the pages keep these runs
			}
			moved = moved || text != x.text
			x.text, x.shown = text, shown
		}
		if !moved {
			continue
		}
		changed = true
		d.placeRefs(rr)
		s, err := d.setBlock(rr.block)
		if err != nil {
			return false, d.glyphError(d.blocks[rr.block], err)
		}
		d.sets[rr.block] = s
	}
	return changed, nil
}

// linkEnds finds the page each reference's link ends on, where the
// reference prints: ends[n][k] for d.refs[n].refs[k].
func linkEnds(pages [][]placed, refs []*refRuns) [][]int {
	type key struct{ block, cell int }
	at := map[key]int{}
	ends := make([][]int, len(refs))
	for n, rr := range refs {
		at[key{rr.block, rr.cell}] = n
		ends[n] = make([]int, len(rr.refs))
	}
	for pi, lines := range pages {
		for _, pl := range lines {
			n, ok := at[key{pl.block, pl.cell}]
			if !ok || pl.frame || pl.repeat {
				continue
			}
			for _, pc := range pl.line.Pieces {
				for k, x := range refs[n].refs {
					if pc.Run == x.at {
						ends[n][k] = pi
					}
				}
			}
		}
	}
	return ends
}

// unsettled is the warning of references whose page still moved after
// maxLayouts layouts: a number printed may be a page off.
func (d *Document) unsettled() {
	d.Problems = append(d.Problems, &Error{Kind: "xref", Err: fmt.Errorf(
		"%s: page references still moved after %d layouts: a printed page number may be off by a page", d.edition(), maxLayouts)})
}

// pageRef is a page reference in the language's words, after a link:
// " (p. 14)", or ", p. 14" within a parenthesis; the same short form in
// French, Dutch and English, where a longer "voir p. 14" would lengthen
// every line that has one and say no more.
func (c *composer) pageRef(page int, within bool) string {
	if within {
		return c.s.T("print_page_ref_within", map[string]int{"Page": page})
	}
	return c.s.T("print_page_ref", map[string]int{"Page": page})
}
