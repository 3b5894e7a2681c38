// Package markup is the one place where Markdown is parsed: goldmark with GFM
// and the project's extensions (commitment levels, blanks to fill, French
// spacing, stable heading ids, directives). Parse returns a Doc whose AST
// every output reads; positions are converted to file lines here, once.
//
// Doc.Render writes the body as one output wants it (a Target): its links
// as that output names its files, XHTML for an EPUB, and the blocks that
// directives ask for from the output's Generator, in place. It returns what
// the body makes a browser fetch (Refs). PlainText is the one reading of
// the AST as plain text.
package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"sobre/build/diag"
)

// Options configure the parse of one page in one language tree.
type Options struct {
	// Lang is the language the Markdown is written in.
	Lang string
	// File names the source in messages; LineOffset is added to body lines
	// so that messages give lines of the whole file (front matter included).
	File       string
	LineOffset int
	// Labels are interface strings the extensions print, in the reader's
	// language: "level1", "level2", "blank.organisation", …
	Labels map[string]string
	// Values fill blanks: "organisation", "date". Missing ones stay blank.
	Values map[string]string
	// ReservedIDs are ids the page template uses; headings avoid them.
	ReservedIDs []string
	// Glossary is the glossary page's path relative to this page
	// ("../glossaire.md"), the target of "[[term]]" links.
	Glossary string
	// SortSections orders the level-2 sections by their heading in the
	// language's collation (the glossary).
	SortSections bool
}

// Doc is a parsed page.
type Doc struct {
	Root     ast.Node
	Source   []byte
	Headings []Heading
	Links    []Link
	Images   []Image
	Problems diag.List
	// Tasks counts checklist items (checkboxes on the web).
	Tasks int
	opts  Options
	lines diag.Lines
}

// Heading is a section heading of the body.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int
}

// Link is a link of the body; setting Node.Destination rewrites it.
type Link struct {
	Node *ast.Link
	Line int
}

// Image is an image of the body.
type Image struct {
	Node *ast.Image
	Alt  string
	Line int
}

var optsKey = parser.NewContextKey()

var md = goldmark.New(
	goldmark.WithExtensions(
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.Linkify,
		extension.TaskList,
		levelExt{},
		blankExt{},
		calloutExt{},
		taskExt{},
		inlineExt{},
		sortExt{},
		directiveExt{},
		targetExt{},
	),
	goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithAttribute(),
		parser.WithASTTransformers(util.Prioritized(typoTransformer{}, 900)),
	),
	// Raw HTML stays out (goldmark's default): content cannot inject scripts,
	// inline styles or remote requests past the page's CSP.
	goldmark.WithRendererOptions(html.WithXHTML()),
)

// Parse parses a page body. It never fails: problems are in Doc.Problems.
func Parse(src []byte, opts Options) *Doc {
	d := &Doc{Source: src, opts: opts, lines: diag.NewLines(src)}
	ids := newIDs(opts.ReservedIDs)
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(optsKey, d)
	d.Root = md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	d.collect()
	return d
}

// Anchors returns the ids a link may point to with "#id".
func (d *Doc) Anchors() map[string]bool {
	m := make(map[string]bool, len(d.Headings))
	for _, h := range d.Headings {
		m[h.ID] = true
	}
	return m
}

// Line returns the file line of a node.
func (d *Doc) Line(n ast.Node) int {
	if off, ok := offsetOf(n); ok {
		return d.lines.Line(off) + d.opts.LineOffset
	}
	return d.opts.LineOffset + 1
}

// LinesOf returns the file lines of the first k occurrences of s in the
// source from where node n starts (fewer if the source spells some
// otherwise, as an entity): where a character of a block is.
func (d *Doc) LinesOf(n ast.Node, s string, k int) []int {
	off, _ := offsetOf(n)
	var lines []int
	for len(lines) < k && off < len(d.Source) && s != "" {
		i := bytes.Index(d.Source[off:], []byte(s))
		if i < 0 {
			break
		}
		off += i
		lines = append(lines, d.lines.Line(off)+d.opts.LineOffset)
		off += len(s)
	}
	return lines
}

func (d *Doc) errorf(n ast.Node, rule, format string, args ...any) {
	d.Problems.Errorf(d.opts.File, d.Line(n), rule, format, args...)
}

