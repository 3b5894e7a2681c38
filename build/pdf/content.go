package pdf

import (
	"strconv"
	"strings"
)

// Content is a page's content stream as it is written: drawing operators
// (written by the caller, numbers with Num) and the marked-content
// operators that tie them to the structure tree (PDF 14.6), which only
// this type writes. Every Begin… is closed by End.
type Content struct{ strings.Builder }

// BeginTag opens the marked content numbered mcid (StructTree.Mark) of
// an element with role role.
func (c *Content) BeginTag(role string, mcid int) {
	c.WriteString("/" + role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC\n")
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
}

// BeginLang opens a span of text in another language than its element's.
func (c *Content) BeginLang(lang string) {
	c.WriteString("/Span <</Lang " + Text(lang) + ">> BDC\n")
}

// BeginActualText opens a span read as text rather than as what it
// draws: a placeholder box, a hyphen that is no part of the word ("").
func (c *Content) BeginActualText(text string) {
	c.WriteString("/Span <</ActualText " + Text(text) + ">> BDC\n")
}

// End closes the marked content opened last.
func (c *Content) End() { c.WriteString("EMC\n") }
