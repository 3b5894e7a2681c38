// Package print lays out pages of the site as PDF booklets: it turns a
// page's Markdown tree into blocks (headings, paragraphs, lists, callouts,
// tables, figures), sets them with build/typeset, fills pages (again
// until the contents' and the cross-references' page numbers settle:
// xref.go), and writes a tagged PDF with build/pdf: structure tree,
// marked content, links, outline, language, title. The same layout also
// gives the imposed file for saddle-stitch printing (Imposed, Sheets). An
// easy-to-read page is its own booklet, its pictures beside its text
// (easyread.go).
package print

import (
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"sobre/build/markup"
	"sobre/build/pdf"
	"sobre/build/pdf/svg"
	"sobre/build/qr"
	"sobre/build/typeset"
)

// Fonts are the print family's styles, and the fonts that set what
// they lack (site.toml's [print] fallback_fonts): a script, symbols.
type Fonts struct {
	Regular, Bold *pdf.Font
	Fallback      []*pdf.Font
}

// Clone returns the fonts with no glyph used yet, for another document.
func (f Fonts) Clone() Fonts {
	c := Fonts{Regular: f.Regular.Clone(), Bold: f.Bold.Clone()}
	for _, fb := range f.Fallback {
		c.Fallback = append(c.Fallback, fb.Clone())
	}
	return c
}

// Text is text a booklet prints that does not come from a page's body
// (a title, a cover line), with the file and line it comes from, for
// messages.
type Text struct {
	Text, File string
	Line       int
	// QR, when set, is drawn under the line: the code of the address
	// the line prints.
	QR *qr.Symbol
}

// Logo is the organisation's logo, drawn at the top of the cover (or of
// the first page), with Alt its text alternative: an SVG drawing, or a
// PNG or JPEG picture.
type Logo struct {
	Drawing *svg.Drawing
	Photo   *pdf.Image
	Alt     string
}

// Format is a page size and its margins, in points.
type Format struct {
	Name                     string
	Width, Height            float64
	Top, Bottom, Left, Right float64
	Body                     float64 // body text size
	// Least is the smallest type the edition sets, 0 for none: notes,
	// tables and captions, set smaller than the body, never go below it,
	// and page artifacts (footers) never below 7/8 of it.
	Least   float64
	Leading float64 // line height / size
	// Ragged sets the text ragged right, words whole: the even spaces and
	// whole words low-vision readers need matter more than an even edge.
	Ragged bool
}

// The booklets' formats. Body sizes follow the page: 11.5 pt on A4 reads
// like a book at arm's length, 10 pt on A5 like a paperback. Large print
// sets 16.5 pt, more leading and ragged lines for low-vision readers, as
// large-print guidance asks (16 pt at least, no justified text).
var (
	A4         = Format{Name: "A4", Width: 595, Height: 842, Top: 52, Bottom: 60, Left: 86, Right: 86, Body: 12.5, Leading: 1.36}
	A5         = Format{Name: "A5", Width: 420, Height: 595, Top: 42, Bottom: 54, Left: 40, Right: 40, Body: 10, Leading: 1.42}
	LargePrint = Format{Name: "A4", Width: 595, Height: 842, Top: 56, Bottom: 72, Left: 56, Right: 56, Body: 16.5, Least: 16, Leading: 1.55, Ragged: true}
)

// size is the type size at scale times the body, never under Least.
func (f Format) size(scale float64) float64 { return max(f.Body*scale, f.Least) }

// artifact is the size of a page artifact's type (a footer) at scale
// times the body, never under 7/8 of Least: 14 pt in large print.
func (f Format) artifact(scale float64) float64 { return max(f.Body*scale, f.Least*7/8) }

