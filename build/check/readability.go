package check

import (
	"strings"
	"unicode"
)

// Readability is a page's reading ease on its language's scale: higher is
// easier; 60–70 is plain language, under 30 is very hard.
type Readability struct {
	Formula   string  `json:"formula"`
	Score     float64 `json:"score"`
	Grade     string  `json:"grade"`
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
}

// Formulas per language. Each is Flesch's reading ease refitted to the
// language: French syllables are shorter, Dutch words longer.
var formulas = map[string]struct {
	name       string
	base, w, s float64 // base - w*(words/sentence) - s*(syllables/word)
}{
	"fr": {"Kandel–Moles", 207, 1.015, 73.6},
	"nl": {"Flesch–Douma", 206.84, 0.93, 77},
	"en": {"Flesch", 206.835, 1.015, 84.6},
}

// Measure scores text (sentences separated by blocks or end punctuation)
// in lang. ok is false for a language without a formula or too little text.
func Measure(blocks []string, lang string) (Readability, bool) {
	f, known := formulas[baseLang(lang)]
	if !known {
		return Readability{}, false
	}
	var words, sentences, syllables int
	for _, b := range blocks {
		n := 0
		for _, s := range splitSentences(b) {
			ws := wordsOf(s)
			if len(ws) == 0 {
				continue
			}
			n++
			words += len(ws)
			for _, w := range ws {
				syllables += countSyllables(w, baseLang(lang))
			}
		}
		sentences += n
	}
	if words < 30 || sentences == 0 {
		return Readability{}, false
	}
	score := f.base - f.w*float64(words)/float64(sentences) - f.s*float64(syllables)/float64(words)
	return Readability{Formula: f.name, Score: score, Grade: grade(score), Words: words, Sentences: sentences}, true
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

func splitSentences(s string) []string {
	var out []string
	start := 0
	rs := []rune(s)
	for i, r := range rs {
		if r == '.' || r == '!' || r == '?' || r == '…' || r == ';' {
			// "7.5" and "p.ex." are not sentence ends: a space or the end must follow.
			if i+1 == len(rs) || unicode.IsSpace(rs[i+1]) {
				out = append(out, string(rs[start:i+1]))
				start = i + 1
			}
		}
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

func wordsOf(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || r == '\'' || r == '-')
	})
}

func isVowel(r rune, lang string) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'œ', 'æ', 'á', 'í', 'ó', 'ú':
		return true
	}
	return false
}

// countSyllables counts vowel groups, with each language's main silent
// endings: French final -e/-es/-ent after a consonant, English final -e.
func countSyllables(w, lang string) int {
	w = strings.ToLower(w)
	if strings.IndexFunc(w, unicode.IsLetter) < 0 {
		// A number reads as about one syllable per digit group.
		return 1
	}
	// An elided article ("l’IA", "d’une") is part of the next word.
	if i := strings.LastIndexAny(w, "’'"); i >= 0 {
		w = w[i+len(string([]rune(w[i:])[0])):]
	}
	rs := []rune(w)
	n, prev := 0, false
	for _, r := range rs {
		v := isVowel(r, lang)
		if v && !prev {
			n++
		}
		prev = v
	}
	switch lang {
	case "fr":
		for _, end := range []string{"es", "ent", "e"} {
			if n > 1 && strings.HasSuffix(w, end) {
				stem := []rune(strings.TrimSuffix(w, end))
				if len(stem) > 0 && !isVowel(stem[len(stem)-1], lang) {
					n--
				}
				break
			}
		}
	case "en":
		if n > 1 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && !strings.HasSuffix(w, "ee") {
			n--
		}
	}
	if n == 0 {
		n = 1
	}
	return n
}
