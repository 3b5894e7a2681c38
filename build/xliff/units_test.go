package xliff

import (
	"testing"

	"sobre/build/content"
)

// TestSpansAreUnits: spans cut every page of the repository as
// content.Units does, which the translation records' hashes follow.
func TestSpansAreUnits(t *testing.T) {
	s, _ := repo(t, "../..")
	n := 0
	for _, pages := range s.Pages {
		for _, p := range pages {
			want := content.Units(p.Source.Body, p.Source.BodyLine)
			got := spans(p.Source.Body, p.Source.BodyLine)
			if len(got) != len(want) {
				t.Fatalf("%s: %d spans, %d units", p.Source.File, len(got), len(want))
			}
			for i := range got {
				if got[i].Text != want[i].Text || got[i].Line != want[i].Line {
					t.Errorf("%s: span %d at %d %q, unit at %d %q", p.Source.File, i, got[i].Line, got[i].Text, want[i].Line, want[i].Text)
				}
			}
			n += len(got)
		}
	}
	if n < 1000 {
		t.Errorf("only %d units in the repository", n)
	}
}

func TestTokenize(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"Voir la [charte](charte.md) et [[RGPD|rgpd]].", "Voir la ⟨[⟩charte⟨](charte.md)⟩ et ⟨[[⟩RGPD⟨|rgpd]]⟩."},
		{"Un [[chatbot]] **gras**", "Un ⟨[[⟩chatbot⟨|chatbot]]⟩ ⟨**⟩gras⟨**⟩"},
		{"Titre {#id}", "Titre⟨ {#id}⟩"},
		{"[!TIP]\n> Relisez `code`.\n>\n> - un", "⟨[!TIP]⟩⟨\n> ⟩Relisez ⟨`code`⟩.⟨\n>⟩⟨\n> - ⟩un"},
		{"[AI Act]{lang=en} le {{date}}", "⟨[⟩AI Act⟨]{lang=en}⟩ le ⟨{{date}}⟩"},
		{"ligne\nsuite", "ligne suite"},
	} {
		var got string
		for _, p := range tokenize(c.raw) {
			if p.Code {
				got += "⟨" + p.Text + "⟩"
			} else {
				got += p.Text
			}
		}
		if got != c.want {
			t.Errorf("tokenize(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}
