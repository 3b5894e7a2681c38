package web

import (
	"bytes"
	"fmt"

	"sobre/build/content"
	"sobre/build/generated"
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
			b.Assessment = generated.Commitments(docs[r.site.ByKey[p.Lang][r.site.Config.Charter]])
		case "a-z":
			b.AZ = generated.AZEntries(r.site, p, docs)
		}
	}
	var html bytes.Buffer
	refs, err := d.Render(&html, markup.Target{Blocks: r.Blocks(p, &b, d.IDs())})
	if err != nil {
		return Body{}, fmt.Errorf("%s: %v", p.Source.File, err)
	}
	b.HTML, b.Images = html.Bytes(), refs.Images
	b.Contents = r.contents(p, d, &b)
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
