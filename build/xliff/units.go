package xliff

import (
	"regexp"
	"strings"
)

// span is one unit of a page's body as content.Units cuts it (its Text is
// the same), with what a rewrite needs: the body lines it covers and the
// structure written before its text.
type span struct {
	Start, End int    // body lines [Start, End), from 0
	Line       int    // file line of Start
	Text       string // normalised as content.Units does
	Prefix     string // the first line's markers: "## ", "- ", "1. ", "> "
	Table      bool   // a table row, cut into cells
}

var (
	// itemRe starts a unit of its own, as in content.Units.
	itemRe = regexp.MustCompile(`^\s*([-*+]\s|\d{1,9}[.)]\s|\|)`)
	// prefixRe is the block structure before a line's text: indentation,
	// quote markers, a heading's hashes, a list or task marker.
	prefixRe = regexp.MustCompile(`^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+)?(?:>[ \t]?)*`)
)

// spans cuts a body (its first line at file line first) into units, the
// way content.Units does, keeping each unit's lines.
func spans(body []byte, first int) []span {
	lines := strings.Split(string(body), "\n")
	var out []span
	cur := -1
	flush := func(end int) {
		if cur >= 0 {
			out = append(out, newSpan(lines, cur, end, first))
			cur = -1
		}
	}
	for i, l := range lines {
		n := strings.Join(strings.Fields(l), " ")
		switch {
		case n == "":
			flush(i)
			continue
		case strings.Trim(n, "|-: ") == "" && strings.Contains(n, "-"):
			flush(i)
			continue
		case itemRe.MatchString(n):
			flush(i)
		}
		if cur < 0 {
			cur = i
		}
	}
	flush(len(lines))
	return out
}

func newSpan(lines []string, start, end, first int) span {
	var norm []string
	for _, l := range lines[start:end] {
		norm = append(norm, strings.Join(strings.Fields(l), " "))
	}
	s := span{Start: start, End: end, Line: first + start, Text: strings.Join(norm, " ")}
	if strings.HasPrefix(s.Text, "|") {
		s.Table = true
		return s
	}
	s.Prefix = prefixRe.FindString(lines[start])
	return s
}

// raw is the unit's text as the file writes it, without its first
// line's markers: later lines keep theirs, after a line break.
func (s span) raw(lines []string) string {
	var b strings.Builder
	for i, l := range lines[s.Start:s.End] {
		if i == 0 {
			l = strings.TrimPrefix(l, s.Prefix)
		} else {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(l, " \t\r"))
	}
	return b.String()
}

// cells cuts a table row into its cells' texts, trimmed. A bar inside
// code or escaped (\|) does not end a cell.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var out []string
	var cur strings.Builder
	code := false
	for i := 0; i < len(row); i++ {
		c := row[i]
		switch {
		case c == '\\' && i+1 < len(row):
			cur.WriteByte(c)
			i++
			cur.WriteByte(row[i])
			continue
		case c == '`':
			code = !code
		case c == '|' && !code:
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
			continue
		}
		cur.WriteByte(c)
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// row writes cells back as a table row.
func row(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}