type block struct {
	tag   string // H1…H6, P, LI, TOCI, TR
	brk   bool   // start on a new page (cover, contents, each chapter)
	cover bool   // the cover: no footer on its page
	chap  int    // for a page's title: its chapter number (from 1), for TOCI: the chapter it lists
	from  string // the chapter it belongs to, for messages
	file  string // and its source file
	line  int    // where the block starts in it
	// node is the Markdown block it comes from, in doc: a character is
	// found on its own line there, for messages.
	node   ast.Node
	doc    *markup.Doc
	fitted bool   // runs given fonts that have their characters (fit)
	num    string // TOCI: the page number, right-aligned
	runs   []typeset.Run
	marker string // a list item's bullet or number
	// tick draws a box to tick as a list item's label, ticked when
	// ticked: a checklist's item.
	tick, ticked bool
	indent       float64
	before       float64 // space before, in body sizes
	keep         bool    // keep with the next block (headings): ragged, unhyphenated
	whole        bool    // a heading whose section goes on one page, where it fits (PageBefore)
	list         int     // list items of one list share a number
	lang         string  // the language of the page it comes from

	id   string // a heading's anchor
	path string // a chapter's title: the page's path on the site, which links name
	foot string // a chapter's title: its name in the running footer

	// A table row: a list of runs per cell. Rows of one table share a
	// number; the first row is the header, repeated on every page the
	// table runs on.
	cells [][]typeset.Run
	table int
	head  bool
	cols  []float64 // column widths, set by layout
	// card, for a row of cards to cut out (cards.go), is the card each
	// cell is a paragraph of; nil for a table row.
	card []int

	sign string // draw signature boxes under the paragraph, with this caption

	// callout numbers the callout the block is in (from 1, 0 for none);
	// bar is where its grey rule stands, from the left margin.
	callout int
	bar     float64

	figure *svg.Drawing // a diagram, drawn, with alt as its text alternative
	photo  *pdf.Image   // or a raster image
	alt    string
	height float64 // a figure's height when fixed (the logo), in points
	// beside sets a figure at the left of the text that follows it, in a
	// square of height (an easy-to-read edition's pictures).
	beside bool

	qr *qr.Symbol // a code drawn under the text, an artifact
}

