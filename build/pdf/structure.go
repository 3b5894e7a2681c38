package pdf

import (
	"fmt"
	"strconv"
	"strings"
)

// StructTree is a tagged document's logical structure (PDF 14.7): its
// elements in reading order, each with the marked content of the pages
// and the link annotations that belong to it. Element 0 is the
// document; the others are added under a parent already there.
type StructTree struct {
	lang       string
	elems      []StructElem
	parentTree [][]int // page -> mcid -> element
	links      []Link
	spans      map[[2]int][]Span // page, mcid -> its spans, for Dump
}

// StructElem is an element of the structure tree.
type StructElem struct {
	Role       string // the standard structure type: P, H1, L, LI, Table, TH, Figure, Link…
	Lang       string // when it differs from its parent's
	Alt        string // a figure's text alternative
	ActualText string // what the element reads as, in place of its content
	// Title is a heading's text: the outline's entry and the dump's, not
	// written in the element.
	Title string
	Scope string      // a header cell's scope: "Column", "Row"
	BBox  *[4]float64 // a figure's box on its page: x0, y0, x1, y1

	parent int
	kids   []kid
}

// kid is an element's child: another element, marked content of a page,
// or a link annotation.
type kid struct {
	kind int // kidElem, kidMCR, kidLink
	i    int // the element or the link
	page int // the marked content's page and number
	mcid int
}

const (
	kidElem = iota
	kidMCR
	kidLink
)

// NewStructTree returns a tree with its document element, in language
// lang, for a document of pages pages.
func NewStructTree(lang string, pages int) *StructTree {
	return &StructTree{lang: lang, elems: []StructElem{{Role: "Document", parent: -1}}, parentTree: make([][]int, pages)}
}

// Add adds e as the last child of element parent and returns its index.
func (t *StructTree) Add(parent int, e StructElem) int {
	e.parent = parent
	t.elems = append(t.elems, e)
	i := len(t.elems) - 1
	t.elems[parent].kids = append(t.elems[parent].kids, kid{kind: kidElem, i: i})
	return i
}

// Elem returns element i, to complete it (a figure's box).
func (t *StructTree) Elem(i int) *StructElem { return &t.elems[i] }

// Mark gives element el the next marked content of page, and returns its
// number (MCID): BeginTag opens it in the page's content.
func (t *StructTree) Mark(el, page int) int {
	t.parentTree[page] = append(t.parentTree[page], el)
	mcid := len(t.parentTree[page]) - 1
	t.elems[el].kids = append(t.elems[el].kids, kid{kind: kidMCR, page: page, mcid: mcid})
	return mcid
}

// AddSpans records the spans of page's content (Content.Spans), which
// Dump shows under the elements whose marked content holds them.
func (t *StructTree) AddSpans(page int, spans []Span) {
	for _, s := range spans {
		if t.spans == nil {
			t.spans = map[[2]int][]Span{}
		}
		k := [2]int{page, s.MCID}
		t.spans[k] = append(t.spans[k], s)
	}
}

// Dest is a place in the document: a page (from 0) and a height on it.
type Dest struct {
	Page int
	Y    float64
}

// Link is a link annotation: a rectangle of a page that leads to an
// address (URI) or, URI empty, to a place in the document (Dest).
type Link struct {
	Page     int
	Rect     [4]float64 // x0, y0, x1, y1
	URI      string
	Dest     Dest
	Contents string // the link's text, for assistive technology
	elem     int
}

// AddLink adds a link annotation as the last child of element el (a
// Link element), so that it is read as a link (PDF/UA 7.18.5).
func (t *StructTree) AddLink(el int, l Link) {
	l.elem = el
	t.links = append(t.links, l)
	t.elems[el].kids = append(t.elems[el].kids, kid{kind: kidLink, i: len(t.links) - 1})
}

// LastLink returns the last link added if it belongs to element el, to
// extend it over the next word; nil otherwise.
func (t *StructTree) LastLink(el int) *Link {
	if n := len(t.links); n > 0 && t.links[n-1].elem == el {
		return &t.links[n-1]
	}
	return nil
}

// LinkRefs reserves the links' annotation objects, which the pages list
// before the tree is written.
func (t *StructTree) LinkRefs(w *Writer) []Ref {
	refs := make([]Ref, len(t.links))
	for i := range t.links {
		refs[i] = w.Alloc()
	}
	return refs
}

