package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHostingCommand(t *testing.T) {
	sub := t.TempDir()
	os.WriteFile(filepath.Join(sub, "site.toml"), []byte("base_url = \"https://example.org/asbl/charte/\"\n"), 0o644)
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "site.toml"), []byte("# where\nbase_url = \"https://example.org/a;b/\"\n"), 0o644)
	badName := t.TempDir()
	os.WriteFile(filepath.Join(badName, "site.toml"), []byte("base_url = \"https://example.org/asbl/\"\n"), 0o644)
	os.Mkdir(filepath.Join(badName, "i18n"), 0o755)
	os.WriteFile(filepath.Join(badName, "i18n", "fr.toml"), []byte("site_title = \"X\"\nprint_file = \"Boîte à outils\"\n"), 0o644)
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "site.toml"), []byte("base_url = [\n"), 0o644)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // a line the output must hold
		stderr string
	}{
		{"list", []string{"-src", sub}, 0, "  netlify-redirects  ", ""},
		{"list at the root", []string{"-src", t.TempDir()}, 0, "site at / (base_url is not set", ""},
		{"apache", []string{"-src", sub, "-server", "apache"}, 0, "ErrorDocument 404 /asbl/charte/fr/404.html", ""},
		{"nginx", []string{"-src", sub, "-server", "nginx"}, 0, "location ^~ /asbl/charte/ {", ""},
		{"renamed booklets", []string{"-src", sub, "-server", "cloudflare-redirects"}, 0, "/asbl/charte/fr/print/site-a4.pdf  /asbl/charte/fr/print/boite-a-outils-ia-a4.pdf  301\n", ""},
		{"booklet name not a file name", []string{"-src", badName, "-server", "apache"}, 1, "", "i18n/fr.toml:2: print_file = \"Boîte à outils\""},
		{"unknown server", []string{"-src", sub, "-server", "iis"}, 2, "", `unknown server "iis": choose one of nginx, apache`},
		{"unsafe folder", []string{"-src", bad, "-server", "nginx"}, 1, "", "site.toml:2: base_url's path"},
		{"broken site.toml", []string{"-src", broken}, 1, "", "site.toml:"},
		{"argument", []string{"-src", sub, "nginx"}, 2, "", `unexpected argument "nginx"`},
		{"no such folder", []string{"-src", filepath.Join(sub, "absent")}, 1, "", "sobre hosting: reading the site folder:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"hosting"}, tc.args...), &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d (want %d)\n--- stdout\n%s--- stderr\n%s", code, tc.code, stdout.String(), stderr.String())
			}
			if tc.code != 0 && stdout.Len() > 0 {
				t.Errorf("a failure wrote to stdout, which may be redirected into a server's file:\n%s", stdout.String())
			}
		})
	}
}