// Error is a problem in a booklet, with the source file and line it
// comes from when known. Kind names what went wrong ("glyph", "overfull",
// "figure", "nesting"), so that a problem found in several booklets is
// told once. A "glyph" problem is one character (Char) that no print
// font has, on that line: the build gathers them per file.
type Error struct {
	File string
	Line int
	Kind string
	Char rune
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Chapter is a page of the site in a booklet.
type Chapter struct {
	File  string // its source, for messages
	Title string
	// TitleLine and ShortLine are the lines of the front matter that set
	// Title and Short, for messages.
	TitleLine, ShortLine int
	Short                string // for the running footer; Title when empty
	// Path is where the page is on the site ("fr/charte.html"): links
	// between pages resolve through it and become links inside the PDF.
	Path string
	Doc  *markup.Doc
	Lang string
	// Notes are printed small under the title (how the page was made,
	// as the charter's § 4 asks); Credits at its end (the licence notice
	// of a text taken from elsewhere).
	Notes, Credits []string
	// Blocks is the data of the blocks its directives ask for.
	Blocks *Generated
}

// Document is one booklet's content.
type Document struct {
	Title  string
	Lang   string
	Format Format
	Fonts  Fonts
	// Footer is printed at the foot of every page with its number, as
	// an artifact (screen readers skip it); in a chapter, the chapter's
	// short title takes its place.
	Footer string
	// PageOf, when set, says the page number in the footer with the
	// number of pages ("page 2 / 4"), in the reader's language: a
	// charter's signed pages are known complete.
	PageOf func(page, pages int) string
	// PageRef, when set, says where a link into the booklet leads on
	// paper, printed after its text: " (p. 14)", or ", p. 14" within a
	// parenthesis that closes after the link, in the reader's language.
	PageRef func(page int, within bool) string
	// PageBefore lists headings (by anchor) whose section is never split
	// across pages: the charter's engagement, signed under its text, goes
	// on a new page only when what is left of the page cannot hold it.
	PageBefore map[string]bool
	// Forms, when set, reads a table's empty cells as room to write in
	// (formColumns).
	Forms bool
	// BreakBefore, when set, starts every heading of that level on a new
	// page: each form of the materials pack on a sheet of its own.
	BreakBefore int
	// Sign is the caption under each signature box ("name and role").
	Sign string
	// Described introduces a diagram printed as its text alternative
	// because its lettering would be under the format's Least ("Diagram,
	// in words:"); empty, the text alternative stands alone.
	Described string
	// Logo, when set, heads the cover, or the first page of a booklet
	// without one.
	Logo *Logo
	// Image returns a file of the site by its path ("fr/img/a.svg"), and
	// its source file for messages, for the diagrams to draw; nil leaves
	// every image as its text alternative.
	Image func(path string) (data []byte, source string)
	// Items, when set, shares paragraphs' items with the other documents
	// of the same text: the A4 and A5 editions are built once, scaled.
	Items *typeset.Items
	// Problems are what could not be printed as it should, for the build
	// to report: a diagram the print engine cannot draw, a line too wide.
	Problems []*Error
	// Blocks is the data of the generated blocks of the page being added
	// (AddChapter sets it from its Chapter).
	Blocks *Generated
	// KeepLines ends a line where the source's hard line breaks are
	// (easyread.go splits the blocks there), instead of a space.
	KeepLines bool

	// fatal is a block that cannot be printed: the booklet is not made.
	fatal  *Error
	blocks []block
	lists  int
	tables int
	// callouts numbers the callouts added, for their rules.
	callouts int
	// depth is how deep lists and quotes are nested where blocks are
	// being added; deepest, the most in the current top-level block.
	depth, deepest int
	path           string // the page being added, for its links
	file           string // and its source file
	from           string // and the chapter's title, for messages
	doc            *markup.Doc
	// chapters counts AddChapter calls; contentsAt is where the table of
	// contents' entries go (0: none).
	chapters   int
	contentsAt int
	pages      [][]placed // laid out once, drawn for each output
	refs       []*refRuns // the runs that print page references
	sets       []set
	drawn      *painted // drawn once, for the booklet and its imposition
}

// AddCover adds a cover page: the title and a few lines under it.
func (d *Document) AddCover(title Text, lines ...Text) {
	logo := d.addLogo(true)
	d.blocks = append(d.blocks, block{tag: "H1", brk: !logo, cover: true, before: -1, runs: []typeset.Run{{Text: title.Text, Style: typeset.Style{Font: d.Fonts.Bold, Size: d.Format.Body * 2.4}, Lang: d.Lang, NoHyphens: true}}, keep: true, lang: d.Lang, file: title.File, line: title.Line})
	for _, l := range lines {
		d.blocks = append(d.blocks, block{tag: "P", cover: true, runs: []typeset.Run{{Text: l.Text, Style: d.style(false, 1.1), Lang: d.Lang, NoHyphens: true}}, before: 0.8, lang: d.Lang, file: l.File, line: l.Line, qr: l.QR})
	}
}

// logoHeight is the logo's height on the cover: 22 mm, a letterhead's.
const logoHeight = 22 * 72 / 25.4

// addLogo adds the logo as the booklet's first block, a figure on the
// cover (no footer) or on the first page, when the document has one and
// has no block yet; it reports whether it did.
func (d *Document) addLogo(cover bool) bool {
	if d.Logo == nil || len(d.blocks) > 0 {
		return false
	}
	d.blocks = append(d.blocks, block{tag: "Figure", brk: true, cover: cover, figure: d.Logo.Drawing, photo: d.Logo.Photo, alt: d.Logo.Alt, height: logoHeight, lang: d.Lang})
	return true
}

// AddContents adds a table of contents listing every chapter added after
// it, with its page number, under heading.
func (d *Document) AddContents(heading Text) {
	d.blocks = append(d.blocks, block{tag: "H1", brk: true, runs: []typeset.Run{{Text: heading.Text, Style: d.style(true, 1.6), Lang: d.Lang, NoHyphens: true}}, keep: true, lang: d.Lang, file: heading.File, line: heading.Line})
	d.contentsAt = len(d.blocks)
}

// AddChapter adds a page of the site as a chapter: its title, on a new
// page, then its content.
func (d *Document) AddChapter(c Chapter) {
	d.chapters++
	d.file, d.from = c.File, c.Title
	foot := c.Short
	if foot == "" {
		foot = c.Title
	}
	d.blocks = append(d.blocks, block{tag: "H1", brk: true, chap: d.chapters, runs: []typeset.Run{{Text: c.Title, Style: d.style(true, 1.6), Lang: c.Lang, NoHyphens: true}}, keep: true, lang: c.Lang, path: c.Path, foot: foot, line: c.TitleLine})
	footLine := c.ShortLine
	if c.Short == "" {
		footLine = c.TitleLine
	}
	d.check(foot, c.File, footLine) // the running footer's characters
	at := len(d.blocks)
	for _, n := range c.Notes {
		d.AddNote(n, c.Lang)
	}
	d.Blocks = c.Blocks
	d.AddPage(c.Doc, c.Lang, c.Path)
	d.Blocks = nil
	for _, n := range c.Credits {
		d.AddNote(n, c.Lang)
	}
	for i := at - 1; i < len(d.blocks); i++ {
		d.blocks[i].from, d.blocks[i].file = c.Title, c.File
	}
	d.doc, d.from = nil, ""
}

// AddNote adds a paragraph in small print: how a page was made, where
// its text comes from.
func (d *Document) AddNote(text, lang string) {
	d.blocks = append(d.blocks, block{tag: "P", runs: []typeset.Run{{Text: text, Style: d.style(false, 0.85), Lang: lang}}, before: 0.4, lang: lang, file: d.file})
}

// AddTitle adds the booklet's title.
func (d *Document) AddTitle(t Text) {
	before := 0.0
	if d.addLogo(false) {
		before = 1
	}
	d.blocks = append(d.blocks, block{tag: "H1", before: before, runs: []typeset.Run{{Text: t.Text, Style: typeset.Style{Font: d.Fonts.Bold, Size: d.Format.Body * 2}, Lang: d.Lang, NoHyphens: true}}, keep: true, lang: d.Lang, file: t.File, line: t.Line})
}

// AddPage adds a page's Markdown content, written in lang, found at path
// on the site (for its links; "" when they cannot be followed).
func (d *Document) AddPage(doc *markup.Doc, lang, path string) {
	d.path, d.doc = path, doc
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		d.deepest = 0
		d.addBlock(n, doc.Source, lang, 0)
		if levels := d.levels(); d.deepest > levels {
			d.Problems = append(d.Problems, &Error{File: d.file, Line: doc.Line(n), Kind: "nesting", Err: fmt.Errorf(
				"%s%s: lists or quotes nested %d deep: the booklets indent the first %d levels only; nest less", d.where(block{from: d.from}), d.edition(), d.deepest, levels)})
		}
	}
}

