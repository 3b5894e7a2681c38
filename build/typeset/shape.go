package typeset

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"weak"

	"github.com/go-text/typesetting/di"
	gotext "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"sobre/build/typeset/hyph"
)

// Glyph is a glyph of the font as the shaper set it. Lengths are in
// thousandths of the font size, x to the right and y up.
type Glyph struct {
	ID               uint16
	Advance          float64 // to the next glyph's origin, kerning included
	XOffset, YOffset float64 // where the glyph is drawn from its origin
	// Text is what the glyph's cluster stands for: one character, several
	// for a ligature. Only a cluster's first glyph has it.
	Text string

	plain float64 // the advance with no kerning after: a line's last glyph
}

// shaped is a word as the shaper set it.
type shaped struct {
	glyphs  []Glyph
	at      []int   // at[i]: byte offset in the word of glyph i's cluster
	width   float64 // thousandths of the font size
	missing []rune  // characters set with .notdef
}

// cut returns the glyphs of word[from:to]. ok is false when from or to
// falls inside a cluster (a ligature, a letter and its accent), where the
// word cannot be cut.
func (s *shaped) cut(from, to int) (g []Glyph, ok bool) {
	i, okFrom := s.boundary(from)
	j, okTo := s.boundary(to)
	// The slice's capacity runs to the word's end, so that Set can join
	// a syllable to the next by reslicing (it checks they are contiguous);
	// nothing appends to it (Set clones before it changes a glyph).
	return s.glyphs[i:j], okFrom && okTo
}

// boundary returns the index of the first glyph at or after byte p, and
// whether a cluster starts exactly there.
func (s *shaped) boundary(p int) (int, bool) {
	for i, a := range s.at {
		if a >= p {
			return i, a == p
		}
	}
	return len(s.at), true // the word's end
}

// word is a word shaped and cut into syllables where it may break.
type word struct {
	parts   []syllable
	missing []rune // characters the font lacks
}

// syllable is a box of a word, maybe empty, and whether a hyphenation
// point follows it.
type syllable struct {
	text   string
	glyphs []Glyph
	width  float64 // thousandths of the font size
	point  bool
	unkern float64 // what its width gains if the line breaks at the point
}

// wordKey is what a set word depends on besides its font; the size does
// not matter: widths are kept in thousandths of the size.
type wordKey struct {
	lang, text string
	h          *hyph.Hyphenator // nil: not hyphenated
}

// wordCache holds a font's set words, for every paragraph and every
// layout pass. It holds no reference to the font's face, which would
// keep the face alive. Its lock also serialises the shaping with that
// face: a go-text Face is not safe for concurrent use.
type wordCache struct {
	mu     sync.RWMutex
	words  map[wordKey]*word
	shaped map[wordKey]*shaped
}

var (
	// caches maps a font's face (weakly: the cache goes with the font) to
	// its words.
	caches sync.Map // weak.Pointer[gotext.Face] -> *wordCache
	// shapers are reused: one keeps buffers and per-face tables. (A pool,
	// not a shaper per cache: a shaper refers to the faces it has seen.)
	shapers = sync.Pool{New: func() any { return new(shaping.HarfbuzzShaper) }}
)

func cacheFor(face *gotext.Face) *wordCache {
	k := weak.Make(face)
	if c, ok := caches.Load(k); ok {
		return c.(*wordCache)
	}
	c, loaded := caches.LoadOrStore(k, &wordCache{words: map[wordKey]*word{}, shaped: map[wordKey]*shaped{}})
	if !loaded {
		runtime.AddCleanup(face, func(k weak.Pointer[gotext.Face]) { caches.Delete(k) }, k)
	}
	return c.(*wordCache)
}

