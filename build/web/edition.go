package web

import (
	"sobre/build/content"
	"sobre/build/output"
)

// editionLabels are the strings naming a link to each kind of edition.
var editionLabels = map[string]string{content.EditionEasyRead: "edition_easy-read_link"}

// EditionLink leads from a page to another edition of its text: from the
// full charter to its easy-to-read edition, and back.
type EditionLink struct {
	Href, Label string
	Lang        string // the linked page's language, when not the page's
}

// editionLinks lists the editions of p, or the page p adapts, as seen
// from the file at from.
func (r *Renderer) editionLinks(p *content.Page, from string) []EditionLink {
	s := r.strings[p.Lang]
	var out []EditionLink
	link := func(q *content.Page, label string) {
		l := EditionLink{Href: content.Rel(from, q.Out), Label: label}
		if q.ContentLang() != p.ContentLang() {
			l.Lang = q.ContentLang()
		}
		out = append(out, l)
	}
	if full := r.site.Adapted(p); full != nil {
		link(full, s.T("edition_full_link", map[string]string{"Title": full.Label()}))
	}
	for _, q := range r.site.Editions(p) {
		link(q, s.T(editionLabels[q.Source.Front.Edition], nil))
	}
	return out
}

// printEdition is an easy-to-read page's own booklet, offered at its top
// as the charter's is on the charter page: its readers sign it.
func (r *Renderer) printEdition(p *content.Page, from string, v Variant) *PrintAction {
	if p.Source.Front.Edition != content.EditionEasyRead {
		return nil
	}
	for _, dl := range v.Downloads {
		if dl.Kind != output.EasyRead || dl.Lang != p.Lang {
			continue
		}
		s := r.strings[p.Lang]
		label := s.T("print_easy_read_action", map[string]any{"Size": FormatSize(s, dl.Size), "Pages": dl.Pages})
		return &PrintAction{Href: content.Rel(from, dl.Path), Label: label, Download: !v.Bundle}
	}
	return nil
}