// PageLinks returns the annotations of page pi, of those LinkRefs gave.
func (t *StructTree) PageLinks(pi int, refs []Ref) []Ref {
	var out []Ref
	for i, l := range t.links {
		if l.Page == pi {
			out = append(out, refs[i])
		}
	}
	return out
}

// Write writes the tree, its parent tree and the link annotations
// (reserved by LinkRefs), and returns the structure tree root.
func (t *StructTree) Write(w *Writer, pages, links []Ref) Ref {
	root := w.Alloc()
	refs := make([]Ref, len(t.elems))
	for i := range t.elems {
		refs[i] = w.Alloc()
	}
	for i := range t.elems {
		parent := root
		if p := t.elems[i].parent; p >= 0 {
			parent = refs[p]
		}
		w.Set(refs[i], t.elemDict(i, parent, refs, pages, links))
	}
	var nums strings.Builder
	for pi, list := range t.parentTree {
		fmt.Fprintf(&nums, "%d [", pi)
		for _, el := range list {
			nums.WriteString(refs[el].String() + " ")
		}
		nums.WriteString("] ")
	}
	// Annotations follow the pages in the parent tree.
	for i, l := range t.links {
		part := len(pages) + i
		fmt.Fprintf(&nums, "%d %s ", part, refs[l.elem])
		action := "<< /S /URI /URI " + Text(l.URI) + " >>"
		if l.URI == "" {
			action = "<< /S /GoTo /D " + destArray(l.Dest, pages) + " >>"
		}
		w.Set(links[i], fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /P %s /A %s /Contents %s /StructParent %d >>",
			Num(l.Rect[0]), Num(l.Rect[1]), Num(l.Rect[2]), Num(l.Rect[3]), pages[l.Page], action, Text(l.Contents), part))
	}
	parentTree := w.Add(fmt.Sprintf("<< /Nums [%s] >>", nums.String()))
	w.Set(root, fmt.Sprintf("<< /Type /StructTreeRoot /K [%s] /ParentTree %s /ParentTreeNextKey %d >>", refs[0], parentTree, len(pages)+len(t.links)))
	return root
}

// elemDict writes element i. Its page is that of its first marked
// content: its marks on that page are plain numbers, marks on other
// pages (a paragraph that runs on) say their page.
func (t *StructTree) elemDict(i int, parent Ref, refs, pages, links []Ref) string {
	e := &t.elems[i]
	pg := e.page()
	k := make([]string, 0, len(e.kids))
	for _, kid := range e.kids {
		switch kid.kind {
		case kidElem:
			k = append(k, refs[kid.i].String())
		case kidMCR:
			if kid.page == pg {
				k = append(k, strconv.Itoa(kid.mcid))
				continue
			}
			k = append(k, fmt.Sprintf("<< /Type /MCR /Pg %s /MCID %d >>", pages[kid.page], kid.mcid))
		case kidLink:
			k = append(k, fmt.Sprintf("<< /Type /OBJR /Pg %s /Obj %s >>", pages[t.links[kid.i].Page], links[kid.i]))
		}
	}
	var extra strings.Builder
	if pg >= 0 {
		extra.WriteString(" /Pg " + pages[pg].String())
	}
	switch {
	case i == 0: // the document's language, always said
		extra.WriteString(" /Lang " + Text(t.lang))
	case e.Lang != "":
		extra.WriteString(" /Lang " + Text(e.Lang))
	}
	if e.Alt != "" {
		extra.WriteString(" /Alt " + Text(e.Alt))
	}
	if e.ActualText != "" {
		extra.WriteString(" /ActualText " + Text(e.ActualText))
	}
	if e.Scope != "" {
		extra.WriteString(" /A << /O /Table /Scope /" + e.Scope + " >>")
	}
	if b := e.BBox; b != nil {
		fmt.Fprintf(&extra, " /A << /O /Layout /BBox [%s %s %s %s] >>", Num(b[0]), Num(b[1]), Num(b[2]), Num(b[3]))
	}
	// (/Type /StructElem is optional: thousands of elements go without.)
	return fmt.Sprintf("<< /S /%s /P %s /K [%s]%s >>", e.Role, parent, strings.Join(k, " "), extra.String())
}

// page is the page of the element's first marked content, -1 if none.
func (e *StructElem) page() int {
	for _, kid := range e.kids {
		if kid.kind == kidMCR {
			return kid.page
		}
	}
	return -1
}

// destArray is a destination: the page, at height y, zoom unchanged.
func destArray(d Dest, pages []Ref) string {
	return fmt.Sprintf("[%s /XYZ 0 %s null]", pages[d.Page], Num(d.Y))
}
