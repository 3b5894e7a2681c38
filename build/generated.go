package build

import (
	"github.com/yuin/goldmark/ast"

	"sobre/build/content"
	"sobre/build/markup"
	"sobre/build/web"
)

// commitments reads the self-assessment's lines from the charter: each
// level-2 section holding a list is a commitment, each item a line to rate.
// The form thus follows the charter whenever the charter changes.
func commitments(d *markup.Doc) []web.AssessSection {
	if d == nil {
		return nil
	}
	var out []web.AssessSection
	var cur *web.AssessSection
	for n := d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				id, _ := n.AttributeString("id")
				b, _ := id.([]byte)
				out = append(out, web.AssessSection{ID: string(b), Title: markup.PlainText(n, d.Source)})
				cur = &out[len(out)-1]
			}
		case *ast.List:
			if cur == nil || len(cur.Items) > 0 {
				continue
			}
			for li := n.FirstChild(); li != nil; li = li.NextSibling() {
				item := web.AssessItem{Text: itemText(li, d.Source)}
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

// azEntries lists what the A–Z index of p's language shows: every page of
// the tree and every glossary entry, with links relative to p.
func (pr *Project) azEntries(p *content.Page) []web.AZEntry {
	var out []web.AZEntry
	tree := pr.Site.Pages[p.Lang]
	for _, q := range tree {
		if q == p {
			continue
		}
		e := web.AZEntry{Title: q.Source.Front.Title, Href: content.Rel(p.Out, q.Out)}
		if q.ContentLang() != p.Lang {
			e.Lang = q.ContentLang()
		}
		out = append(out, e)
	}
	if g := pr.Site.ByKey[p.Lang][pr.Config.Glossary]; g != nil && pr.Docs[g] != nil {
		for _, h := range pr.Docs[g].Headings {
			if h.Level != 2 {
				continue
			}
			e := web.AZEntry{Title: h.Text, Href: content.Rel(p.Out, g.Out) + "#" + h.ID, Glossary: true}
			if g.ContentLang() != p.Lang {
				e.Lang = g.ContentLang()
			}
			out = append(out, e)
		}
	}
	return out
}
