package print

import (
	"fmt"
	"strings"

	"sobre/build/pdf"
)

// Sheets gives the order in which n pages, padded with blank pages to a
// multiple of 4, go on the sides of sheets folded once and stapled in the
// middle (saddle stitch): two pages per side, left then right, numbered
// from 1; 0 is a blank page. The first sheet's front holds the last page
// and the first, its back the second and the second to last, and so on
// towards the middle of the booklet.
func Sheets(n int) [][2]int {
	total := (n + 3) / 4 * 4
	page := func(k int) int {
		if k > n {
			return 0
		}
		return k
	}
	var sides [][2]int
	for i := 0; i < total/4; i++ {
		sides = append(sides,
			[2]int{page(total - 2*i), page(2*i + 1)},
			[2]int{page(2*i + 2), page(total - 2*i - 1)})
	}
	return sides
}

// Imposed writes the booklet for saddle-stitch printing: its pages, two
// by two in Sheets order, on landscape sheets twice their width (A5 pages
// on A4). The file is for the printer only: it has neither structure tree
// nor links and does not claim to be tagged; readers get the booklet.
// title is the file's title, in the booklet's language.
func (d *Document) Imposed(title string) ([]byte, error) {
	// The booklet's own pages, drawn once, without the ids of their
	// marked content, which no structure tree refers to here.
	p, err := d.painted()
	if err != nil {
		return nil, err
	}
	pages := p.contents
	f := d.Format
	sheetW, sheetH := 2*f.Width, f.Height
	if f.Name == "A5" {
		sheetW, sheetH = A4.Height, A4.Width // A4 landscape: 842 × 595
	}
	var w pdf.Writer
	catalog := w.Alloc()
	pagesRef := w.Alloc()
	fonts := d.embedFonts(&w)
	// Each page becomes a form XObject, drawn in its half of a sheet.
	forms := make([]pdf.Ref, len(pages))
	images := p.writeImages(&w)
	for i, page := range pages {
		c := pdf.Deflate(untag(page))
		forms[i] = w.AddDeflated(pdf.FormDict(f.Width, f.Height, pdf.Resources{Fonts: fonts, XObjects: p.xobjects(i, images)}), c)
	}
	// The pages sit against the fold, centred on the sheet.
	left := (sheetW - 2*f.Width) / 2
	var sheets []pdf.Ref
	for _, side := range Sheets(len(pages)) {
		var c strings.Builder
		var xobj []pdf.Resource
		for k, n := range side {
			if n == 0 {
				continue
			}
			fmt.Fprintf(&c, "q 1 0 0 1 %s %s cm /P%d Do Q\n", pdf.Num(left+float64(k)*f.Width), pdf.Num((sheetH-f.Height)/2), n)
			xobj = append(xobj, pdf.Resource{Name: fmt.Sprintf("P%d", n), Ref: forms[n-1]})
		}
		content := w.AddStream("", []byte(c.String()), false)
		sheets = append(sheets, w.Add(pdf.Page{Parent: pagesRef, Width: sheetW, Height: sheetH, Resources: pdf.Resources{XObjects: xobj}, Contents: content}.Dict()))
	}
	w.Set(pagesRef, pdf.PageTree(sheets))
	info := w.Add(pdf.Info(title))
	w.Set(catalog, pdf.Catalog{Pages: pagesRef, Lang: d.Lang, Duplex: true}.Dict())
	return w.BytesInfo(catalog, info), nil
}

// untag turns a page's tagged marked content ("/P <</MCID 3>> BDC") into
// plain marked content ("/P BMC"), which refers to no structure element;
// artifacts and spans (a hyphen's empty actual text) stay as they are.
func untag(page string) []byte {
	const mcid = "<</MCID "
	out := make([]byte, 0, len(page))
	for {
		i := strings.Index(page, mcid)
		if i < 0 {
			return append(out, page...)
		}
		end := strings.Index(page[i:], ">> BDC")
		if end < 0 {
			return append(out, page...)
		}
		out = append(append(out, page[:i]...), "BMC"...)
		page = page[i+end+len(">> BDC"):]
	}
}
