package xliff

import (
	"regexp"
	"strings"

	"sobre/build/markup"
)

// piece is a run of a unit's text: words to translate, or Markdown that
// must come back as it was (Code), which the file carries as a
// placeholder (<ph>) with the Markdown in the unit's original data.
type piece struct {
	Text string
	Code bool
}

// codeRe finds the Markdown inside a line that is no text to translate.
// Placeholders rather than literal Markdown: translation tools lock them,
// so a translator can move a link but not break its address, an id or a
// glossary reference.
var codeRe = regexp.MustCompile(strings.Join([]string{
	"`[^`]+`", // code
	`\[\[[^\[\]|\n]+?(?:\|[^\[\]|\n]+?)?\]\]`, // glossary reference, cut below
	`\]\([^)\s]*(?:\s+"[^"]*")?\)`,            // a link's end and address
	`\]\{[^}\n]*\}`,                           // a span's end and attributes: ]{lang=en}
	`[ \t]*\{#[^}\n]*\}`,                      // a heading's id
	`\{\{[^}\n]*\}\}`,                         // a blank or directive
	`\[![A-Z]+\]`,                             // a callout's kind
	`!?\[`,                                    // a link's, span's or image's start
	`\*\*|\*`,                                 // emphasis
	`</?[A-Za-z][^>\n]*>`,                     // HTML, an address in <…>
}, "|"))

var glossRe = regexp.MustCompile(`^\[\[([^\[\]|\n]+?)(\|[^\[\]|\n]+?)?\]\]$`)

// tokenize cuts a unit's raw text (its first line without markers, later
// lines with theirs) into pieces. Later lines' breaks and markers are
// code; a line with no marker continues the paragraph after a space.
func tokenize(raw string) []piece {
	var out []piece
	for i, line := range strings.Split(raw, "\n") {
		if i > 0 {
			p := prefixRe.FindString(line)
			if p == "" {
				out = addText(out, " ")
			} else {
				out = append(out, piece{Text: "\n" + p, Code: true})
			}
			line = line[len(p):]
		}
		out = inline(out, line)
	}
	return out
}

func inline(out []piece, line string) []piece {
	last := 0
	for _, m := range codeRe.FindAllStringIndex(line, -1) {
		out = addText(out, line[last:m[0]])
		code := line[m[0]:m[1]]
		if g := glossRe.FindStringSubmatch(code); g != nil {
			// The shown words are text; the entry's id is code: a
			// translated term keeps pointing at its entry.
			id := g[2]
			if id == "" {
				id = "|" + markup.Slug(g[1])
			}
			out = append(out, piece{Text: "[[", Code: true})
			out = addText(out, g[1])
			out = append(out, piece{Text: id + "]]", Code: true})
		} else {
			out = append(out, piece{Text: code, Code: true})
		}
		last = m[1]
	}
	return addText(out, line[last:])
}

func addText(out []piece, s string) []piece {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 && !out[n-1].Code {
		out[n-1].Text += s
		return out
	}
	return append(out, piece{Text: s})
}

// join writes pieces back as Markdown.
func join(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String()
}

// canonical is raw as the file writes it back: what an unchanged target
// reads as, so that an untouched unit is never rewritten.
func canonical(raw string) string { return join(tokenize(raw)) }

// same reports whether two texts differ only in spacing.
func same(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}
