package generated

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"sobre/build/markup"
)

// azLetter is the letter an A–Z entry is filed under: the first letter of
// its title, accents and leading punctuation aside ("« Éthique »" under
// E), or "#" for a title that starts with a digit or has no letter.
func azLetter(title string) string {
	if f := markup.Slug(title); f != "" {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsLetter(r) {
			return strings.ToUpper(string(r))
		}
	}
	return "#"
}

// fromLetter is a title from its first letter or digit: "« Chat »" sorts
// as "Chat »", after "Charte".
func fromLetter(title string) string {
	return strings.TrimLeftFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// GroupAZ files entries under their letters, "#" first, then the letters
// in the language's collation order, each letter once (sorting titles
// alone put "« Chat »" before "(Aide)" and split C in two); within a
// letter, titles in collation order from their first letter. Each group's id is unique in the
// page: taken holds the ids the page already has.
func GroupAZ(entries []AZEntry, lang string, taken ...string) []AZGroup {
	col := collate.New(language.Make(lang), collate.Loose)
	letters := make([]string, len(entries))
	order := make([]int, len(entries))
	for i, e := range entries {
		letters[i], order[i] = azLetter(e.Title), i
	}
	less := func(a, b int) bool {
		la, lb := letters[a], letters[b]
		if la != lb {
			if la == "#" || lb == "#" {
				return la == "#"
			}
			if c := col.CompareString(la, lb); c != 0 {
				return c < 0
			}
			return la < lb // told apart, so that each letter is one run
		}
		ta, tb := entries[a].Title, entries[b].Title
		if c := col.CompareString(fromLetter(ta), fromLetter(tb)); c != 0 {
			return c < 0
		}
		return col.CompareString(ta, tb) < 0
	}
	sort.SliceStable(order, func(i, j int) bool { return less(order[i], order[j]) })
	ids := newIDs(taken...)
	var out []AZGroup
	for _, i := range order {
		if len(out) == 0 || out[len(out)-1].Letter != letters[i] {
			id := "az-0"
			if letters[i] != "#" {
				id = "az-" + strings.ToLower(letters[i])
			}
			out = append(out, AZGroup{Letter: letters[i], ID: ids.claim(id)})
		}
		out[len(out)-1].Entries = append(out[len(out)-1].Entries, entries[i])
	}
	return out
}

// idSet hands out ids unique within a page: a taken id gets the first
// free "-2", "-3"… suffix, so duplicates cannot be made, whatever the
// titles.
type idSet map[string]bool

func newIDs(taken ...string) idSet {
	s := idSet{}
	for _, id := range taken {
		s[id] = true
	}
	return s
}

func (s idSet) claim(id string) string {
	try := id
	for n := 2; s[try]; n++ {
		try = id + "-" + strconv.Itoa(n)
	}
	s[try] = true
	return try
}
