package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindTaskLabel is the node kind of a checklist item's label.
var KindTaskLabel = ast.NewNodeKind("TaskLabel")

// TaskLabel holds the text of a checklist item, so that it becomes the
// <label> of a real checkbox rather than text beside a disabled one.
type TaskLabel struct {
	ast.BaseInline
	For string
}

func (n *TaskLabel) Kind() ast.NodeKind { return KindTaskLabel }

func (n *TaskLabel) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"For": n.For}, nil)
}

type taskExt struct{}

func (taskExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(taskTransformer{}, 600)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(taskRenderer{}, 100)))
}

type taskTransformer struct{}

func (taskTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(optsKey).(*Doc)
	var boxes []*east.TaskCheckBox
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*east.TaskCheckBox); ok && entering {
			boxes = append(boxes, b)
		}
		return ast.WalkContinue, nil
	})
	for _, b := range boxes {
		id := string(pc.IDs().Generate([]byte("case"), east.KindTaskCheckBox))
		b.SetAttributeString("id", []byte(id))
		label := &TaskLabel{For: id}
		parent := b.Parent()
		for c := b.NextSibling(); c != nil; {
			next := c.NextSibling()
			label.AppendChild(label, c)
			c = next
		}
		parent.InsertAfter(parent, b, label)
		if li := parent.Parent(); li != nil && li.Kind() == ast.KindListItem {
			li.SetAttributeString("class", []byte("task"))
		}
		if d != nil {
			d.Tasks++
		}
	}
}

type taskRenderer struct{}

func (taskRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(east.KindTaskCheckBox, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*east.TaskCheckBox)
		id, _ := b.AttributeString("id")
		_, _ = w.WriteString(`<input type="checkbox" class="task-box" id="`)
		_, _ = w.Write(util.EscapeHTML(id.([]byte)))
		_ = w.WriteByte('"')
		xhtml := stateOf(w).target.XHTML
		switch {
		case b.IsChecked && xhtml:
			_, _ = w.WriteString(` checked="checked"`)
		case b.IsChecked:
			_, _ = w.WriteString(" checked")
		}
		if xhtml {
			_, _ = w.WriteString("/>")
		} else {
			_, _ = w.WriteString(">")
		}
		return ast.WalkContinue, nil
	})
	r.Register(KindTaskLabel, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(` <label for="` + n.(*TaskLabel).For + `">`)
		} else {
			_, _ = w.WriteString("</label>")
		}
		return ast.WalkContinue, nil
	})
}
