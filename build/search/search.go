// Package search builds the offline search index of one language: a
// classic script that sets a global, so search works from file:// where
// fetch, modules and WASM are blocked. Sections (a page's text between two
// headings) are what a result points to.
package search

import (
	"encoding/json"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"

	"sobre/build/content"
	"sobre/build/markup"
)

// Page is what the index needs of a page.
type Page struct {
	Title string
	URL   string // relative to the language folder: "modules/milieu.html"
	Lang  string // the language the page is written in
	Doc   *markup.Doc
}

type section struct {
	page    int
	anchor  string
	heading string
	text    string   // the section's text, spaces tidied: search.js cuts the snippet around the words found
	words   []string // folded terms of the section's text
	strong  []string // folded terms of its heading and page title
}

// Index is a built index, ready to serialise.
type Index struct {
	Pages    [][3]string // title, url, language when not the index's
	Sections []section
	terms    []string
	postings [][]int
}

// Prepared is a page cut into sections with their terms folded, ready to
// index: the costly half of the work, done page by page in parallel.
type Prepared struct {
	Title, URL, Lang string
	Sections         []section
}

// Prepare cuts a page into sections (at headings of level 2 and 3) and
// folds their terms. Each term appears once per section: in strong when
// the heading or title holds it, else in words.
func Prepare(p Page) Prepared {
	out := Prepared{Title: p.Title, URL: p.URL, Lang: p.Lang}
	titleTerms := Terms(p.Title)
	cur := section{strong: titleTerms}
	var text strings.Builder
	seen := map[string]bool{}
	flush := func() {
		t := text.String()
		cur.text = strings.Join(strings.Fields(t), " ")
		clear(seen)
		strong := cur.strong[:0:0]
		for _, w := range cur.strong {
			if !seen[w] {
				seen[w] = true
				strong = append(strong, w)
			}
		}
		cur.strong = strong
		eachTerm(t, func(b []byte) {
			if !seen[string(b)] { // no allocation for a word already seen
				w := string(b)
				seen[w] = true
				cur.words = append(cur.words, w)
			}
		})
		if cur.anchor != "" || len(cur.words) > 0 {
			out.Sections = append(out.Sections, cur)
		}
		text.Reset()
	}
	if p.Doc != nil {
		for n := p.Doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
			if h, ok := n.(*ast.Heading); ok && h.Level <= 3 {
				flush()
				id, _ := h.AttributeString("id")
				b, _ := id.([]byte)
				head := markup.PlainText(h, p.Doc.Source)
				cur = section{anchor: string(b), heading: head, strong: append(Terms(head), titleTerms...)}
				continue
			}
			text.WriteString(markup.PlainText(n, p.Doc.Source))
			text.WriteByte(' ')
		}
	}
	flush()
	return out
}

// Build indexes pages. Stop words of lang are left out: they match
// everything and would double the index.
func Build(pages []Page, lang string) *Index {
	prepared := make([]Prepared, len(pages))
	for i, p := range pages {
		prepared[i] = Prepare(p)
	}
	return BuildPrepared(prepared, lang)
}

// BuildPrepared indexes prepared pages in lang, their terms stemmed by
// lang's rules (Stem): the query is stemmed by the same rules, whatever
// language a fallback page is written in.
func BuildPrepared(pages []Prepared, lang string) *Index {
	ix := &Index{}
	var stop map[string]bool
	if p := profile(lang); p != nil {
		stop = p.StopWords
	}
	stem := stemmer(lang)
	post := map[string][]int{}
	for pi, p := range pages {
		pl := ""
		if p.Lang != "" && p.Lang != lang {
			pl = p.Lang
		}
		ix.Pages = append(ix.Pages, [3]string{p.Title, p.URL, pl})
		for _, sec := range p.Sections {
			si := len(ix.Sections)
			sec.page = pi
			ix.Sections = append(ix.Sections, sec)
			// A posting is section*2+1 for a heading or title hit, section*2
			// for a text hit, so the script can rank headings first.
			// Sections come in order, so postings need no sorting; two
			// words of one stem in a section make one posting, the
			// heading's first.
			add := func(terms []string, p int) {
				for _, t := range terms {
					if stop[t] || utf8.RuneCountInString(t) < 2 {
						continue
					}
					t = stem(t)
					if l := post[t]; len(l) == 0 || l[len(l)-1]>>1 != si {
						post[t] = append(l, p)
					}
				}
			}
			add(sec.strong, si*2+1)
			add(sec.words, si*2)
		}
	}
	for t := range post {
		ix.terms = append(ix.terms, t)
	}
	sort.Strings(ix.terms)
	for _, t := range ix.terms {
		ix.postings = append(ix.postings, post[t])
	}
	return ix
}

