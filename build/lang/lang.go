// Package lang holds what the engine knows about each language, one file a
// language (fr.go, nl.go, en.go, de.go): hyphenation patterns and their
// licence, the reading-ease formula, search stop words and stemming, vague
// link texts, marker words for spotting a foreign phrase, commitment-level
// words and typographic rules. The packages that use a table (hyph, check,
// search, markup, i18n) read it from here, so adding a language is one file
// here and its pattern file in patterns/.
//
// A language without a profile, or a profile without some table, still
// builds: the feature is off for it. Missing lists what is off, for
// `sobre check` to report. The package is a leaf: it imports nothing of
// sobre.
package lang

import (
	"embed"
	"regexp"
	"sort"
	"strings"
)

//go:embed patterns/*.txt
var patternFiles embed.FS

// Profile is one language's tables. A nil pointer or an empty list means
// the language lacks that table.
type Profile struct {
	Code string // ISO 639-1, as in site.toml: "fr"
	Name string // English name, for messages: "French"

	Hyphenation *Hyphenation
	Readability *Readability
	Search      *Search

	// VagueLinks are link texts that say nothing out of context ("click
	// here"), lower case (WCAG 2.4.4).
	VagueLinks []string
	// GenericAlt are alt texts that say nothing of an image ("photo"),
	// lower case; they are reported on every language's pages.
	GenericAlt []string
	// Markers are short, frequent words typical of the language and rare
	// in the others, lower-case ASCII of at most 8 letters: enough of them
	// in a paragraph of another page says it is written in this language.
	Markers []string
	// LawCites finds a citation of the AI Act in the language: its name,
	// or its Article 4 (AI literacy), the one the toolkit is about. A page
	// that cites it links to the dated law page (check's law-link rule).
	// Other laws' articles are not matched: "article 5" alone is ambiguous.
	LawCites *regexp.Regexp
	// Levels are the words of the commitment-level badges ("Avancé" for
	// "(Avancé)" and "(Avancé ++)"), accepted on every language's pages.
	Levels []string
	// Typography holds rules applied to the text of the language's pages.
	Typography Typography
	// BrowserTags are the tags browsers send for the language (with
	// regions and close languages), for the chooser's matching table.
	BrowserTags []string
}

// Hyphenation is a Liang pattern set for print.
type Hyphenation struct {
	Patterns    string // the pattern set's name, its file patterns/<Patterns>.txt: "en-gb"
	Left, Right int    // fewest letters before and after a hyphen
	Licence     string // SPDX identifier of the file's licence (its header has the text)
}

// Data returns the pattern file: a licence header of "%" lines, one
// pattern a line, then after "% exceptions" one hyphenated word a line
// (patterns/README.md says where each file comes from).
func (h *Hyphenation) Data() ([]byte, error) {
	return patternFiles.ReadFile("patterns/" + h.Patterns + ".txt")
}

// Readability is a reading-ease formula of Flesch's form:
// Base - PerWord*(words/sentence) - PerSyllable*(syllables/word).
type Readability struct {
	Formula                    string // its usual name: "Kandel–Moles"
	Base, PerWord, PerSyllable float64
	// Silent are endings that add no syllable although they hold a vowel
	// (French -es, English -e), tried in order; the first that matches
	// decides.
	Silent []Ending
}

// Ending is a silent word ending for the syllable count.
type Ending struct {
	Suffix string
	// AfterConsonant: only silent after a consonant (French "-es" in
	// "modèles", not in "idées").
	AfterConsonant bool
	// Unless lists longer endings where the vowel is heard (English "-le"
	// in "table", "-ee" in "free").
	Unless []string
}

// Search is what the search index needs.
type Search struct {
	// StopWords are the commonest words, folded (lower case, no accents),
	// left out of the index.
	StopWords map[string]bool
	// Stem folds a folded word of letters a–z (at least four) to its stem;
	// themes/default/assets/search.js mirrors it.
	Stem func(w string) string
}

