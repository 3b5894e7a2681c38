package print

import (
	"fmt"
	"strconv"
	"strings"

	"sobre/build/generated"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/typeset"
)

// Generated is the data of the blocks a page's directives ask for (see
// build/generated), the same the web shows, and the interface strings
// they are printed with.
type Generated struct {
	Assessment []generated.AssessSection
	AIPages    []generated.AIRow
	AZ         []generated.AZGroup
	Strings    *i18n.Strings
}

// addGenerated prints a directive's block; one print has no form for,
// or whose data is missing, stops the booklet at its line, naming it:
// paper is never silently poorer than the web.
func (d *Document) addGenerated(n *markup.Directive, lang string, indent float64) {
	g := d.Blocks
	ok := g != nil && g.Strings != nil
	if ok {
		switch n.Name {
		case "assessment":
			ok = len(g.Assessment) > 0
			if ok {
				d.addAssessment(n, lang, indent)
			}
		case "ai-pages":
			ok = len(g.AIPages) > 0
			if ok {
				d.addAIPages(n, lang, indent)
			}
		case "a-z":
			ok = len(g.AZ) > 0
			if ok {
				d.addAZ(n, lang, indent)
			}
		default:
			ok = false
		}
	}
	if !ok && d.fatal == nil {
		line := 0
		if d.doc != nil {
			line = d.doc.Line(n)
		}
		d.fatal = &Error{File: d.file, Line: line, Kind: "block", Err: fmt.Errorf(
			"%s%s: the booklets have no print form for the block {{%s}}, or no data for it: give print a form for it (build/print/generated.go) or remove it", d.where(block{from: d.from}), d.edition(), n.Name)}
	}
}

// box is a box to tick, circle or write a score in, w body sizes wide: a
// rule run with no text, which paint draws as a square in the block's
// own marked content.
func (d *Document) box(w, scale float64) typeset.Run {
	return typeset.Run{Style: d.style(false, scale), Rule: w * d.Format.Body * scale}
}

// text is a run of plain text in lang.
func (d *Document) text(s string, bold bool, scale float64, lang string) typeset.Run {
	return typeset.Run{Text: s, Style: d.style(bold, scale), Lang: lang}
}

