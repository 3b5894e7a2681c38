package check

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"sobre/build/diag"
	"sobre/build/markup"
)

func easyProblems(t *testing.T, name string) diag.List {
	t.Helper()
	src, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	// The body starts on line 5 of its file, after a front matter.
	d := markup.Parse(src, markup.Options{Lang: "fr", File: "content/fr/" + name, LineOffset: 4})
	return EasyRead(d, "content/fr/"+name, "fr")
}

// TestEasyReadGood: a page written by the rules gives no problem.
func TestEasyReadGood(t *testing.T) {
	if probs := easyProblems(t, "easyread-good.md"); len(probs) > 0 {
		t.Errorf("problems on a good page:\n%v", probs)
	}
}

// TestEasyReadBad: each broken rule of the fixture is reported at its
// line, with its rule and severity, and nothing else is.
func TestEasyReadBad(t *testing.T) {
	const f = "content/fr/easyread-bad.md"
	want := []string{
		f + ":7: easy-picture E section \"Nous faisons attention à la planète\" has no picture",
		f + ":9: easy-sentence E sentence of 25 words",
		f + ":10: easy-justify E \"{.justify}\" asks for an alignment",
		f + ":11: easy-italic E italics are hard to read",
		f + ":12: easy-abbr E abbreviation \"RGPD\"",
		f + ":12: easy-abbr E abbreviation \"p.ex.\"",
		f + ":13: easy-line W line holds 2 sentences",
		f + ":14: easy-hyphen E a word is cut over two lines",
		f + ":17: easy-justify E class \"justify\" would justify the text",
		f + ":21: easy-abbr E abbreviation \"etc.\"",
	}
	var got []string
	for _, p := range easyProblems(t, "easyread-bad.md") {
		sev := "E"
		if p.Severity == diag.Warning {
			sev = "W"
		}
		got = append(got, fmt.Sprintf("%s:%d: %s %s %s", p.File, p.Line, p.Rule, sev, p.Msg))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			if strings.HasPrefix(g, w) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing %q", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

func TestSplitSentences(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"Une phrase.", 1},
		{"Une phrase. Une autre !", 2},
		{"Le prix est 7.5 euros.", 1},
		{"Sans point", 1},
		{"Quoi ? Oui.", 2},
		{"", 0},
	} {
		if got := splitSentences(tt.in); len(got) != tt.want {
			t.Errorf("%q: %d sentences %q, want %d", tt.in, len(got), got, tt.want)
		}
	}
}

// TestAbbreviations: capitals, dotted and listed abbreviations are found,
// allowed ones and ordinary words are not.
func TestAbbreviations(t *testing.T) {
	for _, tt := range []struct {
		lang, line string
		want       []string
	}{
		{"fr", "L’IA aide notre ASBL.", nil},
		{"fr", "Le RGPD protège vos données.", []string{"RGPD"}},
		{"fr", "Un index. Puis des outils, etc.", []string{"etc."}},
		{"fr", "Nous aimons l’art.", nil},
		{"en", "We say no.", nil},
		{"en", "Tools, e.g. a chatbot.", []string{"e.g."}},
		{"nl", "Onze VZW gebruikt AI, bijv. voor teksten.", []string{"bijv."}},
	} {
		e := &easy{file: "f.md", lang: tt.lang, allowed: easyAllowed[tt.lang]}
		e.abbreviations(srcLine{text: tt.line, line: 1})
		var got []string
		for _, p := range e.l {
			got = append(got, strings.Split(p.Msg, "\"")[1])
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s %q: found %q, want %q", tt.lang, tt.line, got, tt.want)
		}
	}
}
