package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindDirective is the node kind of a generated block.
var KindDirective = ast.NewNodeKind("Directive")

// Directive is a paragraph holding only "{{name}}" for a block the build
// generates from the site itself: the self-assessment form from the
// charter's commitments, the list of pages made with AI help.
type Directive struct {
	ast.BaseBlock
	Name string
}

func (n *Directive) Kind() ast.NodeKind { return KindDirective }

func (n *Directive) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name}, nil)
}

// DirectiveNames are the generated blocks a page may ask for.
var DirectiveNames = []string{"assessment", "ai-pages", "a-z"}

// Directives lists the directives a page uses.
func (d *Doc) Directives() []string {
	var out []string
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if dn, ok := n.(*Directive); ok && entering {
			out = append(out, dn.Name)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// IDs lists the element ids the body's HTML has (headings, checkboxes):
// a generated block takes others.
func (d *Doc) IDs() []string {
	var out []string
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Attributes() == nil {
			return ast.WalkContinue, nil
		}
		if v, ok := n.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				out = append(out, string(b))
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

func isDirective(name string) bool {
	for _, n := range DirectiveNames {
		if n == name {
			return true
		}
	}
	return false
}

type directiveExt struct{}

func (directiveExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(directiveTransformer{}, 450)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(directiveRenderer{}, 500)))
}

type directiveTransformer struct{}

func (directiveTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(optsKey).(*Doc)
	var blanks []*Blank
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*Blank); ok && entering && isDirective(b.Name) {
			blanks = append(blanks, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range blanks {
		para := b.Parent()
		alone := para != nil && para.Kind() == ast.KindParagraph && para.ChildCount() == 1 && para.Parent() == doc
		if !alone {
			if d != nil {
				d.errorf(b.Parent(), "directive", "{{%s}} makes a whole block: put it alone on its own line, with blank lines around it", b.Name)
			}
			continue
		}
		dn := &Directive{Name: b.Name}
		dn.SetLines(para.Lines())
		doc.ReplaceChild(doc, para, dn)
	}
}

// directiveRenderer asks the target's generator for the block, in its
// place: generated once per page and target, never patched in afterwards.
type directiveRenderer struct{}

func (directiveRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindDirective, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		t := stateOf(w).target
		if !entering || t.Blocks == nil {
			return ast.WalkSkipChildren, nil
		}
		if err := t.Blocks.Generate(w, n.(*Directive).Name, t); err != nil {
			return ast.WalkStop, err
		}
		_ = w.WriteByte('\n')
		return ast.WalkSkipChildren, nil
	})
}
