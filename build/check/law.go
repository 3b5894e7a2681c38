package check

import (
	"path"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"sobre/build/diag"
	"sobre/build/lang"
	"sobre/build/markup"
)

// LawLinks warns when a page cites the AI Act without linking to the law
// page (law, the link the page would write to it, e.g. "../la-loi.md"): the
// law changes, and one dated page keeps it current where restatements
// would go stale. Run it before links are rewritten.
func LawLinks(d *markup.Doc, file, code, law string) diag.List {
	p := lang.Get(code)
	if p == nil || p.LawCites == nil || law == "" {
		return nil
	}
	src := d.Source
	first, linked := 0, false
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest, _, _ := strings.Cut(string(n.Destination), "#")
			if path.Clean(dest) == path.Clean(law) {
				linked = true
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			if first == 0 && p.LawCites.MatchString(proseOf(n, src)) {
				first = d.Line(n)
			}
		}
		return ast.WalkContinue, nil
	})
	if first == 0 || linked {
		return nil
	}
	var l diag.List
	l.Warnf(file, first, "law-link", "the page cites the AI Act but does not link to the law page: link [the law today](%s#article-4) where it cites it, and let that dated page state the law", law)
	return l
}

// Stale warns when a dated page (front matter as_of, on line) was last
// checked more than a year before now: the law it states may have changed.
func Stale(file string, line int, asOf, now time.Time) diag.List {
	if asOf.IsZero() || !now.After(asOf.AddDate(1, 0, 0)) {
		return nil
	}
	var l diag.List
	l.Warnf(file, line, "as-of", "this page states the facts as of %s, more than a year ago: check each source again, update the text, then set as_of to the day you checked", asOf.Format("2006-01-02"))
	return l
}

// proseOf is the text of a block outside code spans, whatever language
// its phrases are marked with ("[AI Act]{lang=en}" cites the act too).
func proseOf(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() {
					b.WriteByte(' ')
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