// addAssessment prints the self-assessment as a paper form: the scoring,
// as the web form explains it; each commitment's lines, each with its
// three answers and a box to tick before each; a box for the section's
// score; then the summary table with a box per commitment and one for
// the total.
func (d *Document) addAssessment(n *markup.Directive, lang string, indent float64) {
	s := d.Blocks.Strings
	// The web's note explains the scoring first; what it then says of
	// the browser is not true of paper.
	note := s.T("assess_note", nil)
	if i := strings.Index(note, ". "); i > 0 {
		note = note[:i+1]
	}
	d.add(block{tag: "P", runs: []typeset.Run{d.text(note, false, 1, lang)}, before: 0.5, indent: indent}, n, lang)
	answers := []string{s.T("assess_0", nil), s.T("assess_1", nil), s.T("assess_2", nil)}
	total := 0
	for _, sec := range d.Blocks.Assessment {
		d.add(block{tag: "H2", runs: []typeset.Run{{Text: sec.Title, Style: d.style(true, 1.45), Lang: lang, NoHyphens: true}}, before: 1.2, keep: true, indent: indent}, n, lang)
		for _, it := range sec.Items {
			var runs []typeset.Run
			if it.Level > 0 {
				runs = append(runs, d.text(it.LevelLabel+" ", true, 1, lang))
			}
			runs = append(runs, d.text(it.Text, false, 1, lang))
			d.add(block{tag: "P", runs: runs, before: 0.6, indent: indent, keep: true}, n, lang)
			var choice []typeset.Run
			for k, a := range answers {
				sep := "   "
				if k == len(answers)-1 {
					sep = ""
				}
				choice = append(choice, d.box(0.9, 1), typeset.Run{Text: "\u00a0\u00a0" + a + " (" + strconv.Itoa(k) + ")" + sep, Style: d.style(false, 1), Lang: lang, NoHyphens: true})
			}
			d.add(block{tag: "P", runs: choice, before: 0.2, indent: indent + d.Format.Body*1.2}, n, lang)
		}
		total += sec.Max()
		d.add(block{tag: "P", runs: []typeset.Run{d.text(s.T("assess_score", nil)+"\u00a0", true, 1, lang), d.box(3, 1), d.text(" / "+strconv.Itoa(sec.Max()), true, 1, lang)}, before: 0.7, indent: indent}, n, lang)
	}
	d.add(block{tag: "P", runs: []typeset.Run{{Text: s.T("assess_summary", nil), Style: d.style(true, 1.1), Lang: lang, NoHyphens: true}}, before: 1.2, keep: true, indent: indent}, n, lang)
	d.tables++
	row := func(cells [][]typeset.Run, head bool, before float64) {
		d.add(block{tag: "TR", cells: cells, table: d.tables, head: head, indent: indent, before: before}, n, lang)
	}
	cell := func(t string, bold bool) []typeset.Run { return []typeset.Run{d.text(t, bold, 0.92, lang)} }
	row([][]typeset.Run{cell(s.T("assess_commitment", nil), true), cell(s.T("assess_score_col", nil), true), cell(s.T("assess_max", nil), true)}, true, 0.4)
	for _, sec := range d.Blocks.Assessment {
		row([][]typeset.Run{cell(sec.Title, false), {d.box(3, 0.92)}, cell(strconv.Itoa(sec.Max()), false)}, false, 0)
	}
	row([][]typeset.Run{cell(s.T("assess_total", nil), true), {d.box(3, 0.92)}, cell(strconv.Itoa(total), true)}, false, 0)
}

// addAIPages prints the table of pages and how each was made, each
// page's title a link to its chapter when the booklet has it.
func (d *Document) addAIPages(n *markup.Directive, lang string, indent float64) {
	s := d.Blocks.Strings
	d.tables++
	cell := func(t string, bold bool, l string) []typeset.Run { return []typeset.Run{d.text(t, bold, 0.92, l)} }
	d.add(block{tag: "TR", cells: [][]typeset.Run{cell(s.T("ai_col_page", nil), true, lang), cell(s.T("ai_col_how", nil), true, lang), cell(s.T("ai_col_review", nil), true, lang)}, table: d.tables, head: true, indent: indent, before: 0.8}, n, lang)
	for _, r := range d.Blocks.AIPages {
		title := cell(r.Title, false, cmpOr(r.Lang, lang))
		if t, ok := d.target(r.Href); ok {
			title[0].Link = t
		}
		d.add(block{tag: "TR", cells: [][]typeset.Run{title, cell(r.How, false, lang), cell(r.Review, false, lang)}, table: d.tables, indent: indent}, n, lang)
	}
}

// addAZ prints the A–Z: each letter a heading, its entries a list, each
// a link to its chapter when the booklet has it.
func (d *Document) addAZ(n *markup.Directive, lang string, indent float64) {
	s := d.Blocks.Strings
	inner := indent + d.Format.Body*1.6
	for _, g := range d.Blocks.AZ {
		d.add(block{tag: "H2", runs: []typeset.Run{{Text: g.Letter, Style: d.style(true, 1.45), Lang: lang, NoHyphens: true}}, before: 1.2, keep: true, indent: indent}, n, lang)
		d.lists++
		for _, e := range g.Entries {
			title := d.text(e.Title, false, 1, cmpOr(e.Lang, lang))
			if t, ok := d.target(e.Href); ok {
				title.Link = t
			}
			runs := []typeset.Run{title}
			if e.Glossary {
				runs = append(runs, d.text(" ("+s.T("az_glossary", nil)+")", false, 1, lang))
			}
			d.add(block{tag: "LI", runs: runs, marker: "•", indent: inner, before: 0.25, list: d.lists}, n, lang)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
