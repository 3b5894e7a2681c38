package build_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
	"sobre/build/typeset/hyph"
)

// germanText is a fixture paragraph (the site has no German content): long
// compounds that a justified A4 line must hyphenate, and plurals that the
// search must fold.
const germanText = `Die Mitarbeiterinnen und Mitarbeiter unseres gemeinnützigen Vereins
prüfen jede Datenschutzerklärung sorgfältig, bevor sie ein neues Werkzeug
verwenden. Die Schulungen zur Barrierefreiheit zeigen, wie Vorstandsmitglieder
und Ehrenamtliche verständliche Texte schreiben. Unsere Nutzungsbedingungen
verbieten die Weitergabe personenbezogener Daten an Sprachmodelle ohne
ausdrückliche Einwilligung der Betroffenen. Die Geschäftsführung dokumentiert
alle Entscheidungen in einem öffentlichen Verzeichnis. Verantwortungsbewusstsein
und Transparenz sind Grundvoraussetzungen für Vertrauen. Gemeinnützigkeitsrecht,
Arbeitnehmerüberlassung und Informationssicherheitsmanagement verlangen
sorgfältige Dokumentationspflichten und regelmäßige Überprüfungen. Das Wort
` + longWord + ` ist lang.
`

// TestGermanProfile builds a fixture site in French and German and checks
// that German gets what its profile gives (build/lang/de.go): hyphenated
// print lines, Amstad's reading ease, stemmed search terms, and no
// language-profile warning.
func TestGermanProfile(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	src := fstest.MapFS{}
	for name, data := range map[string]string{
		"site.toml":            "default_language = \"fr\"\n[languages.fr]\nname = \"Français\"\nweight = 1\n[languages.de]\nname = \"Deutsch\"\nweight = 2\n[readability]\nfr = 0\nde = 0\n[outputs]\nbundles = false\n",
		"content/fr/index.md":  "---\ntitle: Accueil\n---\nBienvenue.\n",
		"content/fr/charte.md": "---\ntitle: Charte\n---\nNous nous engageons.\n",
		"content/de/index.md":  "---\ntitle: Start\n---\n" + germanText,
		"content/de/charte.md": "---\ntitle: Charta\nslug: charta\n---\n" + germanText + "\n" + germanText,
	} {
		src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	ctx := context.Background()
	pr, err := build.LoadFS(ctx, src, build.Options{Defaults: sobre.Defaults})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pr.Problems {
		if p.Rule == "language-profile" {
			t.Errorf("German lacks a table: %s", p)
		}
	}
	r := pr.Measures["content/de/charte.md"].Readability
	// The fixture's long compounds make it very hard on Amstad's scale.
	if r == nil || r.Formula != "Amstad" || r.Grade != "very hard" {
		t.Errorf("German reading ease = %+v, want Amstad's, very hard", r)
	}

	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.BuildFS(ctx, src, build.Options{Out: out, Defaults: sobre.Defaults}); err != nil {
		t.Fatal(err)
	}
	index, _ := filepath.Glob(filepath.Join(out, "assets", "search-de.*.js"))
	if len(index) != 1 {
		t.Fatalf("German search index: %v", index)
	}
	data, err := os.ReadFile(index[0])
	if err != nil {
		t.Fatal(err)
	}
	// The index lists its terms, stemmed, in "t".
	m := regexp.MustCompile(`"t":"([a-z ]*)"`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("no terms in the German index:\n%.300s", data)
	}
	terms := strings.Fields(string(m[1]))
	for _, stem := range []string{"mitarbeiterin", "schulung", "uberprufung", "nutzungsbedingung"} {
		if !slices.Contains(terms, stem) {
			t.Errorf("the German index has no stem %q: %v", stem, terms)
		}
	}
	for _, w := range []string{"mitarbeiterinnen", "schulungen", "und", "der", "die"} {
		if slices.Contains(terms, w) {
			t.Errorf("the German index holds %q (not stemmed, or a stop word)", w)
		}
	}
	// The long word cannot fit a line: it shows as lines ending in its
	// parts (an added hyphen has no text), each cut where the German
	// patterns allow, not anywhere as an emergency break would.
	h, err := hyph.For("de")
	if err != nil {
		t.Fatal(err)
	}
	allowed := h.Points(longWord)
	var cuts []int
	for _, page := range bboxLines(t, filepath.Join(out, "de", "print", "boite-a-outils-ia-grands-caracteres.pdf")) {
		acc := ""
		for _, line := range page {
			if acc != "" && strings.HasPrefix(longWord, acc+line[0].text) {
				acc += line[0].text
				if len(line) > 1 || acc == longWord {
					break
				}
			}
			if last := line[len(line)-1].text; acc == "" && last != longWord && strings.HasPrefix(longWord, last) {
				acc = last
			}
			if acc != "" && acc != longWord {
				cuts = append(cuts, len(acc))
			}
		}
	}
	if len(cuts) == 0 {
		t.Fatalf("%s is not hyphenated in the large-print booklet", longWord)
	}
	for _, c := range cuts {
		if !slices.Contains(allowed, c) {
			t.Errorf("%s cut after %q: not a break the German patterns allow (%v)", longWord, longWord[:c], allowed)
		}
	}
}

// longWord, a German compound longer than any line.
const longWord = "Rinderkennzeichnungsfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
