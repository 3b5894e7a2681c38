package web

import (
	"sobre/build/content"
	"sobre/build/output"
)

// printPack is the materials pack's A4 PDF, offered at the top of the
// pack's page (a page whose front matter says pack: true) as the charter
// is on its own: the page shows the cards and forms, the PDF is what a
// trainer prints. Nil on other pages, or when the build made no pack.
func (r *Renderer) printPack(p *content.Page, from string, v Variant) *PrintAction {
	if !p.Source.Front.Pack {
		return nil
	}
	for _, dl := range v.Downloads {
		if dl.Kind != output.Pack || dl.Lang != p.Lang {
			continue
		}
		s := r.strings[p.Lang]
		data := map[string]any{"Size": FormatSize(s, dl.Size), "Pages": dl.Pages}
		return &PrintAction{Href: content.Rel(from, dl.Path), Label: s.T("print_pack_action", data), Download: !v.Bundle}
	}
	return nil
}
