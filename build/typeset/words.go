package typeset

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"sobre/build/lang"
	"sobre/build/typeset/hyph"
)

// What a word may be cut into, beyond the patterns: the rules a book
// setter keeps and Liang's patterns do not know.
//
//   - An address (a URL, an e-mail, www.…, a bare domain such as
//     "pwablo.be") is never hyphenated: a reader would type the hyphen.
//     It breaks after a "/" or a ".", or before a "-" (so that the line
//     ends "charte" and the next begins "-usage": copied back, the
//     address keeps its hyphen).
//   - A word is hyphenated only if its part has six letters or more, is
//     not in capitals or mixed case ("GenAI"), and does not start with a
//     capital unless it starts a sentence: a capital elsewhere is taken
//     for a proper name ("Mistral", "Inclusion Europe"), except in a
//     language whose profile capitalises nouns (German). At least two
//     letters stay before a hyphen and three go after it.
//   - A compound keeps together at a hyphen when the part on either side
//     has fewer than five letters: "-t-il", "-elle", "c'est-à-dire",
//     "peut-être", "vis-à-vis", "celle-ci", "qu'avons-nous", "AI-verordening";
//     "porte-parole" may still break after "porte-". A rule on short
//     parts rather than a list: it needs no upkeep and serves the three
//     languages.
//   - A hyphen standing alone between spaces (" - ") is a dash, as French
//     writers type it: it is set as an en dash.

// hyphenRules are the rules every paragraph's hyphenation keeps.
var hyphenRules = hyph.Rules{Shortest: 6, Cased: true, Names: true}

// minLeft and minRight are the fewest letters before and after a hyphen.
const minLeft, minRight = 2, 3

// compoundPart is the fewest letters on each side of a hyphen where a
// compound may break.
const compoundPart = 5

// hyphenators keeps, for each language's Hyphenator, the two the
// typesetter uses: [0] inside a sentence (a capital marks a name), [1]
// for a sentence's first word.
var hyphenators sync.Map // *hyph.Hyphenator -> *[2]*hyph.Hyphenator

// strict returns the Hyphenators with the typesetter's rules for h.
func strict(h *hyph.Hyphenator) *[2]*hyph.Hyphenator {
	if v, ok := hyphenators.Load(h); ok {
		return v.(*[2]*hyph.Hyphenator)
	}
	l, r := h.Min()
	m := h.WithMin(max(l, minLeft), max(r, minRight))
	inside, first := hyphenRules, hyphenRules
	first.Names = false
	if p := lang.Get(h.Lang()); p != nil && p.Typography.CapitalisedNouns {
		inside.Names = false // a German capital marks a noun, not a name
	}
	v, _ := hyphenators.LoadOrStore(h, &[2]*hyph.Hyphenator{m.With(inside), m.With(first)})
	return v.(*[2]*hyph.Hyphenator)
}

// endsSentence reports whether a word ends a sentence: the next word's
// capital is the sentence's, not a name's.
func endsSentence(w string) bool {
	w = strings.TrimRightFunc(w, func(r rune) bool { return strings.ContainsRune(")]»\"’”'", r) })
	r, _ := utf8.DecodeLastRuneInString(w)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// dash sets a hyphen that stands alone between spaces as an en dash,
// bound to the words it goes with: dashes come in pairs around an
// incise, the first kept with the word after it, the second with the
// word before it, so that no line begins with a closing dash nor ends
// with an opening one.
func (b *builder) dash(w string) string {
	b.bindNext = false
	if w != "-" {
		return w
	}
	b.dashes++
	if b.dashes%2 == 1 {
		b.bindNext = true
		return "–"
	}
	if n := len(b.items); n > 0 && b.items[n-1].Kind == Glue {
		// No break at the space before: a penalty goes in before it.
		b.items = slices.Insert(b.items, n-1, Item{Kind: Penalty, Penalty: Infinity})
		b.pieces = slices.Insert(b.pieces, n-1, Piece{Run: -1})
	}
	return "–"
}

// opening and closing are what may come around an address in text.
const opening, closing = "(«[<\"'“‘", ")»]>\"'”’.,;:!?"

// address reports whether a word (no spaces) is a web or e-mail address,
// punctuation around it aside.
func address(w string) bool {
	core := strings.TrimRight(strings.TrimLeft(w, opening), closing)
	switch {
	case strings.Contains(core, "://"), strings.HasPrefix(core, "www."):
		return true
	case strings.Contains(core, "@"):
		_, domain, _ := strings.Cut(core, "@")
		return host(domain)
	}
	h, _, _ := strings.Cut(core, "/")
	return host(h)
}

// host reports whether s is a domain name: labels of letters, digits and
// hyphens, at least two, the last of two lower-case letters or more
// ("pwablo.be", "eur-lex.europa.eu"; not "e.g", "Node.JS" nor "1.5").
func host(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.IndexFunc(l, func(r rune) bool { return !isASCIIAlnum(r) && r != '-' }) >= 0 {
			return false
		}
	}
	tld := labels[len(labels)-1]
	return len(tld) >= 2 && strings.IndexFunc(tld, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// addressParts cuts an address where a line may break: after a run of
// slashes or a dot, before a hyphen; never before its first dot (a line
// that ends "(eur" says nothing), inside a number ("4.0" is a version,
// not two parts), nor fewer than addressTail characters from its end
// (a line that starts "be)" or "0)" reads as a stray fragment).
func addressParts(w string) []string {
	end := len(strings.TrimRight(w, closing))
	var parts []string
	last := 0
	for i := strings.IndexByte(w, '.') + 1; i > 0 && i <= end-addressTail; i++ {
		prev, c := w[i-1], w[i]
		if prev == '.' && i >= 2 && isDigit(w[i-2]) && isDigit(c) {
			continue
		}
		if prev == '/' && c != '/' || prev == '.' || c == '-' && prev != '-' {
			parts = append(parts, w[last:i])
			last = i
		}
	}
	return append(parts, w[last:])
}

// addressTail is the fewest characters an address's last line holds.
const addressTail = 3

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// compounds joins again the parts of a word cut after a hyphen where
// either side of the hyphen has fewer than compoundPart letters.
func compounds(parts []string) []string {
	out := parts[:1]
	for _, p := range parts[1:] {
		prev := out[len(out)-1]
		if r, _ := utf8.DecodeLastRuneInString(prev); (r == '-' || r == '‐') && (letters(lastPart(prev)) < compoundPart || letters(firstPart(p)) < compoundPart) {
			out[len(out)-1] = prev + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// lastPart is the run of letters before a part's final hyphen.
func lastPart(s string) string {
	s = s[:len(s)-len(string(lastRune(s)))]
	if i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[i+n:]
	}
	return s
}

// firstPart is the run of letters a part begins with.
func firstPart(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }); i >= 0 {
		return s[:i]
	}
	return s
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// hyphenPenalty is the cost of a hyphen at a line's end: thrice TeX's
// \hyphenpenalty, for fewer of them on a narrow measure.
const hyphenPenalty = 150
