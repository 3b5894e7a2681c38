package markup

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// KindSpan is the node kind of a phrase in another language.
var KindSpan = ast.NewNodeKind("LangSpan")

// Span is "[words]{lang=en}": a phrase in another language than the page,
// marked so that screen readers pronounce it right (WCAG 3.1.2).
type Span struct {
	ast.BaseInline
	Lang string
}

func (n *Span) Kind() ast.NodeKind { return KindSpan }

func (n *Span) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Lang": n.Lang}, nil)
}

// GlossaryClass marks links made from "[[term]]", so that link checks can
// say "glossary entry" rather than "heading".
const GlossaryClass = "gloss"

var (
	glossRe = regexp.MustCompile(`^\[\[([^\[\]|\n]+?)(?:\|([^\[\]|\n]+?))?\]\]`)
	spanRe  = regexp.MustCompile(`^\[([^\[\]\n]+)\]\{lang=([A-Za-z0-9-]+)\}`)
)

type inlineExt struct{}

func (inlineExt) Extend(m goldmark.Markdown) {
	// Before the link parser (200), which would otherwise take the "[".
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(bracketParser{}, 199)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(spanRenderer{}, 500)))
}

type bracketParser struct{}

func (bracketParser) Trigger() []byte { return []byte{'['} }

func (bracketParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	d, _ := pc.Get(optsKey).(*Doc)
	if m := glossRe.FindSubmatchIndex(line); m != nil {
		shown := text.NewSegment(seg.Start+m[2], seg.Start+m[3])
		id := Slug(string(line[m[2]:m[3]]))
		if m[4] >= 0 {
			id = string(bytes.TrimSpace(line[m[4]:m[5]]))
		}
		block.Advance(m[1])
		link := ast.NewLink()
		href := "glossaire.md"
		if d != nil && d.opts.Glossary != "" {
			href = d.opts.Glossary
		}
		link.Destination = []byte(href + "#" + id)
		link.SetAttributeString("class", []byte(GlossaryClass))
		shown = shown.TrimLeftSpace(block.Source())
		shown = shown.TrimRightSpace(block.Source())
		link.AppendChild(link, ast.NewTextSegment(shown))
		return link
	}
	if m := spanRe.FindSubmatchIndex(line); m != nil {
		tag := string(line[m[4]:m[5]])
		if _, err := language.Parse(tag); err != nil {
			if d != nil {
				d.Problems.Errorf(d.opts.File, d.lines.Line(seg.Start)+d.opts.LineOffset, "lang",
					"{lang=%s} is not a language tag: use a code like en, fr, nl or de", tag)
			}
			return nil
		}
		block.Advance(m[1])
		s := &Span{Lang: tag}
		s.AppendChild(s, ast.NewTextSegment(text.NewSegment(seg.Start+m[2], seg.Start+m[3])))
		return s
	}
	return nil
}

type spanRenderer struct{}

func (spanRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(KindSpan, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span lang="`)
			_, _ = w.Write(util.EscapeHTML([]byte(n.(*Span).Lang)))
			_, _ = w.WriteString(`">`)
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	})
}
