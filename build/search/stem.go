package search

import "strings"

// Stem folds a search term (already lower-cased and without accents, as
// Terms gives it) to the form it is indexed and looked up under, so that
// "hallucinations" finds "hallucination" and "modèles" finds "modèle".
//
// It is a light stemmer: a few documented suffix rules per language, no
// dictionary, chosen to fold plurals and the commonest inflections while
// leaving short words alone. Stemming one word slightly too far costs
// little: the index and the query are stemmed alike, and search.js
// matches a query word's stem whole (its beginning only for the raw word
// being typed). The rules are kept identical in
// themes/default/assets/search.js (function stem); the vectors in
// testdata/stem.json are checked against both.
//
//   - fr: -aux → -al (principaux → principal); a final -s or -x goes,
//     then a final -e (modèles → model, données → donne, but the verb
//     donne → donn).
//   - nl: -heden → -heid (mogelijkheden → mogelijkheid); a final -en goes
//     and a doubled consonant before it is undoubled (modellen → model,
//     ideeën → idee); else a final -s goes after a, i, o, u or after -ie,
//     -je, -er, -el, -em, -en (organisaties → organisatie, vrijwilligers →
//     vrijwilliger, but proces stays).
//   - en: -ies → -y, -sses → -ss; a final -s goes unless after s, u or i
//     (volunteers → volunteer, focus stays, bias → bia); -ing and -ed go when four
//     letters remain (training → train).
//
// A stem is never shorter than three letters; words with letters outside
// a–z (after folding) and other languages are left as they are.
func Stem(lang, w string) string {
	n := len(w)
	if n <= 3 {
		return w
	}
	for i := 0; i < n; i++ {
		if c := w[i]; c < '0' || c > '9' && c < 'a' || c > 'z' {
			return w
		}
	}
	cut := func(suffix string, min int) bool {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix) >= min {
			w = w[:len(w)-len(suffix)]
			return true
		}
		return false
	}
	switch lang {
	case "fr":
		if strings.HasSuffix(w, "aux") && n > 5 {
			return w[:n-3] + "al"
		}
		if !cut("s", 3) {
			cut("x", 3)
		}
		cut("e", 3)
	case "nl":
		if strings.HasSuffix(w, "heden") && n > 7 {
			return w[:n-5] + "heid"
		}
		if cut("en", 3) {
			if k := len(w); k > 3 && w[k-1] == w[k-2] && !isVowel(w[k-1]) {
				w = w[:k-1]
			}
		} else if w[n-1] == 's' && (strings.IndexByte("aiou", w[n-2]) >= 0 || plural(w[n-3:n-1])) {
			w = w[:n-1]
		}
	case "en":
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
	}
	return w
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// plural reports whether a Dutch word ending in end+"s" is a plural in -s.
func plural(end string) bool {
	switch end {
	case "ie", "je", "er", "el", "em", "en":
		return true
	}
	return false
}
