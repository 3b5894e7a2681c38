package print

import (
	"fmt"
	"math"
	"strings"

	"sobre/build/typeset"
)

// placed is a line of a block on a page, with its baseline; or, for a
// table row or a signature, the frame to draw.
type placed struct {
	block int
	cell  int // a table cell's line: its column, from 1
	line  typeset.SetLine
	first bool // the block's first line: draws a list marker
	last  bool // the block's last line: draws a contents entry's page number
	x, y  float64
	size  float64
	// frame: a table row's cells (y is the row's top) or a paragraph's
	// signature boxes, h high.
	frame  bool
	h      float64
	repeat bool // a table's header row again, at the head of a page: an artifact
}

// cellPad is the room between a table cell's rules and its text, in body sizes.
const cellPad = 0.35

// set is a block set in lines: a paragraph's, or each cell's of a row.
type set struct {
	lines []typeset.SetLine
	cells [][]typeset.SetLine
	lh    float64
	size  float64
	h     float64 // a table row's height; a figure's width
	extra float64 // room under the text: signature boxes; a figure's height
	rows  int     // a table row's lines, in its fullest cell
}

// setBlocks sets every block's lines once: pages are filled again when
// the contents' page numbers change, lines are not; a block whose page
// references change is set again (number).
func (d *Document) setBlocks() ([]set, error) {
	if len(d.sets) == len(d.blocks) {
		return d.sets, nil
	}
	for i := range d.blocks {
		d.fit(i)
	}
	d.findRefs()
	sets := make([]set, len(d.blocks))
	for i, b := range d.blocks {
		var err error
		if sets[i], err = d.setBlock(i); err != nil {
			return nil, d.glyphError(b, err)
		}
	}
	d.sets = sets
	return sets, nil
}

// setBlock sets block i in the text's width: a table row in its columns,
// a figure to its size, text in lines.
func (d *Document) setBlock(i int) (set, error) {
	f := d.Format
	width := f.Width - f.Left - f.Right
	b := d.blocks[i]
	switch {
	case b.card != nil:
		return d.setCards(b)
	case b.tag == "TR":
		if b.cols == nil {
			d.columns(i, width-b.indent)
		}
		return d.setRow(d.blocks[i])
	case b.figure != nil || b.photo != nil:
		return d.setFigure(b, width-b.indent), nil
	default:
		return d.setText(b, width-b.indent)
	}
}

// glyphError places a typesetting error in the chapter of block b.
func (d *Document) glyphError(b block, err error) error {
	if b.from != "" {
		return &Error{File: b.file, Line: b.line, Kind: "glyph", Err: fmt.Errorf("in %q: %w", b.from, err)}
	}
	return err
}

// setRow sets each cell of a table row in its column, and makes the row
// as high as its fullest cell.
func (d *Document) setRow(b block) (set, error) {
	f := d.Format
	size := f.size(0.92)
	s := set{lh: size * f.Leading, size: size}
	most := 1
	for c, runs := range b.cells {
		room := max(b.cols[c]-2*cellPad*f.Body, f.Body)
		params := typeset.Defaults(room)
		params.Items = d.Items
		params.Ragged = true      // narrow columns: even spaces matter more than an even edge
		params.Natural = f.Ragged // large print: spaces never squeezed
		lines, err := d.fitLines(b, setWhole, runs, params, room)
		if err != nil {
			return set{}, err
		}
		d.overfull(b, lines, room)
		s.cells = append(s.cells, lines)
		most = max(most, len(lines))
	}
	if most == 1 && allEmpty(b.cells) {
		most = 2 // a row to fill by hand: room to write
	}
	s.h = float64(most)*s.lh + 2*cellPad*f.Body
	s.rows = most
	return s, nil
}

