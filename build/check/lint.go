package check

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"sobre/build/diag"
	"sobre/build/lang"
	"sobre/build/markup"
)

// markerLangs orders the languages whose profile has marker words, by
// code, for the bit masks of markerIndex, which answers "which languages
// is this word typical of?" with one map lookup. The words are the
// profiles' (build/lang): typical of one language, rare in the others.
var markerLangs, markerIndex = func() ([]string, map[string]uint16) {
	var langs []string
	for _, p := range lang.All() {
		if len(p.Markers) > 0 {
			langs = append(langs, p.Code)
		}
	}
	sort.Strings(langs)
	m := map[string]uint16{}
	for k, l := range langs[:min(len(langs), 16)] {
		for _, w := range lang.Get(l).Markers {
			m[w] |= 1 << k
		}
	}
	return langs, m
}()

// markerOf looks a word up in markerIndex, lower-casing ASCII on the way.
func markerOf(w string) uint16 {
	if len(w) > 8 {
		return 0
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return 0
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return markerIndex[string(buf[:len(w)])]
}

var fileNameRe = regexp.MustCompile(`(?i)^[\w .-]+\.(png|jpe?g|gif|svg|webp|avif|bmp|tiff?)$|^(img|dsc|image|photo|screenshot)[_ -]?\d+`)

// genericAlt are alt texts that name no image ("photo"), in every
// profile's language: an English word on a French page says no more.
var genericAlt = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range lang.All() {
		for _, w := range p.GenericAlt {
			m[w] = true
		}
	}
	return m
}()

// Options tune the content rules.
type Options struct {
	// MinReadability is the lowest reading ease accepted, per language;
	// 0 or absent turns the rule off for that language.
	MinReadability map[string]float64
	// PageMin, when set, replaces MinReadability for this page.
	PageMin *float64
}

// PageReport is what the rules measured on a page (for check -json).
type PageReport struct {
	File        string       `json:"file"`
	Readability *Readability `json:"readability,omitempty"`
}

// Lint applies the content rules that need judgement to a parsed page:
// they give warnings, which a build prints and check -strict refuses.
func Lint(d *markup.Doc, file, lang string, opts Options) (diag.List, PageReport) {
	var l diag.List
	rep := PageReport{File: file}
	src := d.Source
	var total Counts
	longest := 0
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			txt := strings.ToLower(strings.Trim(markup.PlainText(n, src), " .:;,!?…«»\"'’()"))
			for _, v := range vagueLinks(lang) {
				if txt == v {
					l.Warnf(file, d.Line(n), "link-text", "link text %q says nothing out of context: name where it leads, e.g. [the charter's commitments](…)", markup.PlainText(n, src))
					break
				}
			}
			if strings.HasPrefix(txt, "http://") || strings.HasPrefix(txt, "https://") || strings.HasPrefix(txt, "www.") {
				if dest := string(n.Destination); strings.Contains(dest, txt) || strings.TrimPrefix(strings.TrimPrefix(dest, "https://"), "http://") == txt {
					l.Warnf(file, d.Line(n), "link-text", "link text is a bare address: screen readers spell it out; name the page instead, e.g. [EcoLogits](https://ecologits.ai)")
				}
			}
		case *ast.Image:
			alt := strings.TrimSpace(markup.PlainText(n, src))
			base := path.Base(string(n.Destination))
			if alt != "" && (fileNameRe.MatchString(alt) || strings.EqualFold(alt, base) || strings.EqualFold(alt, strings.TrimSuffix(base, path.Ext(base))) || genericAlt[strings.ToLower(alt)]) {
				l.Warnf(file, d.Line(n), "image-alt", "alt text %q does not describe the image: say what it shows and why it is there", alt)
			}
		case *east.Table:
			empty := true
			if h, ok := n.FirstChild().(*east.TableHeader); ok {
				for c := h.FirstChild(); c != nil; c = c.NextSibling() {
					if strings.TrimSpace(markup.PlainText(c, src)) != "" {
						empty = false
					}
				}
			}
			if empty {
				l.Warnf(file, d.Line(n), "table-header", "table without a header row: name each column in the first row so screen readers can announce it")
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			t := text(n, src)
			c := Scan(t, lang)
			total.Add(c)
			longest = max(longest, longestSentence(t))
			if w := foreign(c, lang); w != "" {
				l.Warnf(file, d.Line(n), "lang-mark", "this looks written in %s, not %s: mark the phrase with [words]{lang=%s} so screen readers switch voice (WCAG 3.1.2), or translate it", w, lang, w)
			}
		case *ast.Heading, *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if opts.PageMin != nil && *opts.PageMin > 0 && !hasFormula(lang) {
		l.Warnf(file, 1, "readability", "min_readability %g is never applied: %q has no reading-ease formula; add one to its profile (CONTRIBUTING.md, \"Add a language\"), or remove the key", *opts.PageMin, lang)
	}
	if r, ok := Measure(total, lang); ok {
		r.Longest = longest
		rep.Readability = &r
		min := opts.MinReadability[baseLang(lang)]
		if opts.PageMin != nil {
			min = *opts.PageMin
		}
		if min > 0 && r.Score < min {
			l.Warnf(file, 0, "readability", "reading ease %.0f (%s, %s) is under %.0f: use shorter sentences (now %.1f words each) and everyday words",
				r.Score, r.Formula, r.Grade, min, float64(r.Words)/float64(r.Sentences))
		}
	}
	return l, rep
}

// text returns a block's words outside code and phrases marked with their
// own language, which the language rule must not count, and outside badges
// and blanks, which are the page's, not the author's.
func text(n ast.Node, src []byte) string {
	return markup.TextWithout(n, src, func(c ast.Node) bool {
		switch c.(type) {
		case *markup.Span, *ast.CodeSpan, *markup.Level, *markup.Blank:
			return true
		}
		return false
	})
}

// foreign returns the language a block seems written in when it is
// clearly not lang: at least four marker words of another language and
// more than twice as many as of its own.
func foreign(c Counts, tag string) string {
	own := baseLang(tag)
	counts := c.Markers
	best, n := "", 0
	for _, l := range markerLangs {
		if l != own && counts[l] > n {
			best, n = l, counts[l]
		}
	}
	if p := lang.Get(own); p == nil || len(p.Markers) == 0 || n < 4 || n <= 2*counts[own] {
		return ""
	}
	return best
}

// hasFormula reports whether a language's profile has a reading-ease
// formula.
func hasFormula(tag string) bool {
	p := lang.Get(tag)
	return p != nil && p.Readability != nil
}

// vagueLinks are the link texts of a language that say nothing out of
// context, which is how screen reader users often list links (WCAG 2.4.4).
func vagueLinks(tag string) []string {
	if p := lang.Get(tag); p != nil {
		return p.VagueLinks
	}
	return nil
}

func (r Readability) String() string {
	return fmt.Sprintf("%.0f (%s, %s), sentences of %.1f words on average, the longest %d", r.Score, r.Formula, r.Grade, float64(r.Words)/float64(max(r.Sentences, 1)), r.Longest)
}
