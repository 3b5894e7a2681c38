package typeset

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	gotext "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/segmenter"

	"sobre/build/font"
	"sobre/build/typeset/hyph"
)

// Metrics are what the typesetter needs of a font: build/font's Font
// provides them. Widths are in thousandths of the font size.
type Metrics interface {
	Advance(r rune) float64
	// Face is the font parsed for the shaper; words are shaped with it.
	Face() *gotext.Face
}

// Style is how a run of text is set.
type Style struct {
	Font Metrics
	Size float64 // points
	Bold bool    // for the caller: which font Font is
}

// Run is text in one style and language.
type Run struct {
	Text  string
	Style Style
	Lang  string // BCP 47; decides hyphenation
	Link  string // a link's destination, kept with its pieces
	// NoHyphens keeps words whole (headings).
	NoHyphens bool
	// Rule makes the run a blank to fill in by hand: a box this many
	// points wide, that never breaks, drawn by the caller; Text says
	// what goes there, for screen readers.
	Rule float64
}

// Piece is a box of a paragraph as the PDF writer draws it: text in a
// style, at an x offset from the line's start once set, and the glyphs
// the shaper set it with.
type Piece struct {
	Text   string
	Run    int // index of the run it comes from
	X      float64
	Width  float64 // points, as shaped (kerning included)
	Glyphs []Glyph
	// Missing: a character no font has (Text), set as a placeholder box
	// Placeholder ems wide, for the caller to draw; never joined to the
	// syllables around it.
	Missing bool
}

// Placeholder is the width of a missing character's box, in ems.
const Placeholder = 0.62

// SetLine is a line of a set paragraph.
type SetLine struct {
	Pieces []Piece
	Hyphen bool // print a hyphen at the end (a word broken here)
	// InWord: the line ends inside a word, where the text allows it
	// (after "porte-", after a slash): no space follows, no hyphen added.
	InWord bool
	// Ragged: the line keeps its natural spacing short of the measure,
	// as asked, or because justifying its paragraph would stretch its
	// spaces past the tolerance.
	Ragged bool
	// Expand is how much wider (or, below 0, narrower) than drawn the
	// line's glyphs are set: 0.013 is 1.3 % wider. Piece widths and
	// places include it; glyph advances do not, for the painter to
	// scale them as it draws.
	Expand float64
	Width  float64
	Line
}

// Ignorable reports whether r is drawn as nothing when a font lacks it:
// format characters (joiners, marks of direction), variation selectors.
func Ignorable(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)
}

// joins reports whether r belongs with the character before it when
// neither has a glyph: a mark, a variation selector, a joiner and what
// follows it, an emoji modifier or tag. An emoji sequence ("👩‍💻",
// "👍🏽") is one placeholder.
func joins(r rune) bool {
	return Ignorable(r) || unicode.In(r, unicode.Mn, unicode.Me) || (r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F)
}

// breaks cuts a word (no spaces) where UAX #14 allows a line break inside
// it. Words of letters, digits and apostrophes, most of them, have none:
// they skip the segmenter.
func breaks(seg *segmenter.Segmenter, w string) []string {
	plain := true
	for _, r := range w {
		// Chinese and Japanese break between their characters, and go
		// through the segmenter too.
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && !unicode.Is(unicode.Mn, r) || r >= 0x2E80 && unicode.IsLetter(r) {
			plain = false
			break
		}
	}
	if plain {
		return []string{w}
	}
	seg.Init([]rune(w))
	var parts []string
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		parts = append(parts, w[l.OffsetInBytes:l.OffsetInBytes+l.LengthInBytes])
	}
	if len(parts) == 0 {
		return []string{w}
	}
	return parts
}

// Build turns runs into Knuth–Plass items and the pieces its boxes draw.
// Spaces become glue a third of an em wide (stretch half of that, shrink a
// third), French spaces before « ; : ! ? » and inside « » do not break,
// words get hyphenation points of their language. A character the run's
// font lacks is a placeholder piece (Missing), drawn by the caller as a
// box: text is never dropped, nor a build failed, for a character.
func Build(runs []Run) ([]Item, []Piece, error) { return build(runs, false) }

