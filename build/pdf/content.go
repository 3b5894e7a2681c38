package pdf

import (
	"strconv"
	"strings"
)

// Content is a page's content stream as it is written: drawing operators
// (written by the caller, numbers with Num) and the marked-content
// operators that tie them to the structure tree (PDF 14.6), which only
// this type writes. Every Begin… is closed by End.
type Content struct {
	strings.Builder
	open  []int  // the marks open, innermost last: an MCID, artifact or span
	spans []Span // spans opened inside tagged content
}

// Span is a span of tagged content read otherwise than the element it is
// in: in another language, or as its actual text.
type Span struct {
	MCID             int
	Lang, ActualText string
	Actual           bool // ActualText is set, maybe to nothing
}

// Spans are the spans opened inside the content's marked content, for
// StructTree.AddSpans.
func (c *Content) Spans() []Span { return c.spans }

// BeginTag opens the marked content numbered mcid (StructTree.Mark) of
// an element with role role.
func (c *Content) BeginTag(role string, mcid int) {
	c.WriteString("/" + role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC\n")
	c.open = append(c.open, mcid)
}

// Marks open that are not tagged content.
const (
	openArtifact = -1
	openSpan     = -2
)

// span records a span opened inside the innermost tagged content; one in
// an artifact is not read.
func (c *Content) span(s Span) {
	for i := len(c.open) - 1; i >= 0 && c.open[i] != openArtifact; i-- {
		if c.open[i] >= 0 {
			s.MCID = c.open[i]
			c.spans = append(c.spans, s)
			break
		}
	}
	c.open = append(c.open, openSpan)
}

// Artifact is content that is not part of the text (PDF 14.8.2.2): page
// furniture that readers skip.
type Artifact struct {
	Type    string // Layout, Pagination
	Subtype string // Header, Footer, Watermark; or none
}

// BeginArtifact opens an artifact.
func (c *Content) BeginArtifact(a Artifact) {
	c.WriteString("/Artifact << /Type /" + a.Type + " ")
	if a.Subtype != "" {
		c.WriteString("/Subtype /" + a.Subtype + " ")
	}
	c.WriteString(">> BDC\n")
	c.open = append(c.open, openArtifact)
}

// BeginLang opens a span of text in another language than its element's.
func (c *Content) BeginLang(lang string) {
	c.WriteString("/Span <</Lang " + Text(lang) + ">> BDC\n")
	c.span(Span{Lang: lang})
}

// BeginActualText opens a span read as text rather than as what it
// draws: a placeholder box, a hyphen that is no part of the word ("").
func (c *Content) BeginActualText(text string) {
	c.WriteString("/Span <</ActualText " + Text(text) + ">> BDC\n")
	c.span(Span{ActualText: text, Actual: true})
}

// End closes the marked content opened last.
func (c *Content) End() {
	c.WriteString("EMC\n")
	if n := len(c.open); n > 0 {
		c.open = c.open[:n-1]
	}
}
