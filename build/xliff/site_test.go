package xliff

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sobre/build/content"
)

const oldSource = `---
title: Page
---

## Début {#debut}

Premier paragraphe sur la [charte](charte.md) de l’ASBL.

- un
- deux

| A | B |
|---|---|
| x | y |

Paragraphe supprimé.

Fin.
`

const newSource = `---
title: Page
---

## Début {#debut}

Premier paragraphe sur la [charte](charte.md) de l’ASBL.

- un
- deux bis
- trois

| A | B |
|---|---|
| x | y |

Fin.

Nouveau paragraphe.
`

const oldTranslation = `---
title: Pagina
translation: {}
---

## Begin {#debut}

Eerste alinea over het [charter](charte.md) van de vzw.

- een
- twee

| A | B |
|---|---|
| x | ij |

Verwijderde alinea.

Einde.
`

// smallSite is a site whose Dutch page was translated from oldSource,
// then the source became newSource; autre.md has no translation.
func smallSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.toml":                        "default_language = \"fr\"\n[languages.fr]\nname = \"Français\"\nweight = 1\n[languages.nl]\nname = \"Nederlands\"\nweight = 2\n",
		"content/fr/index.md":              "---\ntitle: Accueil\n---\n\nBonjour.\n",
		"content/nl/index.md":              "---\ntitle: Welkom\n---\n\nHallo.\n",
		"content/fr/charte.md":             "---\ntitle: Charte\n---\n\nTexte.\n",
		"content/fr/autre.md":              "---\ntitle: Autre\n---\n\nUn texte.\n\nDeux textes.\n",
		"content/fr/page.md":               newSource,
		"i18n/fr.toml":                     "menu = \"Menu\"\nnew_one = \"Nouveau {{.X}}\"\n\n[reading_time]\none = \"{{.Count}} minute\"\nother = \"{{.Count}} minutes\"\n",
		"i18n/nl.toml":                     "menu = \"Menu\"\n\n[reading_time]\none = \"{{.Count}} minuut\"\n",
		"i18n/terms.toml":                  "[[term]]\nfr = \"charte\"\nnl = \"charter\"\n",
		".sobre/stamped/nl/page.md":        strings.SplitN(oldSource, "---\n", 3)[2],
		"content/nl/page.md":               oldTranslation,
		"content/nl/charte.md.placeholder": "",
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Stamp the translation against the old source, as sobre stamp did.
	old, probs := content.ParseSource("fr", "page.md", "content/fr/page.md", []byte(oldSource))
	if probs.HasErrors() {
		t.Fatal(probs.Err())
	}
	stamped, err := content.Stamp([]byte(oldTranslation), "fr", content.Print(old))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/nl/page.md"), stamped, 0o644)
	return dir
}

