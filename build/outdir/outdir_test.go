package outdir

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// put writes a tree: a name ending in "/" is a folder, "->target" a link.
func put(t *testing.T, dir string, tree map[string]string) {
	t.Helper()
	for n, c := range tree {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(c, "->"); ok {
			if err := os.Symlink(target, p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snap reads a tree back in put's notation, links not followed.
func snap(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			tree[rel] = "->" + target
		case d.IsDir():
			tree[rel+"/"] = ""
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			tree[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func files(tree map[string]string) map[string][]byte {
	m := map[string][]byte{}
	for n, c := range tree {
		m[n] = []byte(c)
	}
	return m
}

// site is the tree Write makes of files: folders, files and the manifest.
func site(kept map[string]string, written map[string]string) map[string]string {
	tree := map[string]string{}
	maps.Copy(tree, kept)
	names := map[string]bool{}
	for n, c := range written {
		tree[n] = c
		names[n] = true
		for d := filepath.ToSlash(filepath.Dir(n)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
			tree[d+"/"] = ""
		}
	}
	tree[ManifestName] = string(formatManifest(names))
	return tree
}

func mustWrite(t *testing.T, out string, tree map[string]string) Stats {
	t.Helper()
	st, err := Write(out, files(tree), nil)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func sameTree(t *testing.T, got, want map[string]string) {
	t.Helper()
	for n, c := range want {
		if g, ok := got[n]; !ok {
			t.Errorf("%s is missing", n)
		} else if g != c {
			t.Errorf("%s holds %q, want %q", n, g, c)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s should not be there", n)
		}
	}
}

func TestCheck(t *testing.T) {
	base := t.TempDir()
	src := filepath.Join(base, "site")
	put(t, base, map[string]string{
		"site/content/fr/charte.md": "# Charte",
		"site/i18n/fr.toml":         "",
		"site/site.toml":            "",
		"elsewhere/":                "",
		"srclink":                   "->site",
		"outlink":                   "->elsewhere",
		"dangling":                  "->nowhere",
	})
	real, _ := filepath.EvalSymlinks(base)
	for _, c := range []struct {
		name, src, out, want string
	}{
		{"an existing file", src, filepath.Join(src, "content/fr/charte.md"), "is a file, not a folder"},
		{"inside content", src, filepath.Join(src, "content/public"), "lies inside the site's sources"},
		{"inside i18n", src, filepath.Join(src, "i18n"), "lies inside the site's sources"},
		{"the sources themselves", src, src, "holds the site's sources"},
		{"a folder holding the sources", src, base, "holds the site's sources"},
		{"sources reached through a link", filepath.Join(base, "srclink"), src, "holds the site's sources"},
		{"output through a link into content", src, filepath.Join(base, "srclink/content/x"), "lies inside the site's sources"},
		{"a link to nothing", src, filepath.Join(base, "dangling"), "symbolic link to nothing"},
		{"the default public", src, filepath.Join(src, "public"), filepath.Join(real, "site/public")},
		{"a new nested folder", src, filepath.Join(base, "a/b/c"), filepath.Join(real, "a/b/c")},
		{"a linked output", src, filepath.Join(base, "outlink"), filepath.Join(real, "elsewhere")},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Check(c.src, c.out)
			if strings.HasPrefix(c.want, "/") {
				if err != nil || got != c.want {
					t.Errorf("got %q, %v; want %q", got, err, c.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %q, %v; want an error saying %q", got, err, c.want)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(src, "content/fr/charte.md")); string(b) != "# Charte" {
		t.Error("the source file was touched")
	}
}

func TestWritesThroughLinkedOutput(t *testing.T) {
	base := t.TempDir()
	put(t, base, map[string]string{"target/": "", "out": "->target"})
	v := map[string]string{"index.html": "home"}
	mustWrite(t, filepath.Join(base, "out"), v)
	if fi, err := os.Lstat(filepath.Join(base, "out")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link -out was replaced: %v", err)
	}
	sameTree(t, snap(t, filepath.Join(base, "target")), site(nil, v))
}

func TestRefusesForeignFolder(t *testing.T) {
	for _, c := range []struct {
		name string
		tree map[string]string
		want string
	}{
		{"a web root", map[string]string{".git/config": "x", "CNAME": "ex.org", ".htaccess": "Deny", ".well-known/security.txt": "x", "blog/post.html": "p", "index.html": "old"},
			"holds files sobre did not write (blog/, index.html) and no .sobre-manifest"},
		{"many files", map[string]string{"a": "", "b": "", "c": "", "d/": "", "e": "", "f": ""}, "(a, b, c, d/, e, …)"},
		{"a manifest folder", map[string]string{".sobre-manifest/": ""}, "is not a regular file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			put(t, out, c.tree)
			before := snap(t, out)
			_, err := Write(out, files(map[string]string{"index.html": "new"}), nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
			sameTree(t, snap(t, out), before)
		})
	}
}

func TestKeepsHostFiles(t *testing.T) {
	out := t.TempDir()
	host := map[string]string{".git/": "", ".git/HEAD": "ref", "CNAME": "ex.org", ".well-known/": "", ".well-known/security.txt": "x", "_headers": "/*"}
	put(t, out, host)
	v1 := map[string]string{"index.html": "1", "fr/a.html": "a", "fr/b.html": "b"}
	mustWrite(t, out, v1)
	sameTree(t, snap(t, out), site(host, v1))
	// Files the host adds later stay, even in sobre's folders.
	later := map[string]string{"notes.txt": "mine", "fr/": "", "fr/extra/": "", "fr/extra/x.pdf": "pdf", "fr/todo.txt": "todo"}
	put(t, out, later)
	maps.Copy(host, later)
	v2 := map[string]string{"index.html": "2"}
	st := mustWrite(t, out, v2)
	sameTree(t, snap(t, out), site(host, v2))
	if st != (Stats{Written: 1, Removed: 2}) {
		t.Errorf("stats %+v", st)
	}
	mustWrite(t, out, v1)
	sameTree(t, snap(t, out), site(host, v1))
}

func TestRefusesNamesItDoesNotOwn(t *testing.T) {
	for _, c := range []struct {
		name string
		host map[string]string
		v2   map[string]string
		want string
	}{
		{"a host's file", map[string]string{"robots.txt": "mine"}, map[string]string{"index.html": "2", "robots.txt": "sobre's"},
			"robots.txt is not sobre's: move it away, sobre will not overwrite it"},
		{"a folder where a file goes", map[string]string{"fr/b.html/": ""}, map[string]string{"fr/b.html": "b"}, "is not sobre's"},
		{"a file where a folder goes", map[string]string{"en": "x"}, map[string]string{"en/a.html": "a"}, "is a file where this build needs a folder"},
		{"a link where a folder goes", map[string]string{"en": "->fr"}, map[string]string{"en/a.html": "a"}, "is a symbolic link"},
		{"a name climbing out", nil, map[string]string{"../x": "x"}, "climbs out of the folder"},
		{"a host's name", nil, map[string]string{"fr/.htaccess": "x"}, "is a host's file"},
		{"a reserved name", nil, map[string]string{".sobre-manifest": "x"}, "reserved for sobre"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			mustWrite(t, out, map[string]string{"index.html": "1", "fr/a.html": "a"})
			put(t, out, c.host)
			before := snap(t, out)
			_, err := Write(out, files(c.v2), nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
			sameTree(t, snap(t, out), before)
		})
	}
}

func TestRefusesForgedManifest(t *testing.T) {
	for _, line := range []string{"../x", ".git/config", "/etc/passwd", `a\b`, "./a", "a//b", ".sobre-staging-1/0", "fr/.htaccess", "a/../../x"} {
		t.Run(line, func(t *testing.T) {
			base := t.TempDir()
			out := filepath.Join(base, "out")
			put(t, base, map[string]string{"x": "precious", "out/.git/config": "git", "out/.htaccess": "h"})
			put(t, out, map[string]string{ManifestName: manifestHeader + "\n" + line + "\n"})
			before := snap(t, base)
			_, err := Write(out, files(map[string]string{"index.html": "1"}), nil)
			if err == nil || !strings.Contains(err.Error(), ManifestName+":2: ") {
				t.Errorf("got %v, want a refusal at line 2", err)
			}
			sameTree(t, snap(t, base), before)
		})
	}
}

// TestLinksInsideNeverFollowed: a link planted inside the output, in place
// of a folder or a file sobre wrote, leads no write or delete elsewhere.
func TestLinksInsideNeverFollowed(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	elsewhere := map[string]string{"elsewhere/": "", "elsewhere/index.html": "theirs", "elsewhere/a.html": "theirs", "secret": "s"}
	v1 := map[string]string{"index.html": "1", "fr/index.html": "fr", "fr/a.html": "a", "b.html": "b"}
	mustWrite(t, out, v1)
	put(t, base, elsewhere)
	os.RemoveAll(filepath.Join(out, "fr"))
	os.Remove(filepath.Join(out, "b.html"))
	put(t, out, map[string]string{"fr": "->../elsewhere", "b.html": "->../secret"})
	if _, err := Write(out, files(v1), nil); err == nil || !strings.Contains(err.Error(), "fr is a symbolic link") {
		t.Errorf("writing through out/fr: got %v", err)
	}
	// Without fr/ and b.html: their deletion must not follow the links.
	v2 := map[string]string{"index.html": "2"}
	mustWrite(t, out, v2)
	got := snap(t, base)
	for n, c := range elsewhere {
		if got[n] != c {
			t.Errorf("%s was touched: %q", n, got[n])
		}
	}
	if _, err := os.Lstat(filepath.Join(out, "b.html")); err == nil {
		t.Error("the link b.html sobre's name held should be gone")
	}
}

func TestRemovesDeletedPages(t *testing.T) {
	out := t.TempDir()
	mustWrite(t, out, map[string]string{"index.html": "1", "a/b/c.html": "c", "a/d.html": "d", "x/y.css": "y"})
	v2 := map[string]string{"index.html": "1", "x/z.css": "z"}
	st := mustWrite(t, out, v2)
	sameTree(t, snap(t, out), site(nil, v2))
	if st != (Stats{Written: 1, Unchanged: 1, Removed: 3}) {
		t.Errorf("stats %+v", st)
	}
}

func TestUnchangedKeepTheirTime(t *testing.T) {
	out := t.TempDir()
	v1 := map[string]string{"index.html": "1", "a.css": "a", "b.css": "b"}
	mustWrite(t, out, v1)
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := range v1 {
		os.Chtimes(filepath.Join(out, n), old, old)
	}
	v2 := map[string]string{"index.html": "2", "a.css": "a", "b.css": "B"}
	var written []string
	st, err := Write(out, files(v2), func(n string) { written = append(written, n) })
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{Written: 2, Unchanged: 1}) || strings.Join(written, " ") != "b.css index.html" {
		t.Errorf("stats %+v, written %v", st, written)
	}
	for n, want := range map[string]bool{"a.css": true, "b.css": false, "index.html": false} {
		fi, _ := os.Stat(filepath.Join(out, n))
		if fi.ModTime().Equal(old) != want {
			t.Errorf("%s: mtime %v, kept should be %v", n, fi.ModTime(), want)
		}
	}
	sameTree(t, snap(t, out), site(nil, v2))
}

func TestCleansLeftovers(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "public")
	put(t, base, map[string]string{
		"public/.sobre-staging-0123/0": "half",
		".public.new-42/index.html":    "old swap",
		"public.old-4242/index.html":   "old swap",
		"public.old-x/index.html":      "not ours",
		".public.new-7/notes.txt":      "not ours",
	})
	v := map[string]string{"index.html": "1"}
	mustWrite(t, out, v)
	got := snap(t, base)
	for _, n := range []string{"public/.sobre-staging-0123/", ".public.new-42/", "public.old-4242/"} {
		if _, ok := got[n]; ok {
			t.Errorf("%s was left", n)
		}
	}
	for _, n := range []string{"public.old-x/index.html", ".public.new-7/notes.txt"} {
		if _, ok := got[n]; !ok {
			t.Errorf("%s was removed", n)
		}
	}
	sameTree(t, snap(t, out), site(nil, v))
}

func TestLockRefusesSecondBuild(t *testing.T) {
	out := t.TempDir()
	root, err := os.OpenRoot(out)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	release, held, err := lock(root)
	if err != nil || held {
		t.Fatal(held, err)
	}
	_, err = Write(out, files(map[string]string{"index.html": "1"}), nil)
	if err == nil || !strings.Contains(err.Error(), "another sobre build is writing to "+out+": wait for it to finish") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
		t.Error("the refused build wrote")
	}
	release()
	mustWrite(t, out, map[string]string{"index.html": "1"})
}

func FuzzManifest(f *testing.F) {
	f.Add([]byte(manifestHeader + "\nfr/index.html\nassets/a.css\n"))
	f.Add([]byte("../x\r\n.git/config\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		names, err := parseManifest(b, "m")
		if err != nil {
			return
		}
		again, err := parseManifest(formatManifest(names), "m")
		if err != nil || !maps.Equal(names, again) {
			t.Errorf("round trip: %v %v %v", names, again, err)
		}
	})
}

func TestCheckRefusesForeignFirst(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	put(t, out, map[string]string{"CNAME": "ex.org", "blog/post.html": "p"})
	if _, err := Check(src, out); err == nil || !strings.Contains(err.Error(), "(blog/) and no .sobre-manifest") {
		t.Errorf("got %v", err)
	}
	mustWrite(t, filepath.Join(out, "blog/site"), map[string]string{"index.html": "1"})
	if _, err := Check(src, filepath.Join(out, "blog/site")); err != nil {
		t.Errorf("a folder sobre wrote: %v", err)
	}
}
