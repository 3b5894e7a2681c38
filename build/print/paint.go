package print

import (
	"fmt"
	"slices"
	"strings"

	"sobre/build/pdf"
	"sobre/build/pdf/svg"
	"sobre/build/typeset"
)

// elem is a structure element of the tagged PDF.
type elem struct {
	tag    string
	parent int   // index in elems; -1 for the document
	kids   []any // int (an elem) or mcr
	title  string
	lang   string // when it differs from the document's
	alt    string // a figure's text alternative
	attr   string // attributes: a header cell's scope
	ref    pdf.Ref
}

type mcr struct {
	page, mcid int
}

// objr ties a structure element to an annotation (a link's rectangle).
type objr struct{ annot int }

// annot is a link's clickable rectangle on a page: to an address, or to a
// place in the booklet.
type annot struct {
	page       int
	rect       [4]float64
	uri, text  string
	to         int // for a link inside: the block it leads to (uri empty)
	elem       int
	structPart int // its key in the parent tree
}

// painted is a booklet drawn: each page's content stream, and what the
// tagged file adds to it (structure, links, bookmarks).
type painted struct {
	contents   []string
	deflated   [][]byte // contents, compressed
	elems      []elem
	parentTree [][]int // page -> mcid -> elem
	annots     []annot
	heads      []int       // heading elements, in order
	at         map[int]pos // a heading element's place
	blockAt    map[int]pos // where each block starts
	headLevel  map[int]int // heading element -> level
	fontNames  map[*pdf.Font]string
	images     []*pdf.Image // raster pictures, named /Im1, /Im2… in order
	pageImages [][]int      // page -> the images it draws
}

// image names a raster picture drawn on page pi.
func (p *painted) image(im *pdf.Image, pi int) string {
	k := slices.Index(p.images, im)
	if k < 0 {
		p.images = append(p.images, im)
		k = len(p.images) - 1
	}
	for len(p.pageImages) <= pi {
		p.pageImages = append(p.pageImages, nil)
	}
	if !slices.Contains(p.pageImages[pi], k) {
		p.pageImages[pi] = append(p.pageImages[pi], k)
	}
	return fmt.Sprintf("/Im%d", k+1)
}

// xobjects is the /XObject entry of page pi's resources, or "".
func (p *painted) xobjects(pi int, refs []pdf.Ref) string {
	if pi >= len(p.pageImages) || len(p.pageImages[pi]) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(" /XObject <<")
	for _, k := range p.pageImages[pi] {
		fmt.Fprintf(&b, " /Im%d %s", k+1, refs[k])
	}
	b.WriteString(" >>")
	return b.String()
}

type pos struct {
	page int
	y    float64
}

