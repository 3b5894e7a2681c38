// Package hyph tells where a word may be hyphenated, with Frank Liang's
// pattern algorithm (the one TeX uses) and the pattern files of the
// language profiles (build/lang: fr, nl, en-gb, de; each file keeps its
// licence header).
//
// How it works: a pattern such as "1ca" or "e4a4u4x." spreads small digits
// between letters. Every pattern found anywhere in ".word." (the dots mark the
// word's ends) votes on the gaps it covers, the highest digit wins, and an odd
// winner allows a hyphen there. Words listed in a file's exceptions take their
// hyphens from that list instead.
package hyph

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"sobre/build/lang"
)

// loaders builds each pattern set's Hyphenator on first use, once, by the
// set's name ("en-gb"), for every language profile that has one.
var loaders = func() map[string]func() (*Hyphenator, error) {
	m := map[string]func() (*Hyphenator, error){}
	for _, p := range lang.All() {
		if h := p.Hyphenation; h != nil {
			m[h.Patterns] = sync.OnceValues(func() (*Hyphenator, error) { return load(h) })
		}
	}
	return m
}()

// Hyphenator finds hyphenation points for one language. It is safe for
// concurrent use.
type Hyphenator struct {
	lang        string
	left, right int
	rules       Rules
	// The patterns as a trie: next maps (node<<32 | rune) to the child node;
	// node 0 is the root. A node that ends a pattern of n letters has its n+1
	// digits at values[at[node]:]; at[node] is -1 for the others.
	next   map[uint64]int32
	at     []int32
	values []uint8
	// exceptions maps a lower-case word to the letter counts before each of
	// its hyphens.
	exceptions map[string][]int
}

// For returns the Hyphenator of a language tag whose profile has patterns
// ("fr", "nl", "en", "de"; every English variant uses the British
// patterns), with any region ("fr-BE", "nl_NL"). Patterns are parsed on the
// first call for a language and shared afterwards.
func For(tag string) (*Hyphenator, error) {
	p := lang.Get(tag)
	if p == nil || p.Hyphenation == nil {
		return nil, fmt.Errorf("hyph: no hyphenation patterns for language %q", tag)
	}
	return loaders[p.Hyphenation.Patterns]()
}

// Lang is the name of the pattern set in use: "fr", "nl", "en-gb", "de".
func (h *Hyphenator) Lang() string { return h.lang }

// Min returns the fewest letters kept before and after a hyphen.
func (h *Hyphenator) Min() (left, right int) { return h.left, h.right }

// WithMin returns a Hyphenator sharing h's patterns with other minima (at
// least 1 each), for a typesetter that wants stricter breaks.
func (h *Hyphenator) WithMin(left, right int) *Hyphenator {
	c := *h
	c.left, c.right = max(left, 1), max(right, 1)
	return &c
}

// Rules are a typesetter's limits on top of the patterns, for words the
// patterns would cut but a reader should see whole.
type Rules struct {
	// Shortest: a part of fewer letters is never hyphenated ("Cela").
	Shortest int
	// Cased: a part in capitals or mixed case ("GENAI", "GenAI") is never
	// hyphenated; its letters are not syllables.
	Cased bool
	// Names: a part that starts with a capital is a proper name
	// ("Mistral") and is never hyphenated. The caller leaves it off for
	// the first word of a sentence, whose capital says nothing.
	Names bool
}

// With returns a Hyphenator sharing h's patterns and minima that also
// keeps the rules r.
func (h *Hyphenator) With(r Rules) *Hyphenator {
	c := *h
	c.rules = r
	return &c
}

// whole reports whether the rules keep a part of a word unbroken.
func (r Rules) whole(part []letter, word string) bool {
	if len(part) < r.Shortest {
		return true
	}
	if !r.Cased && !r.Names {
		return false
	}
	for i, l := range part {
		r0, _ := utf8.DecodeRuneInString(word[l.start:])
		if unicode.IsUpper(r0) && (i > 0 && r.Cased || i == 0 && r.Names) {
			return true
		}
	}
	return false
}

// Points returns the byte offsets in word where a hyphen may be inserted
// (word[:p] + "-" ends the line, word[p:] starts the next), in increasing
// order. The word is lower-cased first; a letter followed by combining marks
// counts as one letter and is never split. Apostrophes, hyphens and any other
// non-letters cut the word into parts that are hyphenated on their own, never
// next to the cut ("l’intelligence" only inside "intelligence"). A word with
// a digit, a letter outside the Latin script or a soft hyphen (the author
// chose the breaks; the typesetter honours them) gets none, and so does a
// short word in capitals ("ASBL", "UNESCO"): an acronym's letters are not
// syllables.
func (h *Hyphenator) Points(word string) []int {
	if acronym(word) {
		return nil
	}
	var (
		points []int
		buf    [32]letter // enough for most words without allocating
		part   = buf[:0]  // the current run of letters
	)
	for i, r := range word {
		switch {
		case r == '\u00AD' || unicode.IsNumber(r):
			return nil
		case unicode.In(r, unicode.Mn, unicode.Me):
			if n := len(part); n > 0 {
				part[n-1].end = i + utf8.RuneLen(r)
				part[n-1].marked = true
			}
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return nil
			}
			part = append(part, letter{start: i, end: i + utf8.RuneLen(r), r: unicode.ToLower(r)})
		default:
			points = h.partPoints(word, part, points)
			part = part[:0]
		}
	}
	return h.partPoints(word, part, points)
}

