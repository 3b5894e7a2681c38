package web_test

import (
	"context"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/i18n"
	"sobre/build/output"
	"sobre/build/web"
)

// downloadsSite is a two-language site and its renderer; extra adds
// files to its content.
func downloadsSite(t *testing.T, extra fstest.MapFS) (*web.Renderer, *output.Model) {
	t.Helper()
	fsys := fstest.MapFS{
		"content/fr/index.md":  {Data: []byte("---\ntitle: Accueil\n---\nBienvenue.\n")},
		"content/fr/charte.md": {Data: []byte("---\ntitle: Charte\n---\nTexte.\n")},
		"content/nl/index.md":  {Data: []byte("---\ntitle: Start\n---\nWelkom.\n")},
	}
	for k, v := range extra {
		fsys[k] = v
	}
	cfg := config.Default()
	cfg.Languages = cfg.Languages[:2]
	site, probs := content.Load(fsys, cfg)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	cat, _ := i18n.Load(sobre.Defaults, cfg.Codes(), "fr")
	theme, probs := web.LoadTheme(sobre.Defaults, nil)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	r, err := web.NewRenderer(theme, site, cat, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, &output.Model{Config: cfg, Site: site, Catalog: cat}
}

// someKind stands for a kind of file added after the page was written
// (a materials pack): it shows in its format's group, named as any file.
const someKind = output.Kind(99)

var testDownloads = []web.Download{
	{Kind: output.Charter, Lang: "fr", Path: "fr/print/charte-a4.pdf", Size: 23000, Pages: 3},
	{Kind: output.A5Imposed, Lang: "fr", Path: "fr/print/boite-a-outils-ia-a5-a-imprimer.pdf", Size: 281000, Pages: 52},
	{Kind: someKind, Lang: "fr", Path: "fr/print/materiel.pdf", Size: 5000, Pages: 7},
	{Kind: output.Charter, Lang: "nl", Path: "nl/print/charter-a4.pdf", Size: 23000, Pages: 3},
	{Kind: output.Zip, Lang: "fr", Path: "downloads/site-fr.zip", Size: 1600000},
	{Kind: output.Zip, Path: "downloads/site.zip", Size: 1700000},
	{Kind: output.EPUB, Lang: "fr", Path: "downloads/site-fr.epub", Size: 84000},
}

func TestDownloadsPage(t *testing.T) {
	r, _ := downloadsSite(t, nil)
	got, err := r.DownloadsPage("fr", testDownloads)
	if err != nil {
		t.Fatal(err)
	}
	page := string(got)
	for _, want := range []string{
		`<h1>Téléchargements</h1>`,
		`<h2 id="dl-pdf">À imprimer ou à lire en PDF</h2>`,
		`href="print/charte-a4.pdf" download>La charte à imprimer et signer, en français (PDF A4, 23 ko)</a>`,
		"Pages\u00a0: 3 · Fichier\u00a0: charte-a4.pdf",
		"Feuilles A4 recto verso\u00a0: 26 · Fichier\u00a0: boite-a-outils-ia-a5-a-imprimer.pdf",
		`<p>Pour imprimer le livret :</p><ol><li>Imprimez sur du papier A4, en recto verso`,
		`href="print/materiel.pdf" download>materiel.pdf (5 ko)</a>`,
		"Pages\u00a0: 7 · Fichier\u00a0: materiel.pdf",
		`<h2 id="dl-zip">Le site sans connexion (zip)</h2>`,
		"href=\"../downloads/site.zip\" download>Le site dans toutes les langues (zip, 1,7 Mo)</a>",
		`<h2 id="dl-epub">Livres numériques (EPUB)</h2>`,
		`<a href="../nl/downloads.html" hreflang="nl" lang="nl">Nederlands</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("want %q in\n%s", want, page)
		}
	}
	if strings.Contains(page, "charter-a4.pdf") {
		t.Errorf("the French page lists a Dutch booklet:\n%s", page)
	}
	if strings.Index(page, "materiel.pdf") > strings.Index(page, `id="dl-zip"`) {
		t.Errorf("a new kind of PDF is not with the PDFs:\n%s", page)
	}
}

func TestDownloadPagesOutput(t *testing.T) {
	cases := []struct {
		name    string
		extra   fstest.MapFS
		want    []string // files written
		problem string
	}{
		{name: "one page per language with files", want: []string{"fr/telechargements.html", "nl/downloads.html"}},
		{name: "a content page at its address", extra: fstest.MapFS{"content/fr/telechargements.md": {Data: []byte("---\ntitle: T\n---\nx\n")}},
			want: []string{"nl/downloads.html"}, problem: "content/fr/telechargements.md: fr/telechargements.html is the address of the downloads page"},
		{name: "an unsafe name", extra: fstest.MapFS{"i18n/nl.toml": {Data: []byte("Down Loads")}},
			want: []string{"fr/telechargements.html"}, problem: `downloads_file = "Down Loads"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, m := downloadsSite(t, c.extra)
			if name, ok := c.extra["i18n/nl.toml"]; ok {
				r, m = renamed(t, m, string(name.Data))
			}
			o := web.DownloadPages{R: r, Offered: []string{"booklets"}}
			res, err := o.Run(context.Background(), m, output.Results{"booklets": {Downloads: testDownloads}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for name := range res.Files {
				got = append(got, name)
			}
			slices.Sort(got)
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("files %v, want %v", got, c.want)
			}
			msgs := ""
			if err := res.Problems.Err(); err != nil {
				msgs = err.Error()
			}
			if c.problem == "" && msgs != "" || !strings.Contains(msgs, c.problem) {
				t.Errorf("problems %q, want %q", msgs, c.problem)
			}
		})
	}
}

