package xliff

import (
	"fmt"
	"strconv"
	"strings"
)

// The namespaces of the file: XLIFF 2.0's core and glossary module, and
// sobre's own attribute for the page a file translates.
const (
	nsCore     = "urn:oasis:names:tc:xliff:document:2.0"
	nsGlossary = "urn:oasis:names:tc:xliff:glossary:2.0"
	nsSobre    = "urn:sobre:xliff:1"
)

// Doc is an XLIFF document: one file per page, one for the interface
// strings.
type Doc struct {
	SrcLang, TrgLang string
	Files            []File
}

// File is a page, or the strings: Original is the file translations go
// into (content/nl/charte.md, i18n/nl.toml), Source the file they come from.
type File struct {
	ID, Original, Source string
	Notes                []Note
	Units                []Unit
	Line                 int // in the XLIFF file, when read from one
}

// Unit is one thing to translate: a paragraph, a list item, a heading, a
// table cell or an interface string.
type Unit struct {
	ID, Name        string
	Notes           []Note
	Terms           []Term
	Source, Target  []piece
	HasTarget       bool
	State, SubState string
	Line            int // in the XLIFF file, when read from one
}

// Note is a note of a file or unit; Category says what it is.
type Note struct{ Category, Text string }

// Term is a glossary entry that a unit's source uses.
type Term struct{ Source, Translation string }

// Write writes d as XLIFF 2.0. Markdown that is no text is a <ph> whose
// original data the unit carries; the same code in the target takes the
// same id.
func (d *Doc) Write(b *strings.Builder) {
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(b, `<xliff xmlns="%s" xmlns:gls="%s" xmlns:sobre="%s" version="2.0" srcLang="%s" trgLang="%s">`+"\n",
		nsCore, nsGlossary, nsSobre, attr(d.SrcLang), attr(d.TrgLang))
	for _, f := range d.Files {
		fmt.Fprintf(b, ` <file id="%s" original="%s" canResegment="no" sobre:source="%s">`+"\n", attr(f.ID), attr(f.Original), attr(f.Source))
		writeNotes(b, "  ", f.Notes)
		for _, u := range f.Units {
			u.write(b)
		}
		b.WriteString(" </file>\n")
	}
	b.WriteString("</xliff>\n")
}

func (u *Unit) write(b *strings.Builder) {
	fmt.Fprintf(b, `  <unit id="%s"`, attr(u.ID))
	if u.Name != "" {
		fmt.Fprintf(b, ` name="%s"`, attr(u.Name))
	}
	b.WriteString(">\n")
	if len(u.Terms) > 0 {
		b.WriteString("   <gls:glossary>\n")
		for _, t := range u.Terms {
			fmt.Fprintf(b, "    <gls:glossEntry><gls:term>%s</gls:term><gls:translation>%s</gls:translation></gls:glossEntry>\n", text(t.Source), text(t.Translation))
		}
		b.WriteString("   </gls:glossary>\n")
	}
	writeNotes(b, "   ", u.Notes)
	data, src, trg := u.codes()
	if len(data) > 0 {
		b.WriteString("   <originalData>\n")
		for i, c := range data {
			fmt.Fprintf(b, `    <data id="d%d" xml:space="preserve">%s</data>`+"\n", i+1, text(c))
		}
		b.WriteString("   </originalData>\n")
	}
	b.WriteString(`   <segment state="` + u.State + `"`)
	if u.SubState != "" {
		b.WriteString(` subState="` + attr(u.SubState) + `"`)
	}
	b.WriteString(">\n    <source>" + src + "</source>\n")
	if u.HasTarget {
		b.WriteString("    <target>" + trg + "</target>\n")
	}
	b.WriteString("   </segment>\n  </unit>\n")
}

// codes lists the unit's distinct codes and writes its source and target
// with a placeholder for each.
func (u *Unit) codes() (data []string, src, trg string) {
	ref := map[string]int{}
	dataRef := func(c string) int {
		if _, ok := ref[c]; !ok {
			data = append(data, c)
			ref[c] = len(data)
		}
		return ref[c]
	}
	var srcIDs []string // the source's placeholder ids, per code
	var b strings.Builder
	for _, p := range u.Source {
		if !p.Code {
			b.WriteString(text(p.Text))
			continue
		}
		srcIDs = append(srcIDs, p.Text)
		fmt.Fprintf(&b, `<ph id="%d" dataRef="d%d" disp="%s"/>`, len(srcIDs), dataRef(p.Text), attr(disp(p.Text)))
	}
	src = b.String()
	b.Reset()
	used := map[int]bool{}
	extra := 0
	for _, p := range u.Target {
		if !p.Code {
			b.WriteString(text(p.Text))
			continue
		}
		id := ""
		for i, c := range srcIDs {
			if c == p.Text && !used[i] {
				used[i], id = true, strconv.Itoa(i+1)
				break
			}
		}
		if id == "" {
			extra++
			id = "t" + strconv.Itoa(extra)
		}
		fmt.Fprintf(&b, `<ph id="%s" dataRef="d%d" disp="%s"/>`, id, dataRef(p.Text), attr(disp(p.Text)))
	}
	return data, src, b.String()
}

// disp is how a tool shows a code: line breaks as ↵.
func disp(code string) string { return strings.ReplaceAll(code, "\n", "↵") }

func writeNotes(b *strings.Builder, pad string, notes []Note) {
	if len(notes) == 0 {
		return
	}
	b.WriteString(pad + "<notes>\n")
	for _, n := range notes {
		fmt.Fprintf(b, `%s <note category="%s">%s</note>`+"\n", pad, attr(n.Category), text(n.Text))
	}
	b.WriteString(pad + "</notes>\n")
}

var (
	textEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
	attrEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")
)

// text escapes character data; characters XML 1.0 cannot carry are
// dropped (a Markdown file has none that matter).
func text(s string) string { return textEsc.Replace(xmlChars(s)) }
func attr(s string) string { return attrEsc.Replace(xmlChars(s)) }

func xmlChars(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return -1
	}, s)
}
