package lang

import "regexp"

import "strings"

// English, plain international English.
var English = register(&Profile{
	Code: "en",
	Name: "English",
	// hyph-utf8's British patterns serve every English variant; the header
	// asks for 2/3 when typesetting.
	Hyphenation: &Hyphenation{Patterns: "en-gb", Left: 2, Right: 3, Licence: "MIT"},
	// Flesch's reading ease (1948). A final -e is silent, except in -le and
	// -ee ("table", "free").
	Readability: &Readability{
		Formula: "Flesch", Base: 206.835, PerWord: 1.015, PerSyllable: 84.6,
		Silent: []Ending{{Suffix: "e", Unless: []string{"le", "ee"}}},
	},
	Search: &Search{
		StopWords: words("the a an and or of to in on at for with is are be was were it its this that these those you your we our they their he she not as by from but if can do does have has will would should"),
		Stem:      stemEnglish,
	},
	LawCites:    regexp.MustCompile(`(?i)\bAI Act\b|\bArticle 4\b`),
	VagueLinks:  []string{"click here", "click", "here", "link", "this link", "read more", "more", "learn more", "see", "see here", "page"},
	GenericAlt:  []string{"image", "photo", "img", "picture", "illustration", "graphic", "logo", "icon"},
	Markers:     []string{"the", "and", "of", "with", "you", "your", "this", "that", "is", "are", "for", "we", "our", "from", "which", "what", "have", "has", "be", "it", "they", "not", "can", "will", "would", "should"},
	Levels:      []string{"Advanced"},
	BrowserTags: []string{"en", "en-BE", "en-GB", "en-US", "en-IE", "en-CA", "en-AU", "en-NZ", "en-IN", "en-ZA", "en-NG", "en-GH"},
})

// stemEnglish: -ies → -y, -sses → -ss; a final -s goes unless after s, u or
// i (volunteers → volunteer, focus stays, bias → bia); -ing and -ed go when
// four letters remain (training → train).
func stemEnglish(w string) string {
	n := len(w)
	cut := cutter(&w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case w[n-1] == 's':
		if c := w[n-2]; c != 's' && c != 'u' && c != 'i' {
			w = w[:n-1]
		}
	case cut("ing", 4):
	default:
		cut("ed", 4)
	}
	return w
}
