package web

import (
	"sobre/build/content"
	"sobre/build/generated"
	"sobre/build/markup"
)

// minContents is how many h2 a page needs for an "On this page" contents:
// under four, the reader sees them all at a glance.
const minContents = 4

// longContents is the length from which a phone shows the contents
// folded: a longer list would push the text off the first screen.
const longContents = 6

// Contents is a page's "On this page" list: a link to each of its h2, in
// page order; on the glossary, Letters files the same links under their
// letters, in the language's collation order, for a letter bar.
type Contents struct {
	Links   []Link
	Letters []AZGroup
}

// Long says whether a phone shows the list folded.
func (c *Contents) Long() bool { return len(c.Links) > longContents }

// contents is p's contents, or nil when it has fewer than minContents h2.
// The self-assessment's sections are h2 the template writes: they come
// first, as the charter's {{assessment}} opens the page's sections.
func (r *Renderer) contents(p *content.Page, d *markup.Doc, b *Body) *Contents {
	var links []Link
	for _, s := range b.Assessment {
		links = append(links, Link{Title: s.Title, Href: "#as-" + s.ID})
	}
	for _, h := range d.Headings {
		if h.Level == 2 {
			links = append(links, Link{Title: h.Text, Href: "#" + h.ID})
		}
	}
	if len(links) < minContents || len(b.AZ) > 0 { // the A–Z has its letter bar
		return nil
	}
	c := &Contents{Links: links}
	if p == r.site.ByKey[p.Lang][r.site.Config.Glossary] {
		entries := make([]AZEntry, len(links))
		for i, l := range links {
			entries[i] = AZEntry{Title: l.Title, Href: l.Href}
		}
		c.Letters = generated.GroupAZ(entries, p.Lang, append(d.IDs(), ReservedIDs...)...)
	}
	return c
}