// build is Build; with anywhere, a word may also break between any two
// of its characters (no hyphen added), at a cost that makes it a last
// resort: a word wider than the line, a string with no space.
func build(runs []Run, anywhere bool) ([]Item, []Piece, error) {
	// Up to about one item per two bytes of text (syllables of three
	// letters or so, their hyphenation points, spaces): sized once, the
	// slices are seldom copied as they grow.
	n := 8
	for _, r := range runs {
		n += len(r.Text) / 2
	}
	b := &builder{runs: runs, anywhere: anywhere, items: make([]Item, 0, n), pieces: make([]Piece, 0, n), sentence: true}
	for ri := range runs {
		b.run(ri)
	}
	// A paragraph ends with fill and a forced break.
	b.mark(Item{Kind: Glue, Stretch: 1e6})
	b.mark(Item{Kind: Penalty, Penalty: -Infinity})
	return b.items, b.pieces, nil
}

// builder gathers a paragraph's items and the pieces its boxes draw:
// pieces[i] goes with items[i], Run -1 for what draws nothing.
type builder struct {
	runs     []Run
	anywhere bool
	items    []Item
	pieces   []Piece
	seg      segmenter.Segmenter
	// sentence: the next word starts a sentence, and its capital says
	// nothing of a name.
	sentence bool
	// dashes counts a paragraph's spaced dashes; bindNext keeps the
	// space after an opening dash from breaking.
	dashes   int
	bindNext bool
}

// runSetting is what every word of one run is set with.
type runSetting struct {
	ri     int                  // the run's index
	h      *[2]*hyph.Hyphenator // inside a sentence, at its start (nil: no hyphens)
	cache  *wordCache
	hyphen float64 // the hyphen's advance, thousandths of the size
}

// mark adds an item that draws nothing: glue or a penalty.
func (b *builder) mark(it Item) {
	b.items = append(b.items, it)
	b.pieces = append(b.pieces, Piece{Run: -1})
}

// box adds a syllable of run as a box.
func (b *builder) box(p syllable, run int) {
	w := p.width * b.runs[run].Style.Size / 1000
	b.items = append(b.items, Item{Kind: Box, Width: w})
	b.pieces = append(b.pieces, Piece{Text: p.text, Run: run, Width: w, Glyphs: p.glyphs})
}

// placeholder sets a character no font has as a box.
func (b *builder) placeholder(text string, run int) {
	w := Placeholder * b.runs[run].Style.Size
	b.items = append(b.items, Item{Kind: Box, Width: w})
	b.pieces = append(b.pieces, Piece{Text: text, Run: run, Width: w, Missing: true})
}

func (b *builder) noBreak() { b.mark(Item{Kind: Penalty, Penalty: Infinity}) }

func (b *builder) setWord(rs runSetting, text string, h *hyph.Hyphenator) *word {
	return rs.cache.word(b.runs[rs.ri].Style.Font.Face(), b.runs[rs.ri].Lang, text, h)
}

// run adds one run: a rule's blank, or its words and the spaces between
// them.
func (b *builder) run(ri int) {
	run := b.runs[ri]
	st := run.Style
	if run.Rule > 0 {
		b.items = append(b.items, Item{Kind: Box, Width: run.Rule})
		b.pieces = append(b.pieces, Piece{Text: run.Text, Run: ri, Width: run.Rule})
		return
	}
	rs := runSetting{ri: ri, cache: cacheFor(st.Font.Face()), hyphen: st.Font.Advance('-')}
	if h, err := hyph.For(run.Lang); err == nil && !run.NoHyphens {
		rs.h = strict(h)
	}
	space := st.Font.Advance(' ') * st.Size / 1000
	var buf strings.Builder
	flush := func() {
		if buf.Len() > 0 {
			b.word(rs, buf.String())
			buf.Reset()
		}
	}
	for _, r := range run.Text {
		// Characters the print font lacks are set as their stand-ins;
		// a narrow no-break space stays a space that never breaks.
		if s, ok := font.StandIn(r); ok {
			if r == '\u202f' {
				flush()
				b.noBreak()
				b.box(b.setWord(rs, string(s), nil).parts[0], ri)
				b.noBreak()
				continue
			}
			r = s
		}
		switch {
		case r == '\u00a0':
			flush()
			b.noBreak()
			b.mark(Item{Kind: Glue, Width: space, Stretch: space / 2, Shrink: space / 3})
		case unicode.IsSpace(r):
			flush()
			if n := len(b.items); n > 0 && b.items[n-1].Kind == Glue {
				continue // one space between words, whatever the source
			}
			if b.bindNext {
				b.noBreak()
				b.bindNext = false
			}
			b.mark(Item{Kind: Glue, Width: space, Stretch: space / 2, Shrink: space / 3})
		default:
			buf.WriteRune(r) // shaping tells which characters the font lacks
		}
	}
	flush()
}