func TestExportOutdated(t *testing.T) {
	dir := smallSite(t)
	doc := export(t, dir, "nl")
	var b strings.Builder
	doc.Write(&b)
	out := b.String()
	for _, want := range []*regexp.Regexp{
		// The changed item: outdated, its translation and its old source.
		regexp.MustCompile(`(?s)<unit id="u4".*?the source when this was translated: - deux</note>.*?subState="sobre:outdated">\s*<source>deux bis</source>\s*<target>twee</target>`),
		// The new item and paragraph: no target.
		regexp.MustCompile(`(?s)<unit id="u5"[^>]*>.*?<segment state="initial">\s*<source>trois</source>\s*</segment>`),
		regexp.MustCompile(`(?s)<segment state="initial">\s*<source>Nouveau paragraphe.</source>\s*</segment>`),
		// Links and ids are placeholders; the fixed term goes along.
		regexp.MustCompile(`<data id="d2" xml:space="preserve">\]\(charte.md\)</data>`),
		regexp.MustCompile(`<gls:term>charte</gls:term><gls:translation>charter</gls:translation>`),
		// The removed paragraph is a file note.
		regexp.MustCompile(`<note category="sobre:removed">the source no longer has the unit at content/nl/page.md:\d+;`),
		// Cells are units; the untranslated page and string have no target.
		regexp.MustCompile(`(?s)<unit id="u7.c2".*?<source>y</source>\s*<target>ij</target>`),
		regexp.MustCompile(`(?s)original="content/nl/autre.md".*?<segment state="initial">\s*<source>Un texte.</source>\s*</segment>`),
		regexp.MustCompile(`(?s)<unit id="s.new_one".*?<segment state="initial">\s*<source>Nouveau <ph id="1" dataRef="d1" disp="\{\{.X\}\}"/></source>\s*</segment>`),
	} {
		if !want.MatchString(out) {
			t.Errorf("the export lacks %s", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

func TestImportOutdated(t *testing.T) {
	dir := smallSite(t)
	doc := export(t, dir, "nl")
	set := func(original, id, text string) {
		u := unitOf(t, doc, original, id)
		u.Target, u.HasTarget, u.State = tokenize(text), true, stateTranslated
	}
	set("content/nl/page.md", "u4", "twee bis")
	set("content/nl/page.md", "u5", "drie")
	set("content/nl/page.md", "u9", "Nieuwe alinea.")
	set("content/nl/autre.md", "u1", "Een tekst.")
	set("i18n/nl.toml", "s.new_one", "Nieuw {{.X}}")
	set("i18n/nl.toml", "s.reading_time.other", "{{.Count}} minuten")
	res := apply(t, dir, doc)
	t.Log(strings.Join(res.Log, "\n"))
	page, _ := os.ReadFile(filepath.Join(dir, "content/nl/page.md"))
	_, body, _, _ := content.SplitFrontMatter(page)
	want := "\n## Begin {#debut}\n\nEerste alinea over het [charter](charte.md) van de vzw.\n\n- een\n- twee bis\n- drie\n\n| A | B |\n|---|---|\n| x | ij |\n\nEinde.\n\nNieuwe alinea.\n"
	if string(body) != want {
		t.Errorf("page.md body:\n%s\nwant:\n%s", body, want)
	}
	s, _ := repo(t, dir)
	if st := s.StateOf(s.ByKey["nl"]["page.md"]); st != content.UpToDate {
		t.Errorf("page.md is %s after the import", st)
	}
	autre, _ := os.ReadFile(filepath.Join(dir, "content/nl/autre.md"))
	if !strings.Contains(string(autre), "draft: true") || !strings.Contains(string(autre), "\nEen tekst.\n\nDeux textes.\n") {
		t.Errorf("autre.md:\n%s", autre)
	}
	if kept, _ := os.ReadFile(filepath.Join(dir, ".sobre/stamped/nl/autre.md")); string(kept) != "\nUn texte.\n\nDeux textes.\n" {
		t.Errorf("the source of the new draft was not kept: %q", kept)
	}
	strs, _ := os.ReadFile(filepath.Join(dir, "i18n/nl.toml"))
	if want := "menu = \"Menu\"\nnew_one = \"Nieuw {{.X}}\"\n\n[reading_time]\none = \"{{.Count}} minuut\"\nother = \"{{.Count}} minuten\"\n"; string(strs) != want {
		t.Errorf("nl.toml:\n%s\nwant:\n%s", strs, want)
	}
	if res := apply(t, dir, doc); len(res.Files) > 0 {
		t.Errorf("a second import wrote %v", res.Log)
	}
}

// TestImportRefuses: a unit whose source changed since the export, and a
// broken file, are refused with their place, and nothing is returned.
func TestImportRefuses(t *testing.T) {
	dir := smallSite(t)
	doc := export(t, dir, "nl")
	u := unitOf(t, doc, "content/nl/page.md", "u9")
	u.Target, u.HasTarget, u.State = tokenize("Nieuwe alinea."), true, stateTranslated
	var b strings.Builder
	doc.Write(&b)
	os.WriteFile(filepath.Join(dir, "content/fr/page.md"), []byte(strings.Replace(newSource, "Nouveau paragraphe.", "Un autre paragraphe.", 1)), 0o644)
	s, _ := repo(t, dir)
	_, err := Import(s, os.DirFS(dir), "t.xlf", []byte(b.String()))
	if err == nil || !regexp.MustCompile(`^t\.xlf:\d+: xliff: unit u9 \(content/fr/page.md:19\): its source changed since the export`).MatchString(err.Error()) {
		t.Errorf("got %v", err)
	}
	// A heading whose translation drops its id.
	h := unitOf(t, doc, "content/nl/page.md", "u1")
	h.Target, h.HasTarget, h.State = []piece{{Text: "Begin"}}, true, stateTranslated
	b.Reset()
	doc.Write(&b)
	if _, err := Import(s, os.DirFS(dir), "t.xlf", []byte(b.String())); err == nil || !strings.Contains(err.Error(), "unit u1 (content/fr/page.md:5): the translation drops the heading's id {#debut}") {
		t.Errorf("got %v", err)
	}
	// A translation of another shape than its source: a unit has no place.
	os.WriteFile(filepath.Join(dir, "content/nl/charte.md"), []byte("---\ntitle: Charter\n---\n\nTekst.\n\nMeer tekst.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/fr/page.md"), []byte(newSource), 0o644)
	s, _ = repo(t, dir)
	doc = export(t, dir, "nl")
	u = unitOf(t, doc, "content/nl/charte.md", "u1")
	u.Target, u.HasTarget, u.State = tokenize("Tekst."), true, stateTranslated
	b.Reset()
	doc.Write(&b)
	if _, err := Import(s, os.DirFS(dir), "t.xlf", []byte(b.String())); err == nil || !strings.Contains(err.Error(), "unit u1 (content/fr/charte.md:5): content/nl/charte.md does not have the source's paragraphs") {
		t.Errorf("got %v", err)
	}
	for _, c := range []struct{ data, want string }{
		{b.String()[:len(b.String())/2], `^t\.xlf:\d+:\d+: xliff: `},
		{"<xliff>", `^t\.xlf:1:8: xliff: the root is <xliff> \(\), not an XLIFF 2`},
		{strings.Replace(b.String(), `dataRef="d2"`, `dataRef="d9"`, 1), `^t\.xlf:\d+:\d+: xliff: <ph id="\d+"> refers to data "d9"`},
		{strings.Replace(b.String(), `state="initial"`, `state="done"`, 1), `^t\.xlf:\d+:\d+: xliff: state "done"`},
	} {
		_, err := Import(s, os.DirFS(dir), "t.xlf", []byte(c.data))
		if err == nil || !regexp.MustCompile(c.want).MatchString(err.Error()) {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}
