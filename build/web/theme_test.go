package web_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build/web"
)

// withFile is the embedded defaults with one file replaced or added.
func withFile(t *testing.T, name, data string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(sobre.Defaults, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sobre.Defaults, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m[name] = &fstest.MapFile{Data: []byte(data)}
	return m
}

// TestThemeStrings: the default theme's layouts name their strings, all of
// them found; a layout that computes an id fails the theme at its line.
func TestThemeStrings(t *testing.T) {
	theme, problems := web.LoadTheme(sobre.Defaults, nil)
	if theme == nil || len(problems) > 0 {
		t.Fatalf("default theme: %v", problems)
	}
	ids := theme.StringIDs()
	for _, id := range []string{"skip_to_content", "search_label", "updated", "footer_privacy", "dl_pdf", "blank.organisation"} {
		if !ids[id] {
			t.Errorf("StringIDs lacks %q", id)
		}
	}
	bad := withFile(t, web.ThemeDir+"/layouts/extra.html", "{{define \"extra\"}}\n<p>{{t .Label}}</p>{{end}}\n")
	theme, problems = web.LoadTheme(bad, nil)
	want := web.ThemeDir + "/layouts/extra.html:2: {{t .Label}}: the string id is computed"
	if theme != nil || len(problems) != 1 || !strings.HasPrefix(problems[0].String(), want) {
		t.Errorf("theme %v, problems %v; want %q", theme != nil, problems, want)
	}
}
