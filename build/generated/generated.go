// Package generated computes the data of the blocks the build makes from
// other pages, which a page asks for by a directive ({{assessment}},
// {{ai-pages}}, {{a-z}}): the charter's commitments for the
// self-assessment, the table of pages and how they were made, the A–Z's
// entries. Each output sets them its own way (the web as a form and
// tables, print as a paper form); the data is the same, so that what the
// web shows, the paper shows.
package generated

import (
	"github.com/yuin/goldmark/ast"

	"sobre/build/content"
	"sobre/build/i18n"
	"sobre/build/markup"
)

// AssessSection is a commitment of the charter in the self-assessment.
type AssessSection struct {
	ID, Title string
	Items     []AssessItem
}

// Max is the section's highest score: two points per line "in place".
func (s AssessSection) Max() int { return 2 * len(s.Items) }

// AssessItem is one line of a commitment.
type AssessItem struct {
	Text       string
	Level      int // 0, or 1 and 2 for the advanced levels
	LevelLabel string
}

// Commitments reads the self-assessment's lines from the charter: each
// level-2 section holding a list is a commitment, each item a line to rate.
// The form thus follows the charter whenever the charter changes.
func Commitments(d *markup.Doc) []AssessSection {
	if d == nil {
		return nil
	}
	var out []AssessSection
	var cur *AssessSection
	for n := d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				id, _ := n.AttributeString("id")
				b, _ := id.([]byte)
				out = append(out, AssessSection{ID: string(b), Title: markup.PlainText(n, d.Source)})
				cur = &out[len(out)-1]
			}
		case *ast.List:
			if cur == nil || len(cur.Items) > 0 {
				continue
			}
			for li := n.FirstChild(); li != nil; li = li.NextSibling() {
				item := AssessItem{Text: itemText(li, d.Source)}
				if l := levelOf(li); l != nil {
					item.Level, item.LevelLabel = l.N, l.Label
				}
				cur.Items = append(cur.Items, item)
			}
		}
	}
	kept := out[:0]
	for _, s := range out {
		if len(s.Items) > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}

// itemText is the line of a commitment: its text without its badge and
// without the lists nested in it.
func itemText(li ast.Node, src []byte) string {
	return markup.TextWithout(li, src, func(c ast.Node) bool {
		_, badge := c.(*markup.Level)
		nested := c.Type() == ast.TypeBlock && c.Kind() != ast.KindParagraph && c.Kind() != ast.KindTextBlock
		return badge || nested
	})
}

// levelOf is the badge of a list item, which the level extension puts
// first in its first block.
func levelOf(li ast.Node) *markup.Level {
	if b := li.FirstChild(); b != nil {
		l, _ := b.FirstChild().(*markup.Level)
		return l
	}
	return nil
}

// AIRow is a line of the table of pages and how they were made.
type AIRow struct {
	Title, Href, Lang, How, Review string
}

// AIRows lists the pages of p's language and how each was made, in the
// words of s (p's language), with links relative to p.
func AIRows(site *content.Site, s *i18n.Strings, p *content.Page) []AIRow {
	var rows []AIRow
	for _, q := range site.Pages[p.Lang] {
		row := AIRow{Title: q.Source.Front.Title, Href: content.Rel(p.Out, q.Out)}
		if q.ContentLang() != p.Lang {
			row.Lang = q.ContentLang()
		}
		if a := q.Source.Front.AI; a != nil {
			row.How = s.T("ai_how_"+a.What, map[string]string{"Tool": a.Tool})
			if a.Review == "reviewed" {
				row.Review = s.T("ai_review_done", map[string]string{"Reviewer": a.Reviewer})
			} else {
				row.Review = s.T("ai_state_pending", nil)
			}
		} else {
			row.How, row.Review = s.T("ai_how_none", nil), "—"
		}
		rows = append(rows, row)
	}
	return rows
}

// AZEntry is a line of the A–Z index.
type AZEntry struct {
	Title, Href, Lang string
	Glossary          bool
}

// AZGroup is a letter of the A–Z index.
type AZGroup struct {
	Letter  string
	ID      string
	Entries []AZEntry
}

// AZEntries lists what the A–Z index of p's language shows: every page of
// the tree and every glossary entry, with links relative to p. docs are
// every page's.
func AZEntries(site *content.Site, p *content.Page, docs map[*content.Page]*markup.Doc) []AZEntry {
	var out []AZEntry
	for _, q := range site.Pages[p.Lang] {
		if q == p {
			continue
		}
		e := AZEntry{Title: q.Source.Front.Title, Href: content.Rel(p.Out, q.Out)}
		if q.ContentLang() != p.Lang {
			e.Lang = q.ContentLang()
		}
		out = append(out, e)
	}
	if g := site.ByKey[p.Lang][site.Config.Glossary]; g != nil && docs[g] != nil {
		for _, h := range docs[g].Headings {
			if h.Level != 2 {
				continue
			}
			e := AZEntry{Title: h.Text, Href: content.Rel(p.Out, g.Out) + "#" + h.ID, Glossary: true}
			if g.ContentLang() != p.Lang {
				e.Lang = g.ContentLang()
			}
			out = append(out, e)
		}
	}
	return out
}