// setFigure sizes a picture: as wide as the text, and never taller than
// two thirds of a page, so that a heading and a line can come with it. A
// photo is no wider than at 96 pixels to the inch, where a screen shows
// it: a small logo stays small.
func (d *Document) setFigure(b block, room float64) set {
	var w, h float64
	if b.figure != nil {
		w, h = d.figureSize(b.figure.Height/b.figure.Width, room, math.Inf(1))
	} else {
		w, h = d.figureSize(float64(b.photo.Height)/float64(b.photo.Width), room, float64(b.photo.Width)*0.75)
	}
	if b.beside && w > 0 && h > 0 {
		// A picture beside its text, within a square of height.
		k := b.height / max(w, h)
		return set{extra: h * k, h: w * k}
	}
	if b.height > 0 && w > 0 {
		// A picture of a set height (the cover's logo), as wide as that
		// makes it, within room.
		ratio := h / w
		w = min(b.height/ratio, room)
		h = w * ratio
	}
	return set{extra: h, h: w}
}

// figureSize is the width and height a picture of the given proportions
// prints at in room, no wider than natural.
func (d *Document) figureSize(ratio, room, natural float64) (w, h float64) {
	f := d.Format
	w = min(room, f.Body*40, natural)
	if math.IsNaN(ratio) || math.IsInf(ratio, 0) || ratio <= 0 || w <= 0 {
		return 0, 0 // a picture of no size takes no room
	}
	h = w * ratio
	if most := (f.Height - f.Top - f.Bottom) * 2 / 3; h > most {
		w, h = w*most/h, most
	}
	return w, h
}

// setText sets a paragraph, heading, list item or contents entry in
// lines of room: justified, or ragged for headings, the cover and ragged
// formats.
func (d *Document) setText(b block, room float64) (set, error) {
	f := d.Format
	if b.tag == "TOCI" {
		room -= 3 * f.Body // the page number's column
	}
	room = max(room, f.Body)
	params := typeset.Defaults(room)
	params.Items = d.Items
	params.Ragged = b.keep || b.cover || f.Ragged
	params.Natural = f.Ragged
	setLines := typeset.Set
	if f.Ragged {
		setLines = setWhole
	}
	lines, err := d.fitLines(b, setLines, b.runs, params, room)
	if err != nil {
		return set{}, err
	}
	d.overfull(b, lines, room)
	size := f.Body
	if len(b.runs) > 0 {
		size = b.runs[0].Style.Size
	}
	s := set{lines: lines, lh: size * f.Leading, size: size}
	if b.sign != "" {
		s.extra = 7 * f.Body
	}
	if b.qr != nil {
		s.extra = f.Body + qrSide(b.qr) + 2*qrQuiet*qrModule(b.qr)
	}
	return s, nil
}

// layout fills pages top to bottom with the blocks set, breaking them as
// TeX and Typst do: a chain of headings stays with the first lines of
// what follows (two, or all of a paragraph too short to split); a
// paragraph, list item or row never leaves a single line alone at the
// foot of a page (orphan) or at the head of the next (widow), nor ends a
// page on an inserted hyphen when a line less keeps those rules; a
// figure that does not fit floats to the head of the next page while the
// text after it fills this one; a table row stays whole, and a table
// that runs on to another page repeats its header row there; a section
// marked whole (the charter's engagement and signatures) moves to a new
// page only when what is left of this one cannot hold it.
func (d *Document) layout() ([][]placed, error) {
	sets, err := d.setBlocks()
	if err != nil {
		return nil, err
	}
	f := d.Format
	pg := &pager{d: d, f: f, sets: sets, width: f.Width - f.Left - f.Right, height: f.Height - f.Top - f.Bottom, header: map[int]int{}}
	for i, b := range d.blocks {
		// A new chapter: figures still floating get a page before it.
		for b.brk && (pg.used > 0 || len(pg.cur) > 0) {
			pg.newPage()
		}
		if b.indent < pg.side {
			pg.used = max(pg.used, pg.clear) // under the picture beside the text
		}
		gap := b.before * f.Body
		switch {
		case b.before < 0:
			// The cover's title, a quarter down the page, under the
			// logo when there is one.
			gap = max(pg.height/4-pg.used, f.Body)
		case pg.used == 0:
			gap = 0
		}
		if b.tag == "TR" {
			pg.row(i, gap)
		} else {
			pg.block(i, gap)
		}
	}
	for len(pg.floats) > 0 {
		pg.newPage()
	}
	if len(pg.cur) > 0 {
		pg.pages = append(pg.pages, pg.cur)
	}
	return pg.pages, nil
}

