package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sobre/build/lang"
)

// Readability is a page's reading ease on its language's scale: higher is
// easier; 60–70 is plain language, under 30 is very hard.
type Readability struct {
	Formula   string  `json:"formula"`
	Score     float64 `json:"score"`
	Grade     string  `json:"grade"`
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	// Longest is the page's longest sentence, in words (easy-to-read
	// pages keep it at 20 or under: easyread.go).
	Longest int `json:"longest_sentence"`
}

// Counts are what one pass over a text finds: enough for reading ease and
// for guessing which language a passage is in.
type Counts struct {
	Words, Sentences, Syllables int
	Markers                     map[string]int // marker words per language
}

// Add sums other into c.
func (c *Counts) Add(o Counts) {
	c.Words += o.Words
	c.Sentences += o.Sentences
	c.Syllables += o.Syllables
}

// Scan counts a block of text in one pass, without building word lists:
// the build scans every page, so this stays cheap.
func Scan(t, tag string) Counts {
	var endings []lang.Ending
	if p := lang.Get(tag); p != nil && p.Readability != nil {
		endings = p.Readability.Silent
	}
	c := Counts{}
	inSentence := false
	i := 0
	for i < len(t) {
		r, size := utf8.DecodeRuneInString(t[i:])
		if isWordRune(r) {
			j := i
			for j < len(t) {
				r2, s2 := utf8.DecodeRuneInString(t[j:])
				if !isWordRune(r2) {
					break
				}
				j += s2
			}
			w := t[i:j]
			c.Words++
			c.Syllables += countSyllables(w, endings)
			if m := markerOf(w); m != 0 {
				if c.Markers == nil {
					c.Markers = map[string]int{}
				}
				for k, l := range markerLangs {
					if m&(1<<k) != 0 {
						c.Markers[l]++
					}
				}
			}
			inSentence = true
			i = j
			continue
		}
		if inSentence && (r == '.' || r == '!' || r == '?' || r == '…' || r == ';') {
			// "7.5" is not a sentence end: a space or the end must follow.
			next, _ := utf8.DecodeRuneInString(t[i+size:])
			if i+size == len(t) || unicode.IsSpace(next) {
				c.Sentences++
				inSentence = false
			}
		}
		i += size
	}
	if inSentence {
		c.Sentences++ // a block ends a sentence: list items often have no full stop
	}
	return c
}

// Measure scores counted text in lang. ok is false for a language without
// a formula or too little text to judge.
// The formulas are the language profiles' (build/lang).
func Measure(c Counts, tag string) (Readability, bool) {
	p := lang.Get(tag)
	if p == nil || p.Readability == nil || c.Words < 30 || c.Sentences == 0 {
		return Readability{}, false
	}
	f := p.Readability
	score := f.Base - f.PerWord*float64(c.Words)/float64(c.Sentences) - f.PerSyllable*float64(c.Syllables)/float64(c.Words)
	return Readability{Formula: f.Formula, Score: score, Grade: grade(score), Words: c.Words, Sentences: c.Sentences}, true
}

func isWordRune(r rune) bool {
	if r < 128 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '\'' || r == '-'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || r == '\'' || r == '-'
}

func baseLang(l string) string {
	if i := strings.IndexByte(l, '-'); i > 0 {
		return l[:i]
	}
	return l
}

func grade(s float64) string {
	switch {
	case s >= 80:
		return "very easy"
	case s >= 70:
		return "easy"
	case s >= 60:
		return "plain"
	case s >= 50:
		return "fairly hard"
	case s >= 30:
		return "hard"
	}
	return "very hard"
}

// asciiVowel marks a, e, i, o, u, y in both cases: most letters of the
// three languages are ASCII, and this path avoids unicode tables.
var asciiVowel = func() (t [128]bool) {
	for _, c := range "aeiouyAEIOUY" {
		t[c] = true
	}
	return
}()

func isVowel(r rune) bool {
	if r < 128 {
		return asciiVowel[r]
	}
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'œ', 'æ', 'á', 'í', 'ó', 'ú':
		return true
	}
	return false
}

// countSyllables counts vowel groups, less one for a silent ending of the
// language's profile (French final -e/-es/-ent after a consonant, English
// final -e).
func countSyllables(w string, endings []lang.Ending) int {
	// An elided article ("l’IA", "d’une") is part of the next word.
	if i := strings.LastIndexAny(w, "’'"); i >= 0 {
		_, size := utf8.DecodeRuneInString(w[i:])
		w = w[i+size:]
	}
	n, prev, letters := 0, false, false
	for _, r := range w {
		if !letters && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 128 && unicode.IsLetter(r)) {
			letters = true
		}
		v := isVowel(r)
		if v && !prev {
			n++
		}
		prev = v
	}
	if !letters {
		return 1 // a number reads as about one syllable per group
	}
	if n > 1 {
		n -= silent(w, endings)
	}
	if n == 0 {
		n = 1
	}
	return n
}

// silent returns 1 when w ends with the first of endings that matches it
// and that ending is silent there, else 0.
func silent(w string, endings []lang.Ending) int {
	for _, e := range endings {
		if !hasSuffixFold(w, e.Suffix) {
			continue
		}
		for _, u := range e.Unless {
			if hasSuffixFold(w, u) {
				return 0
			}
		}
		if e.AfterConsonant {
			stem := w[:len(w)-len(e.Suffix)]
			last, _ := utf8.DecodeLastRuneInString(stem)
			if stem == "" || isVowel(last) {
				return 0
			}
		}
		return 1
	}
	return 0
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
