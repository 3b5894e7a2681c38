package search

import (
	"regexp"
	"strings"
	"testing"

	"sobre/build/markup"
)

func TestTerms(t *testing.T) {
	got := strings.Join(Terms("L’Énergie, c’est 2 fois PLUS — Œuvre ĳ"), " ")
	if got != "l energie c est 2 fois plus oeuvre ĳ" {
		t.Errorf("Terms = %q", got)
	}
	if strings.Join(Terms("énergie"), "") != "energie" {
		t.Error("accents must fold: energie finds énergie")
	}
}

func TestBuild(t *testing.T) {
	doc := func(md string) *markup.Doc { return markup.Parse([]byte(md), markup.Options{Lang: "fr"}) }
	pages := []Page{
		{Title: "Module environnement", URL: "modules/environnement.html", Lang: "fr", Doc: doc("Intro sur la sobriété.\n\n## Énergie {#energie}\n\nLa génération d’images consomme beaucoup.\n\n- un point\n- deux points\n")},
		{Title: "Charte", URL: "charte.html", Lang: "fr", Doc: doc("## Préambule {#preambule}\n\nL’énergie et le climat.\n")},
		{Title: "Page en français", URL: "x.html", Lang: "fr", Doc: doc("Texte.")},
	}
	ix := Build(pages, "nl")
	if len(ix.Sections) != 4 {
		t.Fatalf("sections = %d, want intro, énergie, préambule and the third page", len(ix.Sections))
	}
	// "energie" is in a heading of page 0 (section 1) and in the text of
	// page 1's section (2): the heading hit is odd, the text hit even.
	k := -1
	for i, term := range ix.terms {
		if term == "energie" {
			k = i
		}
	}
	if k < 0 {
		t.Fatal("energie not indexed")
	}
	if got := ix.postings[k]; len(got) != 2 || got[0] != 1*2+1 || got[1] != 2*2 {
		t.Errorf("postings(energie) = %v", got)
	}
	if s := ix.Sections[1]; s.anchor != "energie" || !strings.HasPrefix(s.text, "La génération") {
		t.Errorf("section = %+v", s)
	}
	if strings.Contains(ix.Sections[1].text, "pointdeux") {
		t.Error("list items must stay separate words")
	}
	js := string(ix.Script("nl"))
	if !regexp.MustCompile(`^\(window\.SOBRE_SEARCH=window\.SOBRE_SEARCH\|\|\{\}\)\["nl"\]=\{"p":\[\["Module environnement","modules/environnement.html","fr"\]`).MatchString(js) {
		t.Errorf("script = %.200s", js)
	}
	for _, stop := range []string{" de ", " het "} {
		if strings.Contains(" "+strings.Join(ix.terms, " ")+" ", stop) {
			t.Errorf("stop word %q indexed", stop)
		}
	}
}

// TestBuildStems checks that the index holds stems: two forms of a word in
// a section make one posting, under the stem search.js looks up.
func TestBuildStems(t *testing.T) {
	doc := markup.Parse([]byte("## Hallucinations {#h}\n\nUne hallucination, des modèles.\n"), markup.Options{Lang: "fr"})
	ix := Build([]Page{{Title: "Glossaire", URL: "g.html", Lang: "fr", Doc: doc}}, "fr")
	want := map[string][]int{"hallucination": {0*2 + 1}, "model": {0}}
	for i, term := range ix.terms {
		if w, ok := want[term]; ok {
			if len(ix.postings[i]) != len(w) || ix.postings[i][0] != w[0] {
				t.Errorf("postings(%s) = %v, want %v", term, ix.postings[i], w)
			}
			delete(want, term)
		}
		if term == "hallucinations" || term == "modeles" {
			t.Errorf("unstemmed term %q indexed", term)
		}
	}
	if len(want) > 0 {
		t.Errorf("terms %v not indexed (terms: %v)", want, ix.terms)
	}
}