// letter is one letter of a word: its bytes and the rune the patterns see.
type letter struct {
	start, end int
	r          rune // lower-cased
	marked     bool // followed by combining marks (inside start:end)
}

// partPoints appends to points the offsets in word of the hyphens in one run
// of its letters.
func (h *Hyphenator) partPoints(word string, part []letter, points []int) []int {
	m := len(part)
	if m < h.left+h.right || h.rules.whole(part, word) {
		return points
	}
	var (
		wbuf [34]rune
		w    = append(wbuf[:0], '.') // ".word.", what the patterns see
		kbuf [64]byte
		key  = kbuf[:0] // the word in UTF-8, for the exceptions
	)
	for _, l := range part {
		if l.marked {
			// A letter and its marks ("e" + U+0301) as one rune when they
			// compose ("é"); otherwise the patterns see the bare letter.
			if s := []rune(norm.NFC.String(word[l.start:l.end])); len(s) == 1 {
				l.r = unicode.ToLower(s[0])
			}
		}
		w = append(w, l.r)
		key = utf8.AppendRune(key, l.r)
	}
	w = append(w, '.')

	if pos, ok := h.exceptions[string(key)]; ok {
		for _, p := range pos {
			if p >= h.left && m-p >= h.right {
				points = append(points, part[p].start)
			}
		}
		return points
	}

	// v[k] is the winning digit for the gap before w[k].
	var (
		vbuf [35]uint8
		v    []uint8
	)
	if n := len(w) + 1; n <= len(vbuf) {
		v = vbuf[:n]
	} else {
		v = make([]uint8, n)
	}
	for i := range w {
		node := int32(0)
		for j := i; j < len(w); j++ {
			child, ok := h.next[uint64(node)<<32|uint64(uint32(w[j]))]
			if !ok {
				break
			}
			node = child
			if at := h.at[node]; at >= 0 {
				for k, d := range h.values[at : int(at)+j-i+2] {
					if d > v[i+k] {
						v[i+k] = d
					}
				}
			}
		}
	}
	// A hyphen before letter p (0-based) is the gap before w[p+1].
	for p := h.left; p <= m-h.right; p++ {
		if v[p+1]%2 == 1 {
			points = append(points, part[p].start)
		}
	}
	return points
}

// load parses a pattern file: "%" lines are comments, then one pattern a
// line, then after a line "% exceptions" one word a line with its hyphens.
func load(s *lang.Hyphenation) (*Hyphenator, error) {
	file := "patterns/" + s.Patterns + ".txt"
	data, err := s.Data()
	if err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", s.Patterns, err)
	}
	h := &Hyphenator{
		lang:       s.Patterns,
		left:       s.Left,
		right:      s.Right,
		next:       make(map[uint64]int32),
		at:         []int32{-1},
		exceptions: make(map[string][]int),
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	inExceptions := false
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "% exceptions":
			inExceptions = true
			continue
		case text == "" || strings.HasPrefix(text, "%"):
			continue
		}
		if inExceptions {
			err = h.addException(text)
		} else {
			err = h.addPattern(text)
		}
		if err != nil {
			return nil, fmt.Errorf("hyph: %s line %d: %w", file, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("hyph: %s: %w", file, err)
	}
	if len(h.at) == 1 {
		return nil, fmt.Errorf("hyph: %s: no patterns", file)
	}
	return h, nil
}

// addPattern adds one pattern such as "a1b2c" (letters with digits between
// them) to the trie.
func (h *Hyphenator) addPattern(p string) error {
	digits := []uint8{0}
	node := int32(0)
	for _, r := range p {
		if r >= '0' && r <= '9' {
			digits[len(digits)-1] = uint8(r - '0')
			continue
		}
		key := uint64(node)<<32 | uint64(uint32(unicode.ToLower(r)))
		child, ok := h.next[key]
		if !ok {
			child = int32(len(h.at))
			h.at = append(h.at, -1)
			h.next[key] = child
		}
		node = child
		digits = append(digits, 0)
	}
	if node == 0 {
		return fmt.Errorf("pattern %q has no letters", p)
	}
	if h.at[node] >= 0 {
		return fmt.Errorf("pattern %q given twice", p)
	}
	h.at[node] = int32(len(h.values))
	h.values = append(h.values, digits...)
	return nil
}

// addException adds one word with its hyphens marked, such as "how-ever".
func (h *Hyphenator) addException(w string) error {
	var (
		letters []rune
		pos     []int
	)
	for _, r := range w {
		if r == '-' {
			if n := len(pos); len(letters) == 0 || n > 0 && pos[n-1] == len(letters) {
				return fmt.Errorf("exception %q has a misplaced hyphen", w)
			}
			pos = append(pos, len(letters))
			continue
		}
		letters = append(letters, unicode.ToLower(r))
	}
	if len(letters) == 0 || len(pos) > 0 && pos[len(pos)-1] == len(letters) {
		return fmt.Errorf("exception %q has no letters or ends with a hyphen", w)
	}
	h.exceptions[string(letters)] = pos
	return nil
}

// acronym reports whether word is two to six capitals, no small letter
// (longer words in capitals are words set in capitals).
func acronym(word string) bool {
	caps := 0
	for _, r := range word {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			caps++
		}
	}
	return caps >= 2 && caps <= 6
}
