package xliff

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sobre/build/content"
)

// copySite copies what a site is made of (not its outputs) into a
// temporary folder.
func copySite(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"site.toml", "content", "i18n", ".sobre"} {
		src := filepath.Join(from, p)
		err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, path)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot is every file of a folder.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			out[path] = string(data)
		}
		return err
	})
	return out
}

func export(t testing.TB, dir, lang string) *Doc {
	t.Helper()
	s, g := repo(t, dir)
	doc, err := Export(s, os.DirFS(dir), lang, g)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// apply imports a document into dir and writes what the import returns.
func apply(t *testing.T, dir string, doc *Doc) *Result {
	t.Helper()
	var b strings.Builder
	doc.Write(&b)
	s, _ := repo(t, dir)
	res, err := Import(s, os.DirFS(dir), "t.xlf", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Files {
		p := filepath.Join(dir, filepath.FromSlash(w.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, w.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return res
}

// TestRoundTripUnchanged: the repository's own translations exported and
// imported untouched leave every byte as it was.
func TestRoundTripUnchanged(t *testing.T) {
	dir := copySite(t, "../..")
	before := snapshot(t, dir)
	for _, lang := range []string{"nl", "en"} {
		if res := apply(t, dir, export(t, dir, lang)); len(res.Files) > 0 {
			t.Errorf("%s: an untouched file wrote %d files: %v", lang, len(res.Files), res.Log)
		}
	}
	after := snapshot(t, dir)
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
	if len(after) != len(before) {
		t.Errorf("%d files, want %d", len(after), len(before))
	}
}

// unitOf finds a unit of a page's file.
func unitOf(t *testing.T, doc *Doc, original, id string) *Unit {
	t.Helper()
	for i := range doc.Files {
		if doc.Files[i].Original != original {
			continue
		}
		for j := range doc.Files[i].Units {
			if u := &doc.Files[i].Units[j]; u.ID == id {
				return u
			}
		}
	}
	t.Fatalf("no unit %s in %s", id, original)
	return nil
}

// TestRoundTripTranslate translates a paragraph, a list item, a table
// cell, a title and a string, imports, and imports again.
func TestRoundTripTranslate(t *testing.T) {
	dir := copySite(t, "../..")
	doc := export(t, dir, "nl")
	edits := map[[2]string]string{}
	for _, f := range doc.Files {
		if f.Original != "content/nl/charte.md" && f.Original != "content/nl/guide-animation.md" {
			continue
		}
		for _, u := range f.Units {
			if u.ID == "title" || u.ID == "u1" || u.ID == "u2" || u.ID == "u8" || strings.HasSuffix(u.ID, ".c2") && edits[[2]string{f.Original, "cell"}] == "" {
				edits[[2]string{f.Original, u.ID}] = ""
				if strings.HasSuffix(u.ID, ".c2") {
					edits[[2]string{f.Original, "cell"}] = u.ID
				}
			}
		}
	}
	for k := range edits {
		if k[1] == "cell" {
			continue
		}
		u := unitOf(t, doc, k[0], k[1])
		u.Target = append([]piece{{Text: "Herzien: "}}, u.Target...)
		u.State = stateTranslated
	}
	s := unitOf(t, doc, "i18n/nl.toml", "s.menu")
	s.Target = []piece{{Text: "Menu (herzien)"}}
	res := apply(t, dir, doc)
	if len(res.Files) == 0 {
		t.Fatal("nothing written")
	}
	t.Log(strings.Join(res.Log, "\n"))
	charter, _ := os.ReadFile(filepath.Join(dir, "content/nl/charte.md"))
	for _, want := range []string{"title: \"Herzien: Charter voor verantwoord gebruik van artificiële intelligentie\"", "## Herzien: Preambule {#preambule}"} {
		if !bytes.Contains(charter, []byte(want)) {
			t.Errorf("charte.md lacks %q", want)
		}
	}
	strs, _ := os.ReadFile(filepath.Join(dir, "i18n/nl.toml"))
	if !bytes.Contains(strs, []byte(`menu = "Menu (herzien)"`)) {
		t.Errorf("nl.toml lacks the new menu string")
	}
	// The pages stay up to date, and a second import changes nothing.
	site, _ := repo(t, dir)
	for _, key := range []string{"charte.md", "guide-animation.md"} {
		if st := site.StateOf(site.ByKey["nl"][key]); st != content.UpToDate {
			t.Errorf("%s: %s after the import", key, st)
		}
	}
	before := snapshot(t, dir)
	if res := apply(t, dir, doc); len(res.Files) > 0 {
		t.Errorf("a second import wrote %v", res.Log)
	}
	after := snapshot(t, dir)
	for p, data := range before {
		if after[p] != data {
			t.Errorf("second import changed %s", p)
		}
	}
}
