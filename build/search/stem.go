package search

import "sobre/build/lang"

// Stem folds a search term (already lower-cased and without accents, as
// Terms gives it) to the form it is indexed and looked up under, so that
// "hallucinations" finds "hallucination" and "modèles" finds "modèle".
//
// It is a light stemmer: a few documented suffix rules per language, no
// dictionary, chosen to fold plurals and the commonest inflections while
// leaving short words alone. Stemming one word slightly too far costs
// little: the index and the query are stemmed alike, and search.js
// matches a query word's stem whole (its beginning only for the raw word
// being typed). The rules are each language profile's Search.Stem
// (build/lang/fr.go, nl.go, en.go, de.go, which document them), kept
// identical in themes/default/assets/search.js (function stem); the
// vectors in testdata/stem.json are checked against both.
//
// A stem is never shorter than three letters; words with letters outside
// a–z (after folding) and languages without rules are left as they are.
func Stem(lang, w string) string { return stemmer(lang)(w) }

// stemmer returns Stem for one language, to look its rules up once.
func stemmer(tag string) func(string) string {
	var rules func(string) string
	if p := profile(tag); p != nil {
		rules = p.Stem
	}
	return func(w string) string {
		n := len(w)
		if n <= 3 || rules == nil {
			return w
		}
		for i := 0; i < n; i++ {
			if c := w[i]; c < '0' || c > '9' && c < 'a' || c > 'z' {
				return w
			}
		}
		return rules(w)
	}
}

// profile is the search tables of a language (build/lang), or nil.
func profile(tag string) *lang.Search {
	if p := lang.Get(tag); p != nil {
		return p.Search
	}
	return nil
}
