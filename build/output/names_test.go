package output_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build/config"
	"sobre/build/i18n"
	"sobre/build/output"
)

// strings loads message files: the built-in ones when files is nil.
func loadStrings(t *testing.T, cfg *config.Config, files fstest.MapFS) *i18n.Catalog {
	t.Helper()
	var fsys fs.FS = sobre.Defaults
	if files != nil {
		fsys = files
	}
	cat, p := i18n.Load(fsys, cfg.Codes(), cfg.DefaultLanguage)
	if p.HasErrors() {
		t.Fatal(p)
	}
	return cat
}

func parse(t *testing.T, toml string) *config.Config {
	t.Helper()
	cfg, p := config.Parse([]byte(toml))
	if cfg == nil || p.HasErrors() {
		t.Fatal(p)
	}
	return cfg
}

// TestToolkitNames names the toolkit's editions from the strings of each
// language, and from outputs.name where a site's own strings say nothing.
func TestToolkitNames(t *testing.T) {
	old := func(lang, name string) [4]string {
		return [4]string{lang + "/print/" + name + "-a4.pdf", lang + "/print/" + name + "-a5.pdf", lang + "/print/" + name + "-a5-imposed.pdf", lang + "/print/" + name + "-large-print.pdf"}
	}
	kinds := []output.Kind{output.Handout, output.A5, output.A5Imposed, output.LargePrint}
	for _, c := range []struct {
		name  string
		toml  string
		files fstest.MapFS // nil: the built-in strings
		lang  string
		want  [4]string // a4, a5, imposed, large print
		old   [4]string // "" where the name did not change
	}{
		{"built-in fr", "", nil, "fr",
			[4]string{"fr/print/boite-a-outils-ia-a4.pdf", "fr/print/boite-a-outils-ia-a5.pdf", "fr/print/boite-a-outils-ia-a5-a-imprimer.pdf", "fr/print/boite-a-outils-ia-grands-caracteres.pdf"},
			old("fr", "site")},
		{"built-in nl", "", nil, "nl",
			[4]string{"nl/print/gereedschapskist-ai-a4.pdf", "nl/print/gereedschapskist-ai-a5.pdf", "nl/print/gereedschapskist-ai-a5-drukklaar.pdf", "nl/print/gereedschapskist-ai-grote-letters.pdf"},
			old("nl", "site")},
		{"built-in en, outputs.name set", "[outputs]\nname = \"responsible-ai-toolkit\"\n", nil, "en",
			[4]string{"en/print/ai-toolkit-a4.pdf", "en/print/ai-toolkit-a5.pdf", "en/print/ai-toolkit-a5-for-printing.pdf", "en/print/ai-toolkit-large-print.pdf"},
			old("en", "responsible-ai-toolkit")},
		{"site strings without names keep outputs.name", "[outputs]\nname = \"charte-xyz\"\n",
			fstest.MapFS{"i18n/fr.toml": {Data: []byte("site_title = \"X\"\n")}, "i18n/nl.toml": {Data: []byte("site_title = \"Y\"\n")}}, "nl",
			old("nl", "charte-xyz"), [4]string{}},
		{"a language without the strings takes the default language's", "[outputs]\nname = \"kit\"\n",
			fstest.MapFS{"i18n/fr.toml": {Data: []byte("print_file = \"trousse\"\nprint_file_large_print = \"gros\"\n")}, "i18n/nl.toml": {Data: []byte("site_title = \"Y\"\n")}}, "nl",
			[4]string{"nl/print/trousse-a4.pdf", "nl/print/trousse-a5.pdf", "nl/print/trousse-a5-imposed.pdf", "nl/print/trousse-gros.pdf"},
			old("nl", "kit")},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := parse(t, c.toml)
			names, p := output.ToolkitNames(cfg, loadStrings(t, cfg, c.files).For(c.lang))
			if len(p) > 0 {
				t.Fatal(p)
			}
			for i, k := range kinds {
				if got := names[k]; got.Path != c.want[i] || got.Old != c.old[i] {
					t.Errorf("%s: %+v, want {Path:%s Old:%s}", k, got, c.want[i], c.old[i])
				}
			}
		})
	}
}

// TestToolkitNameErrors: a string that is not a safe file name is an
// error at its file and line.
func TestToolkitNameErrors(t *testing.T) {
	cfg := parse(t, "")
	for _, c := range []struct{ fr, want string }{
		{"site_title = \"X\"\nprint_file = \"Boîte à outils\"\n", "i18n/fr.toml:2: print_file = \"Boîte à outils\" names the booklets' files"},
		{"\n\nprint_file_a5_imposed = \"a5/../x\"\n", "i18n/fr.toml:3: print_file_a5_imposed = \"a5/../x\""},
		{"print_file_a4 = \"-a4\"\n", "i18n/fr.toml:1: print_file_a4"},
		{"print_file = \"\"\n", "i18n/fr.toml:1: print_file = "}, // go-i18n reads an empty string as "[print_file]"
		{"print_file = \"kit--x\"\n", "i18n/fr.toml:1: print_file = \"kit--x\""},
	} {
		files := fstest.MapFS{"i18n/fr.toml": {Data: []byte(c.fr)}, "i18n/nl.toml": {Data: []byte("x = \"y\"\n")}, "i18n/en.toml": {Data: []byte("x = \"y\"\n")}}
		_, p := output.ToolkitNames(cfg, loadStrings(t, cfg, files).For("fr"))
		if len(p) != 1 || !p.HasErrors() || !strings.HasPrefix(p[0].String(), c.want) {
			t.Errorf("%q: problems %v, want one error starting %q", c.fr, p, c.want)
		}
	}
}

// TestMoves lists every booklet whose address changed, in every language.
func TestMoves(t *testing.T) {
	cfg := parse(t, "[outputs]\nname = \"responsible-ai-toolkit\"\n")
	moves, p := output.Moves(cfg, loadStrings(t, cfg, nil))
	if len(p) > 0 {
		t.Fatal(p)
	}
	if len(moves) != 12 {
		t.Fatalf("%d moves, want 4 editions in 3 languages: %v", len(moves), moves)
	}
	if m := moves[6]; m != (output.Move{Old: "nl/print/responsible-ai-toolkit-a5-imposed.pdf", New: "nl/print/gereedschapskist-ai-a5-drukklaar.pdf"}) {
		t.Errorf("moves[6] = %+v", m)
	}
}