// pager is layout's state as it fills pages: the pages done, the one
// being filled and how much of its height is used, and the figures
// floating to the next page.
type pager struct {
	d             *Document
	f             Format
	sets          []set
	width, height float64 // of the text area
	pages         [][]placed
	cur           []placed
	used          float64
	header        map[int]int // table -> its header row's block
	floats        []int       // figures waiting for the next page, in order
	// clear is where the picture beside the text ends, side the indent
	// of the text beside it: a block less indented starts under it.
	clear, side float64
}

// newPage ends the page and starts the next with the figures that
// floated to it, as many as fit.
func (pg *pager) newPage() {
	pg.pages = append(pg.pages, pg.cur)
	pg.cur, pg.used, pg.clear, pg.side = nil, 0, 0, 0
	waiting := pg.floats
	pg.floats = nil
	for k, i := range waiting {
		gap := 0.0
		if pg.used > 0 {
			gap = pg.d.blocks[i].before * pg.f.Body
		}
		if pg.used > 0 && pg.used+gap+pg.sets[i].extra > pg.height {
			pg.floats = waiting[k:]
			return
		}
		pg.used += gap
		pg.figure(i)
	}
}

// gapAfterBreak is the space before block i where it starts: none at the
// head of a page, its own under a figure that floated there.
func (pg *pager) gapAfterBreak(i int) float64 {
	if pg.used == 0 {
		return 0
	}
	return pg.d.blocks[i].before * pg.f.Body
}

// placeRow places lines [from, to) of row i's cells, their frame's top
// at top, and returns the frame's height.
func (pg *pager) placeRow(i int, top float64, repeat bool, from, to int) float64 {
	f := pg.f
	b, s := pg.d.blocks[i], pg.sets[i]
	x := f.Left + b.indent
	h := s.h
	if from > 0 || to < s.rows {
		h = float64(to-from)*s.lh + 2*cellPad*f.Body
	}
	pg.cur = append(pg.cur, placed{block: i, frame: true, x: x, y: f.Height - f.Top - top, h: h, repeat: repeat})
	for c, lines := range s.cells {
		for k, l := range lines {
			if k < from || k >= to {
				continue
			}
			pg.cur = append(pg.cur, placed{block: i, cell: c + 1, line: l, first: k == 0, last: k == len(lines)-1, repeat: repeat,
				x: x + cellPad*f.Body, y: f.Height - f.Top - top - cellPad*f.Body - float64(k-from+1)*s.lh + (s.lh-s.size)/2, size: s.size})
		}
		x += b.cols[c]
	}
	return h
}

// repeatHeader puts a table's header row at the head of a new page,
// unless it would take a third of it.
func (pg *pager) repeatHeader(b block) {
	if h, ok := pg.header[b.table]; ok && !b.head && pg.sets[h].h < pg.height/3 {
		pg.used += pg.placeRow(h, pg.used, true, 0, pg.sets[h].rows)
	}
}

// rowNeed is the room row k must find on a page: all of it, or two of
// its lines when it is taller than two thirds of a page and runs on.
func (pg *pager) rowNeed(k int) float64 {
	if s := pg.sets[k]; s.h > pg.height*2/3 {
		return 2*s.lh + 2*cellPad*pg.f.Body
	}
	return pg.sets[k].h
}

