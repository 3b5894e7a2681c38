package markup

import "github.com/yuin/goldmark/ast"

// KeepLines turns the soft line breaks of the page's text into hard ones:
// an easy-to-read edition writes one sentence per source line, and its
// readers see the lines as written (a <br> on the web and in the EPUB).
func (d *Doc) KeepLines() {
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && t.SoftLineBreak() {
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(true)
		}
		return ast.WalkContinue, nil
	})
}
