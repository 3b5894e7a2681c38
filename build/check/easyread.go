package check

import (
	"bufio"
	"embed"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"sobre/build/diag"
	"sobre/build/markup"
)

// The easy-to-read rules follow Inclusion Europe's "Information for all:
// European standards for making information easy to read and understand"
// (2009): short sentences, one sentence per line, no sentence cut over two
// lines, no italics, no abbreviations the reader is not told, a picture
// beside each idea, text aligned left. The limits are the issue's: a
// sentence of more than 15 words is a warning, of more than 20 an error.
const (
	easyWords = 15 // a sentence longer than this is a warning
	easyMost  = 20 // a sentence (or a line) longer than this is an error
)

//go:embed easyread/*.txt
var easyFiles embed.FS

// easyAllowed are the abbreviations an easy-to-read page of a language may
// use (easyread/<lang>.txt: one a line, # for comments).
var easyAllowed = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	entries, _ := easyFiles.ReadDir("easyread")
	for _, e := range entries {
		data, _ := easyFiles.ReadFile("easyread/" + e.Name())
		set := map[string]bool{}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for sc.Scan() {
			if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
				set[w] = true
			}
		}
		m[strings.TrimSuffix(e.Name(), ".txt")] = set
	}
	return m
}()

// Abbreviations spelt with full stops: two or more letter groups ("p.ex.",
// "o.a.", "e.g."), or a short word from the language's list of common
// ones, which an all-capitals test cannot see.
var (
	dottedRe   = regexp.MustCompile(`(?:^|[^\p{L}])((?:\p{L}{1,4}\.){2,})`)
	shortAbbrs = map[string][]string{
		// Only spellings that are no word of their own: "art." and
		// "no." end sentences too.
		"fr": {"etc.", "cf.", "env.", "resp.", "n°"},
		"nl": {"bijv.", "bv.", "enz.", "vb.", "ca.", "nr."},
		"en": {"etc.", "approx.", "vs.", "cf.", "incl.", "e.g.", "i.e."},
	}
	// justifyRe finds an author's attempt at justified text: an attribute
	// or style the Markdown does not apply but that shows the intent.
	justifyRe = regexp.MustCompile(`(?i)\{[^}]*(\.justif|text-align|style\s*=)[^}]*\}|text-align\s*:\s*justify`)
)