func (d *Doc) warnf(n ast.Node, rule, format string, args ...any) {
	d.Problems.Warnf(d.opts.File, d.Line(n), rule, format, args...)
}

// collect walks the AST once to gather headings, links and images and to
// apply the accessibility rules that are errors in every build.
func (d *Doc) collect() {
	prev := 1 // the page title is the h1
	seen := map[string]int{}
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			keepOnlyID(n)
			txt := PlainText(n, d.Source)
			line := d.Line(n)
			if n.Level == 1 {
				d.errorf(n, "heading", "level-1 heading %q: the page title is the only level-1 heading; start sections with ##", txt)
			} else if n.Level > prev+1 {
				d.errorf(n, "heading", "heading %q is level %d after level %d: do not skip levels, use %s", txt, n.Level, prev, strings.Repeat("#", prev+1))
			}
			prev = n.Level
			id := ""
			if v, ok := n.AttributeString("id"); ok {
				if b, ok := v.([]byte); ok {
					id = string(b)
				}
			}
			if first, dup := seen[id]; dup {
				d.errorf(n, "heading", "heading id %q is already used on line %d: give one of them another {#id}", id, first)
			}
			seen[id] = line
			d.Headings = append(d.Headings, Heading{Level: n.Level, ID: id, Text: txt, Line: line})
		case *ast.Link:
			d.Links = append(d.Links, Link{Node: n, Line: d.Line(n)})
		case *ast.Image:
			alt := strings.TrimSpace(PlainText(n, d.Source))
			d.Images = append(d.Images, Image{Node: n, Alt: alt, Line: d.Line(n)})
			if alt == "" {
				d.errorf(n, "image-alt", "image %q has no alt text: describe it between the brackets, ![what it shows](%s)", n.Destination, n.Destination)
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			d.warnf(n, "raw-html", "raw HTML is left out of the page: write it in Markdown instead")
		}
		return ast.WalkContinue, nil
	})
}

// keepOnlyID drops heading attributes other than id and class: attributes
// such as style or on* would break the page's CSP or its safety.
func keepOnlyID(n ast.Node) {
	attrs := n.Attributes()
	n.RemoveAttributes()
	for _, a := range attrs {
		if name := string(a.Name); name == "id" || name == "class" {
			n.SetAttribute(a.Name, a.Value)
		}
	}
}

// PlainText returns the text of a node without markup, as it reads aloud:
// blocks and lines apart by a space, a level badge by its label, a blank by
// what fills it. It is the one walker that turns the AST into plain text.
func PlainText(n ast.Node, src []byte) string { return TextWithout(n, src, nil) }

// TextWithout is PlainText with the nodes below n that skip picks left
// out, each replaced by a space: code and phrases in another language for
// the language rule, a badge and nested lists for the self-assessment.
func TextWithout(n ast.Node, src []byte, skip func(ast.Node) bool) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c != n && skip != nil && skip(c) {
			b.WriteByte(' ')
			return ast.WalkSkipChildren, nil
		}
		if c != n && c.Type() == ast.TypeBlock && b.Len() > 0 {
			b.WriteByte(' ') // list items and paragraphs are separate words
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *Level:
			b.WriteString(c.Label)
			b.WriteByte(' ')
		case *Blank:
			b.WriteString(c.Plain())
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// offsetOf finds a source offset for a node: its own lines, else its first
// text descendant, else its previous sibling or parent.
func offsetOf(n ast.Node) (int, bool) {
	for m := n; m != nil; m = m.Parent() {
		if m.Type() == ast.TypeBlock && m.Kind() != ast.KindDocument {
			if l := m.Lines(); l != nil && l.Len() > 0 {
				return l.At(0).Start, true
			}
		}
		var found = -1
		_ = ast.Walk(m, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := c.(*ast.Text); ok && entering {
				found = t.Segment.Start
				return ast.WalkStop, nil
			}
			if entering && c != m && c.Type() == ast.TypeBlock {
				if l := c.Lines(); l != nil && l.Len() > 0 {
					found = l.At(0).Start
					return ast.WalkStop, nil
				}
			}
			return ast.WalkContinue, nil
		})
		if found >= 0 {
			return found, true
		}
	}
	return 0, false
}