// word returns a word (no spaces) set in the cache's font face, cut at
// its hyphenation points in language lang (none if h is nil). Results
// are kept per language and word.
func (c *wordCache) word(face *gotext.Face, lang, w string, h *hyph.Hyphenator) *word {
	k := wordKey{lang, w, h}
	// Booklets are set in parallel: most words are found under a read
	// lock; a new one is set under the write lock.
	c.mu.RLock()
	wd, ok := c.words[k]
	c.mu.RUnlock()
	if ok {
		return wd
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if wd, ok := c.words[k]; ok {
		return wd
	}
	var points []int
	if strings.ContainsRune(w, '\u00ad') {
		// Soft hyphens the author wrote are the only points of a word
		// that has them, as in TeX.
		var b strings.Builder
		for i, part := range strings.Split(w, "\u00ad") {
			if i > 0 {
				points = append(points, b.Len())
			}
			b.WriteString(part)
		}
		w = b.String()
	} else if h != nil {
		points = h.Points(w)
	}
	// The word is shaped whole, once, and cut into syllables at cluster
	// boundaries: joined again on a line, they are the word as shaped,
	// kerning and ligatures included. A point inside a cluster (a
	// ligature such as "ffi" over "of-fice", a letter and its combining
	// accent) is dropped: the word does not break there. (Atkinson
	// Hyperlegible Next has no ligatures: its clusters are single
	// letters.) A kerning pair over a point stays in the syllable's last
	// advance; the penalty's width takes it back (unkern), and Set draws
	// that glyph unkerned if the line breaks there.
	sk := wordKey{lang, w, nil}
	s := c.shaped[sk]
	if s == nil {
		// Shaped once whatever its breaks: headings and ragged lines
		// ask for the same words without hyphenation.
		s = shape(face, lang, w)
		c.shaped[sk] = s
	}
	wd = &word{missing: s.missing}
	last := 0
	for _, p := range points {
		gs, ok := s.cut(last, p)
		if !ok {
			continue
		}
		wd.parts = append(wd.parts, syllable{text: w[last:p], glyphs: gs, width: advance(gs), point: true, unkern: unkern(gs)})
		last = p
	}
	if last < len(w) {
		gs, _ := s.cut(last, len(w))
		wd.parts = append(wd.parts, syllable{text: w[last:], glyphs: gs, width: advance(gs)})
	}
	c.words[k] = wd
	return wd
}

func advance(gs []Glyph) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.Advance
	}
	return w
}

// unkern returns what a syllable's last advance gains when nothing
// follows it: the kerning with the next letter, undone. A cluster of
// several glyphs (a letter and its mark) is left as is.
func unkern(gs []Glyph) float64 {
	if n := len(gs); n > 0 && gs[n-1].Text != "" {
		return gs[n-1].plain - gs[n-1].Advance
	}
	return 0
}

// shape sets a word (no spaces, no soft hyphens) in a font, in its
// script and direction (glyphs always in the order they are drawn, left
// to right), with the font's default features for the
// language: kerning, ligatures, contextual forms.
func shape(face *gotext.Face, lang, word string) *shaped {
	if word == "" {
		return &shaped{}
	}
	text := []rune(word)
	// Byte offset of each rune, to map clusters back to the word.
	offs := make([]int, len(text)+1)
	for i, p := 0, 0; i < len(text); i++ {
		offs[i] = p
		p += utf8.RuneLen(text[i])
	}
	offs[len(text)] = len(word)

	sh := shapers.Get().(*shaping.HarfbuzzShaper)
	defer shapers.Put(sh)
	// The word's script, from its first letter that has one: a fallback
	// font's Arabic is joined and set right to left, as it reads.
	script, dir := language.Latin, di.DirectionLTR
	for _, r := range text {
		if sc := language.LookupScript(r); sc.Strong() {
			script = sc
			if unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko, unicode.Adlam) {
				dir = di.DirectionRTL
			}
			break
		}
	}
	out := sh.ShapeNoExtents(shaping.Input{
		Text:      text,
		RunEnd:    len(text),
		Direction: dir,
		Face:      face,
		Size:      fixed.I(1000), // glyph metrics in thousandths of the size
		Script:    script,
		Language:  language.NewLanguage(lang),
	})
	upem := float64(face.Upem())
	s := &shaped{glyphs: make([]Glyph, len(out.Glyphs)), at: make([]int, len(out.Glyphs))}
	for i, g := range out.Glyphs {
		start := g.TextIndex()
		gl := Glyph{
			ID:      uint16(g.GlyphID),
			Advance: float64(g.Advance) / 64,
			XOffset: float64(g.XOffset) / 64,
			YOffset: float64(g.YOffset) / 64,
			plain:   float64(face.HorizontalAdvance(g.GlyphID)) * 1000 / upem,
		}
		if i == 0 || out.Glyphs[i-1].TextIndex() != start {
			gl.Text = word[offs[start]:offs[start+g.RunesCount()]]
		}
		if g.GlyphID == 0 || g.GlyphID > 0xFFFF {
			for _, r := range text[start : start+g.RunesCount()] {
				if !slices.Contains(s.missing, r) {
					s.missing = append(s.missing, r)
				}
			}
		}
		s.glyphs[i], s.at[i] = gl, offs[start]
		s.width += gl.Advance
	}
	return s
}
