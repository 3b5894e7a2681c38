package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sobre"
	"sobre/build/content"
	"sobre/build/status"
)

// statusSite writes a site whose Dutch pages are in every state.
func statusSite(t *testing.T) string {
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := func(title, body string) string { return "---\ntitle: " + title + "\n---\n" + body }
	fr := map[string]string{
		"index.md": page("Accueil", "Bienvenue.\n"),
		"a.md":     page("A", "Un.\n\nDeux.\n"),
		"b.md":     page("B", "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n\n- un\n- deux\n"),
		"c.md":     page("C", "Pas traduit.\n"),
		"d.md":     page("D", "En cours de traduction.\n"),
		"e.md":     page("E", "Traduit sans relevé.\n"),
	}
	for k, v := range fr {
		write("content/fr/"+k, v)
	}
	translate := func(key string, draft bool) {
		s, probs := content.ParseSource("fr", key, "content/fr/"+key, []byte(fr[key]))
		if probs.HasErrors() {
			t.Fatal(probs)
		}
		b, err := content.Scaffold(s, "nl")
		if err != nil {
			t.Fatal(err)
		}
		out := string(b)
		if !draft {
			out = strings.Replace(out, "draft: true\n", "", 1)
		}
		write("content/nl/"+key, out)
	}
	translate("index.md", false)
	translate("a.md", false)
	translate("b.md", false)
	translate("d.md", true)
	write("content/nl/e.md", "---\ntitle: E\ntranslation:\n  from: fr\n---\nVertaald.\n")
	write("content/nl/alleen.md", page("Alleen in het Nederlands", "Tekst.\n"))
	// The source as sobre new keeps it, then changes after the
	// translation: one paragraph edited, one removed, a list item edited.
	write(".sobre/stamped/nl/b.md", "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n\n- un\n- deux\n")
	write("content/fr/b.md", page("B", "Premier paragraphe.\n\nDeuxième paragraphe, réécrit.\n\n- un\n- deux, modifié\n"))
	write("site.toml", "[languages.fr]\nname = \"Français\"\nweight = 1\n[languages.nl]\nname = \"Nederlands\"\nweight = 2\n")
	// The built-in Dutch strings, one removed and one no longer used.
	nl, err := fs.ReadFile(sobre.Defaults, "i18n/nl.toml")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(nl), "\n") {
		if !strings.HasPrefix(l, "breadcrumbs =") {
			kept = append(kept, l)
		}
	}
	write("i18n/nl.toml", "obsolete = \"Niet meer gebruikt\"\n"+strings.Join(kept, "\n"))
	return dir
}

