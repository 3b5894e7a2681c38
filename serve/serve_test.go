package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sobre"
	"sobre/build"
)

// site writes a one-page site, without booklets (slow to typeset) and
// returns its folder.
func site(t *testing.T, dir string) string {
	t.Helper()
	page := filepath.Join(dir, "content", "fr", "index.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.WriteFile(page, []byte("---\ntitle: Première\n---\nBonjour\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("default_language = \"fr\"\n[languages.fr]\nname = \"Français\"\n[outputs]\nbooklets = false\n"), 0o644)
	return dir
}

func TestServeRebuildsAndReloads(t *testing.T) {
	src := site(t, t.TempDir())
	page := filepath.Join(src, "content", "fr", "index.md")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	builds := make(chan Event, 10)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Src: src, Addr: "127.0.0.1:0", Defaults: sobre.Defaults, Log: io.Discard,
			Ready:  func(a string) { ready <- a },
			Report: func(e Event) { builds <- e }})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}
	if e := <-builds; e.Err != nil {
		t.Fatal(e.Err)
	}
	base := "http://" + addr
	get := func(p string) string {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if s := get("/fr/index.html"); !strings.Contains(s, "Première") || !strings.Contains(s, `src="/__sobre/reload.js"`) {
		t.Fatalf("first page: %.300s", s)
	}
	if s := get("/fr/"); !strings.Contains(s, "Première") {
		t.Fatalf("folder: %.300s", s)
	}

	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	events.ReadString('\n') // ": connected"
	got := make(chan string, 10)
	go func() {
		for {
			l, err := events.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(l, "data: ") {
				got <- l
			}
		}
	}()
	next := func() string {
		select {
		case l := <-got:
			return l
		case <-time.After(20 * time.Second):
			t.Fatal("no event after a change")
		}
		return ""
	}

	os.WriteFile(page, []byte("---\ntitle: Première\n---\nBonsoir\n"), 0o644)
	if l := next(); !strings.Contains(l, `"state":"building"`) {
		t.Fatalf("first event %q, want building", l)
	}
	if l := next(); !strings.Contains(l, `"state":"done"`) || !strings.Contains(l, "Rebuilt in") {
		t.Fatalf("second event %q, want done with the time", l)
	}
	if e := <-builds; e.Full || e.Pages != 1 || e.Err != nil {
		t.Errorf("a body edit: %+v, want one page re-rendered", e)
	}
	if s := get("/fr/index.html"); !strings.Contains(s, "Bonsoir") {
		t.Fatalf("page not rebuilt: %.300s", s)
	}

	// A broken page keeps the last good site online.
	os.WriteFile(page, []byte("no front matter\n"), 0o644)
	next()
	if l := next(); !strings.Contains(l, `"state":"failed"`) {
		t.Fatalf("event %q, want failed", l)
	}
	if e := <-builds; e.Err == nil {
		t.Fatal("the broken page was not reported")
	}
	if s := get("/fr/index.html"); !strings.Contains(s, "Bonsoir") {
		t.Fatalf("a failed rebuild replaced the site: %.300s", s)
	}
	cancel()
	<-done
}

func TestAllowedHosts(t *testing.T) {
	for _, c := range []struct {
		bound, host string
		ok          bool
	}{
		{"127.0.0.1", "127.0.0.1:1313", true},
		{"127.0.0.1", "localhost:1313", true},
		{"127.0.0.1", "LOCALHOST", true},
		{"127.0.0.1", "[::1]:1313", true},
		{"127.0.0.1", "127.0.0.2:1313", true},
		{"127.0.0.1", "evil.example:1313", false}, // DNS rebinding
		{"127.0.0.1", "localhost.evil.example", false},
		{"127.0.0.1", "192.168.1.5:1313", false},
		{"127.0.0.1", "", false},
		{"localhost", "localhost:1313", true},
		{"localhost", "attacker.test", false},
		{"::1", "[::1]:1313", true},
		{"0.0.0.0", "192.168.1.5:1313", true}, // on every interface: any address
		{"0.0.0.0", "evil.example", false},
		{"", "10.0.0.2:1313", true},
		{"192.168.1.5", "192.168.1.5:1313", true},
		{"preview.lan", "preview.lan:1313", true},
		{"preview.lan", "other.lan:1313", false},
	} {
		if got := AllowedHosts(c.bound)(c.host); got != c.ok {
			t.Errorf("bound %q, Host %q: allowed %v, want %v", c.bound, c.host, got, c.ok)
		}
	}
}

