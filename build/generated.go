package build

import (
	"strings"

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
				item := web.AssessItem{}
				var text strings.Builder
				_ = ast.Walk(li, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
					if !entering {
						return ast.WalkContinue, nil
					}
					if l, ok := c.(*markup.Level); ok {
						item.Level, item.LevelLabel = l.N, l.Label
						return ast.WalkSkipChildren, nil
					}
					if c.Type() == ast.TypeBlock && c != li && c.Kind() != ast.KindParagraph && c.Kind() != ast.KindTextBlock {
						return ast.WalkSkipChildren, nil
					}
					switch c := c.(type) {
					case *ast.Text:
						text.Write(c.Segment.Value(d.Source))
						if c.SoftLineBreak() {
							text.WriteByte(' ')
						}
					case *ast.String:
						text.Write(c.Value)
					}
					return ast.WalkContinue, nil
				})
				item.Text = strings.TrimSpace(text.String())
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
