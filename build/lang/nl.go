package lang

import "regexp"

import "strings"

// Dutch, as written in Flanders.
var Dutch = register(&Profile{
	Code: "nl",
	Name: "Dutch",
	// OpenTaal's patterns; the file gives no minima, 2/2 is the Dutch rule.
	Hyphenation: &Hyphenation{Patterns: "nl", Left: 2, Right: 2, Licence: "BSD-2-Clause"},
	// Douma's adaptation of Flesch to Dutch (1960): Dutch words are longer.
	Readability: &Readability{Formula: "Flesch–Douma", Base: 206.84, PerWord: 0.93, PerSyllable: 77},
	Search: &Search{
		StopWords: words("de het een en of in op te van voor met is zijn dat die dit deze er je jij we wij ze zij hij niet ook aan als bij om tot uit maar dan nog wel naar over door kan worden wordt heeft hebben"),
		Stem:      stemDutch,
	},
	LawCites:    regexp.MustCompile(`(?i)\bAI Act\b|AI-verordening|\bartikel 4\b`),
	VagueLinks:  []string{"klik hier", "klik", "hier", "link", "deze link", "lees meer", "meer", "meer info", "meer lezen", "zie", "pagina"},
	GenericAlt:  []string{"afbeelding", "foto", "illustratie", "logo", "icoon"},
	Markers:     []string{"het", "een", "van", "zijn", "voor", "met", "wij", "jij", "je", "niet", "op", "dat", "die", "deze", "ook", "maar", "wordt", "worden", "naar", "bij", "uit", "hun", "onze", "ons"},
	Levels:      []string{"Gevorderd"},
	BrowserTags: []string{"nl", "nl-BE", "nl-NL", "nl-SR", "nl-AW", "nl-CW", "af", "li", "fy"},
})

// stemDutch: -heden → -heid (mogelijkheden → mogelijkheid); a final -en
// goes and a doubled consonant before it is undoubled (modellen → model,
// ideeën → idee); else a final -s goes after a, i, o, u or after -ie, -je,
// -er, -el, -em, -en (organisaties → organisatie, vrijwilligers →
// vrijwilliger, but proces stays).
func stemDutch(w string) string {
	n := len(w)
	if strings.HasSuffix(w, "heden") && n > 7 {
		return w[:n-5] + "heid"
	}
	if cutter(&w)("en", 3) {
		if k := len(w); k > 3 && w[k-1] == w[k-2] && !isVowel(w[k-1]) {
			w = w[:k-1]
		}
	} else if w[n-1] == 's' && (strings.IndexByte("aiou", w[n-2]) >= 0 || dutchPlural(w[n-3:n-1])) {
		w = w[:n-1]
	}
	return w
}

// dutchPlural reports whether a Dutch word ending in end+"s" is a plural
// in -s.
func dutchPlural(end string) bool {
	switch end {
	case "ie", "je", "er", "el", "em", "en":
		return true
	}
	return false
}