// EasyRead applies the easy-to-read rules to a page marked
// "edition: easy-read". Each problem says where and what to do.
func EasyRead(d *markup.Doc, file, lang string) diag.List {
	e := &easy{d: d, file: file, lang: baseLang(lang), allowed: easyAllowed[baseLang(lang)]}
	e.pictures()
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			e.justified(n)
			for _, l := range e.lines(n) {
				e.abbreviations(l)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if imageOnly(n, d.Source) {
				return ast.WalkSkipChildren, nil
			}
			e.block(n)
		case *ast.Emphasis:
			if n.Level == 1 {
				e.l.Errorf(file, d.Line(n), "easy-italic", "italics are hard to read: write %q upright, or in bold (**…**) if it is important", markup.PlainText(n, d.Source))
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			if justifyRe.Match(rawOf(n, d.Source)) {
				e.l.Errorf(file, d.Line(n), "easy-justify", "justified text leaves uneven gaps between words: remove the alignment, easy-to-read text is aligned left")
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return e.l
}

type easy struct {
	d       *markup.Doc
	file    string
	lang    string
	allowed map[string]bool
	l       diag.List
}

// srcLine is one line of a block as the source writes it: the edition
// shows each on its own line.
type srcLine struct {
	text string
	line int
	last bool // the block's last line
}

// pictures asks each h2 section to open with its picture.
func (e *easy) pictures() {
	for n := e.d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != 2 {
			continue
		}
		if next := h.NextSibling(); next == nil || !imageOnly(next, e.d.Source) {
			e.l.Errorf(e.file, e.d.Line(h), "easy-picture", "section %q has no picture: start it with a paragraph holding only its picture, ![what it shows](img/pictos/name.svg)", markup.PlainText(h, e.d.Source))
		}
	}
}

// block checks a paragraph or list item line by line.
func (e *easy) block(n ast.Node) {
	for _, l := range e.lines(n) {
		e.abbreviations(l)
		if justifyRe.MatchString(l.text) {
			e.l.Errorf(e.file, l.line, "easy-justify", "%q asks for an alignment: remove it, easy-to-read text is aligned left and never justified", justifyRe.FindString(l.text))
		}
		if strings.ContainsRune(l.text, '\u00ad') {
			e.l.Errorf(e.file, l.line, "easy-hyphen", "a soft hyphen may cut a word at the end of a line: remove it, words stay whole")
		}
		e.cutWord(l)
		l.text = justifyRe.ReplaceAllString(l.text, "")
		e.sentences(l)
	}
}

// sentences measures each sentence of a line, and the line.
func (e *easy) sentences(l srcLine) {
	ss := splitSentences(l.text)
	total := 0
	for _, s := range ss {
		w := countWords(s)
		total += w
		switch {
		case w > easyMost:
			e.l.Errorf(e.file, l.line, "easy-sentence", "sentence of %d words (at most %d): cut it in two, one idea per sentence: %q", w, easyMost, clip(s))
		case w > easyWords:
			e.l.Warnf(e.file, l.line, "easy-sentence", "sentence of %d words (aim for %d or fewer): cut it or use fewer words: %q", w, easyWords, clip(s))
		}
	}
	switch {
	case len(ss) > 1 && total > easyMost:
		e.l.Errorf(e.file, l.line, "easy-line", "line of %d words in %d sentences (at most %d words a line): put each sentence on its own line", total, len(ss), easyMost)
	case len(ss) > 1:
		e.l.Warnf(e.file, l.line, "easy-line", "line holds %d sentences: put each sentence on its own line (the page shows each source line as a line)", len(ss))
	}
}

// cutWord reports a line that ends with a letter and a hyphen: a word
// cut over two source lines, which the page would show cut.
func (e *easy) cutWord(l srcLine) {
	r := []rune(l.text)
	if len(r) >= 2 && r[len(r)-1] == '-' && unicode.IsLetter(r[len(r)-2]) && !l.last {
		e.l.Errorf(e.file, l.line, "easy-hyphen", "a word is cut over two lines with a hyphen: write it whole on one line")
	}
}

// abbreviations reports the words of a line written in capitals or with
// full stops that the language's list does not allow.
func (e *easy) abbreviations(l srcLine) {
	seen := map[string]bool{}
	report := func(w string) {
		if seen[w] || e.allowed[w] {
			return
		}
		seen[w] = true
		e.l.Errorf(e.file, l.line, "easy-abbr", "abbreviation %q: write the words in full, or explain it and add it to build/check/easyread/%s.txt", w, e.lang)
	}
	for _, w := range strings.FieldsFunc(l.text, func(r rune) bool { return !isWordRune(r) }) {
		if i := strings.LastIndexAny(w, "'’"); i >= 0 {
			w = w[i+len(string([]rune(w[i:])[0])):] // l'IA: the word after the elision
		}
		w = strings.Trim(w, "-")
		if isCapitals(w) {
			report(w)
		}
	}
	for _, m := range dottedRe.FindAllStringSubmatch(l.text, -1) {
		report(m[1])
	}
	low := strings.ToLower(l.text)
	for _, a := range shortAbbrs[e.lang] {
		for at := 0; at < len(low); {
			i := strings.Index(low[at:], a)
			if i < 0 {
				break
			}
			i += at
			if i == 0 || !unicode.IsLetter(rune(low[i-1])) && low[i-1] != '.' {
				report(a)
				break
			}
			at = i + len(a)
		}
	}
}

// justified reports a class on a heading that would justify it.
func (e *easy) justified(h *ast.Heading) {
	if v, ok := h.AttributeString("class"); ok {
		if c, _ := v.([]byte); strings.Contains(strings.ToLower(string(c)), "justif") {
			e.l.Errorf(e.file, e.d.Line(h), "easy-justify", "class %q would justify the text: remove it, easy-to-read text is aligned left", c)
		}
	}
}

// lines splits a block's text at its line breaks, with each line's file
// line. An image's alt text is no sentence of the block.
func (e *easy) lines(n ast.Node) []srcLine {
	var out []srcLine
	var b strings.Builder
	line := 0
	flush := func() {
		if t := strings.TrimSpace(b.String()); t != "" {
			out = append(out, srcLine{text: t, line: line})
		}
		b.Reset()
		line = 0
	}
	src := e.d.Source
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Image:
			b.WriteByte(' ')
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if line == 0 {
				line = e.d.Line(c)
			}
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				flush()
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	flush()
	if len(out) > 0 {
		out[len(out)-1].last = true
	}
	return out
}

// imageOnly reports whether a block holds pictures and nothing else.
func imageOnly(n ast.Node, src []byte) bool {
	if _, ok := n.(*ast.Paragraph); !ok {
		return false
	}
	images := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			images++
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(src))) != "" {
				return false
			}
		default:
			return false
		}
	}
	return images > 0
}

// splitSentences cuts a line after each full stop, question or exclamation
// mark followed by a space and a word that does not start in lower case
// ("p.ex. pour" goes on).
func splitSentences(t string) []string {
	var out []string
	start := 0
	rs := []rune(t)
	for i, r := range rs {
		if (r == '.' || r == '!' || r == '?' || r == '…') && (i+1 == len(rs) || unicode.IsSpace(rs[i+1]) && !nextLower(rs[i+1:])) {
			if s := strings.TrimSpace(string(rs[start : i+1])); countWords(s) > 0 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(string(rs[start:])); countWords(s) > 0 {
		out = append(out, s)
	}
	return out
}

// nextLower reports whether the first letter after the spaces of rs is
// a lower-case one.
func nextLower(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// longestSentence is the word count of the longest sentence of a block.
func longestSentence(t string) int {
	n := 0
	for _, s := range splitSentences(t) {
		n = max(n, countWords(s))
	}
	return n
}

func countWords(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		if strings.Trim(w, "-'’") != "" {
			n++
		}
	}
	return n
}

// isCapitals: two letters or more, all of them capitals ("ASBL", "RGPD").
func isCapitals(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

func rawOf(n ast.Node, src []byte) []byte {
	var b []byte
	if r, ok := n.(*ast.RawHTML); ok {
		for i := 0; i < r.Segments.Len(); i++ {
			seg := r.Segments.At(i)
			b = append(b, seg.Value(src)...)
		}
		return b
	}
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}