// levels is how many levels of lists and quotes are indented: together
// no more than 30 % of the text's width, so that a line of a deeply
// nested list keeps most of it.
func (d *Document) levels() int {
	return max(1, int((d.Format.Width-d.Format.Left-d.Format.Right)*0.3/(d.Format.Body*1.6)))
}

// nest is the indentation of a level deeper than indent, by step; past
// levels() it stays where it is.
func (d *Document) nest(indent, step float64) float64 {
	d.depth++
	d.deepest = max(d.deepest, d.depth)
	return min(indent+step, float64(d.levels())*d.Format.Body*1.6)
}

// maxColumns is how many columns of a table fit the text's width, each
// wide enough for a short word at the cells' size.
func (d *Document) maxColumns(indent float64) int {
	f := d.Format
	return max(2, int((f.Width-f.Left-f.Right-indent)/(f.size(0.92)*3.5+2*cellPad*f.Body)))
}

func (d *Document) style(bold bool, scale float64) typeset.Style {
	f := d.Fonts.Regular
	if bold {
		f = d.Fonts.Bold
	}
	return typeset.Style{Font: f, Size: d.Format.size(scale), Bold: bold}
}

// addBlock turns a Markdown block into blocks to set, by its kind; a
// container (list, callout, quote) adds its children, indented.
func (d *Document) addBlock(n ast.Node, src []byte, lang string, indent float64) {
	switch n := n.(type) {
	case *ast.Heading:
		d.addHeading(n, src, lang, indent)
	case *ast.Paragraph, *ast.TextBlock:
		d.addParagraph(n, src, lang, indent)
	case *ast.List:
		d.addList(n, src, lang, indent)
	case *markup.Callout:
		if n.Name == "card" {
			d.addCard(n, src, lang, indent)
			return
		}
		// The label says what kind of box it is, in words, as on the web.
		inner := d.nest(indent, d.Format.Body*1.2)
		defer func() { d.depth-- }()
		start := len(d.blocks)
		if start == 0 || !saidBy(d.blocks[start-1], n.Label) {
			d.add(block{tag: "P", runs: []typeset.Run{{Text: n.Label, Style: d.style(true, 1), Lang: lang}}, before: 0.8, indent: inner, keep: true}, n, lang)
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			d.addBlock(c, src, lang, inner)
		}
		d.callouts++
		for i := start; i < len(d.blocks); i++ {
			if d.blocks[i].callout == 0 { // a callout inside keeps its own rule
				d.blocks[i].callout, d.blocks[i].bar = d.callouts, indent+d.Format.Body*0.4
			}
		}
	case *ast.Blockquote:
		inner := d.nest(indent, d.Format.Body*1.2)
		defer func() { d.depth-- }()
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			d.addBlock(c, src, lang, inner)
		}
	case *east.Table:
		d.addTable(n, src, lang, indent)
	case *markup.Directive:
		d.addGenerated(n, lang, indent)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		d.addCode(n, src, lang, indent)
	case *ast.ThematicBreak:
		// A change of subject: the space before what follows says it.
	case *ast.HTMLBlock:
		// Raw HTML: the web omits it (goldmark's safe mode), so does paper.
	default:
		d.otherBlock(n, src, lang, indent)
	}
}

