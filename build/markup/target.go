package markup

import (
	"bufio"
	"bytes"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Target says how one output writes a page's body: the site, an offline
// zip and an EPUB render the same AST, each with its own Target.
type Target struct {
	// Link rewrites the destination of each link of the body, as the
	// output names its files (the EPUB's "a.html#x" → "a.xhtml#x"); nil
	// keeps them.
	Link func(dest string) string
	// XHTML writes the body as well-formed XML, as EPUB content documents
	// must be: void elements closed with "/>", boolean attributes valued.
	XHTML bool
	// Blocks writes the blocks that directives ask for; nil leaves them out.
	Blocks Generator
}

// Generator writes the generated block a directive asks for ("assessment",
// "a-z", "ai-pages"), for one page, as target t writes it.
type Generator interface {
	Generate(w io.Writer, name string, t Target) error
}

// Refs is what a render wrote that a browser fetches with the page: the
// sources of its images, as the HTML names them (relative to the page,
// URL-escaped, not HTML-escaped), in the order they come.
type Refs struct {
	Images []string
}

// Render writes the body as target t wants it and returns what it links.
func (d *Doc) Render(w *bytes.Buffer, t Target) (Refs, error) {
	st := &renderState{Writer: bufio.NewWriter(w), target: t}
	err := md.Renderer().Render(st, d.Source, d.Root)
	return st.refs, err
}

// renderState is the writer a render hands its node renderers: they find
// the target and the record there, so one goldmark set-up serves every
// output and every page at once.
type renderState struct {
	*bufio.Writer
	target Target
	refs   Refs
}

// stateOf is the render's target and record; a render through goldmark's
// own Render (without Doc.Render) gets the site's defaults.
func stateOf(w util.BufWriter) *renderState {
	if st, ok := w.(*renderState); ok {
		return st
	}
	return &renderState{}
}

// funcTable collects node renderers by kind.
type funcTable map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcTable) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

// goldmarkHTML is goldmark's own HTML renderer, which the target's node
// renderers hand back to wherever the target changes nothing.
var goldmarkHTML = func() funcTable {
	f := funcTable{}
	html.NewRenderer(html.WithXHTML()).RegisterFuncs(f)
	return f
}()

type targetExt struct{}

func (targetExt) Extend(m goldmark.Markdown) {
	// Above goldmark's renderers (1000), which they replace for these kinds.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(targetRenderer{}, 200)))
}

// targetRenderer writes the nodes whose HTML depends on the target: links
// (rewritten), images (recorded) and the void elements (closed for XML).
type targetRenderer struct{}

func (targetRenderer) RegisterFuncs(r renderer.NodeRendererFuncRegisterer) {
	r.Register(ast.KindLink, renderLink)
	r.Register(ast.KindImage, renderImage)
	r.Register(ast.KindThematicBreak, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || !stateOf(w).target.XHTML {
			return goldmarkHTML[ast.KindThematicBreak](w, src, n, entering)
		}
		_, _ = w.WriteString("<hr")
		html.RenderAttributes(w, n, html.ThematicAttributeFilter)
		_, _ = w.WriteString("/>\n")
		return ast.WalkContinue, nil
	})
	r.Register(ast.KindText, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		t := n.(*ast.Text)
		if !entering || !t.HardLineBreak() || t.IsRaw() || !stateOf(w).target.XHTML {
			return goldmarkHTML[ast.KindText](w, src, n, entering)
		}
		html.DefaultWriter.Write(w, t.Segment.Value(src))
		_, _ = w.WriteString("<br/>\n")
		return ast.WalkContinue, nil
	})
}

// renderLink writes a link as goldmark does, to the target's destination.
func renderLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	dest := n.Destination
	if link := stateOf(w).target.Link; link != nil {
		dest = []byte(link(string(dest)))
	}
	_, _ = w.WriteString(`<a href="`)
	writeURL(w, dest)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.LinkAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// renderImage writes an image as goldmark does and records its source.
func renderImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	st := stateOf(w)
	_, _ = w.WriteString(`<img src="`)
	if u := writeURL(w, n.Destination); u != nil {
		st.refs.Images = append(st.refs.Images, string(u))
	}
	_, _ = w.WriteString(`" alt="`)
	altText(w, src, n)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ImageAttributeFilter)
	}
	if st.target.XHTML {
		_, _ = w.WriteString("/>")
	} else {
		_, _ = w.WriteString(" />")
	}
	return ast.WalkSkipChildren, nil
}

// writeURL writes a destination URL-escaped and HTML-escaped, as goldmark
// does, and returns it URL-escaped; a dangerous one (javascript:) is left
// out and nil returned.
func writeURL(w util.BufWriter, dest []byte) []byte {
	u := util.URLEscape(dest, true)
	if html.IsDangerousURL(u) {
		return nil
	}
	_, _ = w.Write(util.EscapeHTML(u))
	return u
}

// altText writes an image's description as goldmark does: its text
// without markup, escaped for an attribute.
func altText(w util.BufWriter, src []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindString, ast.KindText:
			_, _ = goldmarkHTML[c.Kind()](w, src, c, true)
		default:
			altText(w, src, c)
		}
	}
}
