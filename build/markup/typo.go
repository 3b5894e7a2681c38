package markup

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"sobre/build/lang"
)

// nnbsp is U+202F NARROW NO-BREAK SPACE, the space French typography puts
// before ; : ! ? and inside « »: it keeps the sign on the word's line.
const nnbsp = "\u202f"

var frSpacing = strings.NewReplacer(
	" ;", nnbsp+";", " :", nnbsp+":", " !", nnbsp+"!", " ?", nnbsp+"?",
	" »", nnbsp+"»", "« ", "«"+nnbsp,
	"\u00a0;", nnbsp+";", "\u00a0:", nnbsp+":", "\u00a0!", nnbsp+"!", "\u00a0?", nnbsp+"?",
	"\u00a0»", nnbsp+"»", "«\u00a0", "«"+nnbsp,
)

// frenchSpacing reports whether a language's profile (build/lang) asks for
// French spacing: French only today.
func frenchSpacing(tag string) bool {
	p := lang.Get(tag)
	return p != nil && p.Typography.FrenchSpacing
}

// typoTransformer applies French spacing to the text of French pages. Code
// and link destinations are not text nodes, so they are never touched.
type typoTransformer struct{}

func (typoTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(optsKey).(*Doc)
	if d == nil || d.opts.Lang == "" || !frenchSpacing(d.opts.Lang) {
		return
	}
	src := reader.Source()
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		v := string(t.Segment.Value(src))
		r := frSpacing.Replace(v)
		if r == v {
			continue
		}
		if t.SoftLineBreak() {
			r += "\n"
		}
		s := ast.NewString([]byte(r))
		parent := t.Parent()
		parent.ReplaceChild(parent, t, s)
		if t.HardLineBreak() {
			br := ast.NewTextSegment(text.NewSegment(t.Segment.Stop, t.Segment.Stop))
			br.SetHardLineBreak(true)
			parent.InsertAfter(parent, s, br)
		}
	}
}
