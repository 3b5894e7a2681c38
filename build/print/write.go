package print

import (
	"strconv"

	"sobre/build/pdf"
)

// PDF writes the booklet as a tagged PDF: its pages, the structure tree
// and links, the bookmarks, and the metadata PDF/UA asks for.
func (d *Document) PDF() ([]byte, error) {
	p, err := d.painted()
	if err != nil {
		return nil, err
	}
	var w pdf.Writer
	catalog := w.Alloc()
	pagesRef := w.Alloc()
	pageRefs := make([]pdf.Ref, len(p.contents))
	for i := range pageRefs {
		pageRefs[i] = w.Alloc()
	}
	contents := make([]pdf.Ref, len(p.deflated))
	for i, c := range p.deflated {
		contents[i] = w.AddDeflated("", c)
	}
	fonts := d.embedFonts(&w)
	images := p.writeImages(&w)
	links := p.tree.LinkRefs(&w)
	for pi := range pageRefs {
		w.Set(pageRefs[pi], pdf.Page{
			Parent: pagesRef, Width: d.Format.Width, Height: d.Format.Height,
			Resources: pdf.Resources{Fonts: fonts, XObjects: p.xobjects(pi, images)},
			Contents:  contents[pi], Tagged: true, StructParents: pi,
			Annots: p.tree.PageLinks(pi, links),
		}.Dict())
	}
	w.Set(pagesRef, pdf.PageTree(pageRefs))
	root := p.tree.Write(&w, pageRefs, links)
	outline := w.AddOutline(p.outline(), pageRefs)
	meta := w.AddMetadata(d.Title, d.Lang)
	info := w.Add(pdf.Info(d.Title))
	w.Set(catalog, pdf.Catalog{Pages: pagesRef, Lang: d.Lang, StructTreeRoot: root, Outlines: outline, Metadata: meta}.Dict())
	return w.BytesInfo(catalog, info), nil
}

// embedFonts writes the fonts the pages draw with, and returns them as
// the pages' font resources: the regular and bold styles, and the
// fallback fonts that drew a glyph.
func (d *Document) embedFonts(w *pdf.Writer) []pdf.Resource {
	var res []pdf.Resource
	for i, f := range d.fontList() {
		if i < 2 || f.Used() {
			res = append(res, pdf.Resource{Name: fontName(i), Ref: f.Embed(w)})
		}
	}
	return res
}

// fontList lists the fonts in the order of their resource names.
func (d *Document) fontList() []*pdf.Font {
	return append([]*pdf.Font{d.Fonts.Regular, d.Fonts.Bold}, d.Fonts.Fallback...)
}

// fontName names the i-th font of fontList in the pages' resources.
func fontName(i int) string { return "F" + strconv.Itoa(i+1) }

// writeImages writes the raster pictures the pages draw.
func (p *painted) writeImages(w *pdf.Writer) []pdf.Ref {
	refs := make([]pdf.Ref, len(p.images))
	for i, im := range p.images {
		refs[i] = w.AddImage(im)
	}
	return refs
}

// painted draws the pages once, for the booklet and its imposition, and
// compresses their content once.
func (d *Document) painted() (*painted, error) {
	if d.drawn != nil {
		return d.drawn, nil
	}
	if d.fatal != nil {
		return nil, d.fatal // a block print has no form for
	}
	pages, err := d.contents()
	if err != nil {
		return nil, err
	}
	p, err := d.paint(pages)
	if err != nil {
		return nil, err
	}
	p.deflated = make([][]byte, len(p.contents))
	for i, c := range p.contents {
		p.deflated[i] = pdf.Deflate([]byte(c))
	}
	d.drawn = p
	return p, nil
}

// outline lists the bookmarks: the booklet's top headings, each with the
// headings one level under it, closed, so that a long booklet's panel
// lists its chapters first; a booklet of one title shows its sections.
func (p *painted) outline() []pdf.OutlineItem {
	top := 6
	for _, el := range p.heads {
		top = min(top, p.headLevel[el])
	}
	var items []pdf.OutlineItem
	for _, el := range p.heads {
		item := pdf.OutlineItem{Title: p.tree.Elem(el).Title, Dest: p.at[el]}
		switch lv := p.headLevel[el]; {
		case lv == top || len(items) == 0:
			items = append(items, item)
		case lv == top+1:
			items[len(items)-1].Kids = append(items[len(items)-1].Kids, item)
		}
	}
	if len(items) == 1 {
		items[0].Open = true
	}
	return items
}
