package check

import (
	"strings"
	"testing"

	"sobre/build/markup"
)

const profilesSite = `default_language = "fr"

[languages.fr]
name = "Français"

[languages.es]
name = "Español"

[languages.de]
name = "Deutsch"

[readability]
fr = 50
es = 55
de = 50
`

// TestProfiles checks that a language without a profile gets one line per
// missing table at its site.toml line, and its readability minimum one at
// its own line; languages with a full profile get none.
func TestProfiles(t *testing.T) {
	min := map[string]float64{"fr": 50, "es": 55, "de": 50}
	got := Profiles([]string{"fr", "es", "de"}, min, []byte(profilesSite))
	var lines []string
	for _, p := range got {
		lines = append(lines, p.String())
	}
	want := []string{
		"site.toml:6: warning: language \"es\" has no Hyphenation table",
		"site.toml:6: warning: language \"es\" has no Readability table",
		"site.toml:6: warning: language \"es\" has no Search.StopWords table",
		"site.toml:6: warning: language \"es\" has no Search.Stem table",
		"site.toml:6: warning: language \"es\" has no VagueLinks table",
		"site.toml:6: warning: language \"es\" has no GenericAlt table",
		"site.toml:6: warning: language \"es\" has no LawCites table",
		"site.toml:6: warning: language \"es\" has no Markers table",
		"site.toml:6: warning: language \"es\" has no Levels table",
		"site.toml:14: warning: [readability] es = 55 is never applied",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], "add a profile, build/lang/es.go") {
		t.Errorf("no advice on what to do: %s", lines[0])
	}
}

// TestPageMinWithoutFormula checks that min_readability on a page of a
// language without a formula is reported, not ignored.
func TestPageMinWithoutFormula(t *testing.T) {
	d := markup.Parse([]byte("Hola.\n"), markup.Options{Lang: "es"})
	min := 40.0
	for _, tc := range []struct {
		lang string
		want bool
	}{{"es", true}, {"de", false}, {"fr", false}} {
		l, _ := Lint(d, "content/x/p.md", tc.lang, Options{PageMin: &min})
		found := false
		for _, p := range l {
			found = found || p.Rule == "readability" && strings.Contains(p.Msg, "never applied")
		}
		if found != tc.want {
			t.Errorf("%s: reported %v, want %v (%v)", tc.lang, found, tc.want, l)
		}
	}
}