// row places table row i. A row goes whole to the next page when it fits
// there; one taller than a page starts where it is, with two lines at
// least, and runs on, its cells' lines side by side.
func (pg *pager) row(i int, gap float64) {
	b, s := pg.d.blocks[i], pg.sets[i]
	if b.card != nil {
		pg.cardRow(i, gap)
		return
	}
	if b.head {
		pg.header[b.table] = i
	}
	if pg.used > 0 && pg.used+gap+pg.need(i) > pg.height {
		pg.newPage()
		gap = pg.gapAfterBreak(i)
		pg.repeatHeader(b)
	}
	pg.used += gap
	for from := 0; from < s.rows; {
		fit := int((pg.height - pg.used - 2*cellPad*pg.f.Body + 0.001) / s.lh)
		if fit < 1 && pg.used > 0 {
			pg.newPage()
			pg.repeatHeader(b)
			continue
		}
		to := min(s.rows, from+max(fit, 1))
		if s.rows-to == 1 && to-from > 2 {
			to-- // a widow: take a second line along
		}
		pg.used += pg.placeRow(i, pg.used, false, from, to)
		if from = to; from < s.rows {
			pg.newPage()
			pg.repeatHeader(b)
		}
	}
}

// need is the room block i must find on the page to start there: a
// paragraph's first lines up to where it can first be split (firstSplit);
// a figure, a row, signature boxes whole; for a heading, itself
// and what the block after it needs, so that a chain of headings goes
// with the start of its text.
func (pg *pager) need(i int) float64 {
	b, s := pg.d.blocks[i], pg.sets[i]
	next := func() float64 {
		if i+1 >= len(pg.sets) || pg.d.blocks[i+1].brk {
			return 0
		}
		return pg.d.blocks[i+1].before*pg.f.Body + pg.need(i+1)
	}
	switch {
	case b.tag == "TR":
		if b.head && i+1 < len(pg.sets) && pg.d.blocks[i+1].tag == "TR" && pg.d.blocks[i+1].table == b.table {
			return pg.rowNeed(i) + pg.rowNeed(i+1) // a header row never ends a page
		}
		return pg.rowNeed(i)
	case b.tag == "Figure" && len(pg.floats) > 0:
		return next() // it floats behind the others: what follows comes first
	case b.tag == "Figure":
		return s.extra
	}
	n := len(s.lines)
	if s.extra == 0 {
		n = firstSplit(s.lines)
	}
	need := float64(n)*s.lh + s.extra
	if b.keep {
		need += next()
	}
	return need
}

// section is the height of block i's section, from its heading to the
// next heading of its level or higher, or the chapter's end.
func (pg *pager) section(i int) float64 {
	level := pg.d.blocks[i].tag
	h := 0.0
	for j := i; j < len(pg.sets); j++ {
		b, s := pg.d.blocks[j], pg.sets[j]
		if j > i && (b.brk || strings.HasPrefix(b.tag, "H") && b.tag <= level) {
			break
		}
		if j > i {
			h += b.before * pg.f.Body
		}
		h += float64(len(s.lines))*s.lh + s.extra
		if b.tag == "TR" {
			h += s.h
		}
	}
	return h
}

// block places a block of lines and what it draws under them (a
// figure, signature boxes). A figure too tall for what is left of the
// page, or behind one that is, floats to the next page.
func (pg *pager) block(i int, gap float64) {
	b, s := pg.d.blocks[i], pg.sets[i]
	if b.beside {
		pg.besideFigure(i, gap)
		return
	}
	if b.tag == "Figure" && pg.used > 0 && (len(pg.floats) > 0 || pg.used+gap+s.extra > pg.height) {
		pg.floats = append(pg.floats, i)
		return
	}
	need := pg.need(i)
	if b.whole {
		if sec := pg.section(i); sec <= pg.height {
			need = sec
		}
	}
	if pg.used > 0 && pg.used+gap+need > pg.height && (b.keep || s.extra > 0) {
		pg.newPage()
		gap = pg.gapAfterBreak(i)
	}
	pg.used += gap
	pg.lines(i)
	if b.tag == "Figure" {
		pg.figure(i)
	} else if s.extra > 0 {
		f := pg.f
		pg.cur = append(pg.cur, placed{block: i, frame: true, x: f.Left + b.indent, y: f.Height - f.Top - pg.used - f.Body, h: s.extra - f.Body})
		pg.used += s.extra
	}
}

