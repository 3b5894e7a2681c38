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
// the contents' page numbers change, lines are not.
func (d *Document) setBlocks() ([]set, error) {
	if len(d.sets) == len(d.blocks) {
		return d.sets, nil
	}
	f := d.Format
	width := f.Width - f.Left - f.Right
	fail := func(b block, err error) error {
		if b.from != "" {
			return &Error{File: b.file, Line: b.line, Kind: "glyph", Err: fmt.Errorf("in %q: %w", b.from, err)}
		}
		return err
	}
	for i := range d.blocks {
		d.fit(i)
	}
	sets := make([]set, len(d.blocks))
	for i, b := range d.blocks {
		if b.tag == "TR" {
			if b.cols == nil {
				d.columns(i, width-b.indent)
			}
			b = d.blocks[i]
			size := f.Body * 0.92
			s := set{lh: size * f.Leading, size: size}
			most := 1
			for c, runs := range b.cells {
				room := max(b.cols[c]-2*cellPad*f.Body, f.Body)
				params := typeset.Defaults(room)
				params.Items = d.Items
				params.Ragged = true // narrow columns: even spaces matter more than an even edge
				lines, err := d.fitLines(b, setWhole, runs, params, room)
				if err != nil {
					return nil, fail(b, err)
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
			sets[i] = s
			continue
		}
		room := width - b.indent
		if b.figure != nil || b.photo != nil {
			// As wide as the text, and never taller than two thirds of a
			// page, so that a heading and a line can come with it. A
			// photo is no wider than at 96 pixels to the inch, where a
			// screen shows it: a small logo stays small.
			w := min(room, f.Body*40)
			ratio := 1.0
			if b.figure != nil {
				ratio = b.figure.Height / b.figure.Width
			} else {
				w = min(w, float64(b.photo.Width)*0.75)
				ratio = float64(b.photo.Height) / float64(b.photo.Width)
			}
			if math.IsNaN(ratio) || math.IsInf(ratio, 0) || ratio <= 0 || w <= 0 {
				ratio, w = 1, 0 // a picture of no size takes no room
			}
			h := w * ratio
			if most := (f.Height - f.Top - f.Bottom) * 2 / 3; h > most {
				w, h = w*most/h, most
			}
			sets[i] = set{extra: h, h: w}
			continue
		}
		if b.tag == "TOCI" {
			room -= 3 * f.Body // the page number's column
		}
		room = max(room, f.Body)
		params := typeset.Defaults(room)
		params.Items = d.Items
		params.Ragged = b.keep || b.cover || f.Ragged
		setLines := typeset.Set
		if f.Ragged {
			setLines = setWhole
		}
		lines, err := d.fitLines(b, setLines, b.runs, params, room)
		if err != nil {
			return nil, fail(b, err)
		}
		d.overfull(b, lines, room)
		size := f.Body
		if len(b.runs) > 0 {
			size = b.runs[0].Style.Size
		}
		sets[i] = set{lines: lines, lh: size * f.Leading, size: size}
		if b.sign != "" {
			sets[i].extra = 7 * f.Body
		}
	}
	d.sets = sets
	return sets, nil
}

// layout fills pages top to bottom with the blocks set. A heading stays
// with the first two lines of what follows; a paragraph never leaves one
// line alone at the foot of a page (orphan) or at the head of the next
// (widow); a table row stays whole, and a table that runs on to another
// page repeats its header row there.
func (d *Document) layout() ([][]placed, error) {
	f := d.Format
	width := f.Width - f.Left - f.Right
	height := f.Height - f.Top - f.Bottom
	sets, err := d.setBlocks()
	if err != nil {
		return nil, err
	}
	var pages [][]placed
	var cur []placed
	used := 0.0
	newPage := func() {
		pages = append(pages, cur)
		cur, used = nil, 0
	}
	header := map[int]int{} // table -> its header row's block
	// placeRow places lines [from, to) of row i's cells, their frame's
	// top at top, and returns the frame's height.
	placeRow := func(i int, top float64, repeat bool, from, to int) float64 {
		b, s := d.blocks[i], sets[i]
		x := f.Left + b.indent
		h := s.h
		if from > 0 || to < s.rows {
			h = float64(to-from)*s.lh + 2*cellPad*f.Body
		}
		cur = append(cur, placed{block: i, frame: true, x: x, y: f.Height - f.Top - top, h: h, repeat: repeat})
		for c, lines := range s.cells {
			for k, l := range lines {
				if k < from || k >= to {
					continue
				}
				cur = append(cur, placed{block: i, cell: c + 1, line: l, first: k == 0, last: k == len(lines)-1, repeat: repeat,
					x: x + cellPad*f.Body, y: f.Height - f.Top - top - cellPad*f.Body - float64(k-from+1)*s.lh + (s.lh-s.size)/2, size: s.size})
			}
			x += b.cols[c]
		}
		return h
	}
	// repeatHeader puts a table's header row at the head of a new page,
	// unless it would take a third of it.
	repeatHeader := func(b block) {
		if h, ok := header[b.table]; ok && !b.head && sets[h].h < height/3 {
			used = placeRow(h, 0, true, 0, sets[h].rows)
		}
	}
	for i, b := range d.blocks {
		s := sets[i]
		if b.brk && (used > 0 || len(cur) > 0) {
			newPage()
		}
		gap := b.before * f.Body
		switch {
		case b.before < 0 && used == 0:
			gap = height / 4 // the cover's title, a quarter down the page
		case used == 0:
			gap = 0
		}
		if b.tag == "TR" {
			// A row goes whole to the next page when it fits there; one
			// taller than a page starts where it is, with two lines at
			// least, and runs on.
			most := func(k int) float64 {
				if sets[k].h > height*2/3 {
					return 2*sets[k].lh + 2*cellPad*f.Body
				}
				return sets[k].h
			}
			need := most(i)
			if b.head {
				header[b.table] = i
				if i+1 < len(sets) && d.blocks[i+1].tag == "TR" {
					need += most(i + 1) // a header row never ends a page
				}
			}
			if used > 0 && used+gap+need > height {
				newPage()
				gap = 0
				repeatHeader(b)
			}
			used += gap
			// A row taller than what is left of the page runs on to the
			// next, as a paragraph does, its cells' lines side by side.
			for from := 0; from < s.rows; {
				fit := int((height - used - 2*cellPad*f.Body + 0.001) / s.lh)
				if fit < 1 && used > 0 {
					newPage()
					repeatHeader(b)
					continue
				}
				to := min(s.rows, from+max(fit, 1))
				used += placeRow(i, used, false, from, to)
				if from = to; from < s.rows {
					newPage()
					repeatHeader(b)
				}
			}
			continue
		}
		need := float64(len(s.lines)) * s.lh
		if b.keep && i+1 < len(sets) {
			next := sets[i+1]
			if next.cells != nil {
				need += d.blocks[i+1].before*f.Body + next.h
			} else if d.blocks[i+1].tag == "Figure" {
				need += d.blocks[i+1].before*f.Body + next.extra
			} else {
				need += d.blocks[i+1].before*f.Body + float64(min(2, len(next.lines)))*next.lh
			}
		}
		if used > 0 && used+gap+need+s.extra > height && (b.keep || s.extra > 0) {
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
		if b.tag == "Figure" {
			// Centred in the text's width.
			x := f.Left + b.indent + (width-b.indent-s.h)/2
			cur = append(cur, placed{block: i, frame: true, first: true, last: true, x: x, y: f.Height - f.Top - used, h: s.extra, size: s.h})
			used += s.extra
		} else if s.extra > 0 {
			cur = append(cur, placed{block: i, frame: true, x: f.Left + b.indent, y: f.Height - f.Top - used - f.Body, h: s.extra - f.Body})
			used += s.extra
		}
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages, nil
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
// each chapter starts on. Numbers take room, so pages are laid out again
// until they no longer move (twice in practice).
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
	for pass := 0; ; pass++ {
		pages, err := d.layout()
		if err != nil {
			return nil, err
		}
		if pass == 3 {
			d.pages = pages
			return pages, nil
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
			d.pages = pages
			return pages, nil
		}
	}
}