// word adds a word (no spaces), cut where UAX #14 allows a break inside
// it, each part shaped and hyphenated.
// An address is cut at its own places and never hyphenated; a compound
// with a short part stays whole (words.go).
func (b *builder) word(rs runSetting, w string) {
	w = b.dash(w)
	var h *hyph.Hyphenator
	if rs.h != nil {
		h = rs.h[0]
		if b.sentence {
			h = rs.h[1]
		}
	}
	b.sentence = endsSentence(w)
	var parts []string
	if address(w) {
		parts, h = addressParts(w), nil
	} else {
		parts = compounds(breaks(&b.seg, w))
	}
	for i, part := range parts {
		if i > 0 {
			// A break the text allows (UAX #14): after the hyphen of
			// "porte-parole", the slash of an address. No hyphen is
			// added; the penalty is TeX's for explicit hyphens.
			b.mark(Item{Kind: Penalty, Penalty: 50})
		}
		if i > 0 && rs.h != nil && h != nil {
			h = rs.h[0] // only a word's first part starts a sentence
		}
		wd := b.setWord(rs, part, h)
		if len(wd.missing) == 0 {
			b.syllables(rs, wd)
			continue
		}
		b.missing(rs, part, wd.missing, h)
	}
}

// missing sets a part of a word with characters the font lacks: what
// the font has is set as words; each character it lacks, with the marks
// and joiners that go with it, is a placeholder; invisible ones alone
// are nothing.
func (b *builder) missing(rs runSetting, part string, missing []rune, h *hyph.Hyphenator) {
	for len(part) > 0 {
		n := 0
		for _, r := range part {
			if slices.Contains(missing, r) {
				break
			}
			n += utf8.RuneLen(r)
		}
		if n > 0 {
			b.syllables(rs, b.setWord(rs, part[:n], h))
			part = part[n:]
			continue
		}
		r, n := utf8.DecodeRuneInString(part)
		for n < len(part) {
			next, k := utf8.DecodeRuneInString(part[n:])
			if !joins(next) && (r != '\u200d' || !slices.Contains(missing, next)) {
				break
			}
			r = next
			n += k
		}
		if cluster := part[:n]; strings.IndexFunc(cluster, func(r rune) bool { return !Ignorable(r) }) >= 0 {
			b.placeholder(cluster, rs.ri)
		}
		part = part[n:]
	}
}

// syllables adds a set word's boxes and its hyphenation points; with
// anywhere, a syllable is also cut between its clusters.
func (b *builder) syllables(rs runSetting, wd *word) {
	size := b.runs[rs.ri].Style.Size
	for _, p := range wd.parts {
		if b.anywhere && p.text != "" {
			p = emergency(p, func(q syllable) {
				b.box(q, rs.ri)
				b.mark(Item{Kind: Penalty, Penalty: anywherePenalty})
			})
		}
		if p.text != "" {
			b.box(p, rs.ri)
		}
		if p.point {
			b.mark(Item{Kind: Penalty, Width: (rs.hyphen + p.unkern) * size / 1000, Penalty: hyphenPenalty, Flagged: true})
		}
	}
}

// anywherePenalty is the cost of breaking a word where no rule allows:
// worse than any hyphen, still a break.
const anywherePenalty = 5000

// emergency cuts a syllable between its clusters: emit gets every cluster
// but the last, which it returns.
func emergency(p syllable, emit func(syllable)) syllable {
	start, at := 0, 0 // glyph and byte where the current cluster starts
	for i := 1; i < len(p.glyphs); i++ {
		if p.glyphs[i].Text == "" {
			continue // inside a cluster: a letter and its mark
		}
		end := at
		for _, g := range p.glyphs[start:i] {
			end += len(g.Text)
		}
		if end > len(p.text) {
			return p // the glyphs do not spell the text (right to left): whole
		}
		gs := p.glyphs[start:i]
		emit(syllable{text: p.text[at:end], glyphs: gs, width: advance(gs)})
		start, at = i, end
	}
	gs := p.glyphs[start:]
	return syllable{text: p.text[at:], glyphs: gs, width: advance(gs), point: p.point, unkern: p.unkern}
}