func TestStatus(t *testing.T) {
	dir := statusSite(t)
	var stdout, stderr bytes.Buffer
	code := cmdStatus(context.Background(), []string{"-src", dir}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got := strings.ReplaceAll(stdout.String(), dir+string(filepath.Separator), "")
	golden := filepath.Join("testdata", "status.golden")
	if *update {
		os.WriteFile(golden, []byte(got), 0o644)
	}
	want, _ := os.ReadFile(golden)
	if got != string(want) {
		t.Errorf("status output differs (go test ./cmd/sobre -run TestStatus -update, then review):\n--- got\n%s--- want\n%s", got, want)
	}

	stdout.Reset()
	if code := cmdStatus(context.Background(), []string{"-src", dir, "-json", "-strict"}, &stdout, &stderr); code != 1 {
		t.Errorf("-strict exit %d, want 1 with missing and outdated pages", code)
	}
	var rep status.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	nl := rep.Languages[0]
	want2 := map[string]int{"up-to-date": 2, "outdated": 1, "missing": 1, "draft": 1, "untracked": 1, "no-source": 1}
	for k, v := range want2 {
		if nl.Counts[k] != v {
			t.Errorf("%s: %d pages, want %d (%v)", k, nl.Counts[k], v, nl.Counts)
		}
	}
	if nl.Percent < 33 || nl.Percent > 34 {
		t.Errorf("percent = %.1f, want 2 of 6 source pages", nl.Percent)
	}
	for _, p := range nl.Pages {
		if p.Key != "b.md" {
			continue
		}
		var got []string
		for _, c := range p.Changed {
			got = append(got, fmt.Sprintf("%d %q %q %q %d", c.Line, c.Text, c.Old, c.Diff, c.Translation))
		}
		want := []string{
			`6 "Deuxième paragraphe, réécrit." "Deuxième paragraphe." "Deuxième [-paragraphe.-] {+paragraphe, réécrit.+}" 12`,
			`0 "" "Troisième paragraphe." "" 14`,
			`9 "- deux, modifié" "- deux" "- [-deux-] {+deux, modifié+}" 17`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") || p.Removed != 1 {
			t.Errorf("b.md changes, removed %d:\n%s\nwant\n%s", p.Removed, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	if strings.Join(nl.Strings.Unused, ",") != "obsolete" || strings.Join(nl.Strings.Missing, ",") != "breadcrumbs" {
		t.Errorf("strings: %+v", nl.Strings)
	}
}

// TestNewAndStamp walks a translator through a page: start it, publish
// it, see it outdated when the source changes, record the update.
func TestNewAndStamp(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "fr"), 0o755)
	fr := filepath.Join(dir, "content", "fr", "a.md")
	os.WriteFile(fr, []byte("---\ntitle: A\nweight: 3\n---\nBonjour.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "fr", "index.md"), []byte("---\ntitle: Accueil\n---\nTexte.\n"), 0o644)
	var out, errb bytes.Buffer
	if code := cmdNew([]string{"-src", dir, "-lang", "nl", fr}, &out, &errb); code != 0 {
		t.Fatalf("new: %d %s", code, errb.String())
	}
	nl := filepath.Join(dir, "content", "nl", "a.md")
	data, err := os.ReadFile(nl)
	if err != nil || !strings.Contains(string(data), "draft: true") || !strings.Contains(string(data), "Bonjour.") {
		t.Fatalf("scaffold: %v\n%s", err, data)
	}
	if code := cmdNew([]string{"-src", dir, "-lang", "nl", fr}, &out, &errb); code != 1 {
		t.Error("new must refuse to overwrite a translation")
	}
	os.WriteFile(nl, []byte(strings.Replace(strings.Replace(string(data), "draft: true\n", "", 1), "Bonjour.", "Hallo.", 1)), 0o644)
	state := func() string {
		var o, e bytes.Buffer
		cmdStatus(context.Background(), []string{"-src", dir, "-json"}, &o, &e)
		var rep status.Report
		json.Unmarshal(o.Bytes(), &rep)
		for _, p := range rep.Languages[0].Pages {
			if p.Key == "a.md" {
				return p.State
			}
		}
		return "absent: " + e.String()
	}
	if s := state(); s != "up-to-date" {
		t.Fatalf("after translating: %s", s)
	}
	os.WriteFile(fr, []byte("---\ntitle: A\nweight: 3\n---\nBonjour à toutes et à tous.\n"), 0o644)
	if s := state(); s != "outdated" {
		t.Fatalf("after the source changed: %s", s)
	}
	if code := cmdStamp([]string{"-src", dir, nl}, &out, &errb); code != 0 {
		t.Fatalf("stamp: %s", errb.String())
	}
	if s := state(); s != "up-to-date" {
		t.Fatalf("after stamp: %s", s)
	}
	after, _ := os.ReadFile(nl)
	if !strings.Contains(string(after), "Hallo.") {
		t.Error("stamp changed the translation's text")
	}
	if code := cmdStamp([]string{"-src", dir, fr}, &out, &errb); code != 1 {
		t.Error("stamping a source page must be refused")
	}
}

// TestNewAndStampStayInside: new and stamp write what they read into the
// content, so they read only inside the site folder.
func TestNewAndStampStayInside(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(outside, []byte("---\ntitle: Secret\n---\nSECRET\n"), 0o644)
	for _, c := range []struct {
		name string
		link string // the symbolic link to the outside file
		cmd  func(dir string, o, e *bytes.Buffer) int
	}{
		{"new from a linked source", "content/fr/a.md", func(dir string, o, e *bytes.Buffer) int {
			return cmdNew([]string{"-src", dir, "-lang", "nl", filepath.Join(dir, "content/fr/a.md")}, o, e)
		}},
		{"stamp of a linked translation", "content/nl/index.md", func(dir string, o, e *bytes.Buffer) int {
			return cmdStamp([]string{"-src", dir, filepath.Join(dir, "content/nl/index.md")}, o, e)
		}},
		{"stamp against a linked source", "content/fr/b.md", func(dir string, o, e *bytes.Buffer) int {
			os.WriteFile(filepath.Join(dir, "content/nl/b.md"), []byte("---\ntitle: B\n---\nB.\n"), 0o644)
			return cmdStamp([]string{"-src", dir, filepath.Join(dir, "content/nl/b.md")}, o, e)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, "content", "fr"), 0o755)
			os.MkdirAll(filepath.Join(dir, "content", "nl"), 0o755)
			os.WriteFile(filepath.Join(dir, "content", "fr", "index.md"), []byte("---\ntitle: Accueil\n---\nTexte.\n"), 0o644)
			if err := os.Symlink(outside, filepath.Join(dir, filepath.FromSlash(c.link))); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			var o, e bytes.Buffer
			if code := c.cmd(dir, &o, &e); code != 1 || !strings.Contains(e.String(), "site folder") {
				t.Errorf("exit %d, stderr %q: want 1 and a message naming the site folder", code, e.String())
			}
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if b, _ := os.ReadFile(p); d.Type().IsRegular() && bytes.Contains(b, []byte("SECRET")) {
					t.Errorf("%s holds the outside file's text", p)
				}
				return nil
			})
		})
	}
}
