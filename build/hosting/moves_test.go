package hosting_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sobre"
	"sobre/build"
	"sobre/build/hosting"
)

// TestMovesLeadToBooklets builds the repository's site with its
// booklets and checks that every snippet that redirects sends each
// booklet's old address (responsible-ai-toolkit-<edition>.pdf, in every
// language) to a file the build wrote.
func TestMovesLeadToBooklets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every booklet")
	}
	src := t.TempDir()
	if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	conf, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	toml := strings.Replace(string(conf), `base_url = ""`, `base_url = "https://example.org`+folder+`"`, 1)
	toml = strings.Replace(toml, "bundles = true", "bundles = false", 1)
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
	site, p := hosting.New(pr.Config, []byte(toml))
	if site == nil {
		t.Fatal(p)
	}
	if site.Moves, p = build.Moves(pr.Src, sobre.Defaults, pr.Config); len(p) > 0 {
		t.Fatal(p)
	}
	var old []string
	for _, lang := range pr.Config.Codes() {
		for _, e := range []string{"a4", "a5", "a5-imposed", "large-print"} {
			old = append(old, folder+lang+"/print/responsible-ai-toolkit-"+e+".pdf")
		}
	}
	for _, c := range []struct {
		server string
		rule   *regexp.Regexp // the old address's pattern, the new one's
	}{
		{"apache", regexp.MustCompile(`(?m)^\s*RedirectMatch 301 (\S+) (\S+)$`)},
		{"nginx", regexp.MustCompile(`(?m)^\s*rewrite (\S+) (\S+) permanent;$`)},
		{"netlify-redirects", regexp.MustCompile(`(?m)^(\S+\.pdf)  (\S+)  301$`)},
		{"cloudflare-redirects", regexp.MustCompile(`(?m)^(\S+\.pdf)  (\S+)  301$`)},
	} {
		snippet, err := site.Snippet(c.server)
		if err != nil {
			t.Fatal(err)
		}
		rules := c.rule.FindAllStringSubmatch(snippet, -1)
		for _, o := range old {
			to := ""
			for _, r := range rules {
				if strings.HasPrefix(r[1], "^") { // a regular expression
					re := regexp.MustCompile(r[1])
					if m := re.FindStringSubmatchIndex(o); m != nil {
						to = string(re.ExpandString(nil, strings.ReplaceAll(r[2], "$1", "${1}"), o, m))
						break
					}
				} else if r[1] == o {
					to = r[2]
					break
				}
			}
			rel, ok := strings.CutPrefix(to, folder)
			switch {
			case to == "":
				t.Errorf("%s: no rule for %s", c.server, o)
			case !ok || out.Files[rel] == nil || !strings.HasPrefix(string(out.Files[rel]), "%PDF-"):
				t.Errorf("%s: %s leads to %s, which the build did not write", c.server, o, to)
			}
		}
		if len(rules) != len(old) {
			t.Errorf("%s: %d rules, want %d", c.server, len(rules), len(old))
		}
	}
	// A site with no booklets has nothing to redirect.
	cfg := *pr.Config
	cfg.Outputs.Booklets = false
	if moves, _ := build.Moves(pr.Src, sobre.Defaults, &cfg); moves != nil {
		t.Errorf("moves without booklets: %v", moves)
	}
}
