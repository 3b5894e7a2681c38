package hosting

import (
	"flag"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sobre"
	"sobre/build/config"
	"sobre/build/i18n"
	"sobre/build/output"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sites are the two cases every snippet is written for: a sub-folder named
// by base_url, and no base_url (the host's root).
var sites = map[string]string{
	"sub":  "base_url = \"https://example.org/asbl/charte/\"\n",
	"root": "",
}

func load(t *testing.T, toml string) *Site {
	t.Helper()
	cfg, p := config.Parse([]byte(toml))
	if cfg == nil {
		t.Fatal(p)
	}
	s, p := New(cfg, []byte(toml))
	if s == nil {
		t.Fatal(p)
	}
	// The repository's booklets, renamed from responsible-ai-toolkit-*.
	cfg.Outputs.Name = "responsible-ai-toolkit"
	cat, p := i18n.Load(sobre.Defaults, cfg.Codes(), cfg.DefaultLanguage)
	if p.HasErrors() {
		t.Fatal(p)
	}
	if s.Moves, p = output.Moves(cfg, cat); len(p) > 0 {
		t.Fatal(p)
	}
	return s
}

// TestGolden compares each snippet with testdata/<server>-<site>.golden;
// go test ./build/hosting -update rewrites them (then review the diff).
func TestGolden(t *testing.T) {
	for name, toml := range sites {
		s := load(t, toml)
		for _, sv := range append(Servers, Server{Name: "list"}) {
			t.Run(sv.Name+"-"+name, func(t *testing.T) {
				got := s.List()
				if sv.write != nil {
					var err error
					if got, err = s.Snippet(sv.Name); err != nil {
						t.Fatal(err)
					}
				}
				file := filepath.Join("testdata", sv.Name+"-"+name+".golden")
				if *update {
					if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%v (go test ./build/hosting -update writes it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs (go test ./build/hosting -update, then review):\n--- got\n%s", file, got)
				}
			})
		}
	}
}

// TestSnippetsSayWhatMatters checks the rules every snippet must carry,
// whatever its wording: the CSP with frame-ancestors, the immutable
// assets, a 404 page per language where the host allows it.
func TestSnippetsSayWhatMatters(t *testing.T) {
	s := load(t, sites["sub"])
	for _, tc := range []struct {
		server string
		want   []string
	}{
		{"nginx", []string{CSP, "frame-ancestors 'none'", "nosniff", CacheForever, "location ^~ /asbl/charte/assets/", "error_page 404 /asbl/charte/nl/404.html", "application/epub+zip epub"}},
		{"apache", []string{CSP, "nosniff", CacheForever, "m#^/asbl/charte/assets/#", "ErrorDocument 404 /asbl/charte/en/404.html", `RedirectMatch 301 ^(.*/)nl/print/responsible-ai-toolkit-large-print\.pdf$ $1nl/print/gereedschapskist-ai-grote-letters.pdf`, "AddType application/epub+zip .epub"}},
		{"netlify", []string{CSP, "/asbl/charte/*", "/asbl/charte/assets/*\n  Cache-Control: " + CacheForever, "/asbl/charte/sw.js\n  Cache-Control: no-cache"}},
		{"netlify-redirects", []string{"/asbl/charte/fr/*  /asbl/charte/fr/404.html  404", "/asbl/charte/*  /asbl/charte/404.html  404"}},
		{"cloudflare", []string{CSP, "/asbl/charte/assets/*"}},
		{"github", []string{".nojekyll", "404.html", "frame-ancestors"}},
	} {
		got, err := s.Snippet(tc.server)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: missing %q", tc.server, w)
			}
		}
	}
	if _, err := s.Snippet("iis"); err == nil || !strings.Contains(err.Error(), "nginx, apache") {
		t.Errorf("unknown server: %v", err)
	}
}

func TestUnsafeBasePath(t *testing.T) {
	for _, base := range []string{"https://example.org/a b/", "https://example.org/a;b/", "https://example.org/%7Bx%7D/", "https://example.org/a\"b/"} {
		toml := "# site\nbase_url = \"" + strings.ReplaceAll(base, `"`, `\"`) + "\"\n"
		cfg, p := config.Parse([]byte(toml))
		if cfg == nil {
			continue // refused earlier, which is as good
		}
		s, p := New(cfg, []byte(toml))
		if s != nil {
			t.Errorf("%s: accepted as %q", base, s.Base)
			continue
		}
		if len(p) != 1 || p[0].Line != 2 || !strings.Contains(p[0].String(), "site.toml:2: base_url's path") {
			t.Errorf("%s: %v", base, p)
		}
	}
}

