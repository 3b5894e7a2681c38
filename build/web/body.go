package web

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"

	"sobre/build/content"
	"sobre/build/markup"
)

// RenderBody renders a page's Markdown, with the data of the blocks
// generated from other pages (the charter's self-assessment, the A–Z):
// what every output of the page shares. docs are every page's.
func (r *Renderer) RenderBody(p *content.Page, docs map[*content.Page]*markup.Doc) (Body, error) {
	d := docs[p]
	b := Body{Words: countWords(p.Source.Body), Tasks: d.Tasks}
	for _, name := range d.Directives() {
		switch name {
		case "assessment":
			b.Assessment = commitments(docs[r.site.ByKey[p.Lang][r.site.Config.Charter]])
		case "a-z":
			b.AZ = r.azEntries(p, docs)
		}
	}
	var html bytes.Buffer
	refs, err := d.Render(&html, markup.Target{Blocks: r.Blocks(p, &b, d.IDs())})
	if err != nil {
		return Body{}, fmt.Errorf("%s: %v", p.Source.File, err)
	}
	b.HTML, b.Images = html.Bytes(), refs.Images
	return b, nil
}

// countWords counts space-separated words without building a slice.
func countWords(b []byte) int {
	n, in := 0, false
	for _, c := range b {
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// commitments reads the self-assessment's lines from the charter: each
// level-2 section holding a list is a commitment, each item a line to rate.
// The form thus follows the charter whenever the charter changes.
func commitments(d *markup.Doc) []AssessSection {
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

// azEntries lists what the A–Z index of p's language shows: every page of
// the tree and every glossary entry, with links relative to p.
func (r *Renderer) azEntries(p *content.Page, docs map[*content.Page]*markup.Doc) []AZEntry {
	var out []AZEntry
	tree := r.site.Pages[p.Lang]
	for _, q := range tree {
		if q == p {
			continue
		}
		e := AZEntry{Title: q.Source.Front.Title, Href: content.Rel(p.Out, q.Out)}
		if q.ContentLang() != p.Lang {
			e.Lang = q.ContentLang()
		}
		out = append(out, e)
	}
	if g := r.site.ByKey[p.Lang][r.site.Config.Glossary]; g != nil && docs[g] != nil {
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
