package output_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"sobre/build/output"
)

// TestPackNames names the materials pack from each language's strings,
// in English where a site's own strings say nothing, and reports a
// string that is not a safe file name at its line.
func TestPackNames(t *testing.T) {
	for _, c := range []struct {
		name        string
		files       fstest.MapFS // nil: the built-in strings
		lang        string
		a4, large   string
		problemLine string // "" for none
	}{
		{"built-in fr", nil, "fr", "fr/print/materiel-atelier-ia.pdf", "fr/print/materiel-atelier-ia-grands-caracteres.pdf", ""},
		{"built-in nl", nil, "nl", "nl/print/materiaal-workshop-ai.pdf", "nl/print/materiaal-workshop-ai-grote-letters.pdf", ""},
		{"built-in en", nil, "en", "en/print/ai-workshop-materials.pdf", "en/print/ai-workshop-materials-large-print.pdf", ""},
		{"site strings without the name", fstest.MapFS{"i18n/fr.toml": {Data: []byte("site_title = \"X\"\n")}}, "fr",
			"fr/print/workshop-materials.pdf", "fr/print/workshop-materials-large-print.pdf", ""},
		{"an unsafe name", fstest.MapFS{"i18n/fr.toml": {Data: []byte("site_title = \"X\"\npack_file = \"Matériel de l’atelier\"\n")}}, "fr",
			"", "", "i18n/fr.toml:2: pack_file = \"Matériel de l’atelier\" names the materials pack's files"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := parse(t, "")
			files := c.files
			if files != nil {
				files["i18n/nl.toml"] = &fstest.MapFile{Data: []byte("x = \"y\"\n")}
				files["i18n/en.toml"] = &fstest.MapFile{Data: []byte("x = \"y\"\n")}
			}
			names, p := output.PackNames(cfg, loadStrings(t, cfg, files).For(c.lang))
			if c.problemLine != "" {
				if len(p) != 1 || !p.HasErrors() || !strings.HasPrefix(p[0].String(), c.problemLine) {
					t.Errorf("problems %v, want one error starting %q", p, c.problemLine)
				}
				return
			}
			if len(p) > 0 {
				t.Fatal(p)
			}
			if got := names[output.Pack]; got.Path != c.a4 || got.Old != "" {
				t.Errorf("A4: %+v, want %s", got, c.a4)
			}
			if got := names[output.PackLarge]; got.Path != c.large || got.Old != "" {
				t.Errorf("large print: %+v, want %s", got, c.large)
			}
		})
	}
}
