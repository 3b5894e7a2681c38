package print

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build/font"
	"sobre/build/generated"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/pdf"
)

func frStrings(t *testing.T) *i18n.Strings {
	t.Helper()
	fsys := fstest.MapFS{"i18n/fr.toml": {Data: []byte(`assess_note = "Pour chaque ligne : pas commencé (0 point), en place (2 points). Vos réponses restent ici."
assess_0 = "Pas commencé"
assess_1 = "En cours"
assess_2 = "En place"
assess_score = "Score :"
assess_summary = "Résumé"
assess_commitment = "Engagement"
assess_score_col = "Score"
assess_max = "Maximum"
assess_total = "Total"
`)}}
	cat, problems := i18n.Load(fsys, []string{"fr"}, "fr")
	if problems.HasErrors() {
		t.Fatal(problems)
	}
	return cat.For("fr")
}

func testDoc(t *testing.T) *Document {
	t.Helper()
	load := func(name string) *pdf.Font {
		data, err := fs.ReadFile(sobre.Defaults, "themes/default/fonts/"+name+".ttf")
		if err != nil {
			t.Fatal(err)
		}
		f, err := font.Parse(data, name)
		if err != nil {
			t.Fatal(err)
		}
		return pdf.NewFont(f)
	}
	return &Document{Title: "T", Lang: "fr", Format: A5, Footer: "T",
		Fonts: Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")}}
}

// TestBlockWithoutForm: a directive print has no data for stops the
// booklet at its file and line, naming the block.
func TestBlockWithoutForm(t *testing.T) {
	d := testDoc(t)
	d.AddChapter(Chapter{File: "content/fr/t.md", Title: "Pages", Path: "fr/t.html", Lang: "fr",
		Doc: markup.Parse([]byte("Un tableau :\n\n{{ai-pages}}\n"), markup.Options{Lang: "fr"})})
	_, err := d.PDF()
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("no error for a block print cannot set: %v", err)
	}
	if pe.File != "content/fr/t.md" || pe.Line != 3 || !strings.Contains(pe.Error(), "{{ai-pages}}") {
		t.Errorf("error at %s:%d: %v; want content/fr/t.md:3 naming {{ai-pages}}", pe.File, pe.Line, pe)
	}
}

// TestAssessmentForm: the self-assessment prints as a form: every line
// with three boxes to tick, a score box per commitment, the summary with
// a box per commitment and for the total, the scoring explained without
// what the web says of the browser.
func TestAssessmentForm(t *testing.T) {
	d := testDoc(t)
	secs := []generated.AssessSection{
		{ID: "a", Title: "1. Sobriété", Items: []generated.AssessItem{{Text: "Un"}, {Text: "Deux", Level: 1, LevelLabel: "Avancé"}}},
		{ID: "b", Title: "2. Accès", Items: []generated.AssessItem{{Text: "Trois"}}},
	}
	d.AddChapter(Chapter{File: "content/fr/a.md", Title: "Auto-évaluation", Path: "fr/a.html", Lang: "fr",
		Doc:    markup.Parse([]byte("{{assessment}}\n"), markup.Options{Lang: "fr"}),
		Blocks: &Generated{Assessment: secs, Strings: frStrings(t)}})
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	boxes, text := 0, ""
	for _, b := range d.blocks {
		runs := b.runs
		for _, c := range b.cells {
			runs = append(runs, c...)
		}
		for _, r := range runs {
			if r.Rule > 0 && r.Text == "" {
				boxes++
			}
			text += r.Text
		}
		text += "\n"
	}
	// 3 lines × 3 answers, 2 section scores, 2 summary rows and the total.
	if want := 3*3 + 2 + 2 + 1; boxes != want {
		t.Errorf("%d boxes, want %d", boxes, want)
	}
	for _, want := range []string{"Pour chaque ligne : pas commencé (0 point), en place (2 points).", "Pas commencé (0)", "En place (2)", "Avancé Deux", " / 4", " / 2", "Total6"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "restent ici") {
		t.Errorf("the form says what the web says of the browser:\n%s", text)
	}
}

// TestChecklistBoxes: a checklist's item has a box to tick as its label,
// not a bullet and "[ ]".
func TestChecklistBoxes(t *testing.T) {
	d := testDoc(t)
	d.AddChapter(Chapter{File: "content/fr/c.md", Title: "Liste", Path: "fr/c.html", Lang: "fr",
		Doc: markup.Parse([]byte("- [ ] À faire\n- [x] Fait\n- Sans case\n"), markup.Options{Lang: "fr"})})
	var got []string
	for _, b := range d.blocks {
		if b.tag == "LI" {
			text := ""
			for _, r := range b.runs {
				text += r.Text
			}
			got = append(got, fmt.Sprintf("%q %v %v %s", b.marker, b.tick, b.ticked, strings.TrimSpace(text)))
		}
	}
	want := []string{`"" true false À faire`, `"" true true Fait`, `"•" false false Sans case`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("items %q, want %q", got, want)
	}
}

// TestEveryBlockKindPrints: the Markdown blocks the site allows all have
// a print form, their words printed.
func TestEveryBlockKindPrints(t *testing.T) {
	md := "# Titre\n\nTexte.\n\n---\n\n```\ncode à lire\n```\n\n    indenté\n\n> citation\n\n<div>brut</div>\n\n- [x] fait\n\n1. un\n\n| a | b |\n|---|---|\n| c | d |\n\nVoir https://example.org/page et <https://example.org/b>.\n"
	d := testDoc(t)
	d.AddChapter(Chapter{File: "content/fr/k.md", Title: "Sortes", Path: "fr/k.html", Lang: "fr", Doc: markup.Parse([]byte(md), markup.Options{Lang: "fr"})})
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	var text string
	for _, b := range d.blocks {
		for _, r := range b.runs {
			text += r.Text
		}
		for _, c := range b.cells {
			for _, r := range c {
				text += r.Text
			}
		}
		text += "\n"
	}
	for _, want := range []string{"code à lire", "indenté", "citation", "fait", "un", "c", "d", "example.org/page", "example.org/b"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not printed:\n%s", want, text)
		}
	}
}

// TestAZPrints: the A–Z prints each letter as a heading and its entries
// as a list, glossary entries marked, links to the booklet's chapters.
func TestAZPrints(t *testing.T) {
	d := testDoc(t)
	az := []generated.AZGroup{
		{Letter: "C", Entries: []generated.AZEntry{{Title: "Charte", Href: "charte.html"}}},
		{Letter: "H", Entries: []generated.AZEntry{{Title: "Hallucination", Href: "glossaire.html#hallucination", Glossary: true}}},
	}
	fsys := fstest.MapFS{"i18n/fr.toml": {Data: []byte(`az_glossary = "glossaire"` + "\n")}}
	cat, _ := i18n.Load(fsys, []string{"fr"}, "fr")
	d.AddChapter(Chapter{File: "content/fr/i.md", Title: "Index", Path: "fr/i.html", Lang: "fr",
		Doc:    markup.Parse([]byte("{{a-z}}\n"), markup.Options{Lang: "fr"}),
		Blocks: &Generated{AZ: az, Strings: cat.For("fr")}})
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.blocks[1:] {
		text := ""
		for _, r := range b.runs {
			text += r.Text
		}
		got = append(got, b.tag+" "+text+" "+b.runs[0].Link)
	}
	want := []string{"H2 C ", "LI Charte #fr/charte.html", "H2 H ", "LI Hallucination (glossaire) #fr/glossaire.html#hallucination"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("A–Z printed as %q, want %q", got, want)
	}
}
