package build_test

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// unzip maps a bundle's entries, below its one folder, to their content.
func unzip(t *testing.T, name string, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		_, rel, _ := strings.Cut(f.Name, "/")
		out[rel] = b
	}
	return out
}

var (
	leavesRe = regexp.MustCompile(`<a href="([^"]*)"[^>]*data-leaves-bundle`)
	uuidRe   = regexp.MustCompile(`<dc:identifier id="uid">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</dc:identifier>`)
)

// TestBundlesStandAlone: a one-language zip holds every booklet of its
// language and opens on its home; every page of every zip links the
// booklets the zip holds and nothing it does not; the other languages are
// linked on the site at base_url, marked as leaving the bundle.
func TestBundlesStandAlone(t *testing.T) {
	const base = "https://example.org/ia/"
	src := map[string]string{
		"site.toml": "base_url = \"" + base + "\"\ndefault_language = \"fr\"\n[languages.fr]\nname = \"Français\"\nweight = 1\n" +
			"[languages.nl]\nname = \"Nederlands\"\nweight = 2\n[organisation]\nname = \"Vzw De Brug\"\n[outputs]\nbundles = true\nname = \"kit\"\n",
		"content/fr/index.md":          "---\ntitle: Accueil\n---\nVoir la [charte](charte.md) et le [module](modules/climat.md).\n",
		"content/fr/charte.md":         "---\ntitle: Charte\n---\n## Environnement\n\n- Mesurer.\n",
		"content/fr/modules/index.md":  "---\ntitle: Modules\n---\nListe.\n",
		"content/fr/modules/climat.md": "---\ntitle: « Climat » et IA\n---\nTexte.\n",
		"content/fr/index-a-z.md":      "---\ntitle: Index\n---\n{{a-z}}\n",
		"content/nl/index.md":          "---\ntitle: Start\n---\nZie het [charter](charte.md).\n",
		"content/nl/charte.md":         "---\ntitle: Charter\nslug: charter\n---\n## Milieu\n\n- Meten.\n",
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildFS(t, src, out); err != nil {
		t.Fatal(err)
	}
	site := readTree(t, out)
	pdfs := func(lang string, only string) []string {
		var l []string
		for name := range site {
			if strings.HasPrefix(name, lang+"/print/") && strings.HasSuffix(name, only+".pdf") {
				l = append(l, name)
			}
		}
		sort.Strings(l)
		return l
	}
	for _, edition := range []string{"a4", "a5", "a5-imposed", "large-print"} {
		if site[toolkitPDF("nl", edition)] == nil {
			t.Fatalf("the site has no nl %s booklet: %v", edition, pdfs("nl", ""))
		}
	}

	for _, c := range []struct {
		zip   string
		langs []string
		held  func(lang string) []string // the PDFs the zip must hold
	}{
		{"downloads/kit-nl.zip", []string{"nl"}, func(l string) []string { return pdfs(l, "") }},
		{"downloads/kit-fr.zip", []string{"fr"}, func(l string) []string { return pdfs(l, "") }},
		{"downloads/kit.zip", []string{"fr", "nl"}, func(l string) []string { return pdfs(l, "-a4") }},
	} {
		files := unzip(t, c.zip, site[c.zip])
		var want, got []string
		for _, l := range c.langs {
			want = append(want, c.held(l)...)
		}
		for name := range files {
			if strings.HasSuffix(name, ".pdf") {
				got = append(got, name)
			}
		}
		sort.Strings(want)
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s holds the PDFs %v, want %v", c.zip, got, want)
		}
		for name, b := range files {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			lang := strings.SplitN(name, "/", 2)[0]
			if name == "index.html" {
				lang = c.langs[0]
			}
			linked := map[string]bool{}
			for _, m := range attrRe.FindAllSubmatch(b, -1) {
				ref := string(m[2])
				if strings.Contains(ref, ":") || strings.HasPrefix(ref, "#") {
					continue
				}
				target := path.Join(path.Dir(name), strings.SplitN(ref, "#", 2)[0])
				if files[target] == nil {
					t.Errorf("%s: %s links to %s, not in the bundle", c.zip, name, ref)
				}
				linked[target] = true
			}
			for _, p := range c.held(lang) {
				if !linked[p] {
					t.Errorf("%s: %s does not link the bundle's %s", c.zip, name, p)
				}
			}
			if bytes.Contains(b, []byte("downloads/")) {
				t.Errorf("%s: %s links to the downloads, which the bundle does not hold", c.zip, name)
			}
			for _, m := range leavesRe.FindAllSubmatch(b, -1) {
				if !strings.HasPrefix(string(m[1]), base) || len(c.langs) > 1 {
					t.Errorf("%s: %s: a link leaving the bundle to %s", c.zip, name, m[1])
				}
			}
			if len(c.langs) == 1 {
				if n := len(leavesRe.FindAll(b, -1)); n != 1 {
					t.Errorf("%s: %s has %d links to the other language's site, want 1", c.zip, name, n)
				}
			}
		}
		index := string(files["index.html"])
		switch {
		case len(c.langs) > 1:
			if !strings.Contains(index, `id="choices"`) {
				t.Errorf("%s: index.html is not the chooser", c.zip)
			}
			if !strings.Contains(index, "download of each language") && !strings.Contains(index, "téléchargement de chaque langue") {
				t.Errorf("%s: pages do not say where the other editions are", c.zip)
			}
		case strings.Contains(index, `id="choices"`) || !strings.Contains(index, `<html lang="`+c.langs[0]+`"`):
			t.Errorf("%s: index.html is not the %s home: %.300s", c.zip, c.langs[0], index)
		}
	}
	nl := unzip(t, "kit-nl.zip", site["downloads/kit-nl.zip"])
	if !strings.Contains(string(nl["index.html"]), `href="nl/charter.html"`) || !strings.Contains(string(nl["nl/index.html"]), `href="charter.html"`) {
		t.Error("the home at the bundle's root must link its pages from there")
	}
	if !strings.Contains(string(nl["nl/charter.html"]), `href="`+base+`fr/charte.html"`) {
		t.Error("the switcher must link the other language's page on the site")
	}

	epub := unzip(t, "kit-fr.epub", site["downloads/kit-fr.epub"])
	opf := string(epub["package.opf"]) // unzip cuts the first folder: OEBPS/
	if !uuidRe.MatchString(opf) || !strings.Contains(opf, `<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>`) ||
		!strings.Contains(opf, `<meta property="a11y:certifiedBy">Vzw De Brug</meta>`) {
		t.Errorf("kit-fr.epub: package.opf: %s", opf)
	}
	if az := string(epub["index-a-z.xhtml"]); strings.Count(az, `id="az-c"`) != 1 {
		t.Errorf("kit-fr.epub: the A–Z has %d ids az-c, want 1", strings.Count(az, `id="az-c"`))
	}
}
