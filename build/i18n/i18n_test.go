package i18n

import (
	htmltemplate "html/template"
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

// TestLint loads message files with the slips translators make and checks
// that each is reported in the file that has it, at its line, saying
// what to do.
func TestLint(t *testing.T) {
	fr := "hello = \"Bonjour {{.Name}}\"\nsize = \"{{.Size}} ko\"\n\n[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n"
	tests := []struct {
		name, nl string
		want     []string // substrings of the problems, each with file:line
	}{
		{"clean", "hello = \"Hallo {{.Name}}\"\nsize = \"{{.Size}} kB\"\n[pages]\none = \"{{.Count}} pagina\"\nother = \"{{.Count}} pagina's\"\n", nil},
		{"key appended after a table", "hello = \"Hallo {{.Name}}\"\n[pages]\none = \"{{.Count}} pagina\"\nother = \"{{.Count}} pagina's\"\nsize = \"{{.Size}} kB\"\n",
			[]string{`i18n/nl.toml:5: "size" is inside the plural string [pages] that starts at line 2`}},
		{"missing plural form", "hello = \"Hallo {{.Name}}\"\n[pages]\nother = \"{{.Count}} pagina's\"\n",
			[]string{`i18n/nl.toml:2: plural string "pages" has no "one" form, which nl needs`}},
		{"placeholder typo", "hello = \"Hallo {{.Nmae}}\"\n",
			[]string{`i18n/nl.toml:1: string "hello" reads {{.Nmae}}, which i18n/fr.toml's string does not give`,
				`i18n/nl.toml:1: warning: string "hello" leaves out {{.Name}}`}},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"i18n/fr.toml": {Data: []byte(fr)}, "i18n/nl.toml": {Data: []byte(tt.nl)}}
		_, probs := Load(fsys, []string{"fr", "nl"}, "fr")
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		all := strings.Join(got, "\n")
		for _, w := range tt.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no %q in:\n%s", tt.name, w, all)
			}
		}
		if len(tt.want) == 0 && len(got) > 0 {
			t.Errorf("%s: problems in clean files:\n%s", tt.name, all)
		}
		if strings.Contains(all, "i18n/fr.toml:") {
			t.Errorf("%s: the source file is blamed for the translation's slip:\n%s", tt.name, all)
		}
	}
}

// TestNoValue: a string whose template reads a field the page does not
// give is reported against its file, never printed as "<no value>".
func TestNoValue(t *testing.T) {
	fsys := fstest.MapFS{"i18n/fr.toml": {Data: []byte("size = \"{{.Size}} ko\"\n")}, "i18n/nl.toml": {Data: []byte("size = \"{{.Size}} kB\"\n")}}
	c, probs := Load(fsys, []string{"fr", "nl"}, "fr")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	if got := c.For("nl").T("size", map[string]string{"Sizee": "3"}); strings.Contains(got, "no value") {
		t.Errorf("printed %q", got)
	}
	f := c.Failed()
	if len(f) != 1 || f[0].File != "i18n/nl.toml" || f[0].ID != "size" {
		t.Errorf("failed = %+v", f)
	}
}

// TestNeededForms: CLDR's plural forms for whole numbers.
func TestNeededForms(t *testing.T) {
	for lang, want := range map[string]string{"fr": "one,other", "nl": "one,other", "en": "one,other", "pl": "one,few,many,other", "ja": "other"} {
		if got := strings.Join(neededForms(lang), ","); got != want {
			t.Errorf("%s: %s, want %s", lang, got, want)
		}
	}
}

// TestMissingFormAtRender: a count whose plural form a translation lacks
// is that file's failure, not a string "defined in no language".
func TestMissingFormAtRender(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/fr.toml": {Data: []byte("[pages]\none = \"{{.Count}} page\"\nother = \"{{.Count}} pages\"\n")},
		"i18n/nl.toml": {Data: []byte("[pages]\nother = \"{{.Count}} pagina's\"\n")},
	}
	c, _ := Load(fsys, []string{"fr", "nl"}, "fr")
	c.For("nl").N("pages", 1)
	if u := c.Unknown(); len(u) > 0 {
		t.Errorf("reported as defined nowhere: %v", u)
	}
	if len(c.Failed()) != 1 {
		t.Errorf("failed = %+v, want nl's pages", c.Failed())
	}
	for _, f := range c.Failed() {
		if f.File != "i18n/nl.toml" || f.Line != 1 {
			t.Errorf("blamed %s for nl's missing form: %+v", f.File, f)
		}
	}
}

// TestMarkup checks that a string falling back to the default language is
// marked with it, escaped, and that the others are left as they are.
func TestMarkup(t *testing.T) {
	c, problems := Load(fstest.MapFS{
		"i18n/fr.toml": {Data: []byte("a = \"Tom & Jerry\"\nb = \"Bé\"\n")},
		"i18n/nl.toml": {Data: []byte("b = \"Be\"\n")},
	}, []string{"fr", "nl"}, "fr")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	nl, fr := c.For("nl"), c.For("fr")
	for _, tc := range []struct {
		s    *Strings
		id   string
		want any
	}{
		{nl, "a", htmltemplate.HTML(`<span lang="fr">Tom &amp; Jerry</span>`)},
		{nl, "b", "Be"},
		{fr, "a", "Tom & Jerry"},
		{nl, "zz", "[zz]"},
	} {
		if got := tc.s.Markup(tc.id, tc.s.T(tc.id, nil)); got != tc.want {
			t.Errorf("%s %s: Markup = %#v, want %#v", tc.s.Lang, tc.id, got, tc.want)
		}
	}
}
