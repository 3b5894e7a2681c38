// Package print lays out pages of the site as PDF booklets: it turns a
// page's Markdown tree into blocks, sets them with build/typeset, fills
// pages, and writes a tagged PDF with build/pdf (structure tree, marked
// content, outline, language, title). This first version sets headings,
// paragraphs and lists, with the charter's levels and blanks; the other
// blocks come with the toolkit booklets.
package print

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"sobre/build/markup"
	"sobre/build/pdf"
	"sobre/build/typeset"
)

// Fonts are the print family's styles.
type Fonts struct {
	Regular, Bold *pdf.Font
}

// Format is a page size and its margins, in points.
type Format struct {
	Name                     string
	Width, Height            float64
	Top, Bottom, Left, Right float64
	Body                     float64 // body text size
	Leading                  float64 // line height / size
}

// A4 is the handout format.
var A4 = Format{Name: "A4", Width: 595, Height: 842, Top: 64, Bottom: 72, Left: 64, Right: 64, Body: 11.5, Leading: 1.45}

type block struct {
	tag    string // H1…H6, P, LI, TOCI
	brk    bool   // start on a new page (cover, contents, each chapter)
	chap   int    // for a page's title: its chapter number (from 1), for TOCI: the chapter it lists
	from   string // the chapter it belongs to, for messages
	num    string // TOCI: the page number, right-aligned
	runs   []typeset.Run
	marker string // a list item's bullet or number
	indent float64
	before float64 // space before, in body sizes
	keep   bool    // keep with the next block (headings): ragged, unhyphenated
	list   int     // list items of one list share a number
}

// Document is one booklet's content.
type Document struct {
	Title  string
	Lang   string
	Format Format
	Fonts  Fonts
	// Footer is printed at the foot of every page with its number, as
	// an artifact (screen readers skip it).
	Footer string
	blocks []block
	lists  int
	// chapters counts AddChapter calls; contentsAt is where the table of
	// contents' entries go (0: none).
	chapters   int
	contentsAt int
}

// AddCover adds a cover page: the title and a few lines under it.
func (d *Document) AddCover(title string, lines ...string) {
	d.blocks = append(d.blocks, block{tag: "H1", brk: true, runs: []typeset.Run{{Text: title, Style: typeset.Style{Font: d.Fonts.Bold, Size: d.Format.Body * 2.4}, Lang: d.Lang, NoHyphens: true}}, keep: true})
	for _, l := range lines {
		d.blocks = append(d.blocks, block{tag: "P", runs: []typeset.Run{{Text: l, Style: d.style(false, 1.1), Lang: d.Lang, NoHyphens: true}}, before: 0.8})
	}
}

// AddContents adds a table of contents listing every chapter added after
// it, with its page number, under heading.
func (d *Document) AddContents(heading string) {
	d.blocks = append(d.blocks, block{tag: "H1", brk: true, runs: []typeset.Run{{Text: heading, Style: d.style(true, 1.6), Lang: d.Lang, NoHyphens: true}}, keep: true})
	d.contentsAt = len(d.blocks)
}

// AddChapter adds a page of the site as a chapter: its title, on a new
// page, then its content.
func (d *Document) AddChapter(title string, doc *markup.Doc, lang string) {
	d.chapters++
	d.blocks = append(d.blocks, block{tag: "H1", brk: true, chap: d.chapters, runs: []typeset.Run{{Text: title, Style: d.style(true, 1.6), Lang: lang, NoHyphens: true}}, keep: true})
	at := len(d.blocks)
	d.AddPage(doc, lang)
	for i := at - 1; i < len(d.blocks); i++ {
		d.blocks[i].from = title
	}
}

// AddTitle adds the booklet's title.
func (d *Document) AddTitle(s string) {
	d.blocks = append(d.blocks, block{tag: "H1", runs: []typeset.Run{{Text: s, Style: typeset.Style{Font: d.Fonts.Bold, Size: d.Format.Body * 2}, Lang: d.Lang, NoHyphens: true}}, keep: true})
}

// AddPage adds a page's Markdown content, written in lang.
func (d *Document) AddPage(doc *markup.Doc, lang string) {
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		d.addBlock(n, doc.Source, lang, 0)
	}
}

func (d *Document) style(bold bool, scale float64) typeset.Style {
	f := d.Fonts.Regular
	if bold {
		f = d.Fonts.Bold
	}
	return typeset.Style{Font: f, Size: d.Format.Body * scale, Bold: bold}
}

