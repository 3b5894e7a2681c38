package print

import (
	"fmt"
	"strings"

	"sobre/build/pdf"
	"sobre/build/typeset"
)

// placed is a line of a block on a page, with its baseline.
type placed struct {
	block int
	line  typeset.SetLine
	first bool // the block's first line: draws a list marker
	last  bool // the block's last line: draws a contents entry's page number
	x, y  float64
	size  float64
}

// layout sets every block and fills pages top to bottom. A heading stays
// with the first two lines of what follows; a paragraph never leaves one
// line alone at the foot of a page (orphan) or at the head of the next
// (widow).
func (d *Document) layout() ([][]placed, error) {
	f := d.Format
	width := f.Width - f.Left - f.Right
	height := f.Height - f.Top - f.Bottom
	type set struct {
		lines []typeset.SetLine
		lh    float64
		size  float64
	}
	sets := make([]set, len(d.blocks))
	for i, b := range d.blocks {
		room := width - b.indent
		if b.tag == "TOCI" {
			room -= 3 * f.Body // the page number's column
		}
		params := typeset.Defaults(room)
		params.Ragged = b.keep
		lines, err := typeset.Set(b.runs, params)
		if err != nil {
			if b.from != "" {
				return nil, fmt.Errorf("in %q: %w", b.from, err)
			}
			return nil, err
		}
		size := f.Body
		if len(b.runs) > 0 {
			size = b.runs[0].Style.Size
		}
		sets[i] = set{lines: lines, lh: size * f.Leading, size: size}
	}
	var pages [][]placed
	var cur []placed
	used := 0.0
	newPage := func() {
		pages = append(pages, cur)
		cur, used = nil, 0
	}
	for i, b := range d.blocks {
		s := sets[i]
		if b.brk && (used > 0 || len(cur) > 0) {
			newPage()
		}
		gap := b.before * f.Body
		if used == 0 {
			gap = 0
		}
		need := float64(len(s.lines)) * s.lh
		if b.keep && i+1 < len(sets) {
			next := sets[i+1]
			need += d.blocks[i+1].before*f.Body + float64(min(2, len(next.lines)))*next.lh
		}
		if used > 0 && used+gap+need > height && b.keep {
			newPage()
			gap = 0
		}
		used += gap
		rest := s.lines
		first := true
		for len(rest) > 0 {
			fit := int((height - used + 0.001) / s.lh)
			if fit >= len(rest) {
				fit = len(rest)
			} else if fit > 0 {
				if fit == 1 && len(rest) > 1 {
					fit = 0 // an orphan: start the block on the next page
				} else if len(rest)-fit == 1 && fit > 2 {
					fit-- // a widow: take a second line along
				}
			}
			if fit == 0 {
				if used == 0 {
					fit = 1 // a line taller than a page: set it anyway
				} else {
					newPage()
					continue
				}
			}
			for k, l := range rest[:fit] {
				used += s.lh
				cur = append(cur, placed{block: i, line: l, first: first, last: k == len(rest)-1, x: f.Left + b.indent, y: f.Height - f.Top - used + (s.lh-s.size)/2, size: s.size})
				first = false
			}
			rest = rest[fit:]
			if len(rest) > 0 {
				newPage()
			}
		}
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages, nil
}

// elem is a structure element of the tagged PDF.
type elem struct {
	tag    string
	parent int   // index in elems; -1 for the document
	kids   []any // int (an elem) or mcr
	title  string
	ref    pdf.Ref
}

type mcr struct {
	page, mcid int
}

// objr ties a structure element to an annotation (a link's rectangle).
type objr struct{ annot int }

// annot is a link's clickable rectangle on a page.
type annot struct {
	page       int
	rect       [4]float64
	uri, text  string
	elem       int
	structPart int // its key in the parent tree
}

// contents puts the table of contents' entries in place, with the page
// each chapter starts on. Numbers take room, so pages are laid out again
// until they no longer move (twice in practice).
func (d *Document) contents() ([][]placed, error) {
	if d.contentsAt > 0 && d.chapters > 0 {
		var entries []block
		for _, b := range d.blocks {
			if b.chap > 0 && b.tag == "H1" {
				runs := append([]typeset.Run(nil), b.runs...)
				for i := range runs {
					runs[i].Style = d.style(false, 1)
				}
				entries = append(entries, block{tag: "TOCI", chap: b.chap, runs: runs, num: "0", before: 0.35})
			}
		}
		d.blocks = append(d.blocks[:d.contentsAt], append(entries, d.blocks[d.contentsAt:]...)...)
		d.contentsAt = 0 // entries are in: a second call lays out only
	}
	for pass := 0; ; pass++ {
		pages, err := d.layout()
		if err != nil || pass == 3 {
			return pages, err
		}
		start := map[int]string{}
		for pi, lines := range pages {
			for _, p := range lines {
				if b := d.blocks[p.block]; b.tag == "H1" && b.chap > 0 {
					if _, ok := start[b.chap]; !ok {
						start[b.chap] = fmt.Sprint(pi + 1)
					}
				}
			}
		}
		moved := false
		for i, b := range d.blocks {
			if b.tag == "TOCI" && b.num != start[b.chap] {
				d.blocks[i].num = start[b.chap]
				moved = true
			}
		}
		if !moved {
			return pages, nil
		}
	}
}

// PDF writes the booklet as a tagged PDF.
func (d *Document) PDF() ([]byte, error) {
	pages, err := d.contents()
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
	// Structure: Document > H1… P L > LI > Lbl LBody, one element per block
	// (a list item two: its label and its body).
	elems := []elem{{tag: "Document", parent: -1}}
	blockElem := make([]int, len(d.blocks)) // the element a block's text goes to
	lblElem := make([]int, len(d.blocks))
	listElem := map[int]int{}
	toc := -1
	for i, b := range d.blocks {
		parent := 0
		if b.tag == "TOCI" {
			if toc < 0 {
				elems = append(elems, elem{tag: "TOC", parent: 0})
				toc = len(elems) - 1
				elems[0].kids = append(elems[0].kids, toc)
			}
			elems = append(elems, elem{tag: "TOCI", parent: toc})
			blockElem[i] = len(elems) - 1
			elems[toc].kids = append(elems[toc].kids, blockElem[i])
			continue
		}
		if b.tag == "LI" {
			l, ok := listElem[b.list]
			if !ok {
				elems = append(elems, elem{tag: "L", parent: 0})
				l = len(elems) - 1
				elems[0].kids = append(elems[0].kids, l)
				listElem[b.list] = l
			}
			elems = append(elems, elem{tag: "LI", parent: l})
			li := len(elems) - 1
			elems[l].kids = append(elems[l].kids, li)
			elems = append(elems, elem{tag: "Lbl", parent: li}, elem{tag: "LBody", parent: li})
			lblElem[i], blockElem[i] = li+1, li+2
			elems[li].kids = append(elems[li].kids, li+1, li+2)
			continue
		}
		title := ""
		if strings.HasPrefix(b.tag, "H") {
			for _, r := range b.runs {
				title += r.Text
			}
		}
		elems = append(elems, elem{tag: b.tag, parent: parent, title: title})
		blockElem[i] = len(elems) - 1
		elems[0].kids = append(elems[0].kids, blockElem[i])
	}

	regular, bold := d.Fonts.Regular, d.Fonts.Bold
	fontName := func(f typeset.Metrics) string {
		if f == typeset.Metrics(bold) {
			return "/F2"
		}
		return "/F1"
	}
	parentTree := make([][]int, len(pages)) // page -> mcid -> elem
	type linkKey struct{ block, run int }
	linkElem := map[linkKey]int{}
	var annots []annot
	headingPos := map[int][2]float64{} // elem -> page, y
	headingPage := map[int]int{}
	var contents []pdf.Ref
	for pi, lines := range pages {
		var c strings.Builder
		mark := func(el int) int {
			parentTree[pi] = append(parentTree[pi], el)
			mcid := len(parentTree[pi]) - 1
			elems[el].kids = append(elems[el].kids, mcr{page: pi, mcid: mcid})
			return mcid
		}
		draw := func(f *pdf.Font, size, x, y float64, s string) error {
			hex, missing := f.Encode(s)
			if len(missing) > 0 {
				return &typeset.MissingGlyphError{Chars: missing}
			}
			fmt.Fprintf(&c, "BT %s %s Tf %s %s Td %s Tj ET\n", fontName(f), pdf.Num(size), pdf.Num(x), pdf.Num(y), hex)
			return nil
		}
		for _, p := range lines {
			b := d.blocks[p.block]
			el := blockElem[p.block]
			if strings.HasPrefix(b.tag, "H") {
				if _, ok := headingPage[el]; !ok {
					headingPage[el] = pi
					headingPos[el] = [2]float64{float64(pi), p.y + p.size}
				}
			}
			if p.first && b.marker != "" {
				size := d.Format.Body
				fmt.Fprintf(&c, "/Lbl <</MCID %d>> BDC\n", mark(lblElem[p.block]))
				mw := regular.Width(b.marker, size)
				if err := draw(regular, size, p.x-mw-size*0.5, p.y, b.marker); err != nil {
					return nil, err
				}
				c.WriteString("EMC\n")
			}
			fmt.Fprintf(&c, "/%s <</MCID %d>> BDC\n", elems[el].tag, mark(el))
			for _, pc := range p.line.Pieces {
				if pc.Run < 0 {
					continue
				}
				run := b.runs[pc.Run]
				st := run.Style
				f := st.Font.(*pdf.Font)
				if run.Link != "" {
					// A link is its own element, tied to its annotation, so that
					// assistive technology reads it as a link (PDF/UA 7.18.5).
					le, ok := linkElem[linkKey{p.block, pc.Run}]
					if !ok {
						elems = append(elems, elem{tag: "Link", parent: el})
						le = len(elems) - 1
						elems[el].kids = append(elems[el].kids, le)
						linkElem[linkKey{p.block, pc.Run}] = le
					}
					fmt.Fprintf(&c, "EMC\n/Link <</MCID %d>> BDC\n", mark(le))
					if err := drawGlyphs(&c, fontName(f), f, st.Size, p.x+pc.X, p.y, pc); err != nil {
						return nil, err
					}
					x0, wd := p.x+pc.X, pc.Width
					rect := [4]float64{x0, p.y - st.Size*0.25, x0 + wd, p.y + st.Size*0.9}
					if n := len(annots); n > 0 && annots[n-1].elem == le && annots[n-1].page == pi && annots[n-1].rect[1] == rect[1] {
						// The next word of the same link on the same line: one
						// rectangle covers both, and the space between them.
						annots[n-1].rect[2] = rect[2]
						annots[n-1].text += " " + pc.Text
					} else {
						annots = append(annots, annot{page: pi, rect: rect, uri: run.Link, text: pc.Text, elem: le})
						elems[le].kids = append(elems[le].kids, objr{annot: len(annots) - 1})
					}
					fmt.Fprintf(&c, "EMC\n/%s <</MCID %d>> BDC\n", elems[el].tag, mark(el))
					continue
				}
				if err := drawGlyphs(&c, fontName(f), f, st.Size, p.x+pc.X, p.y, pc); err != nil {
					return nil, err
				}
			}
			if b.tag == "TOCI" && p.last {
				size := d.Format.Body
				nw := regular.Width(b.num, size)
				if err := draw(regular, size, d.Format.Width-d.Format.Right-nw, p.y, b.num); err != nil {
					return nil, err
				}
			}
			if p.line.Hyphen && len(p.line.Pieces) > 0 {
				last := p.line.Pieces[len(p.line.Pieces)-1]
				st := b.runs[last.Run].Style
				f := st.Font.(*pdf.Font)
				if err := draw(f, st.Size, p.x+last.X+last.Width, p.y, "-"); err != nil {
					return nil, err
				}
			}
			c.WriteString("EMC\n")
		}
		// The footer: page number and title, an artifact for screen readers.
		foot := fmt.Sprintf("%s · %d", d.Footer, pi+1)
		size := d.Format.Body * 0.8
		fw := regular.Width(foot, size)
		c.WriteString("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
		if err := draw(regular, size, (d.Format.Width-fw)/2, d.Format.Bottom/2, foot); err != nil {
			return nil, err
		}
		c.WriteString("EMC\n")
		contents = append(contents, w.AddStream("", []byte(c.String()), false))
	}

	f1, f2 := regular.Embed(&w), bold.Embed(&w)
	annotRefs := make([]pdf.Ref, len(annots))
	pageAnnots := make([][]string, len(pages))
	for i := range annots {
		annotRefs[i] = w.Alloc()
		annots[i].structPart = len(pages) + i
		pageAnnots[annots[i].page] = append(pageAnnots[annots[i].page], annotRefs[i].String())
	}
	for pi := range pages {
		extra := ""
		if len(pageAnnots[pi]) > 0 {
			extra = " /Annots [" + strings.Join(pageAnnots[pi], " ") + "]"
		}
		w.Set(pageRefs[pi], fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources << /Font << /F1 %s /F2 %s >> >> /Contents %s /StructParents %d /Tabs /S%s >>",
			pagesRef, pdf.Num(d.Format.Width), pdf.Num(d.Format.Height), f1, f2, contents[pi], pi, extra))
	}
	kids := make([]string, len(pageRefs))
	for i, r := range pageRefs {
		kids[i] = r.String()
	}
	w.Set(pagesRef, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)))

	root := w.Alloc()
	for i := range elems {
		elems[i].ref = w.Alloc()
	}
	for i, e := range elems {
		parent := root
		if e.parent >= 0 {
			parent = elems[e.parent].ref
		}
		var k []string
		for _, kid := range e.kids {
			switch kid := kid.(type) {
			case int:
				k = append(k, elems[kid].ref.String())
			case mcr:
				k = append(k, fmt.Sprintf("<< /Type /MCR /Pg %s /MCID %d >>", pageRefs[kid.page], kid.mcid))
			case objr:
				a := annots[kid.annot]
				k = append(k, fmt.Sprintf("<< /Type /OBJR /Pg %s /Obj %s >>", pageRefs[a.page], annotRefs[kid.annot]))
			}
		}
		extra := ""
		if i == 0 {
			extra = " /Lang " + pdf.Text(d.Lang)
		}
		w.Set(e.ref, fmt.Sprintf("<< /Type /StructElem /S /%s /P %s /K [%s]%s >>", e.tag, parent, strings.Join(k, " "), extra))
	}
	var nums strings.Builder
	for pi, list := range parentTree {
		fmt.Fprintf(&nums, "%d [", pi)
		for _, el := range list {
			nums.WriteString(elems[el].ref.String() + " ")
		}
		nums.WriteString("] ")
	}
	for i, a := range annots {
		fmt.Fprintf(&nums, "%d %s ", a.structPart, elems[a.elem].ref)
		w.Set(annotRefs[i], fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /P %s /A << /S /URI /URI %s >> /Contents %s /StructParent %d >>",
			pdf.Num(a.rect[0]), pdf.Num(a.rect[1]), pdf.Num(a.rect[2]), pdf.Num(a.rect[3]), pageRefs[a.page], pdf.Text(a.uri), pdf.Text(a.text), a.structPart))
	}
	parentTreeRef := w.Add(fmt.Sprintf("<< /Nums [%s] >>", nums.String()))
	w.Set(root, fmt.Sprintf("<< /Type /StructTreeRoot /K [%s] /ParentTree %s /ParentTreeNextKey %d >>", elems[0].ref, parentTreeRef, len(pages)+len(annots)))

	// Bookmarks from the headings, in order.
	var heads []int
	for i, e := range elems {
		if _, ok := headingPage[i]; ok && strings.HasPrefix(e.tag, "H") {
			heads = append(heads, i)
		}
	}
	outline := w.Alloc()
	items := make([]pdf.Ref, len(heads))
	for i := range heads {
		items[i] = w.Alloc()
	}
	for i, el := range heads {
		pos := headingPos[el]
		links := ""
		if i > 0 {
			links += " /Prev " + items[i-1].String()
		}
		if i+1 < len(heads) {
			links += " /Next " + items[i+1].String()
		}
		w.Set(items[i], fmt.Sprintf("<< /Title %s /Parent %s /Dest [%s /XYZ 0 %s null]%s >>", pdf.Text(elems[el].title), outline, pageRefs[int(pos[0])], pdf.Num(pos[1]), links))
	}
	if len(heads) > 0 {
		w.Set(outline, fmt.Sprintf("<< /Type /Outlines /First %s /Last %s /Count %d >>", items[0], items[len(items)-1], len(items)))
	} else {
		w.Set(outline, "<< /Type /Outlines /Count 0 >>")
	}

	meta := w.AddStream("/Type /Metadata /Subtype /XML", []byte(xmp(d.Title, d.Lang)), true)
	info := w.Add(fmt.Sprintf("<< /Title %s /Producer (sobre) >>", pdf.Text(d.Title)))
	w.Set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s /Lang %s /MarkInfo << /Marked true >> /StructTreeRoot %s /Outlines %s /PageMode /UseOutlines /ViewerPreferences << /DisplayDocTitle true >> /Metadata %s >>",
		pagesRef, pdf.Text(d.Lang), root, outline, meta))
	return w.BytesInfo(catalog, info), nil
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
