package markup

import (
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindBlank is the node kind of a blank to fill.
var KindBlank = ast.NewNodeKind("Blank")

// Blank is a "{{name}}" field: filled from site.toml when a value is known,
// otherwise a line to fill by hand that screen readers announce by name.
type Blank struct {
	ast.BaseInline
	Name  string
	Value string // empty: fill by hand
	Label string // what to write there, in the reader's language
}

func (n *Blank) Kind() ast.NodeKind { return KindBlank }

func (n *Blank) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name, "Value": n.Value}, nil)
}

// Plain is what the blank reads as in plain text.
func (n *Blank) Plain() string {
	if n.Value != "" {
		return n.Value
	}
	return "________________"
}

// BlankNames are the fields a page may use.
var BlankNames = []string{"organisation", "date", "signature"}

var blankRe = regexp.MustCompile(`^\{\{\s*([a-z][a-z-]*)\s*\}\}`)

type blankExt struct{}

func (blankExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(blankParser{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(blankRenderer{}, 500)))
}

type blankParser struct{}

func (blankParser) Trigger() []byte { return []byte{'{'} }

func (blankParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	m := blankRe.FindSubmatch(line)
	if m == nil {
		return nil
	}
	d, _ := pc.Get(optsKey).(*Doc)
	name := string(m[1])
	known := isDirective(name)
	for _, n := range BlankNames {
		known = known || n == name
	}
	if !known {
		if d != nil {
			d.Problems.Errorf(d.opts.File, d.lines.Line(seg.Start)+d.opts.LineOffset, "blank",
				"unknown field {{%s}}: use one of {{organisation}}, {{date}}, {{signature}}, or alone on a line {{assessment}}, {{ai-pages}}, {{a-z}}", name)
		}
		return nil
	}
	block.Advance(len(m[0]))
	b := &Blank{Name: name}
	if d != nil {
		b.Value = d.opts.Values[name]
		b.Label = d.opts.Labels["blank."+name]
	}
	if b.Label == "" {
		b.Label = name
	}
	return b
}

type blankRenderer struct{}

func (blankRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindBlank, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*Blank)
		if b.Value != "" {
			_, _ = w.WriteString(`<span class="filled">`)
			html.DefaultWriter.Write(w, []byte(b.Value))
			_, _ = w.WriteString(`</span>`)
			return ast.WalkContinue, nil
		}
		// The line is drawn by CSS; its name is read aloud and printed small
		// under it, so a form on paper says what goes where.
		_, _ = w.WriteString(`<span class="blank blank-` + b.Name + `"><span class="blank-label">`)
		html.DefaultWriter.Write(w, []byte(b.Label))
		_, _ = w.WriteString(`</span></span>`)
		return ast.WalkContinue, nil
	})
}