// testServer is the handler of a preview of a one-page site, with a secret
// file beside the site folder.
func testServer(t *testing.T) *server {
	t.Helper()
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("SECRET"), 0o644)
	src := site(t, filepath.Join(root, "site"))
	p, err := build.NewPreview(context.Background(), build.Options{Src: src, Defaults: sobre.Defaults, LiveReload: ReloadPath})
	if err != nil {
		t.Fatal(err)
	}
	s := &server{ctx: context.Background(), p: p, hub: &hub{clients: map[chan message]bool{}}, allowed: AllowedHosts("127.0.0.1"), log: io.Discard}
	s.publish()
	return s
}

func TestHostAndOrigin(t *testing.T) {
	s := testServer(t)
	for _, c := range []struct {
		path, host, origin string
		status             int
	}{
		{"/fr/index.html", "127.0.0.1:1313", "", 200},
		{"/fr/index.html", "localhost:1313", "", 200},
		{"/fr/index.html", "rebind.example:1313", "", 403},
		{ReloadPath, "rebind.example", "", 403},
		{eventsPath, "rebind.example:1313", "http://rebind.example:1313", 403},
		{eventsPath, "127.0.0.1:1313", "http://evil.example", 403},
		{eventsPath, "127.0.0.1:1313", "null", 403},
		{eventsPath, "127.0.0.1:1313", "https://127.0.0.1:1313", 403},
		{eventsPath, "127.0.0.1:1313", "http://localhost:1313", 403}, // another origin than the page's
	} {
		r := httptest.NewRequest("GET", c.path, nil)
		r.Host = c.host
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		rw := httptest.NewRecorder()
		s.ServeHTTP(rw, r)
		if rw.Code != c.status {
			t.Errorf("%s Host %q Origin %q: %d, want %d", c.path, c.host, c.origin, rw.Code, c.status)
		}
	}
	// The page's own origin may listen to the events.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	r := httptest.NewRequest("GET", eventsPath, nil).WithContext(ctx)
	r.Host = "127.0.0.1:1313"
	r.Header.Set("Origin", "http://127.0.0.1:1313")
	rw := httptest.NewRecorder()
	s.ServeHTTP(rw, r)
	if rw.Code != 200 || !strings.Contains(rw.Body.String(), "connected") {
		t.Errorf("same-origin events: %d %q", rw.Code, rw.Body.String())
	}
}

func TestServesNothingOutsideTheSite(t *testing.T) {
	s := testServer(t)
	for _, p := range []string{
		"/../secret.txt", "/../../secret.txt", "/fr/../../secret.txt", "/..%2fsecret.txt",
		"/%2e%2e/secret.txt", "/fr/%2e%2e/%2e%2e/secret.txt", "//secret.txt", "/site/../secret.txt",
		"/..\\secret.txt", "/content/fr/index.md", "/site.toml",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.URL.Path = p
		if raw, err := decodePath(p); err == nil {
			r.URL.Path = raw
		}
		r.Host = "127.0.0.1:1313"
		rw := httptest.NewRecorder()
		s.ServeHTTP(rw, r)
		if rw.Code != 404 || strings.Contains(rw.Body.String(), "SECRET") {
			t.Errorf("%s: %d %.80q, want 404", p, rw.Code, rw.Body.String())
		}
	}
	if got, _ := fileName("/fr/../fr/./"); got != "fr/index.html" {
		t.Errorf("fileName: %q, want fr/index.html", got)
	}
	if got, _ := fileName("/../../etc/passwd"); got != "etc/passwd" {
		t.Errorf("fileName climbs out: %q", got)
	}
}

// decodePath decodes %xx as a server does before routing.
func decodePath(p string) (string, error) {
	r, err := http.NewRequest("GET", "http://x"+p, nil)
	if err != nil {
		return "", err
	}
	return r.URL.Path, nil
}

// The reload script and its status overlay are the preview's alone.
func TestReloadScriptOnlyInPreview(t *testing.T) {
	if !strings.Contains(reloadJS, `"role","status"`) {
		t.Error("the status overlay is not a live region")
	}
	src := site(t, t.TempDir())
	ctx := context.Background()
	pr, err := build.Load(ctx, build.Options{Src: src, Defaults: sobre.Defaults})
	if err != nil {
		t.Fatal(err)
	}
	out, err := pr.Render(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range out.Files {
		if strings.Contains(string(b), "__sobre") {
			t.Errorf("the built site's %s names the preview's script", name)
		}
	}
	s := testServer(t)
	if b, _ := s.file("fr/index.html"); !strings.Contains(string(b), ReloadPath) {
		t.Error("the preview's page lacks the reload script")
	}
}