func (d *Document) addBlock(n ast.Node, src []byte, lang string, indent float64) {
	switch n := n.(type) {
	case *ast.Heading:
		scale := map[int]float64{1: 2, 2: 1.45, 3: 1.2}[n.Level]
		if scale == 0 {
			scale = 1.05
		}
		runs := d.inline(n, src, lang, true, scale)
		for i := range runs {
			runs[i].NoHyphens = true
		}
		d.blocks = append(d.blocks, block{tag: fmt.Sprintf("H%d", n.Level), runs: runs, before: 1.2, keep: true, indent: indent})
	case *ast.Paragraph, *ast.TextBlock:
		d.blocks = append(d.blocks, block{tag: "P", runs: d.inline(n, src, lang, false, 1), before: 0.5, indent: indent})
	case *ast.List:
		d.lists++
		i := n.Start
		if i == 0 {
			i = 1
		}
		for li := n.FirstChild(); li != nil; li = li.NextSibling() {
			marker := "•"
			if n.IsOrdered() {
				marker = fmt.Sprintf("%d.", i)
				i++
			}
			first := true
			for c := li.FirstChild(); c != nil; c = c.NextSibling() {
				if first && (c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock) {
					d.blocks = append(d.blocks, block{tag: "LI", runs: d.inline(c, src, lang, false, 1), marker: marker, indent: indent + d.Format.Body*1.6, before: 0.25, list: d.lists})
					first = false
					continue
				}
				d.addBlock(c, src, lang, indent+d.Format.Body*1.6)
			}
		}
	case *markup.Callout:
		// The label says what kind of box it is, in words, as on the web.
		d.blocks = append(d.blocks, block{tag: "P", runs: []typeset.Run{{Text: n.Label, Style: d.style(true, 1), Lang: lang}}, before: 0.8, indent: indent + d.Format.Body*1.2, keep: true})
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			d.addBlock(c, src, lang, indent+d.Format.Body*1.2)
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			d.addBlock(c, src, lang, indent+d.Format.Body*1.2)
		}
	case *east.Table:
		// A row per paragraph, cells apart, the header row in bold: tables
		// proper (TH/TD, repeated header) come later.
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, strings.TrimSpace(markup.PlainText(c, src)))
			}
			_, head := row.(*east.TableHeader)
			d.blocks = append(d.blocks, block{tag: "P", runs: []typeset.Run{{Text: strings.Join(cells, "  ·  "), Style: d.style(head, 1), Lang: lang}}, before: 0.3, indent: indent})
		}
	case *markup.Directive:
		// Generated for the web (a form, an index): nothing to print.
	default:
		// Tables, images and generated blocks come with the toolkit
		// booklets; their text is kept meanwhile.
		if t := strings.TrimSpace(markup.PlainText(n, src)); t != "" {
			d.blocks = append(d.blocks, block{tag: "P", runs: []typeset.Run{{Text: t, Style: d.style(false, 1), Lang: lang}}, before: 0.5, indent: indent})
		}
	}
}

// inline turns a block's inline content into runs: bold for strong text
// and the commitment levels, a printed line for blanks to fill.
func (d *Document) inline(n ast.Node, src []byte, lang string, bold bool, scale float64) []typeset.Run {
	var runs []typeset.Run
	link := ""
	add := func(s string, b bool, l string) {
		if s == "" {
			return
		}
		st := d.style(b, scale)
		if k := len(runs); k > 0 && runs[k-1].Style == st && runs[k-1].Lang == l && runs[k-1].Link == link {
			runs[k-1].Text += s
			return
		}
		runs = append(runs, typeset.Run{Text: s, Style: st, Lang: l, Link: link})
	}
	var walk func(c ast.Node, b bool, l string)
	walk = func(c ast.Node, b bool, l string) {
		for k := c.FirstChild(); k != nil; k = k.NextSibling() {
			switch k := k.(type) {
			case *ast.Text:
				add(string(k.Segment.Value(src)), b, l)
				if k.SoftLineBreak() || k.HardLineBreak() {
					add(" ", b, l)
				}
			case *ast.String:
				add(string(k.Value), b, l)
			case *ast.Emphasis:
				walk(k, b || k.Level == 2, l)
			case *markup.Level:
				add(k.Label+" ", true, l)
			case *markup.Blank:
				if k.Value != "" {
					add(k.Value, true, l)
				} else {
					add("____________________", b, l)
				}
			case *markup.Span:
				walk(k, b, k.Lang)
			case *east.TaskCheckBox:
				add("[  ] ", b, l)
			case *ast.Image:
				// The image's text alternative stands in for it on paper.
				add("["+markup.PlainText(k, src)+"]", b, l)
			case *ast.Link:
				dest := string(k.Destination)
				if !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "https://") {
					walk(k, b, l) // links between pages: the contents lead there
					continue
				}
				link = dest
				walk(k, b, l)
				link = ""
				// Paper cannot click: the address follows the link text.
				add(" ("+strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(dest, "https://"), "http://"), "/")+")", b, l)
			default:
				walk(k, b, l)
			}
		}
	}
	walk(n, bold, lang)
	return runs
}