// add appends block b, from Markdown node n unless b names its own, with
// its language and source position.
func (d *Document) add(b block, n ast.Node, lang string) {
	b.lang = lang
	if b.node == nil {
		b.node = n
	}
	if d.doc != nil {
		b.line, b.doc = d.doc.Line(b.node), d.doc
	}
	b.file = d.file
	d.blocks = append(d.blocks, b)
}

// otherBlock prints a Markdown block of a kind addBlock does not name:
// as its text; a block with no text to print (an unknown extension's)
// stops the booklet at its line, naming its kind.
func (d *Document) otherBlock(n ast.Node, src []byte, lang string, indent float64) {
	if t := strings.TrimSpace(markup.PlainText(n, src)); t != "" {
		d.add(block{tag: "P", runs: []typeset.Run{{Text: t, Style: d.style(false, 1), Lang: lang}}, before: 0.5, indent: indent}, n, lang)
		return
	}
	if d.fatal == nil {
		line := 0
		if d.doc != nil {
			line = d.doc.Line(n)
		}
		d.fatal = &Error{File: d.file, Line: line, Kind: "block", Err: fmt.Errorf(
			"%s%s: the booklets have no print form for a Markdown block of kind %s: give print a form for it (build/print/print.go, addBlock)", d.where(block{from: d.from}), d.edition(), n.Kind())}
	}
}

// addCode prints a block of code or preformatted text line by line,
// indented, never hyphenated: a reader may type it.
func (d *Document) addCode(n ast.Node, src []byte, lang string, indent float64) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		t := strings.TrimRight(string(seg.Value(src)), "\r\n")
		if strings.TrimSpace(t) == "" {
			continue
		}
		before := 0.1
		if i == 0 {
			before = 0.5
		}
		d.add(block{tag: "P", runs: []typeset.Run{{Text: t, Style: d.style(false, 0.95), Lang: lang, NoHyphens: true}}, before: before, indent: indent + d.Format.Body*1.2}, n, lang)
	}
}

