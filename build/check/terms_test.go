package check

import (
	"os"
	"strings"
	"testing"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/terms"
)

func source(t *testing.T, lang, body string) *content.Source {
	t.Helper()
	s, probs := content.ParseSource(lang, "p.md", "content/"+lang+"/p.md", []byte(body))
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	return s
}

func TestTerms(t *testing.T) {
	list, err := terms.Parse([]byte("[[term]]\nfr = \"charte\"\nnl = \"charter\"\n\n[[term]]\nfr = \"ASBL\"\nnl = \"vzw\"\n"), "fr")
	if err != nil {
		t.Fatal(err)
	}
	src := source(t, "fr", "---\ntitle: La charte\n---\n\nSignez la charte.\n\n- Une ASBL.\n- Les chartes.\n")
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"kept", "---\ntitle: Het charter\n---\n\nOnderteken het charter.\n\n- Een vzw.\n- De charters.\n", nil},
		{"avoided", "---\ntitle: De overeenkomst\n---\n\nOnderteken het charter.\n\n- Een vereniging.\n- De charters.\n",
			[]string{
				`content/nl/p.md:1: warning: the source (content/fr/p.md: title) says "charte", which i18n/terms.toml fixes as "charter" in nl: use it, or say why not in i18n/terms.toml:1`,
				`content/nl/p.md:7: warning: the source (content/fr/p.md:7) says "ASBL", which i18n/terms.toml fixes as "vzw" in nl: use it, or say why not in i18n/terms.toml:5`,
			}},
		{"another shape", "---\ntitle: Het charter\n---\n\nOnderteken het.\n", nil},
	} {
		got := Terms(list, src, source(t, "nl", c.body))
		var lines []string
		for _, p := range got {
			if p.Rule != "terms" {
				t.Errorf("rule %q", p.Rule)
			}
			lines = append(lines, p.String())
		}
		if strings.Join(lines, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, strings.Join(lines, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// TestTermsRepo: the repository's translations keep its fixed terms.
func TestTermsRepo(t *testing.T) {
	fsys := os.DirFS("../..")
	cfg, probs := config.Load(fsys)
	if cfg == nil {
		t.Fatal(probs.Err())
	}
	site, probs := content.Load(fsys, cfg)
	if site == nil {
		t.Fatal(probs.Err())
	}
	list, err := terms.Load(fsys, cfg.DefaultLanguage)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nl", "en"} {
		for _, p := range site.Pages[lang] {
			if p.Fallback {
				continue
			}
			src := site.ByKey[cfg.DefaultLanguage][p.Key]
			for _, w := range Terms(list, src.Source, p.Source) {
				t.Error(w)
			}
		}
	}
}
