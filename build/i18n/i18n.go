// Package i18n loads the interface strings (i18n/<lang>.toml, go-i18n message
// files with CLDR plural forms) and gives each language a Strings value that
// falls back to the site's default language, never silently to English.
package i18n

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"sobre/build/diag"
	"sobre/build/lang"
)

// Dir is the folder of the message files.
const Dir = "i18n"

// Catalog holds the messages of every language.
type Catalog struct {
	bundle *goi18n.Bundle
	def    string
	ids    map[string]map[string]bool // lang -> message ids defined
	lines  map[string]layout          // lang -> where its file defines them

	mu      sync.Mutex
	used    map[string]bool            // ids asked for by a template
	missing map[string]map[string]bool // lang -> ids that fell back
	unknown map[string]bool            // ids defined nowhere
	failed  map[string]string          // "lang id" -> why the string's template failed
}

// Load reads i18n/<code>.toml for each language code. def is the default
// language; its file must exist.
func Load(fsys fs.FS, codes []string, def string) (*Catalog, diag.List) {
	var problems diag.List
	c := &Catalog{
		bundle:  goi18n.NewBundle(language.Make(def)),
		def:     def,
		ids:     map[string]map[string]bool{},
		lines:   map[string]layout{},
		used:    map[string]bool{},
		missing: map[string]map[string]bool{},
		unknown: map[string]bool{},
		failed:  map[string]string{},
	}
	c.bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	msgs := map[string][]*goi18n.Message{}
	for _, code := range codes {
		file := Dir + "/" + code + ".toml"
		c.ids[code] = map[string]bool{}
		data, err := fs.ReadFile(fsys, file)
		if errors.Is(err, fs.ErrNotExist) {
			if code == def {
				problems.Errorf(file, 0, "i18n", "the default language has no interface strings: create %s", file)
			} else {
				problems.Warnf(file, 0, "i18n", "no interface strings for %q: every string falls back to %q; create %s", code, def, file)
			}
			continue
		}
		if err != nil {
			problems.Errorf(file, 0, "i18n", "cannot read: %v", err)
			continue
		}
		// go-i18n's errors carry no line; a first pass with the TOML parser does.
		var probe map[string]any
		if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&probe); err != nil {
			var pe toml.ParseError
			if errors.As(err, &pe) {
				problems.Errorf(file, pe.Position.Line, "i18n", "%s; fix the TOML syntax", pe.Message)
			} else {
				problems.Errorf(file, 0, "i18n", "%v", err)
			}
			continue
		}
		lay := readLayout(data)
		if stray := strayKeys(file, lay); len(stray) > 0 {
			// go-i18n would refuse the file with no line; say where.
			problems = append(problems, stray...)
			continue
		}
		mf, err := c.bundle.ParseMessageFileBytes(data, code+".toml")
		if err != nil {
			problems.Errorf(file, 0, "i18n", "%v; see https://github.com/nicksnyder/go-i18n for the message format", err)
			continue
		}
		c.lines[code] = lay
		msgs[code] = mf.Messages
		for _, m := range mf.Messages {
			c.ids[code][m.ID] = true
			if err := checkTemplates(m); err != nil {
				problems.Errorf(file, lay.line(m.ID), "i18n", "string %q: %v; fix the {{…}} in it", m.ID, err)
			}
		}
		problems = append(problems, missingForms(file, code, lay, mf.Messages)...)
	}
	source := map[string]*goi18n.Message{}
	for _, m := range msgs[def] {
		source[m.ID] = m
	}
	for _, code := range codes {
		if code != def {
			problems = append(problems, placeholders(Dir+"/"+code+".toml", Dir+"/"+def+".toml", c.lines[code], msgs[code], source)...)
		}
	}
	return c, problems
}

// Line is the line of lang's message file that defines id (0: unknown).
func (c *Catalog) Line(lang, id string) int { return c.lines[lang].line(id) }

