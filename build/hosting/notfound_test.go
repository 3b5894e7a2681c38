package hosting_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sobre"
	"sobre/build"
)

const folder = "/asbl/charte/"

// render builds the repository's content in memory, without booklets or
// bundles, with base_url set to baseURL (none when empty).
func render(t *testing.T, baseURL string) map[string][]byte {
	t.Helper()
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := strings.Replace(string(conf), `base_url = ""`, `base_url = "`+baseURL+`"`, 1)
	toml = strings.Replace(toml, "bundles = true", "bundles = false\nbooklets = false", 1)
	if err := os.WriteFile(filepath.Join(src, "site.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	pr, err := build.Load(context.Background(), build.Options{Src: src, Defaults: sobre.Defaults})
	if err != nil {
		t.Fatal(err)
	}
	out, err := pr.Render(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return out.Files
}

// host serves files under folder as the snippets set a server up: an
// unknown address gets the 404 page of its language's folder, else the
// root one, with status 404.
func host(files map[string][]byte) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, folder)
		if !ok {
			http.Error(w, "outside the site's folder", http.StatusNotFound)
			return
		}
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		if b, ok := files[rel]; ok {
			w.Write(b)
			return
		}
		page := "404.html"
		if lang, _, nested := strings.Cut(rel, "/"); nested && files[lang+"/404.html"] != nil {
			page = lang + "/404.html"
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(files[page])
	}))
}

var (
	linkRe = regexp.MustCompile(`\s(?:href|src|data-index)="([^"]*)"`)
	baseRe = regexp.MustCompile(`<base\b`)
	langRe = regexp.MustCompile(`<html lang="([^"]*)"`)
)

// get returns the status and body of an address.
func get(t *testing.T, u string) (int, string) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// brokenLinks follows every link, script and stylesheet of the 404 page
// served at u as a browser resolves them, and lists those that fail;
// in-page links must name an id of the page.
func brokenLinks(t *testing.T, u, body string) []string {
	t.Helper()
	base, _ := url.Parse(u)
	var broken []string
	if baseRe.MatchString(body) {
		// A <base> would send in-page links (the skip link) elsewhere.
		broken = append(broken, "<base> element")
	}
	links := linkRe.FindAllStringSubmatch(body, -1)
	if len(links) < 5 {
		t.Fatalf("%s: only %d links", u, len(links))
	}
	for _, m := range links {
		if id, ok := strings.CutPrefix(m[1], "#"); ok {
			if !strings.Contains(body, ` id="`+id+`"`) {
				broken = append(broken, m[1]+" → no such id")
			}
			continue
		}
		l, err := base.Parse(m[1])
		if err != nil || l.Host != base.Host {
			continue // another site (the licence), or mailto:
		}
		l.Fragment = ""
		if code, _ := get(t, l.String()); code != http.StatusOK {
			broken = append(broken, m[1]+" → "+l.Path)
		}
	}
	return broken
}

// TestNotFoundPages serves the site from a sub-folder and asks for
// unknown addresses at every depth: each gets the 404 page of its
// language (the root one elsewhere), and with base_url set every link of
// that page works.
func TestNotFoundPages(t *testing.T) {
	files := render(t, "https://example.org"+folder)
	for name, b := range files {
		if strings.HasSuffix(name, ".html") && strings.Contains(string(b), `content="noindex"`) != (path.Base(name) == "404.html") {
			t.Errorf("%s: noindex only on the 404 pages", name)
		}
	}
	if strings.Contains(string(files["sitemap.xml"]), "404.html") {
		t.Error("the sitemap lists a 404 page")
	}
	srv := host(files)
	defer srv.Close()
	for _, tc := range []struct{ path, lang, title string }{
		{"fr/nope.html", "fr", "Page introuvable"},
		{"fr/modules/old/deeper/nope.html", "fr", "Page introuvable"},
		{"nl/nope", "nl", "Pagina niet gevonden"},
		{"en/modules/gone/", "en", "Page not found"},
		{"nope.html", "fr", "Pagina niet gevonden"},
		{"assets/old/style.css", "fr", "Page not found"},
		{"de/a/b/c/index.html", "fr", "Page introuvable"},
	} {
		u := srv.URL + folder + tc.path
		code, body := get(t, u)
		if code != http.StatusNotFound {
			t.Errorf("%s: status %d", tc.path, code)
		}
		if m := langRe.FindStringSubmatch(body); m == nil || m[1] != tc.lang || !strings.Contains(body, tc.title) {
			t.Errorf("%s: not the %s 404 page: %.300s", tc.path, tc.lang, body)
		}
		for _, b := range brokenLinks(t, u, body) {
			t.Errorf("%s: broken link %s", tc.path, b)
		}
	}
}

// TestNotFoundWithoutBaseURL: without base_url the 404 pages' links are
// relative to their own folder, so they work for unknown addresses of that
// folder (the documented trade-off: deeper ones need base_url).
func TestNotFoundWithoutBaseURL(t *testing.T) {
	files := render(t, "")
	if strings.Contains(string(files["fr/404.html"]), "<base") {
		t.Error("a <base> without base_url")
	}
	srv := host(files)
	defer srv.Close()
	for _, p := range []string{"fr/nope.html", "nl/weg.html", "nope.html"} {
		u := srv.URL + folder + p
		code, body := get(t, u)
		if code != http.StatusNotFound {
			t.Errorf("%s: status %d", p, code)
		}
		for _, b := range brokenLinks(t, u, body) {
			t.Errorf("%s: broken link %s", p, b)
		}
	}
	u := srv.URL + folder + "fr/modules/a/b/nope.html"
	_, body := get(t, u)
	if len(brokenLinks(t, u, body)) == 0 {
		t.Error("links from a deep unknown address work without base_url: update docs/HOSTING.md, which says they break")
	}
}
