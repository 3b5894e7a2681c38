package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"sobre/build/diag"
	"sobre/build/markup"
)

// Side is one page of a translation pair: its shape, its file, and the
// lines of the settings its front matter has.
type Side struct {
	Shape Shape
	File  string
	Keys  map[string]int // front-matter setting -> line
}

// Shape is what parity compares of a page, read from its Markdown as
// written, before links are rewritten for the output.
type Shape struct {
	Headings []markup.Heading
	explicit map[string]bool // ids the page writes ({#id})
	features map[string][]feature
	last     int // line of the last block
}

// ShapeOf reads a parsed page's shape; call it before links are resolved.
func ShapeOf(d *markup.Doc) Shape {
	s := Shape{Headings: d.Headings, explicit: map[string]bool{}, features: features(d), last: lastLine(d)}
	for _, h := range d.Headings {
		// An id made from the heading's words is the translation's own.
		if bytes.Contains(d.Source, []byte("{#"+h.ID+"}")) {
			s.explicit[h.ID] = true
		}
	}
	return s
}

// CarriedKeys are the front-matter settings a translation keeps from its
// source: a lowered reading-ease threshold and its reason, a credit that
// the licence requires, the page's place in the menu.
var CarriedKeys = []string{"min_readability", "credit", "weight"}

// Parity compares a translation with its source, structure only: the
// same heading ids (other pages link to them: a changed id is an error),
// and, as warnings, the same internal links and glossary references, the
// same images, callout kinds, blanks and generated blocks, and the
// front-matter settings that must carry over. Each problem is at the
// translation's file:line, naming the source's.
func Parity(src, tr Side) diag.List {
	var problems diag.List
	headings(src, tr, &problems)
	a, b := src.Shape.features, tr.Shape.features
	for _, kind := range []string{"link", "image", "callout", "blank", "block"} {
		compare(kind, a[kind], b[kind], src, tr, &problems)
	}
	for _, k := range CarriedKeys {
		if line, ok := src.Keys[k]; ok {
			if _, ok := tr.Keys[k]; !ok {
				problems.Warnf(tr.File, 1, "parity", "no %s: setting, which %s:%d has; copy it into the front matter (with its comment)", k, src.File, line)
			}
		}
	}
	return problems
}

// headings checks that the translation keeps every heading id of the
// source, which anchors and other pages' links use, in any order (the
// glossary sorts its terms in each language): an id the translation
// lacks, beside one the source lacks, is taken for a changed id.
func headings(src, tr Side, problems *diag.List) {
	has := func(hs []markup.Heading) map[string]bool {
		m := map[string]bool{}
		for _, h := range hs {
			m[h.ID] = true
		}
		return m
	}
	// Only ids the source writes ({#payer}) must carry over.
	inSrc, inTr := has(src.Shape.Headings), has(tr.Shape.Headings)
	var gone, extra []markup.Heading
	for _, h := range src.Shape.Headings {
		if !inTr[h.ID] && src.Shape.explicit[h.ID] {
			gone = append(gone, h)
		}
	}
	for _, h := range tr.Shape.Headings {
		if !inSrc[h.ID] && tr.Shape.explicit[h.ID] {
			extra = append(extra, h)
		}
	}
	n := min(len(gone), len(extra))
	for i := range n {
		s, t := gone[i], extra[i]
		problems.Errorf(tr.File, t.Line, "parity", "heading {#%s} where %s:%d has {#%s}: links to #%s break in this language; write {#%s} after the heading", t.ID, src.File, s.Line, s.ID, s.ID, s.ID)
	}
	for _, h := range gone[n:] {
		problems.Warnf(tr.File, tr.Shape.last, "parity", "no heading for %s:%d (%q, {#%s}): translate it, with {#%s}", src.File, h.Line, h.Text, h.ID, h.ID)
	}
	for _, h := range extra[n:] {
		problems.Warnf(tr.File, h.Line, "parity", "heading {#%s} has none in %s: remove it, or add it to the source first", h.ID, src.File)
	}
}

// feature is one structural element of a page, by kind.
type feature struct {
	what string
	line int
}

// features lists a page's links to the site (not web addresses), images,
// callouts, blanks and generated blocks, by kind, in order.
func features(d *markup.Doc) map[string][]feature {
	out := map[string][]feature{}
	for _, l := range d.Links {
		dest := string(l.Node.Destination)
		if strings.Contains(dest, ":") {
			continue // web and mail addresses may be localised
		}
		out["link"] = append(out["link"], feature{dest, l.Line})
	}
	for _, im := range d.Images {
		out["image"] = append(out["image"], feature{string(im.Node.Destination), im.Line})
	}
	ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *markup.Callout:
			out["callout"] = append(out["callout"], feature{n.Name, d.Line(n)})
		case *markup.Blank:
			out["blank"] = append(out["blank"], feature{n.Name, lineOf(d, n)})
		case *markup.Directive:
			out["block"] = append(out["block"], feature{n.Name, d.Line(n)})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// lineOf is an inline node's line: its paragraph's.
func lineOf(d *markup.Doc, n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock {
			return d.Line(n)
		}
	}
	return 0
}

var kindName = map[string]string{"link": "link to", "image": "image", "callout": "callout [!%s]", "blank": "blank {{%s}}", "block": "block {{%s}}"}

// compare reports, as warnings, what one page has of a kind and the other
// lacks, counting repeats.
func compare(kind string, a, b []feature, src, tr Side, problems *diag.List) {
	name := func(f feature) string {
		if k := kindName[kind]; strings.Contains(k, "%s") {
			return fmt.Sprintf(k, f.what)
		}
		return kindName[kind] + " " + f.what
	}
	left := map[string]int{}
	for _, f := range b {
		left[f.what]++
	}
	for _, f := range a {
		if left[f.what] > 0 {
			left[f.what]--
			continue
		}
		problems.Warnf(tr.File, nearest(b, tr.Shape.last), "parity", "no %s, which %s:%d has: keep it in the translation", name(f), src.File, f.line)
	}
	extra := map[string]int{}
	for _, f := range a {
		extra[f.what]++
	}
	for _, f := range b {
		if extra[f.what] > 0 {
			extra[f.what]--
			continue
		}
		problems.Warnf(tr.File, f.line, "parity", "%s is not in %s: remove it, or add it to the source first", name(f), src.File)
	}
}

// nearest is a line near where a missing feature belongs in the
// translation: its last feature of the same kind, or its last block.
func nearest(b []feature, last int) int {
	if len(b) > 0 {
		return b[len(b)-1].line
	}
	return last
}

// lastLine is the line of a page's last block (its body's first line
// when it has none).
func lastLine(d *markup.Doc) int {
	if c := d.Root.LastChild(); c != nil {
		return d.Line(c)
	}
	return 1
}
