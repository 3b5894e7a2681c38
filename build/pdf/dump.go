package pdf

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump writes the structure tree as text, one line per element indented
// under its parent: its role, then what it says beyond its content —
// language, title, alternative or actual text, where a link leads — and
// the pages (from 1) its marked content and links are on. Under it come
// the spans of its content read in another language or as actual text
// (AddSpans). Tests compare
// it with a golden file, as Typst's pdftags tests do: a reviewer reads
// what a screen reader gets.
func (t *StructTree) Dump() string {
	var b strings.Builder
	var walk func(i, depth int)
	walk = func(i, depth int) {
		e := &t.elems[i]
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(e.Role)
		lang := e.Lang
		if i == 0 {
			lang = t.lang
		}
		for _, f := range []struct{ key, val string }{{"lang", lang}, {"title", e.Title}, {"alt", e.Alt}, {"actual", e.ActualText}, {"scope", e.Scope}} {
			if f.val != "" {
				fmt.Fprintf(&b, " %s=%q", f.key, f.val)
			}
		}
		var pages []int
		for _, k := range e.kids {
			switch k.kind {
			case kidMCR:
				pages = appendPage(pages, k.page)
			case kidLink:
				l := t.links[k.i]
				pages = appendPage(pages, l.Page)
				if l.URI != "" {
					fmt.Fprintf(&b, " uri=%q", l.URI)
				} else {
					fmt.Fprintf(&b, " dest=%d", l.Dest.Page+1)
				}
			}
		}
		if len(pages) > 0 {
			b.WriteString(" page=" + pageList(pages))
		}
		b.WriteByte('\n')
		for _, k := range e.kids {
			switch k.kind {
			case kidElem:
				walk(k.i, depth+1)
			case kidMCR:
				t.dumpSpans(&b, depth+1, k.page, k.mcid)
			}
		}
	}
	walk(0, 0)
	return b.String()
}

// dumpSpans writes the spans of page's marked content mcid.
func (t *StructTree) dumpSpans(b *strings.Builder, depth, page, mcid int) {
	for _, s := range t.spans[[2]int{page, mcid}] {
		b.WriteString(strings.Repeat("  ", depth) + "Span")
		if s.Lang != "" {
			fmt.Fprintf(b, " lang=%q", s.Lang)
		}
		if s.Actual {
			fmt.Fprintf(b, " actual=%q", s.ActualText)
		}
		fmt.Fprintf(b, " page=%d\n", page+1)
	}
}

func appendPage(pages []int, p int) []int {
	for _, q := range pages {
		if q == p {
			return pages
		}
	}
	return append(pages, p)
}

// pageList writes pages from 1: "3", "3-4", "3,5".
func pageList(pages []int) string {
	var parts []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		s := strconv.Itoa(pages[i] + 1)
		if j > i {
			s += "-" + strconv.Itoa(pages[j]+1)
		}
		parts = append(parts, s)
		i = j + 1
	}
	return strings.Join(parts, ",")
}
