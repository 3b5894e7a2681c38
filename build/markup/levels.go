package markup

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"sobre/build/lang"
)

// KindLevel is the node kind of a commitment level badge.
var KindLevel = ast.NewNodeKind("Level")

// Level is the badge a list item gets when it starts with a commitment level
// marker such as "(Avancé)" or "(Avancé ++)".
type Level struct {
	ast.BaseInline
	N     int    // 1 = advanced, 2 = advanced ++
	Label string // in the reader's language
}

func (n *Level) Kind() ast.NodeKind { return KindLevel }

func (n *Level) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"N": string(rune('0' + n.N))}, nil)
}

// levelMarkers are accepted in any language's page, so a translator who
// keeps the French marker still gets a badge in the reader's language. The
// words are the language profiles' (build/lang): "(Avancé ++)",
// "(Avancé++)" and "(Avancé)" for "Avancé".
var levelMarkers = func() []levelMarker {
	var out []levelMarker
	for _, p := range lang.All() {
		for _, w := range p.Levels {
			out = append(out,
				levelMarker{[]byte("(" + w + " ++)"), 2}, levelMarker{[]byte("(" + w + "++)"), 2},
				levelMarker{[]byte("(" + w + ")"), 1})
		}
	}
	return out
}()

// levelMarker is a marker's text and the level it gives.
type levelMarker struct {
	text []byte
	n    int
}

type levelExt struct{}

func (levelExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(levelTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(levelRenderer{}, 500)))
}

type levelTransformer struct{}

func (levelTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(optsKey).(*Doc)
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindListItem {
			return ast.WalkContinue, nil
		}
		block := n.FirstChild()
		if block == nil {
			return ast.WalkContinue, nil
		}
		t, ok := block.FirstChild().(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
		v := t.Segment.Value(src)
		for _, m := range levelMarkers {
			if !bytes.HasPrefix(v, m.text) {
				continue
			}
			rest := m.text
			skip := len(rest)
			for skip < len(v) && (v[skip] == ' ' || v[skip] == '\t') {
				skip++
			}
			t.Segment = t.Segment.WithStart(t.Segment.Start + skip)
			badge := &Level{N: m.n}
			if d != nil {
				badge.Label = d.opts.Labels[levelKey(m.n)]
			}
			if badge.Label == "" {
				badge.Label = string(bytes.Trim(m.text, "()"))
			}
			block.InsertBefore(block, t, badge)
			n.SetAttributeString("class", []byte("level level-"+string(rune('0'+m.n))))
			break
		}
		return ast.WalkSkipChildren, nil
	})
}

func levelKey(n int) string {
	if n == 2 {
		return "level2"
	}
	return "level1"
}

type levelRenderer struct{}

func (levelRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindLevel, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			l := n.(*Level)
			_, _ = w.WriteString(`<strong class="badge badge-` + string(rune('0'+l.N)) + `">`)
			html.DefaultWriter.Write(w, []byte(l.Label))
			_, _ = w.WriteString("</strong> ")
		}
		return ast.WalkSkipChildren, nil
	})
}
