// Package status reports where each translation stands against its source:
// up to date, outdated (with the source paragraphs that changed), missing,
// draft, and the interface strings each language lacks or no longer needs.
package status

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"sobre/build/content"
	"sobre/build/i18n"
)

// Report is the translation status of a site.
type Report struct {
	Source    string     `json:"source"` // the source language
	Languages []Language `json:"languages"`
}

// Language is the status of one translated language.
type Language struct {
	Lang    string         `json:"lang"`
	Pages   []Page         `json:"pages"`
	Counts  map[string]int `json:"counts"`
	Percent float64        `json:"percent"` // pages up to date, of the source's pages
	Strings Strings        `json:"strings"`
}

// Strings are the interface strings of a language against the source's.
type Strings struct {
	File    string   `json:"file"`
	Missing []string `json:"missing"`
	Unused  []string `json:"unused"`
}

// Page is one page of a language.
type Page struct {
	Key     string   `json:"key"`
	File    string   `json:"file,omitempty"` // the translation, when there is one
	Source  string   `json:"source,omitempty"`
	State   string   `json:"state"`
	Changed []Change `json:"changed,omitempty"`
	Removed int      `json:"removed,omitempty"`
}

// Change is a paragraph of the source that is new or changed since the
// translation was made.
type Change struct {
	Line int    `json:"line"` // in the source; 0 for a unit removed from it
	Text string `json:"text"` // the source's unit today ("" when removed)
	// Old is the unit when the translation was made, when the stamped
	// source was kept (StampDir); Diff marks the words between them:
	// [-removed-] {+added+}.
	Old  string `json:"old,omitempty"`
	Diff string `json:"diff,omitempty"`
	// Translation is the line of the translation's own unit for it, when
	// the translation has the source's shape (0: none, or added).
	Translation int `json:"translation,omitempty"`
}

// Compute builds the report. used lists the interface string ids the
// theme and the build use; strings defined but not used are reported.
// stamped holds the sources kept by sobre stamp (content.StampDir); nil
// when there are none to read.
func Compute(site *content.Site, cat *i18n.Catalog, used map[string]bool, stamped fs.FS) *Report {
	cfg := site.Config
	def := cfg.DefaultLanguage
	r := &Report{Source: def}
	missingStrings := cat.Missing()
	sources := site.Pages[def]
	for _, code := range cfg.Codes() {
		if code == def {
			continue
		}
		l := Language{Lang: code, Counts: map[string]int{}}
		for _, p := range site.Pages[code] {
			st := site.StateOf(p)
			pg := Page{Key: p.Key, State: string(st)}
			if src := site.ByKey[def][p.Key]; src != nil {
				pg.Source = src.Source.File
			}
			if !p.Fallback {
				pg.File = p.Source.File
			} else if d := site.Drafts[code][p.Key]; d != nil {
				pg.File = d.File
			}
			if st == content.Outdated && len(p.Source.Front.Translation.Paragraphs) > 0 {
				pg.Changed, pg.Removed = changes(site.ByKey[def][p.Key].Source, p, stamped)
			}
			l.Counts[pg.State]++
			l.Pages = append(l.Pages, pg)
		}
		if len(sources) > 0 {
			l.Percent = float64(l.Counts[string(content.UpToDate)]) * 100 / float64(len(sources))
		}
		l.Strings = Strings{File: i18n.Dir + "/" + code + ".toml", Missing: list(missingStrings[code]), Unused: list(unused(cat.Defined(code), used))}
		r.Languages = append(r.Languages, l)
	}
	return r
}

// changes are the source's units that changed since p was translated,
// each with its old text and a word diff when the stamped source was
// kept, and the line of p's own unit when p has the source's shape; and
// how many units were removed.
func changes(src *content.Source, p *content.Page, stamped fs.FS) ([]Change, int) {
	rec := p.Source.Front.Translation
	var old []content.Block
	if stamped != nil {
		if body, err := fs.ReadFile(stamped, content.StampPath(p.Lang, p.Key)); err == nil {
			old = content.Units(body, 1)
		}
	}
	own := content.Units(p.Source.Body, p.Source.BodyLine)
	if len(own) != len(rec.Paragraphs) {
		own = nil // not the source's shape: no unit to point at
	}
	var out []Change
	removed := 0
	for _, c := range content.Changes(src, rec, old) {
		var ch Change
		if c.New != nil {
			ch.Line, ch.Text = c.New.Line, c.New.Text
		} else {
			removed++
		}
		if c.Old != nil && c.Old.Text != "" {
			ch.Old = c.Old.Text
			if c.New != nil {
				ch.Diff = WordDiff(c.Old.Text, c.New.Text)
			}
		}
		if c.At >= 0 && own != nil {
			ch.Translation = own[c.At].Line
		}
		out = append(out, ch)
	}
	return out, removed
}

