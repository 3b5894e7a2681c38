package check

import (
	"strings"
	"testing"

	"sobre/build/markup"
)

// TestParity: the slips a translator makes, each reported at the
// translation's line with the source's, and none for a faithful one.
func TestParity(t *testing.T) {
	src := "## Payer {#payer}\n\nVoir [la charte](charte.md#engagement) et [[biais|biais]].\n\n> [!exercise]\n> Faites-le.\n\nSigné le {{date}}.\n\n{{assessment}}\n\n![Logo](img/logo.png)\n\n## Après {#apres}\n\nFin.\n"
	tests := []struct {
		name, tr string
		keys     map[string]int
		want     []string
	}{
		{"faithful, headings in another order", strings.Replace(strings.Replace(src, "## Payer {#payer}", "## Na {#apres}", 1), "## Après {#apres}", "## Betalen {#payer}", 1), map[string]int{"weight": 2}, nil},
		{"changed heading id", strings.Replace(src, "{#payer}", "{#betalen}", 1), map[string]int{"weight": 2},
			[]string{"nl.md:1: heading {#betalen} where fr.md:1 has {#payer}"}},
		{"link and glossary reference dropped", strings.Replace(src, "Voir [la charte](charte.md#engagement) et [[biais|biais]].", "Zie het charter.", 1), map[string]int{"weight": 2},
			[]string{"warning: no link to charte.md#engagement, which fr.md:3 has", "warning: no link to glossaire.md#biais"}},
		{"callout kind changed", strings.Replace(src, "[!exercise]", "[!note]", 1), map[string]int{"weight": 2},
			[]string{"no callout [!exercise], which fr.md:5 has", "nl.md:5: warning: callout [!note] is not in fr.md"}},
		{"blank, block and image dropped", strings.NewReplacer("{{date}}", "", "{{assessment}}\n", "", "![Logo](img/logo.png)\n", "").Replace(src), map[string]int{"weight": 2},
			[]string{"no blank {{date}}", "no block {{assessment}}", "no image img/logo.png"}},
		{"setting not carried", src, nil, []string{"nl.md:1: warning: no weight: setting, which fr.md:2 has"}},
	}
	for _, tt := range tests {
		doc := func(s string) *markup.Doc {
			return markup.Parse([]byte(s), markup.Options{Lang: "fr", Glossary: "glossaire.md"})
		}
		probs := Parity(Side{Shape: ShapeOf(doc(src)), File: "fr.md", Keys: map[string]int{"weight": 2}}, Side{Shape: ShapeOf(doc(tt.tr)), File: "nl.md", Keys: tt.keys})
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
		if tt.want == nil && len(got) > 0 {
			t.Errorf("%s: problems for a faithful translation:\n%s", tt.name, all)
		}
	}
}
