package check

import (
	"strings"
	"testing"
	"time"

	"sobre/build/markup"
)

// TestLawLinks: a page citing the AI Act warns on the line of its first
// citation unless it links to the law page somewhere; code and other
// laws' articles are not citations.
func TestLawLinks(t *testing.T) {
	for _, c := range []struct {
		name, lang, law, md string
		line                int // of the warning; 0: none
	}{
		{"fr name", "fr", "la-loi.md", "Intro.\n\nLe règlement européen sur l’IA demande des mesures.\n", 3},
		{"fr article", "fr", "la-loi.md", "# Titre\n\nSelon l’article 4, formez l’équipe.\n", 3},
		{"fr linked", "fr", "la-loi.md", "L’[article 4](la-loi.md#article-4) demande des mesures.\n", 0},
		{"fr linked elsewhere", "fr", "../la-loi.md", "L’AI Act change.\n\nVoir [la loi](../la-loi.md).\n", 0},
		{"fr wrong target", "fr", "../la-loi.md", "L’AI Act change.\n\nVoir [la loi](la-loi.md).\n", 1},
		{"nl", "nl", "la-loi.md", "- eerste\n- De AI-verordening vraagt maatregelen.\n", 2},
		{"en heading", "en", "la-loi.md", "## The AI Act in short\n\nText.\n", 1},
		{"en GDPR article", "en", "la-loi.md", "Article 5 of the GDPR lists principles.\n", 0},
		{"en code", "en", "la-loi.md", "```\nAI Act\n```\n\nSee `Article 4`.\n", 0},
		{"no law page", "en", "", "The AI Act.\n", 0},
		{"fr marked phrase", "fr", "la-loi.md", "Texte.\n\nLe [AI Act]{lang=en} change.\n", 3},
		{"en inside a word", "en", "la-loi.md", "Particle 40 is not a citation.\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := markup.Parse([]byte(c.md), markup.Options{Lang: c.lang, File: "p.md"})
			got := LawLinks(d, "p.md", c.lang, c.law)
			if c.line == 0 {
				if len(got) != 0 {
					t.Fatalf("warnings %v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].Line != c.line || got[0].Rule != "law-link" || !strings.Contains(got[0].Msg, c.law) {
				t.Fatalf("got %v, want one law-link warning on line %d naming %s", got, c.line, c.law)
			}
		})
	}
}

// TestStale: a dated page warns once it is more than a year old.
func TestStale(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	asOf := day("2026-12-06")
	for _, c := range []struct {
		now  string
		warn bool
	}{{"2026-12-06", false}, {"2027-12-06", false}, {"2027-12-07", true}, {"2030-01-01", true}} {
		got := Stale("la-loi.md", 8, asOf, day(c.now))
		if (len(got) == 1) != c.warn || (c.warn && (got[0].Line != 8 || !strings.Contains(got[0].Msg, "2026-12-06"))) {
			t.Errorf("now %s: %v, want warning %v", c.now, got, c.warn)
		}
	}
	if got := Stale("p.md", 0, time.Time{}, day("2030-01-01")); len(got) != 0 {
		t.Errorf("undated page warned: %v", got)
	}
}