// besideFigure places figure i at the left of the text that follows,
// which starts at its top: both go to the next page unless the picture
// and the text's first lines fit on this one.
func (pg *pager) besideFigure(i int, gap float64) {
	s := pg.sets[i]
	need := s.extra
	if i+1 < len(pg.sets) {
		need = max(need, pg.need(i+1))
	}
	if pg.used > 0 && pg.used+gap+need > pg.height {
		pg.newPage()
		gap = 0
	}
	pg.used += gap
	pg.figure(i)
	pg.used -= s.extra
	pg.clear, pg.side = pg.used+s.extra, pg.d.blocks[i].indent+s.h
}

// figure places figure i where the page is filled to, centred in the
// text's width.
func (pg *pager) figure(i int) {
	f := pg.f
	b, s := pg.d.blocks[i], pg.sets[i]
	x := f.Left + b.indent + (pg.width-b.indent-s.h)/2
	if b.height > 0 {
		x = f.Left // the logo, over the title, on its left as it is
	}
	pg.cur = append(pg.cur, placed{block: i, frame: true, first: true, last: true, x: x, y: f.Height - f.Top - pg.used, h: s.extra, size: s.h})
	pg.used += s.extra
}

// lines places block i's lines, running on to new pages, with neither
// an orphan nor a widow.
func (pg *pager) lines(i int) {
	f := pg.f
	b, s := pg.d.blocks[i], pg.sets[i]
	rest := s.lines
	first := true
	for len(rest) > 0 {
		room := int((pg.height - pg.used + 0.001) / s.lh)
		fit := split(rest, room, first && pg.movable())
		if fit == 0 {
			if pg.used != 0 {
				pg.newPage()
				continue
			}
			fit = max(min(room, len(rest)), 1) // a page too short for the rules, or a line taller than a page
		}
		for k, l := range rest[:fit] {
			pg.used += s.lh
			pg.cur = append(pg.cur, placed{block: i, line: l, first: first, last: k == len(rest)-1, x: f.Left + b.indent, y: f.Height - f.Top - pg.used + (s.lh-s.size)/2, size: s.size})
			first = false
		}
		rest = rest[fit:]
		if len(rest) > 0 {
			pg.newPage()
		}
	}
}

// movable reports whether a block starting on the page may move to the
// next one: it does not follow a heading kept with it.
func (pg *pager) movable() bool {
	return len(pg.cur) > 0 && !pg.d.blocks[pg.cur[len(pg.cur)-1].block].keep
}

// split is how many of a paragraph's lines go on the page when room of
// them fit: all, or at least two and leaving at least two (no orphan, no
// widow); never ending the page on an inserted hyphen when a line less
// keeps those rules, or when the paragraph may move to the next page
// (movable); 0 when it must start there.
func split(lines []typeset.SetLine, room int, movable bool) int {
	if room >= len(lines) {
		return len(lines)
	}
	fit := min(room, len(lines)-2)
	if fit < 2 {
		return 0
	}
	for fit > 2 && lines[fit-1].Hyphen {
		fit--
	}
	if lines[fit-1].Hyphen && movable {
		return 0
	}
	return fit
}

// firstSplit is how many lines of a paragraph must start a page together:
// the fewest that leave no orphan, no widow and no hyphen at the page's
// foot; all of them when it cannot be split so.
func firstSplit(lines []typeset.SetLine) int {
	for fit := 2; fit <= len(lines)-2; fit++ {
		if !lines[fit-1].Hyphen {
			return fit
		}
	}
	return len(lines)
}

