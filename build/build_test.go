package build_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
	"sobre/build/diag"
)

// writeTree creates files (path -> content) under a new temporary folder.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildFS builds the in-memory site files (path -> content) into out.
func buildFS(t *testing.T, files map[string]string, out string) (*build.Result, error) {
	t.Helper()
	src := fstest.MapFS{}
	for name, data := range files {
		src[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
	}
	return build.BuildFS(context.Background(), src, build.Options{Out: out, Defaults: sobre.Defaults})
}

func doBuild(t *testing.T, src, out string) (*build.Result, error) {
	t.Helper()
	return build.Build(context.Background(), build.Options{Src: src, Out: out, Defaults: sobre.Defaults})
}

// readTree maps every file below dir to its content.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	attrRe = regexp.MustCompile(`\s(href|src)="([^"]*)"`)
	idRe   = regexp.MustCompile(`\sid="([^"]+)"`)
	tagRe  = regexp.MustCompile(`<(a|link)\s[^>]*>`)
)

// TestRealContent builds the repository's own content and checks the
// promises of the output: every page in every language, links that resolve
// on disk, nothing absolute, and reproducible bytes.
func TestRealContent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := doBuild(t, "../", out)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	for _, p := range res.Problems {
		// The shipped contact is the publisher's to set: a note, expected.
		if p.Severity == diag.Notice && p.Rule == "contact" {
			continue
		}
		t.Errorf("unexpected warning: %s", p)
	}
	files := readTree(t, out)
	for _, want := range []string{
		"index.html", "404.html", "robots.txt", "fr/404.html", "nl/404.html", "en/404.html",
		"fr/index.html", "nl/index.html", "en/index.html",
		"fr/charte.html", "nl/charter.html", "en/charter.html",
		"fr/print/charte-a4.pdf", "nl/print/charter-a4.pdf", "en/print/charter-a4.pdf",
		toolkitPDF("fr", "a4"), toolkitPDF("en", "a4"),
		"fr/telechargements.html", "nl/downloads.html", "en/downloads.html",
	} {
		if files[want] == nil {
			t.Errorf("missing %s", want)
		}
	}
	for _, l := range res.Langs {
		if l.Pages != res.Langs[0].Pages {
			t.Errorf("%s has %d pages, %s has %d: every page must exist in every language", l.Lang, l.Pages, res.Langs[0].Lang, res.Langs[0].Pages)
		}
	}

	ids := map[string]map[string]bool{}
	for name, b := range files {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, m := range idRe.FindAllSubmatch(b, -1) {
				ids[name][string(m[1])] = true
			}
		}
	}
	checked := 0
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range attrRe.FindAllSubmatch(b, -1) {
			attr, ref := string(m[1]), string(m[2])
			switch {
			case strings.HasPrefix(ref, "/"):
				t.Errorf("%s: root-relative %s=%q breaks on file:// and in sub-folders", name, attr, ref)
				continue
			case strings.HasPrefix(ref, "mailto:"), strings.HasPrefix(ref, "data:"):
				continue // no request at all
			case strings.Contains(ref, "://"):
				if attr == "src" {
					t.Errorf("%s: %s=%q loads from another host", name, attr, ref)
				}
				continue
			}
			target, frag, _ := strings.Cut(ref, "#")
			file := name
			if target != "" {
				file = path.Join(path.Dir(name), target)
				if strings.HasSuffix(target, "/") || !strings.Contains(path.Base(target), ".") {
					t.Errorf("%s: link %q does not end in a file name", name, ref)
				}
			}
			if files[file] == nil {
				t.Errorf("%s: %s=%q points to %s, which was not written", name, attr, ref, file)
				continue
			}
			if frag != "" && !ids[file][frag] {
				t.Errorf("%s: %q: %s has no id %q", name, ref, file, frag)
			}
			checked++
		}
		// Switcher and alternates carry their language.
		for _, tag := range tagRe.FindAll(b, -1) {
			s := string(tag)
			if strings.Contains(s, `rel="alternate"`) && !strings.Contains(s, "hreflang=") {
				t.Errorf("%s: alternate link without hreflang: %s", name, s)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d links checked: the test is not seeing the pages", checked)
	}

	// The French charter shows its commitments, badges and blanks.
	charte := string(files["fr/charte.html"])
	for _, want := range []string{`<h1>Charte`, `id="environnement"`, `id="engagement"`, `class="badge badge-1">Avancé<`, `class="badge badge-2">Avancé ++<`,
		`class="blank blank-organisation"`, `class="blank blank-signature"`, "Mistral 7B", "EcoLogits", `rel="license"`, "pwablo.be"} {
		if !strings.Contains(charte, want) {
			t.Errorf("fr/charte.html lacks %q", want)
		}
	}
	for _, p := range []string{"nl/charter.html", "en/charter.html"} {
		s := string(files[p])
		for _, want := range []string{`class="notice ai"`, "Claude (Anthropic)", `class="badge badge-2"`, `rel="license"`} {
			if !strings.Contains(s, want) {
				t.Errorf("%s lacks %q (AI disclosure, levels, credit)", p, want)
			}
		}
	}

	// Every module has all its parts, its 30-minute version included, in
	// every language; the facilitator's answer-key page beside them has a
	// section for each module's exercise (issue 15).
	answerKeys := map[string]bool{"fr/modules/corriges.html": true, "nl/modules/antwoorden.html": true, "en/modules/answer-keys.html": true}
	for _, lang := range []string{"fr", "nl", "en"} {
		modules := 0
		for name, b := range files {
			if !strings.HasPrefix(name, lang+"/modules/") || strings.HasSuffix(name, "/index.html") || !strings.HasSuffix(name, ".html") {
				continue
			}
			page := string(b)
			if answerKeys[name] {
				for i := 1; i <= 5; i++ {
					if !strings.Contains(page, fmt.Sprintf(`id="module-%d"`, i)) {
						t.Errorf("%s lacks the answer key of module %d", name, i)
					}
				}
				continue
			}
			modules++
			for _, part := range []string{`id="objectifs"`, `id="idees-cles"`, `id="situation"`, `id="exercice"`, `id="variante-hors-ligne"`, `id="version-30"`,
				`id="questions"`, `id="checklist"`, `id="plus-loin"`, `class="callout callout-exercise"`, `class="callout callout-discussion"`, `class="task-box"`} {
				if !strings.Contains(page, part) {
					t.Errorf("%s lacks %s", name, part)
				}
			}
		}
		if modules != 5 {
			t.Errorf("%s has %d modules, want 5", lang, modules)
		}
	}
	// Glossary links point at entries: their ids exist (checked above) and
	// the glossary of each language has all its entries.
	glossLinks := 0
	for _, b := range files {
		glossLinks += strings.Count(string(b), `class="gloss"`)
	}
	if glossLinks < 100 {
		t.Errorf("only %d glossary links in the site", glossLinks)
	}
	for _, g := range []string{"fr/glossaire.html", "nl/woordenlijst.html", "en/glossary.html"} {
		if n := strings.Count(string(files[g]), "<h2 id="); n != 24 {
			t.Errorf("%s has %d entries, want 24", g, n)
		}
	}
	for _, p := range []string{"fr/auto-evaluation.html", "nl/zelfevaluatie.html", "en/self-assessment.html"} {
		if n := strings.Count(string(files[p]), `class="assess-item"`); n < 20 {
			t.Errorf("%s has %d lines to rate, want every commitment of the charter", p, n)
		}
	}

	// Each offline bundle opens from disk: every link inside it resolves
	// inside it, and a one-language bundle holds no other language's pages.
	for _, z := range []string{"downloads/responsible-ai-toolkit.zip", "downloads/responsible-ai-toolkit-nl.zip"} {
		zr, err := zip.NewReader(bytes.NewReader(files[z]), int64(len(files[z])))
		if err != nil {
			t.Fatalf("%s: %v", z, err)
		}
		inZip := map[string][]byte{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			_, rel, _ := strings.Cut(f.Name, "/")
			inZip[rel] = b
		}
		if inZip["index.html"] == nil || inZip["nl/index.html"] == nil {
			t.Errorf("%s lacks index.html or nl/index.html", z)
		}
		if strings.HasSuffix(z, "-nl.zip") && (inZip["fr/index.html"] != nil || inZip["en/index.html"] != nil) {
			t.Errorf("%s holds other languages' pages", z)
		}
		for name, b := range inZip {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			if bytes.Contains(b, []byte("downloads/")) {
				t.Errorf("%s: %s links to downloads, which the bundle does not hold", z, name)
			}
			for _, m := range attrRe.FindAllSubmatch(b, -1) {
				ref := string(m[2])
				if strings.Contains(ref, ":") || strings.HasPrefix(ref, "#") {
					continue
				}
				target, _, _ := strings.Cut(ref, "#")
				if inZip[path.Join(path.Dir(name), target)] == nil {
					t.Errorf("%s: %s links to %s, missing from the bundle", z, name, ref)
				}
			}
		}
	}
	if !strings.Contains(string(files["fr/telechargements.html"]), `href="../downloads/responsible-ai-toolkit-fr.zip" download>Le site en français (zip,`) {
		t.Error("the downloads page must offer the bundles with their size")
	}

	// Two builds of the same tree are byte-identical.
	out2 := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, "../", out2); err != nil {
		t.Fatal(err)
	}
	files2 := readTree(t, out2)
	if len(files2) != len(files) {
		t.Errorf("second build wrote %d files, first %d", len(files2), len(files))
	}
	for name, b := range files {
		if !bytes.Equal(b, files2[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

const okPage = "---\ntitle: %s\n---\n## Section {#s}\n\nText with a [link](%s).\n"

func page(title, link string) string {
	return strings.Replace(strings.Replace(okPage, "%s", title, 1), "%s", link, 1)
}

func TestFallbackPage(t *testing.T) {
	src := map[string]string{
		"content/fr/index.md":      page("Accueil", "guide/a.md#s"),
		"content/fr/guide/a.md":    page("Guide A", "../index.md"),
		"content/fr/guide/img.png": "PNG",
		"content/nl/index.md":      page("Start", "guide/a.md"),
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := buildFS(t, src, out)
	if err != nil {
		t.Fatal(err)
	}
	var nl build.LangStats
	for _, l := range res.Langs {
		if l.Lang == "nl" {
			nl = l
		}
	}
	if nl.Pages != 2 || nl.Fallbacks != 1 {
		t.Errorf("nl stats = %+v, want 2 pages, 1 fallback", nl)
	}
	b, err := os.ReadFile(filepath.Join(out, "nl/guide/a.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		`<html lang="nl"`,
		`<article lang="fr">`,
		"Deze pagina is nog niet in het Nederlands vertaald",
		"in het Frans",
		`<a href="../index.html">link</a>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("nl/guide/a.html lacks %q", want)
		}
	}
	if strings.Contains(s, `rel="alternate"`) {
		t.Error("a page with no real translation has no alternates")
	}
	if fr, _ := os.ReadFile(filepath.Join(out, "fr/index.html")); !strings.Contains(string(fr), `<link rel="alternate" hreflang="nl" href="../nl/index.html">`) {
		t.Error("a translated page lists its translations as alternates")
	}
	if _, err := os.Stat(filepath.Join(out, "nl/guide/img.png")); err != nil {
		t.Error("the fallback tree must get the source's files")
	}
	home, _ := os.ReadFile(filepath.Join(out, "fr/index.html"))
	if !strings.Contains(string(home), `href="guide/a.html#s"`) {
		t.Error("the .md link with its anchor was not rewritten")
	}
}

// TestErrors: every kind of bad input is reported at once, with its file
// and line, and the build leaves the previous output as it was.
func TestErrors(t *testing.T) {
	good := map[string]string{
		"content/fr/index.md": page("Accueil", "a.md"),
		"content/fr/a.md":     page("A", "index.md"),
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildFS(t, good, out); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	bad := map[string]string{
		"content/fr/a.md":       "---\ntitle: A\nweight: [\n---\nText\n",
		"content/fr/b.md":       "---\ntitle: B\n---\n## One\n\n#### Three\n\n![](x.png)\n\nSee [c](c.md) and [anchor](index.md#nope).\n",
		"content/fr/c.md":       "---\ntitle: C\nslug: b\n---\nText\n",
		"content/de/index.md":   page("Start", "index.md"),
		"content/fr/d.md":       "---\ntitle: D\n---\n![Photo](https://example.org/p.jpg)\n\n[Root](/fr/index.md)\n",
		"content/fr/nofront.md": "# Just a title\n",
	}
	for name, data := range bad {
		good[name] = data
	}
	_, err := buildFS(t, good, out)
	var be *diag.BuildError
	if err == nil || !asBuildError(err, &be) {
		t.Fatalf("want a build error, got %v", err)
	}
	got := err.Error()
	for _, want := range []string{
		"content/de: unknown language folder",
		"content/fr/a.md:3:",
		"content/fr/c.md:1: writes fr/b.html, as content/fr/b.md does",
		"content/fr/nofront.md:1: missing front matter",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if !bytes.Equal(mustJSON(readTree(t, out)), mustJSON(before)) {
		t.Error("a failed build changed the previous output")
	}

	// Fix the model errors: the page-level ones are reported next, all at once.
	delete(good, "content/de/index.md")
	delete(good, "content/fr/nofront.md")
	good["content/fr/a.md"] = page("A", "index.md")
	good["content/fr/c.md"] = "---\ntitle: C\n---\nText\n"
	_, err = buildFS(t, good, out)
	if err == nil {
		t.Fatal("want errors")
	}
	got = err.Error()
	for _, want := range []string{
		"content/fr/b.md:6: heading \"Three\" is level 4 after level 2",
		"content/fr/b.md:8: image \"x.png\" has no alt text",
		"content/fr/b.md:8: image x.png: content/fr/x.png does not exist",
		"content/fr/b.md:10: link to index.md#nope: that page has no heading with id nope",
		"content/fr/d.md:4: image https://example.org/p.jpg is on another host",
		"content/fr/d.md:6: link /fr/index.md starts at the root",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "c.md does not exist") {
		t.Errorf("c.md exists; got %s", got)
	}
	if !bytes.Equal(mustJSON(readTree(t, out)), mustJSON(before)) {
		t.Error("a failed build changed the previous output")
	}
}

func asBuildError(err error, be **diag.BuildError) bool {
	e, ok := err.(*diag.BuildError)
	*be = e
	return ok
}

func mustJSON(m map[string][]byte) []byte {
	var b bytes.Buffer
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sortStrings(names)
	for _, k := range names {
		b.WriteString(k + "\x00")
		b.Write(m[k])
		b.WriteString("\x00")
	}
	return b.Bytes()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestOverridesAndSettings: a folder with only content/ builds from the
// embedded theme; its own files override it; site.toml fills the charter.
func TestOverridesAndSettings(t *testing.T) {
	src := map[string]string{
		"content/fr/index.md":             "---\ntitle: Charte\n---\nNotre ASBL {{organisation}} s’engage.\n\nDate : {{date}}\n",
		"themes/default/assets/style.css": "/* site override */ body{margin:0}",
		"i18n/nl.toml":                    "skip_to_content = \"Overslaan\"\n",
		"site.toml":                       "base_url = \"https://example.org/charte\"\n[organisation]\nname = \"Vzw De Brug\"\ndate = 2026-03-15\n",
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := buildFS(t, src, out)
	if err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	css := ""
	for name, b := range files {
		if strings.HasPrefix(name, "assets/style.") {
			css = string(b)
		}
	}
	if strings.Contains(css, "skip") || !strings.Contains(css, "--bg:") {
		t.Errorf("site CSS should replace the theme's and keep the colours: %.200s", css)
	}
	fr, nl := string(files["fr/index.html"]), string(files["nl/index.html"])
	if !strings.Contains(fr, `<span class="filled">Vzw De Brug</span>`) || !strings.Contains(fr, "15 mars 2026") {
		t.Errorf("organisation not filled: %s", fr)
	}
	if !strings.Contains(nl, "Overslaan") || !strings.Contains(nl, "Kruimelpad") == true && false {
		t.Errorf("site string did not override: %s", nl)
	}
	// The site's nl.toml lacks most strings: they show in French, listed.
	if !strings.Contains(nl, "Fil d’Ariane") && !strings.Contains(nl, "Menu principal") {
		t.Errorf("missing nl strings must fall back to French")
	}
	listed := false
	for _, p := range res.Problems {
		listed = listed || (p.File == "i18n/nl.toml" && strings.Contains(p.Msg, "strings missing, shown in fr"))
	}
	if !listed {
		t.Errorf("missing strings not listed: %v", res.Problems)
	}
	if !strings.Contains(string(files["sitemap.xml"]), "<loc>https://example.org/charte/fr/index.html</loc>") {
		t.Errorf("sitemap: %s", files["sitemap.xml"])
	}
	if !strings.Contains(string(files["robots.txt"]), "Sitemap: https://example.org/charte/sitemap.xml") {
		t.Errorf("robots.txt: %s", files["robots.txt"])
	}
	// Root-relative paths, not a <base>: the skip link (#main) stays on
	// the page, and the links work on any host name serving the folder.
	for name, want := range map[string]string{"404.html": `href="/charte/nl/index.html"`, "nl/404.html": `href="/charte/nl/index.html"`} {
		b := string(files[name])
		if !strings.Contains(b, want) || !strings.Contains(b, `href="#main"`) || strings.Contains(b, "<base") {
			t.Errorf("%s: want %s and the skip link, no <base>:\n%s", name, want, b)
		}
	}
}

// TestRefusesDangerousOutput: an output folder that holds, or lies in, the
// sources, or holds a host's files without a manifest, is refused and left
// as it was; a linked output is written through, the link kept.
func TestRefusesDangerousOutput(t *testing.T) {
	src := writeTree(t, map[string]string{"content/fr/index.md": page("A", "index.md"), "notes.txt": "mine"})
	webroot := writeTree(t, map[string]string{".git/HEAD": "ref", "CNAME": "ex.org", ".htaccess": "x", ".well-known/a": "x", "blog/post.html": "p", "index.html": "old"})
	for _, c := range []struct{ name, out, want string }{
		{"the site folder", src, "holds the site's sources"},
		{"its parent", filepath.Dir(src), "holds the site's sources"},
		{"a source file", filepath.Join(src, "content/fr/index.md"), "is a file, not a folder"},
		{"inside content", filepath.Join(src, "content/public"), "lies inside the site's sources"},
		{"a web root", webroot, "holds files sobre did not write (blog/, index.html)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := []map[string][]byte{readTree(t, src), readTree(t, webroot)}
			if _, err := doBuild(t, src, c.out); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
			for i, dir := range []string{src, webroot} {
				after := readTree(t, dir)
				for n, b := range before[i] {
					if !bytes.Equal(after[n], b) {
						t.Errorf("%s changed", n)
					}
				}
				if len(after) != len(before[i]) {
					t.Errorf("%s: %d files instead of %d", dir, len(after), len(before[i]))
				}
			}
		})
	}
	target := t.TempDir()
	link := filepath.Join(t.TempDir(), "public")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := doBuild(t, src, link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Error("the linked output was replaced")
	}
	if _, err := os.Stat(filepath.Join(target, "fr/index.html")); err != nil {
		t.Error("nothing written through the link")
	}
}

func TestContrastFailsBuild(t *testing.T) {
	src := map[string]string{
		"content/fr/index.md":       page("A", "index.md"),
		"themes/default/theme.toml": "[light]\nbg = \"#ffffff\"\ntext = \"#aaaaaa\"\n[dark]\nbg = \"#000000\"\ntext = \"#ffffff\"\n[[pair]]\nfg = \"text\"\nbg = \"bg\"\nmin = 4.5\n",
	}
	_, err := buildFS(t, src, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), "themes/default/theme.toml:3: [light] text #aaaaaa on bg #ffffff has a contrast of 2.32:1") {
		t.Errorf("want a contrast error, got %v", err)
	}
}

// TestTranslationStates: an outdated translation says so and links to its
// source; a draft is not published (the source is shown instead).
func TestTranslationStates(t *testing.T) {
	src := map[string]string{
		"content/fr/index.md": "---\ntitle: Accueil\n---\nBonjour, texte modifié depuis.\n",
		"content/fr/a.md":     "---\ntitle: A\n---\nTexte A.\n",
		"content/nl/index.md": "---\ntitle: Start\ntranslation:\n  from: fr\n  source: 000000000000\n---\nHallo.\n",
		"content/nl/a.md":     "---\ntitle: A (concept)\ndraft: true\ntranslation:\n  from: fr\n---\nHalve vertaling.\n",
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildFS(t, src, out); err != nil {
		t.Fatal(err)
	}
	home, _ := os.ReadFile(filepath.Join(out, "nl/index.html"))
	if !strings.Contains(string(home), "De oorspronkelijke versie in het Frans is gewijzigd") || !strings.Contains(string(home), `href="../fr/index.html" hreflang="fr"`) {
		t.Errorf("outdated notice missing: %s", home)
	}
	a, _ := os.ReadFile(filepath.Join(out, "nl/a.html"))
	if strings.Contains(string(a), "Halve vertaling") || !strings.Contains(string(a), "Texte A.") {
		t.Errorf("a draft must not be published: %s", a)
	}
}

// A print font of the site's own that cannot be used is an error naming
// its file: the build never quietly leaves the booklets out.
func TestBrokenPrintFont(t *testing.T) {
	const font = "themes/default/fonts/AtkinsonHyperlegibleNext-Bold.ttf"
	site := map[string]string{
		"content/fr/index.md": page("Accueil", "index.md"),
		font:                  "not a TrueType file",
	}
	_, err := buildFS(t, site, filepath.Join(t.TempDir(), "public"))
	if err == nil {
		t.Fatal("a broken print font built")
	}
	if want := font + ": cannot use the print font"; !strings.Contains(err.Error(), want) {
		t.Errorf("error lacks %q:\n%v", want, err)
	}
}