// paint draws the pages, with their marked content and links.
func (d *Document) paint(pages [][]placed) (*painted, error) {
	p := &painted{elems: []elem{{tag: "Document", parent: -1}}, parentTree: make([][]int, len(pages)), at: map[int]pos{}, blockAt: map[int]pos{}, headLevel: map[int]int{}}
	regular, bold := d.Fonts.Regular, d.Fonts.Bold
	p.fontNames = map[*pdf.Font]string{regular: "/F1", bold: "/F2"}
	for k, fb := range d.Fonts.Fallback {
		p.fontNames[fb] = fmt.Sprintf("/F%d", k+3)
	}

	// Where each block starts, for links inside the booklet.
	for pi, lines := range pages {
		for _, pl := range lines {
			if _, ok := p.blockAt[pl.block]; !ok {
				top := pl.y + pl.size
				if pl.frame {
					top = pl.y
				}
				p.blockAt[pl.block] = pos{pi, top}
			}
		}
	}
	targets := map[string]int{} // "#path" and "#path#anchor" -> block
	chapter := ""
	for i, b := range d.blocks {
		if b.path != "" {
			chapter = b.path
			targets["#"+chapter] = i
		}
		if b.id != "" && chapter != "" {
			targets["#"+chapter+"#"+b.id] = i
		}
	}

	// Structure: Document > H1… P L > LI > Lbl LBody, Table > TR > TH TD,
	// one element per block (a list item two: its label and its body).
	elems := &p.elems
	addElem := func(e elem) int {
		*elems = append(*elems, e)
		i := len(*elems) - 1
		if e.parent >= 0 {
			(*elems)[e.parent].kids = append((*elems)[e.parent].kids, i)
		}
		return i
	}
	blockElem := make([]int, len(d.blocks))
	lblElem := make([]int, len(d.blocks))
	cellElem := make([][]int, len(d.blocks))
	listElem := map[int]int{}
	tableElem := map[int]int{}
	toc := -1
	for i, b := range d.blocks {
		lang := ""
		if b.lang != "" && b.lang != d.Lang {
			lang = b.lang
		}
		switch b.tag {
		case "TOCI":
			if toc < 0 {
				toc = addElem(elem{tag: "TOC", parent: 0})
			}
			blockElem[i] = addElem(elem{tag: "TOCI", parent: toc, lang: lang})
		case "LI":
			l, ok := listElem[b.list]
			if !ok {
				l = addElem(elem{tag: "L", parent: 0, lang: lang})
				listElem[b.list] = l
			}
			li := addElem(elem{tag: "LI", parent: l})
			lblElem[i] = addElem(elem{tag: "Lbl", parent: li})
			blockElem[i] = addElem(elem{tag: "LBody", parent: li})
		case "TR":
			t, ok := tableElem[b.table]
			if !ok {
				t = addElem(elem{tag: "Table", parent: 0, lang: lang})
				tableElem[b.table] = t
			}
			blockElem[i] = addElem(elem{tag: "TR", parent: t})
			for range b.cells {
				if b.head {
					cellElem[i] = append(cellElem[i], addElem(elem{tag: "TH", parent: blockElem[i], attr: "/A << /O /Table /Scope /Column >>"}))
				} else {
					cellElem[i] = append(cellElem[i], addElem(elem{tag: "TD", parent: blockElem[i]}))
				}
			}
		default:
			title := ""
			if strings.HasPrefix(b.tag, "H") {
				for _, r := range b.runs {
					title += r.Text
				}
			}
			blockElem[i] = addElem(elem{tag: b.tag, parent: 0, title: title, lang: lang, alt: b.alt})
			if strings.HasPrefix(b.tag, "H") {
				p.heads = append(p.heads, blockElem[i])
				p.headLevel[blockElem[i]] = int(b.tag[1] - '0')
				p.at[blockElem[i]] = p.blockAt[i]
			}
		}
	}

	type linkKey struct{ block, cell, run int }
	linkElem := map[linkKey]int{}
	foot := d.Footer
	var glyphs []pdf.Glyph // reused by every line
	for pi, lines := range pages {
		var c strings.Builder
		c.Grow(24 << 10) // a full A4 page of text takes some 17 to 22 KB of operators
		// bdc opens marked content for element el.
		bdc := func(el int) {
			p.parentTree[pi] = append(p.parentTree[pi], el)
			mcid := len(p.parentTree[pi]) - 1
			p.elems[el].kids = append(p.elems[el].kids, mcr{page: pi, mcid: mcid})
			fmt.Fprintf(&c, "/%s <</MCID %d>> BDC\n", p.elems[el].tag, mcid)
		}
		emc := func() { c.WriteString("EMC\n") }
		artifact := func(kind string) { fmt.Fprintf(&c, "/Artifact <<%s>> BDC\n", kind) }
		draw := func(f *pdf.Font, size, x, y float64, s string) error {
			d.drawText(&c, p.fontNames, f, size, x, y, s)
			return nil
		}
		cover := false
		for _, pl := range lines {
			b := d.blocks[pl.block]
			cover = cover || b.cover
			if b.foot != "" && pl.first {
				foot = b.foot
			}
			if pl.frame && b.tag == "Figure" {
				// The picture, tagged as a figure whose alternative text
				// screen readers read instead of a diagram's labels.
				el := blockElem[pl.block]
				p.elems[el].attr = fmt.Sprintf("/A << /O /Layout /BBox [%s %s %s %s] >>", pdf.Num(pl.x), pdf.Num(pl.y-pl.h), pdf.Num(pl.x+pl.size), pdf.Num(pl.y))
				bdc(el)
				if b.photo != nil {
					name := p.image(b.photo, pi)
					fmt.Fprintf(&c, "q %s 0 0 %s %s %s cm %s Do Q\n", pdf.Num(pl.size), pdf.Num(pl.h), pdf.Num(pl.x), pdf.Num(pl.y-pl.h), name)
				} else {
					ops, err := b.figure.Content(pl.x, pl.y, pl.size, svg.Fonts{Regular: regular, Bold: bold}, func(f *pdf.Font) string { return p.fontNames[f] })
					if err != nil {
						return nil, &Error{File: b.file, Line: b.line, Kind: "figure", Err: fmt.Errorf("in %q: %w", b.from, err)}
					}
					c.WriteString(ops)
					c.WriteString("\n")
				}
				emc()
				continue
			}
			if pl.frame {
				artifact(" /Type /Layout ")
				if b.tag == "TR" {
					x := pl.x
					if b.head {
						// A light ground under the header row (8 % black).
						fmt.Fprintf(&c, "0.92 g %s %s %s %s re f 0 g\n", pdf.Num(pl.x), pdf.Num(pl.y-pl.h), pdf.Num(sum(b.cols)), pdf.Num(pl.h))
					}
					c.WriteString("0.6 w\n")
					for _, w := range b.cols {
						fmt.Fprintf(&c, "%s %s %s %s re S\n", pdf.Num(x), pdf.Num(pl.y-pl.h), pdf.Num(w), pdf.Num(pl.h))
						x += w
					}
					emc()
					continue
				}
				// Signature boxes: two, side by side, for the two people
				// who sign for the organisation.
				gap := d.Format.Body * 1.5
				w := (d.Format.Width - d.Format.Right - pl.x - gap) / 2
				c.WriteString("0.8 w\n")
				for k := range 2 {
					fmt.Fprintf(&c, "%s %s %s %s re S\n", pdf.Num(pl.x+float64(k)*(w+gap)), pdf.Num(pl.y-pl.h), pdf.Num(w), pdf.Num(pl.h))
				}
				emc()
				if b.sign != "" {
					// The caption says what to write in each box; a space
					// keeps the two apart when read aloud.
					size := d.Format.Body * 0.85
					bdc(blockElem[pl.block])
					for k, caption := range []string{b.sign + " ", b.sign} {
						if err := draw(regular, size, pl.x+float64(k)*(w+gap)+size*0.6, pl.y-pl.h+size*0.8, caption); err != nil {
							return nil, err
						}
					}
					emc()
				}
				continue
			}
			el := blockElem[pl.block]
			runs := b.runs
			if pl.cell > 0 {
				el = cellElem[pl.block][pl.cell-1]
				runs = b.cells[pl.cell-1]
			}
			if pl.repeat {
				artifact(" /Type /Pagination ")
			}
			if pl.first && b.marker != "" {
				size := d.Format.Body
				bdc(lblElem[pl.block])
				mw := d.textWidth(regular, b.marker, size)
				if err := draw(regular, size, pl.x-mw-size*0.5, pl.y, b.marker); err != nil {
					return nil, err
				}
				emc()
			}
			if !pl.repeat {
				bdc(el)
			}
			// Words are drawn one by one where the line's spacing puts
			// them; a real space glyph follows each word that a space
			// follows, on the line or at its end, so that text read from
			// the structure (screen readers, copy) keeps its words apart.
			end := -1.0 // where the previous piece ends
			var prev typeset.Style
			pieces := pl.line.Pieces
			text := &textLine{c: &c, y: pl.y, buf: glyphs[:0]}
			for k, pc := range pieces {
				if pc.Run < 0 {
					continue
				}
				run := runs[pc.Run]
				st := run.Style
				f := st.Font.(*pdf.Font)
				spaced := !pl.last && !pl.line.Hyphen && !pl.line.InWord
				for j := k + 1; j < len(pieces); j++ {
					if pieces[j].Run >= 0 {
						spaced = pieces[j].X-(pc.X+pc.Width) > st.Size*0.05
						break
					}
				}
				end, prev = pl.x+pc.X+pc.Width, st
				if pc.Missing {
					// No font has it: a box, read as the character.
					text.close()
					actual := pc.Text
					if spaced {
						actual += " "
					}
					d.placeholder(&c, p.fontNames, st.Size, pl.x+pc.X, pl.y, actual)
					continue
				}
				if run.Rule > 0 {
					// A blank to fill in: a line drawn under the baseline
					// (an artifact), and what goes there as invisible text
					// squeezed to the line's length (render mode 3, which
					// q … Q takes back), so that it is read aloud and
					// copied, never seen.
					text.close()
					x0, y0 := pl.x+pc.X, pl.y-st.Size*0.15
					if !pl.repeat {
						emc()
						artifact(" /Type /Layout ")
					}
					fmt.Fprintf(&c, "q %s w %s %s m %s %s l S Q\n", pdf.Num(st.Size*0.06), pdf.Num(x0), pdf.Num(y0), pdf.Num(x0+pc.Width), pdf.Num(y0))
					if !pl.repeat {
						emc()
						bdc(el)
					}
					label := run.Text
					if spaced {
						label += " "
					}
					hex, missing := f.Encode(label)
					if len(missing) > 0 {
						// Read whole, though the font draws only part of it.
						fmt.Fprintf(&c, "/Span <</ActualText %s>> BDC\n", pdf.Text(label))
					}
					squeeze := 100 * pc.Width / max(f.Width(label, st.Size), 1)
					fmt.Fprintf(&c, "q BT 3 Tr %s %s Tf %s Tz %s %s Td %s Tj ET Q\n", p.fontNames[f], pdf.Num(st.Size), pdf.Num(squeeze), pdf.Num(x0), pdf.Num(pl.y), hex)
					if len(missing) > 0 {
						c.WriteString("EMC\n")
					}
					continue
				}
				span := run.Lang != "" && run.Lang != b.lang && !pl.repeat
				to, inside := targets[run.Link]
				if run.Link != "" && !pl.repeat && (!strings.HasPrefix(run.Link, "#") || inside) {
					// A link is its own element, tied to its annotation, so that
					// assistive technology reads it as a link (PDF/UA 7.18.5).
					key := linkKey{pl.block, pl.cell, pc.Run}
					le, ok := linkElem[key]
					if !ok {
						le = addElem(elem{tag: "Link", parent: el})
						linkElem[key] = le
					}
					text.close()
					emc()
					bdc(le)
					if span {
						fmt.Fprintf(&c, "/Span <</Lang %s>> BDC\n", pdf.Text(run.Lang))
					}
					if err := text.show(p.fontNames[f], f, st.Size, pl.x+pc.X, pc, spaced); err != nil {
						return nil, err
					}
					text.close()
					if span {
						c.WriteString("EMC\n")
					}
					x0, wd := pl.x+pc.X, pc.Width
					rect := [4]float64{x0, pl.y - st.Size*0.25, x0 + wd, pl.y + st.Size*0.9}
					if n := len(p.annots); n > 0 && p.annots[n-1].elem == le && p.annots[n-1].page == pi && p.annots[n-1].rect[1] == rect[1] {
						// The next word of the same link on the same line: one
						// rectangle covers both, and the space between them.
						p.annots[n-1].rect[2] = rect[2]
						p.annots[n-1].text += " " + pc.Text
					} else {
						a := annot{page: pi, rect: rect, text: pc.Text, elem: le}
						if inside {
							a.to = to
						} else {
							a.uri = run.Link
						}
						p.annots = append(p.annots, a)
						p.elems[le].kids = append(p.elems[le].kids, objr{annot: len(p.annots) - 1})
					}
					emc()
					bdc(el)
					continue
				}
				if span {
					// A phrase in another language, read with its own voice.
					text.close()
					fmt.Fprintf(&c, "/Span <</Lang %s>> BDC\n", pdf.Text(run.Lang))
				}
				if err := text.show(p.fontNames[f], f, st.Size, pl.x+pc.X, pc, spaced); err != nil {
					return nil, err
				}
				if span {
					text.close()
					c.WriteString("EMC\n")
				}
			}
			text.close()
			glyphs = text.buf
			if b.tag == "TOCI" && pl.last {
				size := d.Format.Body
				nw := d.textWidth(regular, b.num, size)
				if err := draw(regular, size, d.Format.Width-d.Format.Right-nw, pl.y, b.num); err != nil {
					return nil, err
				}
			}
			if pl.line.Hyphen && end >= 0 {
				// The hyphen of a word broken at the line's end is not
				// part of the word: its actual text is empty.
				if !pl.repeat {
					c.WriteString("/Span <</ActualText ()>> BDC\n")
				}
				f := prev.Font.(*pdf.Font)
				if err := draw(f, prev.Size, end, pl.y, "-"); err != nil {
					return nil, err
				}
				if !pl.repeat {
					c.WriteString("EMC\n")
				}
			}
			emc()
		}
		if !cover {
			// The footer: the chapter's title and the page number, an
			// artifact that screen readers skip.
			text := fmt.Sprintf("%s · %d", foot, pi+1)
			size := d.Format.Body * 0.8
			fw := d.textWidth(regular, text, size)
			// A title too long for the line is cut, with an ellipsis.
			for room, title := d.Format.Width-d.Format.Left-d.Format.Right, []rune(foot); fw > room && len(title) > 0; fw = d.textWidth(regular, text, size) {
				title = title[:len(title)*9/10]
				text = fmt.Sprintf("%s… · %d", string(title), pi+1)
			}
			artifact(" /Type /Pagination /Subtype /Footer ")
			if err := draw(regular, size, (d.Format.Width-fw)/2, d.Format.Bottom/2, text); err != nil {
				return nil, err
			}
			emc()
		}
		p.contents = append(p.contents, c.String())
	}
	return p, nil
}

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}