// Typography lists the typographic rules a language's text gets.
type Typography struct {
	// FrenchSpacing puts a narrow no-break space before ; : ! ? and
	// inside « ».
	FrenchSpacing bool
	// CapitalisedNouns: every noun starts with a capital (German), so a
	// capital does not mark a proper name, which print never hyphenates.
	CapitalisedNouns bool
}

// profiles are the languages known, by code; each file adds its own.
var profiles = map[string]*Profile{}

func register(p *Profile) *Profile {
	profiles[p.Code] = p
	return p
}

// Get returns the profile of a language tag ("fr", "fr-BE", "nl_NL"), or
// nil when there is none.
func Get(tag string) *Profile {
	return profiles[Base(tag)]
}

// Base is the language of a tag without region, lower case: "fr-BE" → "fr".
func Base(tag string) string {
	tag = strings.ToLower(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		return tag[:i]
	}
	return tag
}

// All returns every profile, in a fixed order: fr, nl, en, then the others
// by code. Tables built from every profile (marker bits, level markers)
// keep that order so their output never varies.
func All() []*Profile {
	first := []string{"fr", "nl", "en"}
	var out []*Profile
	for _, c := range first {
		if p := profiles[c]; p != nil {
			out = append(out, p)
		}
	}
	var rest []string
	for c := range profiles {
		if c != "fr" && c != "nl" && c != "en" {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	for _, c := range rest {
		out = append(out, profiles[c])
	}
	return out
}

// Gap is a table a language lacks, and what is off without it.
type Gap struct {
	Table string // the Profile field: "Hyphenation"
	Off   string // what does not work: "print lines are not hyphenated"
}

// Missing lists the tables a language lacks (all of them when it has no
// profile), in the order of the Profile type. The French spacing rule is
// not listed: it is French only.
func Missing(tag string) []Gap {
	p := Get(tag)
	if p == nil {
		p = &Profile{}
	}
	var gaps []Gap
	add := func(lacks bool, table, off string) {
		if lacks {
			gaps = append(gaps, Gap{table, off})
		}
	}
	add(p.Hyphenation == nil, "Hyphenation", "print never hyphenates its words, so long words leave gaps at line ends")
	add(p.Readability == nil, "Readability", "no reading ease is measured, and a minimum set for it is not checked")
	add(p.Search == nil || len(p.Search.StopWords) == 0, "Search.StopWords", "the search index keeps the commonest words, which every page holds")
	add(p.Search == nil || p.Search.Stem == nil, "Search.Stem", "search finds only the exact form typed (no plural folding)")
	add(len(p.VagueLinks) == 0, "VagueLinks", "link texts such as \"click here\" are not reported")
	add(len(p.GenericAlt) == 0, "GenericAlt", "alt texts such as \"photo\" in this language are not reported")
	add(p.LawCites == nil, "LawCites", "a page citing the AI Act without linking to the law page is not reported")
	add(len(p.Markers) == 0, "Markers", "a paragraph written in this language on another page is not noticed, nor one in another language here")
	add(len(p.Levels) == 0, "Levels", "commitment levels written in this language get no badge")
	return gaps
}

// BrowserTags returns the tags browsers commonly send, for the chooser's
// matching table: each profile's, then those of other languages, with
// Belgium's neighbours and communities first. Regions are listed so that
// the matcher, not a string prefix, decides (e.g. "zh-TW" does not match
// "zh").
func BrowserTags() []string {
	var out []string
	for _, p := range All() {
		out = append(out, p.BrowserTags...)
	}
	return append(out, otherTags...)
}

// otherTags are the tags of languages without a profile.
var otherTags = []string{
	"wa", "oc", "br", "co", "ht", "lb",
	"es", "it", "pt", "pl", "ro", "ar", "tr", "ru", "uk", "zh", "ja",
}

// words splits a space-separated list into a set.
func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// cutter returns a cut function over *w: cut(suffix, min) removes suffix
// when at least min letters remain, and reports whether it did.
func cutter(w *string) func(suffix string, min int) bool {
	return func(suffix string, min int) bool {
		if strings.HasSuffix(*w, suffix) && len(*w)-len(suffix) >= min {
			*w = (*w)[:len(*w)-len(suffix)]
			return true
		}
		return false
	}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
