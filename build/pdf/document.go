package pdf

import (
	"fmt"
	"strings"
)

// Resource is a named resource of a page or form: a font (/F1), an
// image or a form (/Im1, /P1).
type Resource struct {
	Name string // without the slash
	Ref  Ref
}

// Resources are what a page's or a form's content draws with.
type Resources struct {
	Fonts, XObjects []Resource
}

func (r Resources) dict() string {
	var parts []string
	for _, group := range []struct {
		key  string
		list []Resource
	}{{"/Font", r.Fonts}, {"/XObject", r.XObjects}} {
		if len(group.list) == 0 {
			continue
		}
		entries := make([]string, len(group.list))
		for i, res := range group.list {
			entries[i] = "/" + res.Name + " " + res.Ref.String()
		}
		parts = append(parts, group.key+" << "+strings.Join(entries, " ")+" >>")
	}
	return "<< " + strings.Join(parts, " ") + " >>"
}

// Page is a page object.
type Page struct {
	Parent        Ref
	Width, Height float64 // the media box, in points
	Resources     Resources
	Contents      Ref
	// Tagged: StructParents is the page's key in the parent tree, and
	// annotations are visited in structure order.
	Tagged        bool
	StructParents int
	Annots        []Ref
}

// Dict writes the page's dictionary.
func (p Page) Dict() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<< /Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources %s /Contents %s", p.Parent, Num(p.Width), Num(p.Height), p.Resources.dict(), p.Contents)
	if p.Tagged {
		fmt.Fprintf(&b, " /StructParents %d /Tabs /S", p.StructParents)
	}
	if len(p.Annots) > 0 {
		b.WriteString(" /Annots [" + refList(p.Annots) + "]")
	}
	b.WriteString(" >>")
	return b.String()
}

// PageTree writes the pages' parent, listing them all.
func PageTree(kids []Ref) string {
	return fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", refList(kids), len(kids))
}

// FormDict is the dictionary of a form XObject of width × height points
// (a page drawn on a sheet), for AddDeflated.
func FormDict(width, height float64, res Resources) string {
	return fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 %s %s] /Resources %s", Num(width), Num(height), res.dict())
}

// Catalog is the document's root.
type Catalog struct {
	Pages Ref
	Lang  string
	// A tagged document: its structure tree, outline and XMP metadata
	// (0: none); its viewer shows the title, not the file's name.
	StructTreeRoot, Outlines, Metadata Ref
	// Duplex: printed on both sides, flipped on the short edge, at
	// actual size (an imposed booklet).
	Duplex bool
}

// Dict writes the catalog's dictionary.
func (c Catalog) Dict() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<< /Type /Catalog /Pages %s /Lang %s", c.Pages, Text(c.Lang))
	if c.StructTreeRoot > 0 {
		fmt.Fprintf(&b, " /MarkInfo << /Marked true >> /StructTreeRoot %s", c.StructTreeRoot)
	}
	if c.Outlines > 0 {
		fmt.Fprintf(&b, " /Outlines %s /PageMode /UseOutlines", c.Outlines)
	}
	if c.StructTreeRoot > 0 {
		b.WriteString(" /ViewerPreferences << /DisplayDocTitle true >>")
	}
	if c.Duplex {
		b.WriteString(" /ViewerPreferences << /Duplex /DuplexFlipShortEdge /PrintScaling /None >>")
	}
	if c.Metadata > 0 {
		fmt.Fprintf(&b, " /Metadata %s", c.Metadata)
	}
	b.WriteString(" >>")
	return b.String()
}

// Info writes the document information dictionary: the title, and sobre
// as the producer (no date: the same document gives the same bytes).
func Info(title string) string {
	return fmt.Sprintf("<< /Title %s /Producer (sobre) >>", Text(title))
}

// AddMetadata writes the XMP metadata stream of a PDF/UA document with
// its title and language.
func (w *Writer) AddMetadata(title, lang string) Ref {
	return w.AddStream("/Type /Metadata /Subtype /XML", []byte(xmp(title, lang)), true)
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

func refList(r []Ref) string {
	s := make([]string, len(r))
	for i, x := range r {
		s[i] = x.String()
	}
	return strings.Join(s, " ")
}

// OutlineItem is a bookmark: a title, where it leads, and the bookmarks
// under it, shown (Open) or folded.
type OutlineItem struct {
	Title string
	Dest  Dest
	Kids  []OutlineItem
	Open  bool
}

// AddOutline writes the bookmarks and returns the outline's root.
func (w *Writer) AddOutline(items []OutlineItem, pages []Ref) Ref {
	outline := w.Alloc()
	if len(items) == 0 {
		w.Set(outline, "<< /Type /Outlines /Count 0 >>")
		return outline
	}
	r, visible := w.outlineLevel(outline, items, pages)
	w.Set(outline, fmt.Sprintf("<< /Type /Outlines /First %s /Last %s /Count %d >>", r[0], r[len(r)-1], visible))
	return outline
}

// outlineLevel writes sibling bookmarks under parent; it returns their
// objects and how many entries they show, their open kids' included.
func (w *Writer) outlineLevel(parent Ref, items []OutlineItem, pages []Ref) ([]Ref, int) {
	r := make([]Ref, len(items))
	for i := range items {
		r[i] = w.Alloc()
	}
	visible := len(items)
	for i, it := range items {
		links := ""
		if i > 0 {
			links += " /Prev " + r[i-1].String()
		}
		if i+1 < len(items) {
			links += " /Next " + r[i+1].String()
		}
		if len(it.Kids) > 0 {
			k, n := w.outlineLevel(r[i], it.Kids, pages)
			// A negative count: closed, with that many entries under it.
			count := -n
			if it.Open {
				count = n
				visible += n
			}
			links += fmt.Sprintf(" /First %s /Last %s /Count %d", k[0], k[len(k)-1], count)
		}
		w.Set(r[i], fmt.Sprintf("<< /Title %s /Parent %s /Dest %s%s >>", Text(it.Title), parent, destArray(it.Dest, pages), links))
	}
	return r, visible
}