// renamed is m's site with the Dutch downloads page named name, and its
// renderer.
func renamed(t *testing.T, m *output.Model, name string) (*web.Renderer, *output.Model) {
	t.Helper()
	files := fstest.MapFS{}
	for _, lang := range m.Config.Codes() {
		b, err := fs.ReadFile(sobre.Defaults, "i18n/"+lang+".toml")
		if err != nil {
			t.Fatal(err)
		}
		if lang == "nl" {
			b = regexp.MustCompile(`(?m)^downloads_file = .*$`).ReplaceAll(b, []byte(`downloads_file = "`+name+`"`))
		}
		files["i18n/"+lang+".toml"] = &fstest.MapFile{Data: b}
	}
	cat, probs := i18n.Load(files, m.Config.Codes(), "fr")
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	theme, _ := web.LoadTheme(sobre.Defaults, nil)
	r, err := web.NewRenderer(theme, m.Site, cat, web.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m.Catalog = cat
	return r, m
}

// TestFooterDownloads checks that a page's footer offers the charter and
// links the downloads page, while a not-found page lists every file.
func TestFooterDownloads(t *testing.T) {
	r, m := downloadsSite(t, nil)
	p := m.Site.ByKey["fr"]["charte.md"]
	page, _, err := r.Page(p, web.Body{HTML: []byte("<p>x</p>")}, testDownloads)
	if err != nil {
		t.Fatal(err)
	}
	notFound, err := r.NotFound("fr", testDownloads)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name     string
		html     []byte
		has, not []string
	}{
		{"charter page", page, []string{`<p>À télécharger :</p>`, `href="print/charte-a4.pdf" download>la charte à imprimer et signer`, `<p><a href="telechargements.html">Tous les téléchargements`},
			[]string{"boite-a-outils-ia-a5-a-imprimer.pdf", "site-fr.zip"}},
		{"not-found page", notFound, []string{"print/boite-a-outils-ia-a5-a-imprimer.pdf", "../downloads/site-fr.zip", "../downloads/site-fr.epub", `href="telechargements.html">Téléchargements</a>`}, nil},
	} {
		for _, want := range c.has {
			if !strings.Contains(string(c.html), want) {
				t.Errorf("%s: want %q in\n%s", c.name, want, c.html)
			}
		}
		for _, not := range c.not {
			if strings.Contains(string(c.html), not) {
				t.Errorf("%s: %q should be on the downloads page only:\n%s", c.name, not, c.html)
			}
		}
	}
}