// addHeading adds a heading, bold, larger by level, never hyphenated,
// kept with what follows; its id may keep its section whole (PageBefore).
func (d *Document) addHeading(n *ast.Heading, src []byte, lang string, indent float64) {
	scale := map[int]float64{1: 2, 2: 1.45, 3: 1.2}[n.Level]
	if scale == 0 {
		scale = 1.05
	}
	runs := d.inline(n, src, lang, true, scale, nil)
	for i := range runs {
		runs[i].NoHyphens = true
	}
	id := ""
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			id = string(b)
		}
	}
	d.add(block{tag: fmt.Sprintf("H%d", n.Level), brk: n.Level == d.BreakBefore, runs: runs, before: 1.2, keep: true, indent: indent, id: id, whole: id != "" && d.PageBefore[id]}, n, lang)
}

// addParagraph adds a paragraph; one that holds only a picture is a
// figure, when the picture can be printed.
func (d *Document) addParagraph(n ast.Node, src []byte, lang string, indent float64) {
	if im, ok := n.FirstChild().(*ast.Image); ok && n.ChildCount() == 1 {
		if fig, photo := d.figure(im); fig != nil || photo != nil {
			alt := strings.TrimSpace(markup.PlainText(im, src))
			if fig != nil && d.illegible(fig, indent) {
				d.addDescribed(alt, n, lang, indent)
				return
			}
			d.add(block{tag: "Figure", figure: fig, photo: photo, alt: alt, indent: indent, before: 0.8}, n, lang)
			return
		}
	}
	var b block
	b.runs = d.inline(n, src, lang, false, 1, &b)
	b.tag, b.before, b.indent = "P", 0.5, indent
	d.add(b, n, lang)
}

// illegible reports whether a diagram's lettering, at the width it would
// print at, falls under the format's least type size: large print
// promises its readers every word at 16 pt, and a diagram drawn for a
// screen cannot grow that much on A4 (16 of its 640 pixels would need a
// page 640 pt wide).
func (d *Document) illegible(fig *svg.Drawing, indent float64) bool {
	f := d.Format
	small := fig.SmallestText()
	if f.Least == 0 || small == 0 || fig.Width <= 0 {
		return false
	}
	w, _ := d.figureSize(fig.Height/fig.Width, f.Width-f.Left-f.Right-indent, math.Inf(1))
	return small*w/fig.Width < f.Least-0.001
}

// addDescribed prints a diagram as its text alternative, introduced as
// such, in a paragraph of the body's size: what the picture says, at a
// size its reader can read.
func (d *Document) addDescribed(alt string, n ast.Node, lang string, indent float64) {
	var runs []typeset.Run
	if d.Described != "" {
		runs = append(runs, typeset.Run{Text: d.Described + " ", Style: d.style(true, 1), Lang: d.Lang})
	}
	runs = append(runs, typeset.Run{Text: alt, Style: d.style(false, 1), Lang: lang})
	d.add(block{tag: "P", runs: runs, indent: indent, before: 0.8}, n, lang)
}

// addList adds a list's items, indented one step: each item's first
// paragraph carries its marker (a bullet or a number); what follows in
// the item is added as blocks of its own.
func (d *Document) addList(n *ast.List, src []byte, lang string, indent float64) {
	inner := d.nest(indent, d.Format.Body*1.6)
	defer func() { d.depth-- }()
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
				b := block{tag: "LI", runs: d.inline(c, src, lang, false, 1, nil), marker: marker, indent: inner, before: 0.25, list: d.lists, node: c}
				if box, ok := c.FirstChild().(*east.TaskCheckBox); ok {
					// A checklist: a box to tick is the item's label.
					b.marker, b.tick, b.ticked = "", true, box.IsChecked
				}
				d.add(b, n, lang)
				first = false
				continue
			}
			d.addBlock(c, src, lang, inner)
		}
	}
}