// Terms folds text into search terms: lower case, accents removed
// ("Énergie" and "energie" are one term), split at anything but letters
// and digits.
func Terms(s string) []string {
	var out []string
	eachTerm(s, func(t []byte) { out = append(out, string(t)) })
	return out
}

// eachTerm calls fn with each folded term of s, in a buffer fn must copy
// from: indexing a site folds millions of words, most of them repeats.
func eachTerm(s string, fn func([]byte)) {
	var b []byte
	var dec []byte
	flush := func() {
		if len(b) > 0 {
			fn(b)
			b = b[:0]
		}
	}
	word := func(r rune) {
		switch {
		case r == 'œ' || r == 'Œ':
			b = append(b, "oe"...) // "coeur" finds "cœur"
		case r == 'æ' || r == 'Æ':
			b = append(b, "ae"...)
		case r == 'ß':
			b = append(b, "ss"...)
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b = utf8.AppendRune(b, unicode.ToLower(r))
		default:
			flush()
		}
	}
	for _, r := range s {
		if r < 0x80 {
			// ASCII needs no decomposition: the common case, kept fast.
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
				b = append(b, byte(r))
			case 'A' <= r && r <= 'Z':
				b = append(b, byte(r+'a'-'A'))
			default:
				flush()
			}
			continue
		}
		dec = norm.NFD.AppendString(dec[:0], string(r))
		for _, d := range string(dec) {
			word(d)
		}
	}
	flush()
}

// Script serialises the index as a classic script that sets
// SOBRE_SEARCH[lang]. Postings are delta-encoded in base 36, the terms
// one space-separated string: both gzip well and parse fast.
func (ix *Index) Script(lang string) []byte {
	type doc struct {
		P [][3]string `json:"p"`
		S [][4]any    `json:"s"`
		T string      `json:"t"`
		I string      `json:"i"`
	}
	d := doc{P: ix.Pages, T: strings.Join(ix.terms, " ")}
	if d.P == nil {
		d.P = [][3]string{}
	}
	d.S = [][4]any{}
	for _, s := range ix.Sections {
		d.S = append(d.S, [4]any{s.page, s.anchor, s.heading, s.text})
	}
	var lists []string
	for _, ps := range ix.postings {
		var parts []string
		prev := 0
		for _, v := range ps {
			parts = append(parts, itoa36(v-prev))
			prev = v
		}
		lists = append(lists, strings.Join(parts, ","))
	}
	d.I = strings.Join(lists, ";")
	js, _ := json.Marshal(d)
	var b strings.Builder
	b.WriteString("(window.SOBRE_SEARCH=window.SOBRE_SEARCH||{})[")
	l, _ := json.Marshal(lang)
	b.Write(l)
	b.WriteString("]=")
	b.Write(js)
	b.WriteString(";\n")
	return []byte(b.String())
}

func itoa36(n int) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{digits[n%36]}, b...)
		n /= 36
	}
	return string(b)
}

// FromSite lists the pages of a language tree for Build.
func FromSite(site *content.Site, docs map[*content.Page]*markup.Doc, lang string) []Page {
	var out []Page
	for _, p := range site.Pages[lang] {
		out = append(out, Page{Title: p.Source.Front.Title, URL: strings.TrimPrefix(p.Out, lang+"/"), Lang: p.ContentLang(), Doc: docs[p]})
	}
	return out
}
