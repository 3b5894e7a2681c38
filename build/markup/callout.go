package markup

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCallout is the node kind of a callout block.
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a block quote that starts with "[!KIND]", GitHub's alert
// syntax, with the toolkit's own kinds added. Its label is a word in the
// reader's language, so the kind never rests on colour alone.
type Callout struct {
	ast.BaseBlock
	Name  string // note, tip, important, warning, caution, exercise, discussion, facilitator, card (one to cut out)
	Label string
	// Said is true when the heading just above already says the label
	// ("## Exercice" over an exercise): the web leaves the label out.
	Said bool
}

func (n *Callout) Kind() ast.NodeKind { return KindCallout }

func (n *Callout) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Name": n.Name}, nil)
}

// CalloutTypes are the kinds a callout may have.
var CalloutTypes = []string{"note", "tip", "important", "warning", "caution", "exercise", "discussion", "facilitator", "card"}

var calloutRe = regexp.MustCompile(`^\s*\[!([A-Za-z]+)\]\s*$`)

type calloutExt struct{}

func (calloutExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(calloutTransformer{}, 400)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(calloutRenderer{}, 500)))
}

type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(optsKey).(*Doc)
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		m := calloutRe.FindSubmatch(first.Value(src))
		if m == nil {
			continue
		}
		kind := strings.ToLower(string(m[1]))
		known := false
		for _, k := range CalloutTypes {
			known = known || k == kind
		}
		if !known {
			if d != nil {
				d.errorf(para, "callout", "unknown callout [!%s]: use one of %s", m[1], strings.ToUpper(strings.Join(CalloutTypes, ", ")))
			}
			continue
		}
		// Drop the inlines of the marker line; keep the rest of the paragraph.
		for c := para.FirstChild(); c != nil; {
			next := c.NextSibling()
			t, isText := c.(*ast.Text)
			if !isText || t.Segment.Start >= first.Stop {
				break
			}
			para.RemoveChild(para, c)
			c = next
		}
		if para.FirstChild() == nil {
			q.RemoveChild(q, para)
		}
		co := &Callout{Name: kind}
		if d != nil {
			co.Label = d.opts.Labels["callout."+kind]
		}
		if co.Label == "" {
			co.Label = strings.ToUpper(kind[:1]) + kind[1:]
		}
		if h, ok := q.PreviousSibling().(*ast.Heading); ok {
			co.Said = says(PlainText(h, src), co.Label)
		}
		co.SetLines(q.Lines())
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			co.AppendChild(co, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, co)
	}
}

type calloutRenderer struct{}

func (calloutRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindCallout, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		c := n.(*Callout)
		if entering {
			// role=note, not <aside>: an aside inside <main> is a nested landmark.
			_, _ = w.WriteString(`<div class="callout callout-` + c.Name + `" role="note">`)
			if !c.Said {
				_, _ = w.WriteString(`<p class="callout-label">`)
				html.DefaultWriter.Write(w, []byte(c.Label))
				_, _ = w.WriteString("</p>")
			}
			_ = w.WriteByte('\n')
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// says reports whether heading holds every word of label, case aside: the
// rule print's booklets follow too.
func says(heading, label string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	said, want := words(heading), words(label)
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		if !slices.Contains(said, w) {
			return false
		}
	}
	return true
}
