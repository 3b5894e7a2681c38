package content

import (
	"path"
	"regexp"
	"strings"
)

// StampDir is where `sobre stamp` keeps, for each translation, the source
// text it was made from (StampPath): status compares it with today's
// source to show translators what changed, word by word. It lives beside
// content/, is never published, and belongs in version control with the
// translations.
const StampDir = ".sobre/stamped"

// StampPath is where the source of lang's translation of key is kept.
func StampPath(lang, key string) string { return path.Join(StampDir, lang, key) }

// itemRe starts a unit of its own inside a paragraph: a list item ("- ",
// "* ", "+ ", "1. ", "1) ", a task "- [ ] ") or a table row ("| ").
var itemRe = regexp.MustCompile(`^\s*([-*+]\s|\d{1,9}[.)]\s|\|)`)

// Units splits a page's body (its first line at line) into what a
// translator translates one at a time: paragraphs, and inside a list or a
// table each item or row, with its continuation lines. A table's
// delimiter row (|---|) is no text and no unit.
func Units(body []byte, line int) []Block {
	var out []Block
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			t := strings.Join(cur, " ")
			out = append(out, Block{Line: start, Text: t, Hash: shortHash(t, 8)})
			cur = nil
		}
	}
	for i, l := range strings.Split(string(body), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		switch {
		case l == "":
			flush()
			continue
		case strings.Trim(l, "|-: ") == "" && strings.Contains(l, "-"):
			flush() // a table's delimiter row
			continue
		case itemRe.MatchString(l):
			flush()
		}
		if len(cur) == 0 {
			start = line + i
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// Change is a unit of the source that differs from when the translation
// was made: changed (Old and New), added (New only) or removed (Old
// only). Old holds the text only when the stamped source was kept.
type Change struct {
	Old, New *Block
	// At is the unit's index in the recorded source (-1 when added):
	// with a translation of the same shape, the index of its own unit.
	At int
}

// Changes aligns the units recorded at translation time (rec's hashes,
// and their texts, old, when the stamped source was kept) with the
// source's units today, as diff does with lines (longest common
// subsequence): a unit rewritten in place is one change, not an addition
// and a removal.
func Changes(src *Source, rec *Translation, old []Block) []Change {
	then, now := rec.Paragraphs, Units(src.Body, src.BodyLine)
	if len(old) != len(then) {
		old = nil // another shape than the record: texts unknown
	}
	for i := range old {
		if old[i].Hash != then[i] {
			old = nil
			break
		}
	}
	n, m := len(then), len(now)
	// lcs[i][j]: the longest common run of then[i:] and now[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if then[i] == now[j].Hash {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Change
	var gone, came []int // a run of removed and added units, between two kept ones
	pair := func() {
		k := 0
		for ; k < len(gone) && k < len(came); k++ {
			out = append(out, Change{Old: oldAt(old, then, gone[k]), New: &now[came[k]], At: gone[k]})
		}
		for _, g := range gone[k:] {
			out = append(out, Change{Old: oldAt(old, then, g), At: g})
		}
		for _, c := range came[k:] {
			out = append(out, Change{New: &now[c], At: -1})
		}
		gone, came = gone[:0], came[:0]
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && then[i] == now[j].Hash:
			pair()
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			came = append(came, j)
			j++
		default:
			gone = append(gone, i)
			i++
		}
	}
	pair()
	return out
}

// oldAt is recorded unit i: its text when known, its hash alone when not.
func oldAt(old []Block, then []string, i int) *Block {
	if old != nil {
		return &old[i]
	}
	return &Block{Hash: then[i]}
}
