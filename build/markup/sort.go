package markup

import (
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortExt puts the level-2 sections of a page in alphabetical order with
// the language's collation rules (accents and case as a reader expects:
// "Éthique" between "État" and "Évaluation"), for the glossary.
type sortExt struct{}

func (sortExt) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(sortTransformer{}, 950)))
}

type sortTransformer struct{}

func (sortTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d, _ := pc.Get(optsKey).(*Doc)
	if d == nil || !d.opts.SortSections {
		return
	}
	src := reader.Source()
	type section struct {
		key   string
		nodes []ast.Node
	}
	var intro []ast.Node
	var sections []*section
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level == 2 {
			sections = append(sections, &section{key: PlainText(h, src)})
		}
		if len(sections) == 0 {
			intro = append(intro, c)
		} else {
			s := sections[len(sections)-1]
			s.nodes = append(s.nodes, c)
		}
	}
	col := collate.New(language.Make(d.opts.Lang), collate.Loose)
	sort.SliceStable(sections, func(i, j int) bool { return col.CompareString(sections[i].key, sections[j].key) < 0 })
	for _, n := range intro {
		doc.RemoveChild(doc, n)
	}
	for _, s := range sections {
		for _, n := range s.nodes {
			doc.RemoveChild(doc, n)
		}
	}
	for _, n := range intro {
		doc.AppendChild(doc, n)
	}
	for _, s := range sections {
		for _, n := range s.nodes {
			doc.AppendChild(doc, n)
		}
	}
}