// TestNginxAccepts runs nginx -t on the snippet inside a minimal
// configuration; skipped without nginx.
func TestNginxAccepts(t *testing.T) {
	bin, err := exec.LookPath("nginx")
	if err != nil {
		t.Skip("nginx is not installed")
	}
	for name, toml := range sites {
		snippet, _ := load(t, toml).Snippet("nginx")
		dir := t.TempDir()
		conf := "pid " + dir + "/nginx.pid;\nerror_log " + dir + "/error.log;\nevents {}\nhttp {\n" +
			"  access_log off;\n"
		for _, tmp := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
			conf += "  " + tmp + "_temp_path " + dir + "/" + tmp + ";\n"
		}
		conf += "  server {\n    listen 127.0.0.1:8080;\n    root " + dir + ";\n" + snippet + "  }\n}\n"
		file := filepath.Join(dir, "nginx.conf")
		if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "-t", "-p", dir, "-e", dir+"/error.log", "-c", file).CombinedOutput()
		if err != nil || strings.Contains(string(out), "[warn]") {
			t.Errorf("%s: nginx -t: %v\n%s", name, err, out)
		}
	}
}

// findApache finds Apache and the lines loading the modules the .htaccess
// uses; it skips the test without them.
func findApache(t *testing.T) (bin, mods string) {
	t.Helper()
	bin, err := exec.LookPath("apache2")
	if err != nil {
		if bin, err = exec.LookPath("httpd"); err != nil {
			t.Skip("Apache is not installed")
		}
	}
	for _, m := range []string{"/usr/lib/apache2/modules", "/usr/lib64/httpd/modules", "/usr/libexec/apache2"} {
		if _, err := os.Stat(filepath.Join(m, "mod_headers.so")); err == nil {
			for _, mod := range []string{"mpm_event", "authz_core", "mime", "headers", "alias"} {
				mods += "LoadModule " + mod + "_module " + m + "/mod_" + mod + ".so\n"
			}
			break
		}
	}
	if mods == "" {
		t.Skip("Apache's modules were not found")
	}
	return bin, mods
}

// TestApacheAccepts runs apachectl -t on the .htaccess placed in a
// <Directory> section (what AllowOverride lets it hold); skipped without
// Apache.
func TestApacheAccepts(t *testing.T) {
	bin, mods := findApache(t)
	for name, toml := range sites {
		snippet, _ := load(t, toml).Snippet("apache")
		dir := t.TempDir()
		conf := mods + "ServerRoot " + dir + "\nServerName localhost\nListen 127.0.0.1:8080\nPidFile " + dir + "/httpd.pid\n" +
			"ErrorLog " + dir + "/error.log\nDocumentRoot " + dir + "\n<Directory " + dir + ">\n" + snippet + "</Directory>\n"
		file := filepath.Join(dir, "httpd.conf")
		if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, "-t", "-f", file)
		cmd.Env = append(os.Environ(), "APACHE_RUN_DIR="+dir, "APACHE_LOG_DIR="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: apache -t: %v\n%s", name, err, out)
		}
	}
}

// TestApacheRedirects serves a site from a folder that base_url does not
// name, with the .htaccess written for the host's root, and asks for a
// booklet's old address: the redirect keeps the folder and leads to the
// file. Skipped without Apache.
func TestApacheRedirects(t *testing.T) {
	bin, mods := findApache(t)
	snippet, _ := load(t, sites["root"]).Snippet("apache")
	dir := t.TempDir()
	site := filepath.Join(dir, "www", "deep", "site")
	if err := os.MkdirAll(filepath.Join(site, "nl", "print"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(site, ".htaccess"), []byte(snippet), 0o644)
	os.WriteFile(filepath.Join(site, "nl", "print", "gereedschapskist-ai-a5-drukklaar.pdf"), []byte("%PDF-"), 0o644)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	conf := mods + "ServerRoot " + dir + "\nServerName localhost\nListen " + addr + "\nPidFile " + dir + "/httpd.pid\n" +
		"ErrorLog " + dir + "/error.log\nTypesConfig /dev/null\nDocumentRoot " + dir + "/www\n" +
		"<Directory " + dir + "/www>\n    AllowOverride FileInfo\n    Require all granted\n</Directory>\n"
	file := filepath.Join(dir, "httpd.conf")
	if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-X", "-f", file)
	cmd.Env = append(os.Environ(), "APACHE_RUN_DIR="+dir, "APACHE_LOG_DIR="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	var res *http.Response
	for range 50 {
		if res, err = client.Get("http://" + addr + "/deep/site/nl/print/responsible-ai-toolkit-a5-imposed.pdf"); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
		t.Fatalf("%v\n%s", err, log)
	}
	res.Body.Close()
	want := "http://" + addr + "/deep/site/nl/print/gereedschapskist-ai-a5-drukklaar.pdf"
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
		t.Fatalf("%s, Location %q, want 301 to %s", res.Status, res.Header.Get("Location"), want)
	}
	if res, err = client.Get(want); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the new address: %v %v", res, err)
	}
	res.Body.Close()
}
