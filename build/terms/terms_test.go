package terms

import (
	"strings"
	"testing"
)

func TestUses(t *testing.T) {
	for _, c := range []struct {
		text, words string
		want        bool
	}{
		{"Signez la charte.", "charte", true},
		{"Les chartes de l’ASBL", "charte", true},
		{"La Charte", "charte", true},
		{"une chartelette", "charte", false},
		{"lire [le texte](charte.md)", "charte", false}, // an address is no word of the text
		{"[[charte|charte-id]]", "charte", true},
		{"[[la loi|charte]]", "charte", false},
		{"de vzw's van Brussel", "vzw", true},
		{"het conseil d'administration", "conseil d’administration", true},
		{"the charters", "charter", true},
		{"`charte`", "charte", false},
	} {
		if got := Uses(c.text, c.words); got != c.want {
			t.Errorf("Uses(%q, %q) = %v", c.text, c.words, got)
		}
	}
}

func TestParse(t *testing.T) {
	l, err := Parse([]byte("# fixed\n\n[[term]]\nfr = \"charte\"\nnl = \"charter\"\nnote = \"why\"\n\n[[term]]\nfr = \"ASBL\"\n"), "fr")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Terms) != 2 || l.Terms[0].Line != 3 || l.Terms[1].Line != 8 || l.Terms[0].Note != "why" || l.Terms[0].Words["nl"] != "charter" {
		t.Errorf("%+v", l.Terms)
	}
	if got := l.In("La charte de l’ASBL", "fr"); len(got) != 2 || got[0].Words["fr"] != "ASBL" {
		t.Errorf("In: %+v", got)
	}
	for _, c := range []struct{ data, want string }{
		{"[[term]]\nnl = \"charter\"\n", "i18n/terms.toml:1: terms: a term needs its words in the source language (fr = \"…\")"},
		{"[[term]]\nfr = \"charte\n", "i18n/terms.toml:2: terms: "},
	} {
		_, err := Parse([]byte(c.data), "fr")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}
