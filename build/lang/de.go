package lang

import "regexp"

import "strings"

// German, reformed spelling (1996/2006). The site has no German content:
// this profile shows what adding a language takes (CONTRIBUTING.md, "Add a
// language") and is tested on a fixture site.
var German = register(&Profile{
	Code: "de",
	Name: "German",
	// hyph-utf8's de-1996 patterns (Deutschsprachige Trennmustermannschaft),
	// from Debian's texlive-lang-german; the header asks for 2/2.
	Hyphenation: &Hyphenation{Patterns: "de", Left: 2, Right: 2, Licence: "MIT"},
	// Amstad's adaptation of Flesch to German (Toni Amstad, "Wie
	// verständlich sind unsere Zeitungen?", Universität Zürich, 1978):
	// 180 − words/sentence − 58.5 × syllables/word. German has no silent
	// final vowel; diphthongs (ei, au, eu, ie) count once as vowel groups.
	Readability: &Readability{Formula: "Amstad", Base: 180, PerWord: 1, PerSyllable: 58.5},
	Search: &Search{
		StopWords: words("der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis durch fur gegen in im ins ist sind war waren wird werden wurde hat haben kann konnen muss mussen soll sollen nach nicht noch nur ob ohne so sich sie er es wir ihr ich du man mit uber um unter vom von vor wie zu zum zur dass wenn was wer diese dieser dieses sein seine ihre unsere"),
		Stem:      stemGerman,
	},
	LawCites:   regexp.MustCompile(`(?i)\bAI Act\b|KI-Verordnung|\bArtikel 4\b`),
	VagueLinks: []string{"hier klicken", "klicken sie hier", "hier", "klicken", "link", "dieser link", "mehr", "mehr erfahren", "weiterlesen", "mehr lesen", "siehe", "seite"},
	GenericAlt: []string{"bild", "foto", "grafik", "abbildung", "illustration", "logo", "symbol"},
	// Words frequent in German and rare in French, Dutch and English; "die",
	// "de", "in" and "is" are left out, Dutch and English have them too.
	Markers:     []string{"der", "das", "und", "ist", "nicht", "mit", "sich", "auf", "auch", "wir", "eine", "einen", "wird", "werden", "sind", "oder", "nach", "bei", "dass", "ihre", "sie", "zu", "dem"},
	Levels:      []string{"Fortgeschritten"},
	Typography:  Typography{CapitalisedNouns: true},
	BrowserTags: []string{"de", "de-BE", "de-DE"},
})

// stemGerman, a light stemmer on folded words (ä → a, ß → ss): -innen →
// -in (mitarbeiterinnen → mitarbeiterin); -ungen, -heiten, -keiten lose
// their plural -en (schulungen → schulung); else the first of -ern, -en,
// -es, -e goes (modelle, modellen → modell; daten → dat; kindern → kind),
// or a final -n after l (regeln → regel), or a final -s but after s
// (modells → modell, prozess stays). A stem keeps at least three letters.
func stemGerman(w string) string {
	cut := cutter(&w)
	if cut("innen", 3) {
		return w + "in"
	}
	for _, s := range []string{"ungen", "heiten", "keiten"} {
		if cut(s, 2) {
			return w + s[:len(s)-2]
		}
	}
	for _, s := range []string{"ern", "en", "es", "e"} {
		if cut(s, 3) {
			return w
		}
	}
	if n := len(w); n > 3 && (strings.HasSuffix(w, "ln") || w[n-1] == 's' && w[n-2] != 's') {
		w = w[:n-1]
	}
	return w
}