// Set breaks runs into lines of the given width and places each piece.
// A line's glue is set at the line's ratio; the last line keeps its
// natural spacing (ragged, as a paragraph's end is).
func Set(runs []Run, p Params) ([]SetLine, error) {
	items, pieces, err := p.Items.build(runs, p.Anywhere)
	if err != nil {
		return nil, err
	}
	lines, p, err := breakSet(items, runs, p)
	if err != nil {
		return nil, err
	}
	out := make([]SetLine, 0, len(lines))
	for li, l := range lines {
		sl := SetLine{Line: l, Hyphen: l.Hyphen, Ragged: p.Ragged, Pieces: make([]Piece, 0, (l.End-l.Start+1)/2)}
		if br := items[l.End-1]; li < len(lines)-1 && br.Kind == Penalty && !br.Flagged {
			sl.InWord = true
		}
		x := 0.0
		ratio := l.Ratio
		if ((li == len(lines)-1 || p.Ragged) && ratio > 0) || (p.Ragged && p.Natural) {
			ratio = 0
		}
		if !p.Ragged {
			sl.Expand, ratio = expansion(items[l.Start:l.End], ratio, p.Expand)
		}
		scale := 1 + sl.Expand
		for i := l.Start; i < l.End; i++ {
			it := items[i]
			switch it.Kind {
			case Box:
				pc := pieces[i]
				pc.X = x
				pc.Width *= scale
				// Syllables of one word, split at unused points, join again.
				if n := len(sl.Pieces); n > 0 && i > 0 && items[i-1].Kind == Penalty && items[i-1].Penalty < Infinity && sl.Pieces[n-1].Run == pc.Run && !pc.Missing && !sl.Pieces[n-1].Missing {
					last := &sl.Pieces[n-1]
					last.Text += pc.Text
					last.Width += pc.Width
					if n, m := len(last.Glyphs), len(pc.Glyphs); m > 0 && n > 0 && cap(last.Glyphs) >= n+m && &last.Glyphs[:n+1][n] == &pc.Glyphs[0] {
						last.Glyphs = last.Glyphs[:n+m] // the next glyphs of the same shaped word
					} else {
						last.Glyphs = append(last.Glyphs[:n:n], pc.Glyphs...) // a copy, never a write into the cache
					}
				} else {
					sl.Pieces = append(sl.Pieces, pc)
				}
				x += it.Width * scale
			case Glue:
				if i == l.End-1 {
					continue
				}
				w := it.Width
				if ratio >= 0 {
					w += ratio * it.Stretch
				} else {
					w += ratio * it.Shrink
				}
				if it.Stretch < 1e5 { // the closing fill takes no room
					x += w
				}
			}
		}
		if l.Hyphen {
			// The syllable before the hyphen loses its kerning with the
			// letter that went to the next line, as the penalty's width
			// has it.
			if n := len(sl.Pieces); n > 0 && l.End >= 2 && items[l.End-2].Kind == Box {
				pc := &sl.Pieces[n-1]
				if k := unkern(pc.Glyphs); k != 0 {
					pc.Glyphs = slices.Clone(pc.Glyphs)
					pc.Glyphs[len(pc.Glyphs)-1].Advance += k
					pc.Width += k * runs[pc.Run].Style.Size / 1000 * scale
				}
			}
			x += items[l.End-1].Width
		}
		sl.Width = x
		out = append(out, sl)
	}
	return out, nil
}

// expansion shares a justified line's adjustment at ratio between its
// glyphs and its glue, as the breaker counted them: glyphs up to limit
// of their width, at the same ratio as the glue, the glue the rest. It
// returns the glyphs' expansion and the glue's own ratio.
func expansion(line []Item, ratio, limit float64) (float64, float64) {
	if limit == 0 || ratio == 0 {
		return 0, ratio
	}
	var boxes, glue float64
	for _, it := range line {
		switch {
		case it.Kind == Box:
			boxes += it.Width
		case it.Kind == Glue && ratio > 0 && it.Stretch < 1e5:
			glue += it.Stretch
		case it.Kind == Glue && ratio < 0:
			glue += it.Shrink
		}
	}
	e := max(-1, min(1, ratio)) * limit
	if e == ratio*limit || glue == 0 {
		return e, ratio
	}
	// Past the tolerance (a line no break could fit better), glyphs
	// stop at their limit and the glue takes what is left.
	return e, (ratio*(glue+limit*boxes) - e*boxes) / glue
}

