package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

var files = fstest.MapFS{
	"i18n/fr.toml": {Data: []byte(`hello = "Bonjour"
only_fr = "Seulement en français"
[pages]
one = "{{.Count}} page"
many = "{{.Count}} de pages"
other = "{{.Count}} pages"
`)},
	"i18n/nl.toml": {Data: []byte(`hello = "Hallo"
[pages]
one = "{{.Count}} pagina"
other = "{{.Count}} pagina's"
`)},
	"i18n/en.toml": {Data: []byte(`hello = "Hello"
only_fr = "Only in French… not really"
`)},
}

func TestFallbackAndPlurals(t *testing.T) {
	c, probs := Load(files, []string{"fr", "nl", "en"}, "fr")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	nl, en, fr := c.For("nl"), c.For("en"), c.For("fr")
	tests := []struct{ got, want string }{
		{nl.T("hello", nil), "Hallo"},
		{nl.T("only_fr", nil), "Seulement en français"}, // falls back to French, not English
		{nl.N("pages", 1), "1 pagina"},
		{nl.N("pages", 2), "2 pagina's"},
		{nl.N("pages", 0), "0 pagina's"},
		{fr.N("pages", 0), "0 page"}, // CLDR: French 0 is "one"
		{fr.N("pages", 1), "1 page"},
		{fr.N("pages", 2), "2 pages"},
		{en.N("pages", 2), "2 pages"}, // en lacks it: French text, English rules
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
	missing := c.Missing()
	if strings.Join(missing["nl"], ",") != "only_fr" || strings.Join(missing["en"], ",") != "pages" {
		t.Errorf("missing = %v", missing)
	}
	if got := fr.T("nope", nil); got != "[nope]" || strings.Join(c.Unknown(), ",") != "nope" {
		t.Errorf("unknown id: %q, %v", got, c.Unknown())
	}
}

func TestLoadProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/fr.toml": {Data: []byte("a = \"x\"\nb = \n")},
	}
	_, probs := Load(fsys, []string{"fr", "nl"}, "fr")
	got := ""
	for _, p := range probs {
		got += p.String() + "\n"
	}
	if !strings.Contains(got, "i18n/fr.toml:2:") {
		t.Errorf("TOML error without its line:\n%s", got)
	}
	if !strings.Contains(got, "i18n/nl.toml: warning: no interface strings") {
		t.Errorf("missing file not reported:\n%s", got)
	}
}

func TestMatchTable(t *testing.T) {
	m := MatchTable([]string{"fr", "nl", "en"})
	for tag, want := range map[string]string{"nl-be": "nl", "fr-be": "fr", "fr-ca": "fr", "en-gb": "en", "nl": "nl"} {
		if m[tag] != want {
			t.Errorf("%s -> %q, want %q", tag, m[tag], want)
		}
	}
	if _, ok := m["de-be"]; ok {
		t.Error("German must not be matched to a language the site lacks")
	}
}

// TestBrokenTemplates: a string whose {{…}} does not parse is an error at
// its line when loaded; one that fails on a page's data is listed as a
// failure of its file, not as a string no language defines.
func TestBrokenTemplates(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/fr.toml": {Data: []byte("ok = \"Bonjour\"\nbroken = \"Bonjour {{.Name\"\nfield = \"Mis à jour le {{.Date.Day}}\"\n")},
		"i18n/nl.toml": {Data: []byte("ok = \"Hallo\"\n")},
	}
	c, probs := Load(fsys, []string{"fr", "nl"}, "fr")
	if len(probs) != 1 || probs[0].File != "i18n/fr.toml" || probs[0].Line != 2 || !strings.Contains(probs[0].Msg, `string "broken"`) || !probs.HasErrors() {
		t.Fatalf("problems %v, want one error at i18n/fr.toml:2 for broken", probs)
	}
	if got := c.For("nl").T("field", map[string]string{"Date": "x"}); got != "[field]" {
		t.Errorf("a failed string shows %q, want its id in brackets", got)
	}
	f := c.Failed()
	if len(f) != 1 || f[0].File != "i18n/fr.toml" || f[0].ID != "field" || f[0].Err == "" {
		t.Errorf("failures %+v, want field of i18n/fr.toml (nl falls back to it)", f)
	}
	if u := c.Unknown(); len(u) != 0 {
		t.Errorf("unknown %v: a defined string is not unknown", u)
	}
}
