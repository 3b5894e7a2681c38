package build_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
	"sobre/build/diag"
)

// TestPreviewMatchesFullBuild edits a site step by step and checks after
// each step that the preview's files equal a full build's, byte for byte
// (pages, search indexes, bundles, service worker), and that it reports
// the same problems: errors appear and clear as in a full build.
func TestPreviewMatchesFullBuild(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Write(src, 6, 1); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	opts := build.Options{Src: src, Defaults: sobre.Defaults, LiveReload: "/__sobre/reload.js"}
	p, err := build.NewPreview(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, ctx, p, opts, "start", false)

	file := func(name string) string { return filepath.Join(src, "content", filepath.FromSlash(name)) }
	read := func(name string) string {
		b, err := os.ReadFile(file(name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write := func(name, s string) {
		if err := os.WriteFile(file(name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	replace := func(name, old, new string) {
		s := read(name)
		if !strings.Contains(s, old) {
			t.Fatalf("%s lacks %q", name, old)
		}
		write(name, strings.Replace(s, old, new, 1))
	}
	steps := []struct {
		name    string
		edit    func()
		files   []string
		full    bool // the whole site is loaded again
		failing bool
	}{
		{"body text", func() { write("fr/modules/page-0001.md", read("fr/modules/page-0001.md")+"\nUne phrase de plus.\n") },
			[]string{"fr/modules/page-0001.md"}, false, false},
		{"translation body", func() { write("nl/modules/page-0002.md", read("nl/modules/page-0002.md")+"\nNog een zin.\n") },
			[]string{"nl/modules/page-0002.md"}, false, false},
		{"unchanged save", func() {}, []string{"fr/modules/page-0001.md"}, false, false},
		{"title", func() { replace("fr/modules/page-0002.md", `title: "Fiche 2`, `title: "Fiche deux`) },
			[]string{"fr/modules/page-0002.md"}, true, false},
		{"heading id linked from another page", func() { replace("fr/modules/page-0003.md", "{#part-1}", "{#part-one}") },
			[]string{"fr/modules/page-0003.md"}, false, true},
		{"heading id back", func() { replace("fr/modules/page-0003.md", "{#part-one}", "{#part-1}") },
			[]string{"fr/modules/page-0003.md"}, false, false},
		{"new page", func() { write("fr/modules/page-0009.md", "---\ntitle: Nouvelle fiche\n---\n\nUn texte neuf.\n") },
			[]string{"fr/modules/page-0009.md"}, true, false},
		{"deleted page", func() { os.Remove(file("fr/modules/page-0009.md")) },
			[]string{"fr/modules/page-0009.md"}, true, false},
		{"broken link", func() {
			write("fr/modules/page-0004.md", read("fr/modules/page-0004.md")+"\nVoir [rien](nulle-part.md).\n")
		},
			[]string{"fr/modules/page-0004.md"}, false, true},
		{"broken link fixed", func() { replace("fr/modules/page-0004.md", "(nulle-part.md)", "(page-0001.md)") },
			[]string{"fr/modules/page-0004.md"}, false, false},
		{"editor swap file", func() {}, []string{"fr/modules/.page-0004.md.swp", "fr/modules/4913"}, false, false},
	}
	for _, s := range steps {
		s.edit()
		var changed []string
		for _, f := range s.files {
			changed = append(changed, "content/"+f)
		}
		ch, err := p.Update(ctx, changed)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if ch.Full != s.full {
			t.Errorf("%s: full reload %v, want %v", s.name, ch.Full, s.full)
		}
		compare(t, ctx, p, opts, s.name, s.failing)
	}
}

// compare checks the preview against a full build of the same sources.
func compare(t *testing.T, ctx context.Context, p *build.Preview, opts build.Options, step string, failing bool) {
	t.Helper()
	var want map[string][]byte
	var wantProblems diag.List
	pr, err := build.Load(ctx, opts)
	if err == nil {
		out, rerr := pr.Render(ctx)
		err = rerr
		if out != nil {
			want = out.Files
		}
	}
	if pr != nil {
		wantProblems = pr.Problems
	}
	if (err != nil) != failing {
		t.Fatalf("%s: full build error %v, want failing=%v", step, err, failing)
	}
	if got, w := strs(p.Problems()), strs(wantProblems); !slices.Equal(got, w) {
		t.Errorf("%s: problems differ\npreview:\n%s\nfull build:\n%s", step, strings.Join(got, "\n"), strings.Join(w, "\n"))
	}
	if (p.Err() != nil) != failing {
		t.Errorf("%s: preview error %v, want failing=%v", step, p.Err(), failing)
	}
	if failing {
		return
	}
	got, err := p.Output(ctx)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	for name, b := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: preview lacks %s", step, name)
		} else if string(g) != string(b) {
			t.Errorf("%s: %s differs from a full build's\npreview: %.300s\nfull:    %.300s", step, name, diffAt(g, b), diffAt(b, g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: preview has %s, a full build does not", step, name)
		}
	}
}

func strs(l diag.List) []string {
	var out []string
	for _, p := range l {
		out = append(out, p.String())
	}
	return out
}

// diffAt shows a from a little before where it starts to differ from b.
func diffAt(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return string(a[max(0, i-80):])
}

// TestPreviewGeneratedBlocks edits the repository's own charter and
// glossary, which the self-assessment and the A–Z index are built from.
func TestPreviewGeneratedBlocks(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the repository's site several times")
	}
	src := t.TempDir()
	for _, d := range []string{"content", "i18n", "themes"} {
		if err := os.CopyFS(filepath.Join(src, d), os.DirFS(filepath.Join("..", d))); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join("..", "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "site.toml"), cfg, 0o644)
	ctx := context.Background()
	opts := build.Options{Src: src, Defaults: sobre.Defaults, LiveReload: "/__sobre/reload.js"}
	p, err := build.NewPreview(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		f := filepath.Join(src, "content", "fr", name)
		b, err := os.ReadFile(f)
		if err != nil || !strings.Contains(string(b), old) {
			t.Fatalf("%s lacks %q (%v)", name, old, err)
		}
		os.WriteFile(f, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
		ch, err := p.Update(ctx, []string{"content/fr/" + name})
		if err != nil || ch.Full {
			t.Fatalf("%s: %+v %v", name, ch, err)
		}
		compare(t, ctx, p, opts, name, false)
	}
	edit("glossaire.md", "## IA générative {#ia-generative}", "## Zèbre numérique {#zebre}\n\nUn terme neuf pour l’index.\n\n## IA générative {#ia-generative}")
	edit("charte.md", "\n- ", "\n- Nous relisons chaque texte avant de le publier.\n- ")
}
