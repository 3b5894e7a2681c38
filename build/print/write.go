package print

import (
	"fmt"
	"strconv"
	"strings"

	"sobre/build/pdf"
)

// PDF writes the booklet as a tagged PDF.
func (d *Document) PDF() ([]byte, error) {
	pages, err := d.contents()
	if err != nil {
		return nil, err
	}
	p, err := d.painted()
	if err != nil {
		return nil, err
	}
	var w pdf.Writer
	catalog := w.Alloc()
	pagesRef := w.Alloc()
	pageRefs := make([]pdf.Ref, len(pages))
	for i := range pages {
		pageRefs[i] = w.Alloc()
	}
	contents := make([]pdf.Ref, len(pages))
	for i, c := range p.deflated {
		contents[i] = w.AddDeflated("", c)
	}
	fonts := d.embedFonts(&w, p)
	images := make([]pdf.Ref, len(p.images))
	for i, im := range p.images {
		images[i] = w.AddImage(im)
	}
	annotRefs := make([]pdf.Ref, len(p.annots))
	pageAnnots := make([][]string, len(pages))
	for i := range p.annots {
		annotRefs[i] = w.Alloc()
		p.annots[i].structPart = len(pages) + i
		pageAnnots[p.annots[i].page] = append(pageAnnots[p.annots[i].page], annotRefs[i].String())
	}
	for pi := range pages {
		extra := ""
		if len(pageAnnots[pi]) > 0 {
			extra = " /Annots [" + strings.Join(pageAnnots[pi], " ") + "]"
		}
		w.Set(pageRefs[pi], fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources << /Font << %s >>%s >> /Contents %s /StructParents %d /Tabs /S%s >>",
			pagesRef, pdf.Num(d.Format.Width), pdf.Num(d.Format.Height), fonts, p.xobjects(pi, images), contents[pi], pi, extra))
	}
	w.Set(pagesRef, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", refs(pageRefs), len(pages)))

	root := w.Alloc()
	elems := p.elems
	for i := range elems {
		elems[i].ref = w.Alloc()
	}
	for i, e := range elems {
		parent := root
		if e.parent >= 0 {
			parent = elems[e.parent].ref
		}
		// An element's page is that of its first marked content: its
		// marks on that page are plain numbers, marks on other pages
		// (a paragraph that runs on) say their page.
		pg := -1
		for _, kid := range e.kids {
			if m, ok := kid.(mcr); ok {
				pg = m.page
				break
			}
		}
		var k []string
		for _, kid := range e.kids {
			switch kid := kid.(type) {
			case int:
				k = append(k, elems[kid].ref.String())
			case mcr:
				if kid.page == pg {
					k = append(k, strconv.Itoa(kid.mcid))
					continue
				}
				k = append(k, fmt.Sprintf("<< /Type /MCR /Pg %s /MCID %d >>", pageRefs[kid.page], kid.mcid))
			case objr:
				a := p.annots[kid.annot]
				k = append(k, fmt.Sprintf("<< /Type /OBJR /Pg %s /Obj %s >>", pageRefs[a.page], annotRefs[kid.annot]))
			}
		}
		extra := ""
		if pg >= 0 {
			extra = " /Pg " + pageRefs[pg].String()
		}
		if i == 0 {
			extra += " /Lang " + pdf.Text(d.Lang)
		} else if e.lang != "" {
			extra += " /Lang " + pdf.Text(e.lang)
		}
		if e.alt != "" {
			extra += " /Alt " + pdf.Text(e.alt)
		}
		if e.attr != "" {
			extra += " " + e.attr
		}
		// (/Type /StructElem is optional: thousands of elements go without.)
		w.Set(e.ref, fmt.Sprintf("<< /S /%s /P %s /K [%s]%s >>", e.tag, parent, strings.Join(k, " "), extra))
	}
	var nums strings.Builder
	for pi, list := range p.parentTree {
		fmt.Fprintf(&nums, "%d [", pi)
		for _, el := range list {
			nums.WriteString(elems[el].ref.String() + " ")
		}
		nums.WriteString("] ")
	}
	dest := func(at pos) string {
		return fmt.Sprintf("[%s /XYZ 0 %s null]", pageRefs[at.page], pdf.Num(at.y))
	}
	for i, a := range p.annots {
		fmt.Fprintf(&nums, "%d %s ", a.structPart, elems[a.elem].ref)
		action := "<< /S /URI /URI " + pdf.Text(a.uri) + " >>"
		if a.uri == "" {
			action = "<< /S /GoTo /D " + dest(p.blockAt[a.to]) + " >>"
		}
		w.Set(annotRefs[i], fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /P %s /A %s /Contents %s /StructParent %d >>",
			pdf.Num(a.rect[0]), pdf.Num(a.rect[1]), pdf.Num(a.rect[2]), pdf.Num(a.rect[3]), pageRefs[a.page], action, pdf.Text(a.text), a.structPart))
	}
	parentTreeRef := w.Add(fmt.Sprintf("<< /Nums [%s] >>", nums.String()))
	w.Set(root, fmt.Sprintf("<< /Type /StructTreeRoot /K [%s] /ParentTree %s /ParentTreeNextKey %d >>", elems[0].ref, parentTreeRef, len(pages)+len(p.annots)))

	outline := d.outline(&w, p, dest)
	meta := w.AddStream("/Type /Metadata /Subtype /XML", []byte(xmp(d.Title, d.Lang)), true)
	info := w.Add(fmt.Sprintf("<< /Title %s /Producer (sobre) >>", pdf.Text(d.Title)))
	w.Set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s /Lang %s /MarkInfo << /Marked true >> /StructTreeRoot %s /Outlines %s /PageMode /UseOutlines /ViewerPreferences << /DisplayDocTitle true >> /Metadata %s >>",
		pagesRef, pdf.Text(d.Lang), root, outline, meta))
	return w.BytesInfo(catalog, info), nil
}