// overfull reports lines wider than room, as TeX reports overfull boxes:
// a word too long for its column, which runs into the margin. A block
// gets one message, with its widest line.
func (d *Document) overfull(b block, lines []typeset.SetLine, room float64) {
	n, worst, text := 0, 0.0, ""
	for _, l := range lines {
		if !l.Overfull {
			continue
		}
		n++
		if over := l.Width - room; over > worst {
			var words []string
			for _, pc := range l.Pieces {
				if pc.Run >= 0 {
					words = append(words, pc.Text)
				}
			}
			worst, text = over, strings.Join(words, " ")
		}
	}
	if n == 0 {
		return
	}
	where := ""
	if b.from != "" {
		where = fmt.Sprintf("in %q, ", b.from)
	}
	d.Problems = append(d.Problems, &Error{File: b.file, Line: b.line, Kind: "overfull", Err: fmt.Errorf(
		"%s%s: %d line(s) wider than their %.0f pt, by up to %.1f pt (%q): shorten the word, or allow a break in it",
		where, d.edition(), n, room, worst, text)})
}

// fitLines sets runs in room with set; when a word is wider than room,
// it sets them again breaking words anywhere, as a last resort that
// keeps the text on the page, and says so.
func (d *Document) fitLines(b block, set func([]typeset.Run, typeset.Params) ([]typeset.SetLine, error), runs []typeset.Run, params typeset.Params, room float64) ([]typeset.SetLine, error) {
	lines, err := set(runs, params)
	if err != nil || !overfull(lines) {
		return lines, err
	}
	var widest typeset.Piece
	for _, l := range lines {
		for _, pc := range l.Pieces {
			if l.Overfull && pc.Run >= 0 && pc.Width > widest.Width {
				widest = pc
			}
		}
	}
	params.Anywhere = true
	again, err := set(runs, params)
	if err != nil {
		return lines, nil
	}
	word := []rune(widest.Text)
	quoted := string(word)
	if len(word) > 24 {
		quoted = string(word[:24]) + "…"
	}
	d.Problems = append(d.Problems, &Error{File: b.file, Line: b.line, Kind: "overfull", Err: fmt.Errorf(
		"%s%s: a word of %d characters (%q) is %.0f pt wide, more than the %.0f pt of its line: the booklets break it where it fits; shorten it, or add spaces or soft hyphens",
		d.where(b), d.edition(), len(word), quoted, widest.Width, room)})
	return again, nil
}

// where names the chapter a block is in, for messages ("" outside one).
func (d *Document) where(b block) string {
	if b.from == "" {
		return ""
	}
	return fmt.Sprintf("in %q, ", b.from)
}

// setWhole sets ragged lines with whole words, unless one is wider than
// the line: hyphens help justified lines, ragged ones need them less.
func setWhole(runs []typeset.Run, params typeset.Params) ([]typeset.SetLine, error) {
	if params.Anywhere {
		return typeset.Set(runs, params) // hyphens before breaks anywhere
	}
	whole := make([]typeset.Run, len(runs))
	for k, r := range runs {
		r.NoHyphens = true
		whole[k] = r
	}
	lines, err := typeset.Set(whole, params)
	if err == nil && overfull(lines) {
		return typeset.Set(runs, params)
	}
	return lines, err
}

func overfull(lines []typeset.SetLine) bool {
	for _, l := range lines {
		if l.Overfull {
			return true
		}
	}
	return false
}

func allEmpty(cells [][]typeset.Run) bool {
	for _, c := range cells {
		for _, r := range c {
			if strings.TrimSpace(r.Text) != "" {
				return false
			}
		}
	}
	return true
}