// breakSet breaks a paragraph's items for Set. A justified paragraph
// with no way to break within p's tolerance is broken again ragged, and
// the params it was broken with say so: spaces stretched past the
// tolerance (1.5 times their width by Defaults) look worse than a
// ragged edge.
func breakSet(items []Item, runs []Run, p Params) ([]Line, Params, error) {
	ragged := func() {
		if p.RaggedStretch == 0 && len(runs) > 0 {
			p.RaggedStretch = 3 * runs[0].Style.Size
		}
	}
	if p.Ragged {
		ragged()
	}
	lines, err := Break(items, p)
	if err != nil || p.Ragged || !loose(lines, p.Tolerance) {
		return lines, p, err
	}
	// Ragged, words stay whole where they can: the even edge that
	// hyphens would buy is given up already.
	p.Ragged, p.Pretolerance = true, math.Inf(1)
	ragged()
	lines, err = Break(items, p)
	return lines, p, err
}

// loose reports whether a line but the last is set looser than tol.
func loose(lines []Line, tol float64) bool {
	for _, l := range lines[:max(len(lines)-1, 0)] {
		if !l.Overfull && l.Ratio > tol {
			return true
		}
	}
	return false
}

// Items keeps the Knuth–Plass items of paragraphs for documents that set
// the same text at another size, as the A4 and A5 editions of a booklet
// do: items scale with the size of the text, so a paragraph is built
// once (shaped, hyphenated, cut) and scaled for the others. Safe for
// concurrent use; the zero value is ready.
type Items struct {
	mu    sync.Mutex
	m     map[string]*built
	faces map[*gotext.Face]int
}

// built is a paragraph's items and pieces, its first run at size
// canonical.
type built struct {
	items  []Item
	pieces []Piece
}

// build is Build, through the cache when there is one.
func (c *Items) build(runs []Run, anywhere bool) ([]Item, []Piece, error) {
	if c == nil || len(runs) == 0 || runs[0].Style.Size <= 0 {
		return build(runs, anywhere)
	}
	size := runs[0].Style.Size
	c.mu.Lock()
	if c.m == nil {
		c.m, c.faces = map[string]*built{}, map[*gotext.Face]int{}
	}
	var k strings.Builder
	if anywhere {
		k.WriteByte('*')
	}
	for _, r := range runs {
		face := r.Style.Font.Face()
		id, ok := c.faces[face]
		if !ok {
			id = len(c.faces)
			c.faces[face] = id
		}
		k.WriteString(strconv.Itoa(id))
		k.WriteByte(0)
		k.WriteString(r.Lang)
		k.WriteByte(0)
		k.WriteString(strconv.FormatFloat(r.Style.Size/size, 'g', -1, 64))
		k.WriteByte(0)
		k.WriteString(strconv.FormatFloat(r.Rule/size, 'g', -1, 64))
		if r.NoHyphens {
			k.WriteByte('w')
		}
		k.WriteByte(0)
		k.WriteString(r.Text)
		k.WriteByte(1)
	}
	key := k.String()
	b := c.m[key]
	c.mu.Unlock()
	if b == nil {
		// Built at a size of its own, the same whichever document comes
		// first, so that every document gets the same items, bit for
		// bit, whatever the order booklets are made in.
		canon := slices.Clone(runs)
		for i := range canon {
			canon[i].Style.Size = runs[i].Style.Size / size * canonical
			canon[i].Rule = runs[i].Rule / size * canonical
		}
		items, pieces, err := build(canon, anywhere)
		if err != nil {
			return nil, nil, err
		}
		b = &built{items: items, pieces: pieces}
		c.mu.Lock()
		c.m[key] = b
		c.mu.Unlock()
	}
	scale := size / canonical
	items := slices.Clone(b.items)
	for i := range items {
		items[i].Width *= scale
		items[i].Stretch *= scale
		items[i].Shrink *= scale
	}
	pieces := slices.Clone(b.pieces)
	for i := range pieces {
		pieces[i].Width *= scale
	}
	return items, pieces, nil
}

// canonical is the size Items builds paragraphs at, before scaling.
const canonical = 1000