// addTable adds a table's rows. A table wider than the page is printed
// in parts, each with the first column (what its rows are about) and as
// many others as fit, one part after the other.
func (d *Document) addTable(n *east.Table, src []byte, lang string, indent float64) {
	var rows [][][]typeset.Run
	var nodes []ast.Node
	cols := 0
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]typeset.Run
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			_, head := row.(*east.TableHeader)
			cells = append(cells, d.inline(c, src, lang, head, 0.92, nil))
		}
		rows, nodes = append(rows, cells), append(nodes, row.FirstChild())
		cols = max(cols, len(cells))
	}
	most := d.maxColumns(indent)
	parts := 1
	if cols > most {
		parts = (cols - 1 + most - 2) / (most - 1)
		d.Problems = append(d.Problems, &Error{File: d.file, Line: d.doc.Line(n), Kind: "table", Err: fmt.Errorf(
			"%s%s: a table of %d columns is wider than the page, where %d fit: the booklets print it in %d parts, each with the first column; split the table", d.where(block{from: d.from}), d.edition(), cols, most, parts)})
	}
	for part := range parts {
		d.tables++
		from, to := 1+part*(most-1), min(cols, 1+(part+1)*(most-1))
		for r, cells := range rows {
			if parts > 1 {
				cells = columnsIn(cells, from, to)
			}
			before := 0.0
			if r == 0 {
				before = 0.8
			}
			d.add(block{tag: "TR", cells: cells, table: d.tables, head: r == 0 && isHeader(n), indent: indent, before: before, node: nodes[r]}, n, lang) // the row's own line
		}
	}
}

// columnsIn keeps a row's first cell and its cells [from, to): one part
// of a table printed in parts.
func columnsIn(cells [][]typeset.Run, from, to int) [][]typeset.Run {
	var slice [][]typeset.Run
	for c := range cells {
		if c == 0 || c >= from && c < to {
			slice = append(slice, cells[c])
		}
	}
	return slice
}

// isHeader reports whether a table's first row is a header row.
func isHeader(t ast.Node) bool {
	_, ok := t.FirstChild().(*east.TableHeader)
	return ok
}

// lineEnd is what a text node's line break prints: a space, or with
// KeepLines a line end for a hard break.
func (d *Document) lineEnd(t *ast.Text) string {
	switch {
	case t.HardLineBreak() && d.KeepLines:
		return "\n"
	case t.SoftLineBreak() || t.HardLineBreak():
		return " "
	}
	return ""
}

// inline turns a block's inline content into runs: bold for strong text
// and the commitment levels, a printed line for blanks to fill. A
// signature to give by hand marks the paragraph b (when not nil) to draw
// signature boxes.
func (d *Document) inline(n ast.Node, src []byte, lang string, bold bool, scale float64, b *block) []typeset.Run {
	var runs []typeset.Run
	link := ""
	add := func(s string, b bool, l string) {
		if s == "" {
			return
		}
		st := d.style(b, scale)
		if k := len(runs); k > 0 && runs[k-1].Style == st && runs[k-1].Lang == l && runs[k-1].Link == link && !runs[k-1].NoHyphens && runs[k-1].Rule == 0 {
			runs[k-1].Text += s
			return
		}
		runs = append(runs, typeset.Run{Text: s, Style: st, Lang: l, Link: link})
	}
	var walk func(c ast.Node, b bool, l string)
	walk = func(c ast.Node, bo bool, l string) {
		for k := c.FirstChild(); k != nil; k = k.NextSibling() {
			switch k := k.(type) {
			case *ast.Text:
				add(string(k.Segment.Value(src))+d.lineEnd(k), bo, l)
			case *ast.String:
				add(string(k.Value), bo, l)
			case *ast.Emphasis:
				walk(k, bo || k.Level == 2, l)
			case *markup.Level:
				add(k.Label+" ", true, l)
			case *markup.Blank:
				switch {
				case k.Value != "":
					add(k.Value, true, l)
				case k.Name == "signature" && b != nil:
					b.sign = d.Sign // boxes under the line, not a line
				default:
					// A line to write on, drawn; screen readers hear what
					// goes there ("date, to fill in").
					width := map[string]float64{"organisation": 12, "date": 7}[k.Name]
					if width == 0 {
						width = 9
					}
					runs = append(runs, typeset.Run{Text: k.Label, Style: d.style(bo, scale), Lang: l, Rule: width * d.Format.Body * scale})
				}
			case *markup.Span:
				walk(k, bo, k.Lang)
			case *east.TaskCheckBox:
				// Drawn as the list item's label (addList).
			case *ast.AutoLink:
				runs = append(runs, d.autoLink(k, src, bo, scale, l))
			case *ast.Image:
				// The image's text alternative stands in for it on paper.
				add("["+markup.PlainText(k, src)+"]", bo, l)
			case *ast.Link:
				dest := string(k.Destination)
				if !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "https://") {
					// A link between pages leads inside the booklet, when
					// the page it names is in it (the PDF decides).
					if t, ok := d.target(dest); ok {
						link = t
					}
					walk(k, bo, l)
					link = ""
					continue
				}
				link = dest
				walk(k, bo, l)
				link = ""
				// Paper cannot click: the address follows the link text,
				// never hyphenated (a reader would type the hyphen); it
				// breaks after its slashes only.
				runs = append(runs, typeset.Run{Text: " (" + Address(dest) + ")", Style: d.style(bo, scale), Lang: l, NoHyphens: true})
			default:
				walk(k, bo, l)
			}
		}
	}
	walk(n, bold, lang)
	return runs
}