// columns shares width among the columns of the table whose first row is
// block at, much as browsers do: short columns get all they need; the
// others get at least their longest word, and what is left in proportion
// to how much more their text would take on one line.
func (d *Document) columns(at int, width float64) {
	table := d.blocks[at].table
	var least, most []float64
	for i := at; i < len(d.blocks) && d.blocks[i].tag == "TR" && d.blocks[i].table == table; i++ {
		for c, runs := range d.blocks[i].cells {
			if c >= len(least) {
				least, most = append(least, 0), append(most, 0)
			}
			line, word := 0.0, 0.0
			for _, r := range runs {
				for _, w := range strings.Fields(r.Text) {
					word = max(word, runWidth(r, w))
				}
				line += runWidth(r, r.Text)
			}
			pad := 2 * cellPad * d.Format.Body
			// Short words stay whole; a long one may be hyphenated, and
			// needs no more than seven ems.
			least[c] = max(least[c], min(word, 7*d.Format.Body)+pad, 2.5*d.Format.Body)
			most[c] = max(most[c], line+pad)
		}
	}
	d.formColumns(at, width, least, most)
	cols := make([]float64, len(least))
	// A column whose every cell fits on one line in its fair share of
	// the width gets what it needs ("9:00", "15 min"): shorter columns
	// first, each time sharing what is left among the columns left.
	open := make([]bool, len(least))
	for c := range open {
		open[c] = true
	}
	left, n := width, len(least)
	for settled := true; settled && n > 0; {
		settled = false
		for c := range least {
			if open[c] && most[c] <= left/float64(n) {
				cols[c], open[c] = most[c], false
				left -= most[c]
				n--
				settled = true
			}
		}
	}
	sumLeast, sumMost := 0.0, 0.0
	for c := range least {
		if open[c] {
			sumLeast += least[c]
			sumMost += most[c]
		}
	}
	for c := range cols {
		if !open[c] {
			continue
		}
		switch {
		case sumMost <= left:
			cols[c] = most[c] * left / sumMost
		case sumLeast >= left:
			cols[c] = least[c] * left / sumLeast
		default:
			cols[c] = least[c] + (left-sumLeast)*(most[c]-least[c])/(sumMost-sumLeast)
		}
	}
	if n == 0 && left > 0 {
		// Every column fits: the rest of the width goes to each in
		// proportion, as a table is as wide as the text.
		for c := range cols {
			cols[c] += left * cols[c] / (width - left)
		}
	}
	for i := at; i < len(d.blocks) && d.blocks[i].tag == "TR" && d.blocks[i].table == table; i++ {
		d.blocks[i].cols = cols
	}
}

// runWidth is the width of s set in r's style, without kerning.
func runWidth(r typeset.Run, s string) float64 {
	w := 0.0
	for _, c := range s {
		w += r.Style.Font.Advance(c)
	}
	return w * r.Style.Size / 1000
}

// contents puts the table of contents' entries in place, with the page
// each chapter starts on, and numbers the page references (xref.go).
// Numbers take room, so pages are laid out again until they no longer
// move (twice in practice), maxLayouts times at most.
func (d *Document) contents() ([][]placed, error) {
	if d.pages != nil {
		return d.pages, nil
	}
	if d.contentsAt > 0 && d.chapters > 0 {
		var entries []block
		for _, b := range d.blocks {
			if b.chap > 0 && b.tag == "H1" {
				runs := append([]typeset.Run(nil), b.runs...)
				for i := range runs {
					runs[i].Style = d.style(false, 1)
					if b.path != "" {
						runs[i].Link = "#" + b.path // a click leads to the chapter
					}
				}
				entries = append(entries, block{tag: "TOCI", chap: b.chap, runs: runs, num: "0", before: 0.35, lang: b.lang, file: b.file, line: b.line})
			}
		}
		d.blocks = append(d.blocks[:d.contentsAt], append(entries, d.blocks[d.contentsAt:]...)...)
		d.contentsAt = 0 // entries are in: a second call lays out only
	}
	for pass := 1; ; pass++ {
		pages, err := d.layout()
		if err != nil {
			return nil, err
		}
		moved := d.numberContents(pages)
		changed, err := d.number(pages, pass == maxLayouts)
		if err != nil {
			return nil, err
		}
		if !moved && !changed || pass == maxLayouts {
			if changed {
				d.unsettled()
			}
			d.pages = pages
			return pages, nil
		}
	}
}

// numberContents gives each contents entry the page its chapter starts
// on, as laid out in pages, and reports whether any moved.
func (d *Document) numberContents(pages [][]placed) bool {
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
	return moved
}