func unused(defined []string, used map[string]bool) []string {
	var out []string
	for _, id := range defined {
		if !used[id] {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Incomplete reports whether anything is missing, outdated, untracked or
// in draft (what -strict fails on).
func (r *Report) Incomplete() bool {
	for _, l := range r.Languages {
		for _, p := range l.Pages {
			switch content.State(p.State) {
			case content.Missing, content.Outdated, content.Untracked, content.Draft:
				return true
			}
		}
		if len(l.Strings.Missing) > 0 {
			return true
		}
	}
	return false
}

// list is s, or an empty list: scripts read [] where nothing is, not null.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// JSON writes the report for scripts; an empty list is written [].
func (r *Report) JSON(w io.Writer) error {
	r.Languages = list(r.Languages)
	for i := range r.Languages {
		l := &r.Languages[i]
		l.Pages, l.Strings.Missing, l.Strings.Unused = list(l.Pages), list(l.Strings.Missing), list(l.Strings.Unused)
		if l.Counts == nil {
			l.Counts = map[string]int{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

var order = []content.State{content.Outdated, content.Untracked, content.Draft, content.Missing, content.NoSource, content.UpToDate}

var explain = map[content.State]string{
	content.UpToDate:  "up to date",
	content.Outdated:  "outdated",
	content.Untracked: "not tracked",
	content.Missing:   "missing",
	content.Draft:     "draft",
	content.NoSource:  "no source",
}

// writeChanges lists an outdated page's changed units: where each is in
// the source and in the translation, and what changed, word by word when
// the stamped source was kept.
func writeChanges(w io.Writer, p Page) {
	const pad = "                                            "
	for _, c := range p.Changed {
		yours := ""
		if c.Translation > 0 {
			yours = fmt.Sprintf("; yours: %s:%d", p.File, c.Translation)
		}
		switch {
		case c.Text == "":
			fmt.Fprintf(w, "%sremoved from the source%s: %s\n", pad, yours, clip(orUnknown(c.Old), 70))
		case c.Diff != "":
			fmt.Fprintf(w, "%schanged: %s:%d%s\n%s  %s\n", pad, p.Source, c.Line, yours, pad, aroundChanges(c.Diff, 50))
		case c.Translation > 0 || c.Old != "":
			fmt.Fprintf(w, "%schanged: %s:%d%s: %s\n", pad, p.Source, c.Line, yours, clip(c.Text, 70))
		default:
			fmt.Fprintf(w, "%snew or changed: %s:%d: %s\n", pad, p.Source, c.Line, clip(c.Text, 70))
		}
	}
}

// aroundChanges keeps the changed words of a word diff and about
// context characters of the words around them, cut at spaces.
func aroundChanges(diff string, context int) string {
	first := strings.IndexAny(diff, "[{")
	last := max(strings.LastIndex(diff, "-]"), strings.LastIndex(diff, "+}")) + 2
	for first >= 0 && first+1 < len(diff) && diff[first+1] != '-' && diff[first+1] != '+' {
		next := strings.IndexAny(diff[first+1:], "[{")
		if next < 0 {
			first = -1
			break
		}
		first += 1 + next
	}
	if first < 0 || last < 2 {
		return clip(diff, 2*context)
	}
	from, to := 0, len(diff)
	if first > context {
		from = strings.IndexByte(diff[first-context:], ' ') + first - context + 1
	}
	if len(diff)-last > context {
		to = last + strings.LastIndexByte(diff[last:last+context], ' ')
	}
	out := diff[from:to]
	if from > 0 {
		out = "… " + out
	}
	if to < len(diff) {
		out += " …"
	}
	return out
}

func orUnknown(s string) string {
	if s == "" {
		return "(its text was not kept: stamp translations with this version of sobre to see it)"
	}
	return s
}

// Text writes the report as a table for people.
func (r *Report) Text(w io.Writer) {
	fmt.Fprintf(w, "Translation status against the source language (%s)\n", r.Source)
	for _, l := range r.Languages {
		var parts []string
		for _, st := range order {
			if n := l.Counts[string(st)]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, explain[st]))
			}
		}
		fmt.Fprintf(w, "\n%s  %.0f%% up to date  (%s)\n", l.Lang, l.Percent, strings.Join(parts, ", "))
		for _, st := range order {
			for _, p := range l.Pages {
				if p.State != string(st) {
					continue
				}
				where := p.File
				switch st {
				case content.Missing:
					where = "shown from " + p.Source + "; start it with: sobre new -lang " + l.Lang + " " + p.Source
				case content.Untracked:
					where += "; after checking it against " + p.Source + ", record it with: sobre stamp " + p.File
				case content.Draft:
					where += " (draft: true; shown from " + p.Source + ")"
				case content.Outdated:
					where += "; update it, then: sobre stamp " + p.File
				}
				fmt.Fprintf(w, "  %-12s %-28s %s\n", explain[st], p.Key, where)
				writeChanges(w, p)
				if st == content.Outdated && len(p.Changed) == 0 && p.Removed == 0 {
					fmt.Fprintf(w, "  %-12s %-28s   (the title or the order of paragraphs changed)\n", "", "")
				}
			}
		}
		if n := len(l.Strings.Missing); n > 0 {
			fmt.Fprintf(w, "  %-12s %-28s %s\n", "strings", fmt.Sprintf("%d missing", n), l.Strings.File+": "+strings.Join(l.Strings.Missing, ", "))
		}
		if n := len(l.Strings.Unused); n > 0 {
			fmt.Fprintf(w, "  %-12s %-28s %s\n", "strings", fmt.Sprintf("%d unused", n), l.Strings.File+": "+strings.Join(l.Strings.Unused, ", "))
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
