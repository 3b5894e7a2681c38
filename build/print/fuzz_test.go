package print_test

import (
	"testing"

	"sobre/build/markup"
	"sobre/build/print"
)

// FuzzBooklet prints any Markdown a page could hold, in every format:
// it may fail with an error (a character the font lacks), never panic.
//
//	go test -run X -fuzz FuzzBooklet ./build/print
func FuzzBooklet(f *testing.F) {
	for _, seed := range []string{
		"# Titre\n\nUn paragraphe, *appuyé*, **fort**, [un lien](https://example.org) et [un autre](autre.md#ici).\n",
		"- un\n- deux\n  1. trois\n\n> citation\n\n> [!TIP]\n> Conseil.\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\n| | |\n",
		"Date : {{date}}\n\nSignature : {{signature}}\n\n![schéma](img/a.svg)\n",
		"[AI Act]{lang=en} et [[glossaire|mot]] ; « oui » ?\n\n## Niveau {#niveau}\n\n### Encore\n",
		"un-mot-très-long-avec/des/barres/obliques/et-des-traits-d-union-qui-ne-finissent-jamais\n",
		"- [ ] à faire\n- [x] fait\n\n```\ncode\n```\n\n---\n\n{{ai-pages}}\n",
		"Consigne.\n\n> [!CARD]\n> **Carte**\n>\n> - un\n> - deux\n\n> [!CARD]\n\n> [!CARD]\n> ## Titre\n> ```\n> code\n> ```\n",
	} {
		f.Add(seed)
	}
	fonts := fonts(f)
	f.Fuzz(func(t *testing.T, md string) {
		doc := markup.Parse([]byte(md), markup.Options{Lang: "fr"})
		for _, format := range []print.Format{print.A4, print.A5, print.LargePrint} {
			d := &print.Document{Title: "Essai", Lang: "fr", Format: format, Footer: "Essai", Sign: "Nom", Forms: format.Least > 0, BreakBefore: 2,
				Fonts: fonts.Clone(),
				Image: func(string) ([]byte, string) {
					return []byte(`<svg viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`), "a.svg"
				}}
			d.AddCover(print.Text{Text: "Essai"}, print.Text{Text: "Une ligne"})
			d.AddContents(print.Text{Text: "Sommaire"})
			d.AddChapter(print.Chapter{Title: "Chapitre", Path: "fr/page.html", Doc: doc, Lang: "fr"})
			if _, err := d.PDF(); err != nil {
				continue
			}
			if format.Name == "A5" {
				if _, err := d.Imposed("Livret"); err != nil {
					t.Fatalf("imposed after a booklet that worked: %v", err)
				}
			}
		}
	})
}