// checkTemplates parses each plural form of m as go-i18n will when a page
// asks for it, so a broken {{…}} is reported at its file, not as a string
// that no language defines.
func checkTemplates(m *goi18n.Message) error {
	left, right := m.LeftDelim, m.RightDelim
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	for _, form := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if !strings.Contains(form, left) {
			continue
		}
		if _, err := template.New(m.ID).Delims(left, right).Parse(form); err != nil {
			return err
		}
	}
	return nil
}

// Missing lists, per language, the ids the default language defines and
// that language lacks.
func (c *Catalog) Missing() map[string][]string {
	out := map[string][]string{}
	for code, ids := range c.ids {
		if code == c.def {
			continue
		}
		for id := range c.ids[c.def] {
			if !ids[id] {
				out[code] = append(out[code], id)
			}
		}
		sort.Strings(out[code])
	}
	return out
}

// Defined lists the ids a language's file defines.
func (c *Catalog) Defined(code string) []string {
	var out []string
	for id := range c.ids[code] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Unused lists the ids a language defines that no template asked for during
// the build (only meaningful after rendering).
func (c *Catalog) Unused(code string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for id := range c.ids[code] {
		if !c.used[id] {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Used reports whether a page or booklet asked for id during the build.
func (c *Catalog) Used(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used[id]
}

// Unknown lists ids asked for that no language defines.
func (c *Catalog) Unknown() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for id := range c.unknown {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Failure is a string whose template failed on the data a page gave it;
// the page shows its id in brackets.
type Failure struct {
	File, ID, Err string
	Line          int // where File defines ID
}

// Failed lists the strings whose template failed, by file and id.
func (c *Catalog) Failed() []Failure {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Failure
	for k, why := range c.failed {
		lang, id, _ := strings.Cut(k, " ")
		if !c.ids[lang][id] {
			lang = c.def // the string came from the default language
		}
		out = append(out, Failure{File: Dir + "/" + lang + ".toml", ID: id, Err: why, Line: c.lines[lang].line(id)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Strings are the messages of one language.
type Strings struct {
	c    *Catalog
	Lang string
	loc  *goi18n.Localizer
	// plain keeps the strings asked for without data, found in a
	// language: every page asks for the same few dozen, from every core.
	plain sync.Map
}

// For returns the strings of a language.
func (c *Catalog) For(code string) *Strings {
	return &Strings{c: c, Lang: code, loc: goi18n.NewLocalizer(c.bundle, code, c.def)}
}

// T returns message id with template data (may be nil).
func (s *Strings) T(id string, data any) string {
	if data != nil {
		return s.localize(id, nil, data)
	}
	if v, ok := s.plain.Load(id); ok {
		return v.(string)
	}
	out := s.localize(id, nil, nil)
	if s.c.ids[s.Lang][id] || s.c.ids[s.c.def][id] {
		// Missing from the language or not, the result no longer changes,
		// and the catalog has recorded the one report it makes.
		s.plain.Store(id, out)
	}
	return out
}

// N returns the plural form of message id for count; data's .Count is count.
func (s *Strings) N(id string, count int) string {
	return s.localize(id, count, map[string]any{"Count": count})
}

func (s *Strings) localize(id string, count any, data any) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data}
	out, err := s.loc.Localize(cfg)
	s.c.mu.Lock()
	defer s.c.mu.Unlock()
	s.c.used[id] = true
	if err == nil && strings.Contains(out, "<no value>") {
		// A {{.Field}} the page gives no data for: text/template prints
		// "<no value>" where the reader expects a fact.
		lang := s.Lang
		if !s.c.ids[lang][id] {
			lang = s.c.def
		}
		s.c.failed[lang+" "+id] = "reads a {{.…}} the page gives no data for (the page would show \"<no value>\"); check its spelling against the default language's string"
		return fmt.Sprintf("[%s]", id)
	}
	if err != nil {
		var nf *goi18n.MessageNotFoundErr
		if errors.As(err, &nf) && out != "" {
			if s.c.missing[s.Lang] == nil {
				s.c.missing[s.Lang] = map[string]bool{}
			}
			s.c.missing[s.Lang][id] = true
			return out
		}
		lang := s.Lang
		if errors.As(err, &nf) && s.c.ids[s.c.def][id] {
			// The fallback was found but failed: ask the default language
			// alone, for its own error.
			if _, e := goi18n.NewLocalizer(s.c.bundle, s.c.def).Localize(cfg); e != nil {
				lang, err = s.c.def, e
			}
		}
		switch {
		case errors.As(err, &nf) && (s.c.ids[s.Lang][id] || s.c.ids[s.c.def][id]):
			// Defined, but not in the form this count needs: the file
			// that defines it is at fault, not the theme.
			if !s.c.ids[lang][id] {
				lang = s.c.def
			}
			s.c.failed[lang+" "+id] = err.Error()
		case errors.As(err, &nf):
			s.c.unknown[id] = true
		case s.c.failed[lang+" "+id] == "":
			// Found, but its template failed on the data given.
			s.c.failed[lang+" "+id] = err.Error()
		}
		return fmt.Sprintf("[%s]", id)
	}
	return out
}

// Falls reports whether id is shown in the default language because this
// language lacks it.
func (s *Strings) Falls(id string) bool {
	return s.Lang != s.c.def && !s.c.ids[s.Lang][id] && s.c.ids[s.c.def][id]
}

// Markup is text, the string id as T or N gave it, for html/template's
// element content: as it is when the language has the string, and, when it
// falls back to the default language, as HTML in a span marked with that
// language, so that screen readers read it in the right voice (WCAG
// 3.1.2). The span would show as markup in <title>, <textarea>, a script
// or an address, and is stripped from attributes: there templates use
// the plain text (the theme's tp).
func (s *Strings) Markup(id, text string) any {
	if !s.Falls(id) {
		return text
	}
	return htmltemplate.HTML(`<span lang="` + htmltemplate.HTMLEscapeString(s.c.def) + `">` + htmltemplate.HTMLEscapeString(text) + `</span>`)
}

// Has reports whether the language itself defines id.
func (s *Strings) Has(id string) bool { return s.c.ids[s.Lang][id] }

// Known reports whether T finds id, in the language or in the default
// language it falls back to.
func (s *Strings) Known(id string) bool { return s.c.ids[s.Lang][id] || s.c.ids[s.c.def][id] }

// Where names the message file and line that T takes id from: the
// language's own file, else the default language's; line 0 when the
// line is not found, file "" when no file defines id.
func (s *Strings) Where(id string) (file string, line int) {
	lang := s.Lang
	if !s.c.ids[lang][id] {
		if lang = s.c.def; !s.c.ids[lang][id] {
			return "", 0
		}
	}
	return Dir + "/" + lang + ".toml", s.c.lines[lang].line(id)
}

// MatchTable maps browser language tags to the site's languages with the
// x/text matcher (nl-BE -> nl, fr-CA -> fr). A script reads it to suggest a
// language; tags that match nothing well are left out rather than guessed.
func MatchTable(codes []string) map[string]string {
	tags := make([]language.Tag, len(codes))
	for i, c := range codes {
		tags[i] = language.Make(c)
	}
	m := language.NewMatcher(tags)
	out := map[string]string{}
	for _, t := range browserTags {
		_, i, conf := m.Match(language.Make(t))
		if conf >= language.High {
			out[strings.ToLower(t)] = codes[i]
		}
	}
	return out
}

// browserTags are the tags browsers commonly send: each language
// profile's and those of other languages (build/lang).
var browserTags = lang.BrowserTags()

// Date writes a date the way the language does ("15 mars 2026"), from its
// months and date_format strings: for pages and paper alike.
func (s *Strings) Date(t time.Time) string {
	months := strings.Fields(s.T("months", nil))
	month := t.Month().String()
	if len(months) == 12 {
		month = months[t.Month()-1]
	}
	return s.T("date_format", map[string]any{"Day": t.Day(), "Month": month, "Year": t.Year()})
}

// LanguageName is the name of language code in language in ("français"
// for fr in fr, "Frans" for fr in nl), from CLDR's display names.
func LanguageName(code, in string) string {
	return display.Tags(language.Make(in)).Name(language.Make(code))
}
