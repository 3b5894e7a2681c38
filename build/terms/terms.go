// Package terms reads the fixed-term glossary (i18n/terms.toml): words of
// the source that every translation renders one way ("charte" is
// "charter"), and finds them in a text. The XLIFF export hands them to
// translation tools; check warns when a translation avoids one.
package terms

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// File is where the glossary lives in a site folder.
const File = "i18n/terms.toml"

// Term is a fixed term: its words per language, and why it is fixed.
type Term struct {
	Words map[string]string // language -> words ("fr" -> "charte")
	Note  string
	Line  int // of its [[term]] line in File
}

// List is the glossary.
type List struct{ Terms []Term }

// Load reads the glossary from a site folder; a site without one has an
// empty list. A term needs the source language's words.
func Load(fsys fs.FS, source string) (*List, error) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return &List{}, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(data, source)
}

// Error is a fault in the glossary file, at a line (0: the whole file).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return File + ": terms: " + e.Msg
	}
	return fmt.Sprintf("%s:%d: terms: %s", File, e.Line, e.Msg)
}

// Parse reads a glossary file.
func Parse(data []byte, source string) (*List, error) {
	var raw struct {
		Term []map[string]string `toml:"term"`
	}
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{pe.Position.Line, pe.Message}
		}
		return nil, &Error{0, err.Error()}
	}
	lines := termLines(data)
	l := &List{}
	for i, m := range raw.Term {
		t := Term{Words: map[string]string{}, Note: m["note"]}
		if i < len(lines) {
			t.Line = lines[i]
		}
		for k, v := range m {
			if k != "note" && strings.TrimSpace(v) != "" {
				t.Words[k] = strings.TrimSpace(v)
			}
		}
		if t.Words[source] == "" {
			return nil, &Error{t.Line, fmt.Sprintf("a term needs its words in the source language (%s = \"…\")", source)}
		}
		l.Terms = append(l.Terms, t)
	}
	return l, nil
}

// termLines are the lines of the [[term]] headers, in order.
func termLines(data []byte) []int {
	var out []int
	for i, l := range bytes.Split(data, []byte("\n")) {
		if string(bytes.TrimSpace(l)) == "[[term]]" {
			out = append(out, i+1)
		}
	}
	return out
}

// In lists the terms whose words in lang a text uses, sorted by their
// words.
func (l *List) In(text, lang string) []Term {
	var out []Term
	for _, t := range l.Terms {
		if w := t.Words[lang]; w != "" && Uses(text, w) {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Words[lang] < out[j].Words[lang] })
	return out
}

// markupRe is Markdown that holds no words of the text: a link's
// address, an id, a glossary reference's id, code, an HTML tag.
var markupRe = regexp.MustCompile("\\]\\([^)]*\\)|\\{[#.][^}]*\\}|\\|[^\\]|]*\\]\\]|`[^`]*`|<[^>]*>")

// Uses reports whether text has words as a whole word, in any case, with
// an inflection ending at most (charte, chartes; vzw, vzw's; charters).
// Apostrophes may be typed straight or curly.
func Uses(text, words string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "'", "’")) }
	t, w := norm(markupRe.ReplaceAllString(text, "]")), norm(words)
	for from := 0; ; {
		i := strings.Index(t[from:], w)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		if !letterBefore(t, i) && !letterAfter(t, inflected(t, end)) {
			return true
		}
		from = i + 1
	}
}

// inflected skips a plural or genitive ending after a word.
func inflected(t string, end int) int {
	for _, e := range []string{"’s", "s", "en", "e"} {
		if strings.HasPrefix(t[end:], e) && !letterAfter(t, end+len(e)) {
			return end + len(e)
		}
	}
	return end
}

func letterBefore(t string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(t[:i])
	return n > 0 && isWord(r)
}

func letterAfter(t string, i int) bool {
	for _, r := range t[i:] {
		return isWord(r)
	}
	return false
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
