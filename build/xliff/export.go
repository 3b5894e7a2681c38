// Package xliff exchanges a language's translation with the tools
// translators use (Weblate, memoQ, other CAT tools that read XLIFF 2.0)
// as XLIFF 2.0: one unit per heading, paragraph, list item, table cell,
// front-matter title and interface string, with its source, the current
// translation, its state and notes; Import writes translations back into
// content/<lang>/*.md and i18n/<lang>.toml and stamps the pages that are
// done.
//
// XLIFF 2.0 rather than 2.1: 2.1 only adds modules sobre does not use,
// and more tools read 2.0. Markdown that is no text (links' addresses,
// ids, glossary ids, emphasis, line markers) travels as <ph> placeholders
// with the Markdown in the unit's <originalData>: tools lock them, and
// the file still validates against the XLIFF 2.0 core schema.
package xliff

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"

	"sobre/build/content"
	"sobre/build/terms"
)

// States of a unit, and the subStates that say why one is not done.
const (
	stateNew        = "initial"
	stateTranslated = "translated"
	subOutdated     = "sobre:outdated"
	subUntracked    = "sobre:untracked"
)

// Export writes lang's translation of s as an XLIFF document: every page
// of the source language, then the interface strings. site is the site
// folder (translations, kept sources, i18n files); glossary may be nil.
func Export(s *content.Site, site fs.FS, lang string, glossary *terms.List) (*Doc, error) {
	def := s.Config.DefaultLanguage
	if lang == def {
		return nil, fmt.Errorf("%s is the source language: export a translation (%s)", lang, strings.Join(others(s, def), ", "))
	}
	if _, ok := s.Pages[lang]; !ok {
		return nil, fmt.Errorf("%s is not a language of the site (site.toml): %s", lang, strings.Join(others(s, def), ", "))
	}
	if glossary == nil {
		glossary = &terms.List{}
	}
	pgs, err := pages(s, site, lang)
	if err != nil {
		return nil, err
	}
	doc := &Doc{SrcLang: def, TrgLang: lang}
	for i, pg := range pgs {
		doc.Files = append(doc.Files, pg.file("f"+strconv.Itoa(i+1), def, lang, glossary))
	}
	f, err := stringsFile(site, def, lang, glossary)
	if err != nil {
		return nil, err
	}
	if f != nil {
		doc.Files = append(doc.Files, *f)
	}
	return doc, nil
}

func others(s *content.Site, def string) []string {
	var out []string
	for _, c := range s.Config.Codes() {
		if c != def {
			out = append(out, c)
		}
	}
	return out
}

// file is a page's units.
func (pg *page) file(id, def, lang string, glossary *terms.List) File {
	f := File{ID: id, Original: pg.path, Source: pg.src.File}
	f.Notes = append(f.Notes, Note{"sobre:state", string(pg.state)})
	if !pg.exists {
		f.Notes = append(f.Notes, Note{"sobre:hint", "not translated yet: the import starts " + pg.path + " as a draft, as sobre new does"})
	} else if !pg.shape {
		f.Notes = append(f.Notes, Note{"sobre:hint", pg.path + " does not have the source's shape (paragraphs, items, rows): translate it in the page, then sobre stamp it"})
	}
	for _, i := range pg.removed {
		f.Notes = append(f.Notes, Note{"sobre:removed", fmt.Sprintf("the source no longer has the unit at %s:%d; the import removes it when the page is done", pg.path, pg.ownSpans[i].Line)})
	}
	f.Units = pg.frontUnits(glossary, def, lang)
	for i, s := range pg.srcSpans {
		f.Units = append(f.Units, pg.units(i, s, glossary, def, lang)...)
	}
	return f
}

// frontUnits are the front matter's texts: title, short title, description.
func (pg *page) frontUnits(glossary *terms.List, def, lang string) []Unit {
	var out []Unit
	for _, k := range frontKeys {
		src := k.get(&pg.src.Front)
		if strings.TrimSpace(src) == "" {
			continue
		}
		u := Unit{ID: k.key, Name: pg.src.File + ":" + k.key, Source: []piece{{Text: src}}, State: stateNew}
		if t := k.get(&pg.own.Front); pg.exists && t != "" {
			u.Target, u.HasTarget, u.State = []piece{{Text: t}}, true, stateTranslated
		}
		u.Terms = termsOf(glossary, src, def, lang)
		out = append(out, u)
	}
	return out
}

var frontKeys = []struct {
	key string
	get func(*content.FrontMatter) string
}{
	{"title", func(f *content.FrontMatter) string { return f.Title }},
	{"short_title", func(f *content.FrontMatter) string { return f.ShortTitle }},
	{"description", func(f *content.FrontMatter) string { return f.Description }},
}

// units are source unit i's units: one, or one per cell of a table row.
func (pg *page) units(i int, s span, glossary *terms.List, def, lang string) []Unit {
	srcTexts := []string{s.raw(pg.srcLines)}
	var ownTexts []string
	var own *span
	if j := pg.at[i]; j >= 0 && pg.exists {
		own = &pg.ownSpans[j]
		ownTexts = []string{own.raw(pg.ownLines)}
	}
	ids := []string{"u" + strconv.Itoa(i+1)}
	if s.Table {
		srcTexts, ids = cells(s.Text), nil
		for k := range srcTexts {
			ids = append(ids, "u"+strconv.Itoa(i+1)+".c"+strconv.Itoa(k+1))
		}
		if own != nil {
			ownTexts = cells(own.Text)
			if !own.Table || len(ownTexts) != len(srcTexts) {
				ownTexts, own = nil, nil
			}
		}
	}
	var out []Unit
	for k, text := range srcTexts {
		src := tokenize(text)
		if !hasWords(src) {
			continue
		}
		u := Unit{ID: ids[k], Name: fmt.Sprintf("%s:%d", pg.src.File, s.Line), Source: src, State: stateNew}
		u.Notes = []Note{{"location", fmt.Sprintf("%s:%d", pg.src.File, s.Line)}}
		if own != nil {
			u.Target, u.HasTarget, u.State = tokenize(ownTexts[k]), true, stateTranslated
			u.Notes = append(u.Notes, Note{"sobre:translation", fmt.Sprintf("%s:%d", pg.path, own.Line)})
			if pg.changed[i] {
				u.State, u.SubState = stateNew, subOutdated
				if pg.own.Front.Translation == nil {
					u.SubState = subUntracked
				}
			}
		}
		if pg.old[i] != "" {
			u.Notes = append(u.Notes, Note{"sobre:old-source", "the source when this was translated: " + pg.old[i]})
		}
		u.Terms = termsOf(glossary, join(src), def, lang)
		out = append(out, u)
	}
	return out
}

// hasWords reports whether a unit has text to translate, not only
// Markdown ({{assessment}}, a rule, an image without a description).
func hasWords(ps []piece) bool {
	for _, p := range ps {
		if !p.Code && strings.IndexFunc(p.Text, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

func termsOf(glossary *terms.List, text, def, lang string) []Term {
	var out []Term
	for _, t := range glossary.In(text, def) {
		if w := t.Words[lang]; w != "" {
			out = append(out, Term{Source: t.Words[def], Translation: w})
		}
	}
	return out
}
