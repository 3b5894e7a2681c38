package lang

import "regexp"

import "strings"

// French, the source language of the site.
var French = register(&Profile{
	Code: "fr",
	Name: "French",
	// hyph-utf8's French patterns; the header asks for 2/2 when typesetting.
	Hyphenation: &Hyphenation{Patterns: "fr", Left: 2, Right: 2, Licence: "MIT"},
	// Kandel and Moles' adaptation of Flesch to French (1958): French
	// syllables are shorter. A final -e, -es or -ent after a consonant is
	// silent ("modèles" has two syllables).
	Readability: &Readability{
		Formula: "Kandel–Moles", Base: 207, PerWord: 1.015, PerSyllable: 73.6,
		Silent: []Ending{{Suffix: "es", AfterConsonant: true}, {Suffix: "ent", AfterConsonant: true}, {Suffix: "e", AfterConsonant: true}},
	},
	Search: &Search{
		StopWords: words("le la les un une des de du et ou en au aux a est sont ce ces cet cette que qui quoi dans sur par pour pas ne se sa son ses leur leurs nous vous ils elles il elle on y plus avec comme mais donc si tout tous toute toutes meme aussi etre avoir fait peut"),
		Stem:      stemFrench,
	},
	LawCites:    regexp.MustCompile(`(?i)\bAI Act\b|règlement (?:européen )?sur l[’\']IA|\barticle 4\b`),
	VagueLinks:  []string{"cliquez ici", "cliquer ici", "clique ici", "ici", "là", "lien", "ce lien", "en savoir plus", "lire la suite", "la suite", "plus", "voir", "voir ici", "page"},
	GenericAlt:  []string{"image", "photo", "illustration", "logo", "icône"},
	Markers:     []string{"le", "la", "les", "des", "et", "est", "une", "pour", "avec", "nous", "vous", "dans", "sur", "que", "qui", "ce", "cette", "sont", "pas", "mais", "ou", "du", "au", "aux", "leur"},
	Levels:      []string{"Avancé"},
	Typography:  Typography{FrenchSpacing: true},
	BrowserTags: []string{"fr", "fr-BE", "fr-FR", "fr-LU", "fr-CH", "fr-CA", "fr-MA", "fr-CD", "fr-SN", "fr-CI", "fr-CM", "fr-DZ", "fr-TN"},
})

// stemFrench: -aux → -al (principaux → principal); a final -s or -x goes,
// then a final -e (modèles → model, données → donne, but the verb donne →
// donn).
func stemFrench(w string) string {
	if n := len(w); strings.HasSuffix(w, "aux") && n > 5 {
		return w[:n-3] + "al"
	}
	cut := cutter(&w)
	if !cut("s", 3) {
		cut("x", 3)
	}
	cut("e", 3)
	return w
}
