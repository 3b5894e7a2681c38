package build_test

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
)

// toolkitNames are the toolkit's file names the built-in strings give
// (i18n/<lang>.toml, print_file and print_file_<edition>), by language
// and by the edition's name of before (outputs.name-<edition>.pdf).
var toolkitNames = map[string]map[string]string{
	"fr": {"a4": "boite-a-outils-ia-a4.pdf", "a5": "boite-a-outils-ia-a5.pdf", "a5-imposed": "boite-a-outils-ia-a5-a-imprimer.pdf", "large-print": "boite-a-outils-ia-grands-caracteres.pdf"},
	"nl": {"a4": "gereedschapskist-ai-a4.pdf", "a5": "gereedschapskist-ai-a5.pdf", "a5-imposed": "gereedschapskist-ai-a5-drukklaar.pdf", "large-print": "gereedschapskist-ai-grote-letters.pdf"},
	"en": {"a4": "ai-toolkit-a4.pdf", "a5": "ai-toolkit-a5.pdf", "a5-imposed": "ai-toolkit-a5-for-printing.pdf", "large-print": "ai-toolkit-large-print.pdf"},
}

// toolkitPDF is where the toolkit's edition is written in lang, from the
// site root: toolkitPDF("fr", "a4") is "fr/print/boite-a-outils-ia-a4.pdf".
func toolkitPDF(lang, edition string) string {
	name, ok := toolkitNames[lang][edition]
	if !ok {
		panic("no toolkit edition " + lang + " " + edition)
	}
	return lang + "/print/" + name
}

// booklets builds a small French site with its booklets, plus files.
func booklets(t *testing.T, files map[string]string) (*build.Result, string, error) {
	t.Helper()
	src := fstest.MapFS{}
	for name, data := range map[string]string{
		"content/fr/index.md":  "---\ntitle: Accueil\n---\nBienvenue.\n",
		"content/fr/charte.md": "---\ntitle: Charte\n---\nNous nous engageons.\n",
		"site.toml":            "base_url = \"https://example.org/ia/\"\n[languages.fr]\nname = \"Français\"\n",
	} {
		src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	for name, data := range files {
		src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.BuildFS(context.Background(), src, build.Options{Out: out, Defaults: sobre.Defaults})
	return res, out, err
}

// TestNotFoundListsRenamedBooklets: the 404 pages hold, hidden, each
// booklet's old address with its new file, which exists, and load
// moved.js to show the one asked for.
func TestNotFoundListsRenamedBooklets(t *testing.T) {
	_, out, err := booklets(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	for _, page := range []string{"fr/404.html", "404.html"} {
		html := string(files[page])
		for _, e := range []string{"a4", "a5", "a5-imposed", "large-print"} {
			item := `data-old="fr/print/site-` + e + `.pdf" hidden>`
			if !strings.Contains(html, item) {
				t.Errorf("%s: no hidden item %s", page, item)
			}
			if !strings.Contains(html, `data-new="`+toolkitPDF("fr", e)+`"`) || files[toolkitPDF("fr", e)] == nil {
				t.Errorf("%s: %s is not offered, or not written", page, toolkitPDF("fr", e))
			}
		}
		if !regexp.MustCompile(`<script src="/ia/assets/moved\.[0-9a-f]+\.js">`).MatchString(html) {
			t.Errorf("%s: does not load moved.js from the site's folder", page)
		}
	}
	if strings.Contains(string(files["fr/index.html"]), "moved") {
		t.Error("fr/index.html lists renamed booklets: only the 404 pages do")
	}
}

// TestBookletNameCollision: strings that would name the toolkit's A4
// handout as the charter is named stop the build at their line.
func TestBookletNameCollision(t *testing.T) {
	fr, err := fs.ReadFile(sobre.Defaults, "i18n/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := strings.Replace(string(fr), `print_file = "boite-a-outils-ia"`, `print_file = "charte"`, 1)
	line := strings.Count(toml[:strings.Index(toml, `print_file = "charte"`)], "\n") + 1
	_, _, err = booklets(t, map[string]string{"i18n/fr.toml": toml})
	want := fmt.Sprintf("i18n/fr.toml:%d: the toolkit's handout booklet would be fr/print/charte-a4.pdf, as is the charter as an A4 booklet", line)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestBookletNameNotAFileName: a print_file string that is not a file
// name stops the build (and check, which loads the site) at its line.
func TestBookletNameNotAFileName(t *testing.T) {
	fr, err := fs.ReadFile(sobre.Defaults, "i18n/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := strings.Replace(string(fr), `print_file_large_print = "grands-caracteres"`, `print_file_large_print = "grands caractères"`, 1)
	line := strings.Count(toml[:strings.Index(toml, `print_file_large_print =`)], "\n") + 1
	_, _, err = booklets(t, map[string]string{"i18n/fr.toml": toml})
	want := fmt.Sprintf(`i18n/fr.toml:%d: print_file_large_print = "grands caractères" names the booklets' files`, line)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}