// embedFonts writes the fonts the pages draw with, and returns their
// entries for the pages' /Font resources: the regular and bold styles,
// and the fallback fonts that drew a glyph.
func (d *Document) embedFonts(w *pdf.Writer, p *painted) string {
	entries := []string{"/F1 " + d.Fonts.Regular.Embed(w).String(), "/F2 " + d.Fonts.Bold.Embed(w).String()}
	for _, fb := range d.Fonts.Fallback {
		if fb.Used() {
			entries = append(entries, p.fontNames[fb]+" "+fb.Embed(w).String())
		}
	}
	return strings.Join(entries, " ")
}

// painted draws the pages once, for the booklet and its imposition, and
// compresses their content once.
func (d *Document) painted() (*painted, error) {
	if d.drawn != nil {
		return d.drawn, nil
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

// outline writes the bookmarks: the booklet's top headings, each with the
// headings one level under it, closed, so that a long booklet's panel
// lists its chapters first.
func (d *Document) outline(w *pdf.Writer, p *painted, dest func(pos) string) pdf.Ref {
	type item struct {
		el   int
		kids []int
	}
	top := 6
	for _, el := range p.heads {
		top = min(top, p.headLevel[el])
	}
	var items []item
	for _, el := range p.heads {
		switch lv := p.headLevel[el]; {
		case lv == top || len(items) == 0:
			items = append(items, item{el: el})
		case lv == top+1:
			items[len(items)-1].kids = append(items[len(items)-1].kids, el)
		}
	}
	outline := w.Alloc()
	if len(items) == 0 {
		w.Set(outline, "<< /Type /Outlines /Count 0 >>")
		return outline
	}
	// siblings writes a list of entries under parent and returns their refs.
	siblings := func(parent pdf.Ref, els []int, kids func(i int, self pdf.Ref) string) []pdf.Ref {
		r := make([]pdf.Ref, len(els))
		for i := range els {
			r[i] = w.Alloc()
		}
		for i, el := range els {
			links := ""
			if i > 0 {
				links += " /Prev " + r[i-1].String()
			}
			if i+1 < len(els) {
				links += " /Next " + r[i+1].String()
			}
			w.Set(r[i], fmt.Sprintf("<< /Title %s /Parent %s /Dest %s%s%s >>", pdf.Text(p.elems[el].title), parent, dest(p.at[el]), links, kids(i, r[i])))
		}
		return r
	}
	tops := make([]int, len(items))
	for i, it := range items {
		tops[i] = it.el
	}
	r := siblings(outline, tops, func(i int, self pdf.Ref) string {
		if len(items[i].kids) == 0 {
			return ""
		}
		k := siblings(self, items[i].kids, func(int, pdf.Ref) string { return "" })
		if len(items) == 1 {
			return fmt.Sprintf(" /First %s /Last %s /Count %d", k[0], k[len(k)-1], len(k))
		}
		// A negative count: closed, with that many entries under it.
		return fmt.Sprintf(" /First %s /Last %s /Count -%d", k[0], k[len(k)-1], len(k))
	})
	visible := len(r)
	if len(items) == 1 {
		visible += len(items[0].kids) // one title: its sections show, open
	}
	w.Set(outline, fmt.Sprintf("<< /Type /Outlines /First %s /Last %s /Count %d >>", r[0], r[len(r)-1], visible))
	return outline
}

func refs(r []pdf.Ref) string {
	s := make([]string, len(r))
	for i, x := range r {
		s[i] = x.String()
	}
	return strings.Join(s, " ")
}

func xmp(title, lang string) string {
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc.Replace(title) + `</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>` + esc.Replace(lang) + `</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>sobre</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}