// autoLink is an address written as such, printed as paper prints
// addresses: never hyphenated, a link.
func (d *Document) autoLink(k *ast.AutoLink, src []byte, bold bool, scale float64, lang string) typeset.Run {
	dest := string(k.URL(src))
	text := Address(dest)
	if k.AutoLinkType == ast.AutoLinkEmail {
		text, dest = dest, "mailto:"+dest
	}
	return typeset.Run{Text: text, Style: d.style(bold, scale), Lang: lang, NoHyphens: true, Link: dest}
}

// figure reads the picture an image shows: an SVG diagram, drawn as
// vectors, or a JPEG, PNG or GIF. One the engine cannot read prints as
// its text alternative, with a warning.
func (d *Document) figure(im *ast.Image) (*svg.Drawing, *pdf.Image) {
	dest := string(im.Destination)
	if d.Image == nil || d.path == "" || strings.Contains(dest, ":") {
		return nil, nil
	}
	file := path.Clean(path.Join(path.Dir(d.path), dest))
	data, source := d.Image(file)
	if data == nil {
		return nil, nil
	}
	fail := func(err error) {
		d.Problems = append(d.Problems, &Error{File: source, Kind: "figure", Err: fmt.Errorf("the booklets print this image as its text alternative: %w", err)})
	}
	switch strings.ToLower(path.Ext(file)) {
	case ".svg":
		fig, err := svg.Parse(data)
		if err != nil {
			fail(err)
			return nil, nil
		}
		return fig, nil
	case ".png", ".jpg", ".jpeg", ".gif":
		photo, err := pdf.NewImage(data)
		if err != nil {
			fail(err)
			return nil, nil
		}
		return nil, photo
	}
	return nil, nil
}

// Address is a web address as paper prints it: without its scheme or a
// final slash, which nobody types.
func Address(u string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), "/")
}

// target resolves a link of the page being added, relative to its path on
// the site, to "#<path>" or "#<path>#<anchor>": a place in the booklet.
func (d *Document) target(dest string) (string, bool) {
	if d.path == "" || strings.Contains(dest, ":") {
		return "", false // mailto:, tel:, or a page whose place is unknown
	}
	file, frag, _ := strings.Cut(dest, "#")
	p := d.path
	if file != "" {
		p = path.Clean(path.Join(path.Dir(d.path), file))
	}
	if !strings.HasSuffix(p, ".html") {
		return "", false // a file to download: the web site has it
	}
	t := "#" + p
	if frag != "" {
		t += "#" + frag
	}
	return t, true
}
