// Package status reports where each translation stands against its source:
// up to date, outdated (with the source paragraphs that changed), missing,
// draft, and the interface strings each language lacks or no longer needs.
package status

import (
	"encoding/json"
	"fmt"
	"io"
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
	Line int    `json:"line"`
	Text string `json:"text"`
}

// Compute builds the report. used lists the interface string ids the
// theme and the build use; strings defined but not used are reported.
func Compute(site *content.Site, cat *i18n.Catalog, used map[string]bool) *Report {
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
				changed, removed := content.Changes(site.ByKey[def][p.Key].Source, p.Source.Front.Translation)
				for _, c := range changed {
					pg.Changed = append(pg.Changed, Change{Line: c.Line, Text: c.Text})
				}
				pg.Removed = removed
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
				for _, c := range p.Changed {
					fmt.Fprintf(w, "  %-12s %-28s   changed: %s:%d: %s\n", "", "", p.Source, c.Line, clip(c.Text, 60))
				}
				if p.Removed > 0 {
					fmt.Fprintf(w, "  %-12s %-28s   %d paragraph(s) removed from the source\n", "", "", p.Removed)
				}
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
