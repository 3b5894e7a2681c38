package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sobre/build/content"
)

// outdatedSite has a Dutch page translated from a French text that
// changed since: one paragraph rewritten, one added.
func outdatedSite(t *testing.T) string {
	dir := t.TempDir()
	old := "---\ntitle: Page\n---\n\nLa charte de l’ASBL.\n\nUn texte court.\n"
	files := map[string]string{
		"site.toml":                 "[languages.fr]\nname = \"Français\"\nweight = 1\n[languages.nl]\nname = \"Nederlands\"\nweight = 2\n",
		"content/fr/index.md":       "---\ntitle: Accueil\n---\n\nBonjour.\n",
		"content/fr/page.md":        "---\ntitle: Page\n---\n\nLa charte de l’ASBL.\n\nUn texte plus long.\n\nUn ajout.\n",
		".sobre/stamped/nl/page.md": "\nLa charte de l’ASBL.\n\nUn texte court.\n",
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(data), 0o644)
	}
	src, _ := content.ParseSource("fr", "page.md", "content/fr/page.md", []byte(old))
	tr, err := content.Stamp([]byte("---\ntitle: Pagina\n---\n\nHet charter van de vzw.\n\nEen korte tekst.\n"), "fr", content.Print(src))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "content/nl"), 0o755)
	os.WriteFile(filepath.Join(dir, "content/nl/page.md"), tr, 0o644)
	return dir
}

func TestSideBySide(t *testing.T) {
	s := &server{src: outdatedSite(t), allowed: AllowedHosts("127.0.0.1")}
	get := func(path, remote string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+path, nil)
		req.RemoteAddr = remote
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	for _, c := range []struct {
		path, remote string
		code         int
		want         []string
	}{
		{"/_sobre/status/", "192.0.2.1:4000", http.StatusForbidden, []string{"this computer only"}},
		{"/_sobre/status/", "127.0.0.1:4000", http.StatusOK, []string{`<a href="/_sobre/status/nl/page.md">page.md</a> <span class="state outdated">outdated</span>`}},
		{"/_sobre/status/nl/page.md", "[::1]:4000", http.StatusOK, []string{
			`<td lang="fr"><span class="line">content/fr/page.md:5</span>La charte de l’ASBL.</td>`,
			`<td lang="nl"><span class="line">content/nl/page.md:`,
			`<tr class="changed">`,
			`<span class="diff">Un texte <del>court.</del> <ins>plus long.</ins></span>`,
			`Een korte tekst.`,
			`content/fr/page.md:9 · new</span>Un ajout.</td>` + "\n" + `<td lang="nl"><em>no translation yet</em></td>`,
		}},
		{"/_sobre/status/nl/nothing.md", "127.0.0.1:4000", http.StatusNotFound, nil},
		{"/_sobre/status/status.css", "127.0.0.1:4000", http.StatusOK, []string{"prefers-color-scheme:dark"}},
	} {
		rec := get(c.path, c.remote)
		if rec.Code != c.code {
			t.Errorf("%s from %s: %d, want %d", c.path, c.remote, rec.Code, c.code)
		}
		for _, w := range c.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s lacks %q:\n%s", c.path, w, rec.Body.String())
			}
		}
	}
}
