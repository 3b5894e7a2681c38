package build_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"sobre/internal/testpng"
)

const secret = "SECRET-FROM-OUTSIDE-THE-SITE"

// TestLinksOutOfTheSiteRefused points every kind of site file at a file
// outside the site folder: each build fails, naming the link (or the line
// that uses it) and what to do, and writes nothing.
func TestLinksOutOfTheSiteRefused(t *testing.T) {
	outside := t.TempDir()
	for name, data := range map[string]string{
		"passwd":      secret,
		"page.md":     "---\ntitle: " + secret + "\n---\n" + secret + "\n",
		"style.css":   "body{color:#000}/*" + secret + "*/",
		"nl.toml":     "site_title = \"" + secret + "\"\n",
		"site.toml":   "[organisation]\nname = \"" + secret + "\"\n",
		"dir/a.txt":   secret,
		"picture.svg": `<svg xmlns="http://www.w3.org/2000/svg"><title>` + secret + `</title></svg>`,
	} {
		p := filepath.Join(outside, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	index := "---\ntitle: Accueil\n---\nBonjour.\n\nLes [notes](notes.txt).\n"
	for _, c := range []struct {
		name, link, target string
		relative           bool // the link is written relative to its folder
		want               string
	}{
		{"a page's file, used on a line", "content/fr/notes.txt", "passwd", false, "content/fr/index.md:6: content/fr/notes.txt is a symbolic link to "},
		{"a relative link, used by no page", "content/fr/img/x.svg", "picture.svg", true, "content/fr/img/x.svg: a symbolic link to ../../../../"},
		{"a page", "content/nl/page.md", "page.md", false, "content/nl/page.md: a symbolic link to "},
		{"a folder", "content/fr/dir", "dir", false, "content/fr/dir: a symbolic link to "},
		{"the theme's stylesheet", "themes/default/assets/style.css", "style.css", false, "themes/default/assets/style.css is a symbolic link to "},
		{"interface strings", "i18n/nl.toml", "nl.toml", false, "i18n/nl.toml is a symbolic link to "},
		{"the configuration", "site.toml", "site.toml", false, "site.toml is a symbolic link to "},
		{"a folder above the file", "themes", ".", false, "themes is a symbolic link to "},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := writeTree(t, map[string]string{"content/fr/index.md": index, "content/fr/notes.txt": "notes"})
			link := filepath.Join(src, filepath.FromSlash(c.link))
			os.MkdirAll(filepath.Dir(link), 0o755)
			os.Remove(link)
			target := filepath.Join(outside, c.target)
			if c.relative {
				target, _ = filepath.Rel(filepath.Dir(link), target)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			out := filepath.Join(t.TempDir(), "public")
			_, err := doBuild(t, src, out)
			if err == nil {
				t.Fatalf("the build succeeded; it published %v", leaks(t, out))
			}
			if msg := err.Error(); !strings.Contains(msg, c.want) || !strings.Contains(msg, "site folder") || strings.Contains(msg, secret) {
				t.Errorf("error %q, want one naming %q and the site folder", msg, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a failed build wrote %s", out)
			}
		})
	}
}

// TestLinksInsideTheSiteWork keeps a relative link inside the folder
// working, and checks that no output (pages, files, zips, e-books, the
// service worker's list) carries anything from outside.
func TestLinksInsideTheSiteWork(t *testing.T) {
	src := writeTree(t, map[string]string{
		"site.toml":             "[outputs]\nbooklets = false\n",
		"content/fr/index.md":   "---\ntitle: Accueil\n---\nLes [notes](notes.txt).\n",
		"content/fr/shared.txt": "partagé",
	})
	if err := os.Symlink("shared.txt", filepath.Join(src, "content/fr/notes.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, src, out); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	if string(files["fr/notes.txt"]) != "partagé" || string(files["en/notes.txt"]) != "partagé" {
		t.Errorf("the linked file is not published: %q", files["fr/notes.txt"])
	}
	if l := leaks(t, out); len(l) > 0 {
		t.Errorf("files from outside the site in %v", l)
	}
}

// leaks lists the output files, and the entries of its zips and e-books,
// that hold the secret.
func leaks(t *testing.T, out string) []string {
	t.Helper()
	if _, err := os.Stat(out); err != nil {
		return nil
	}
	var found []string
	for name, data := range readTree(t, out) {
		if bytes.Contains(data, []byte(secret)) {
			found = append(found, name)
		}
		if !strings.HasSuffix(name, ".zip") && !strings.HasSuffix(name, ".epub") {
			continue
		}
		z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range z.File {
			r, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(r)
			r.Close()
			if bytes.Contains(b.Bytes(), []byte(secret)) {
				found = append(found, name+":"+f.Name)
			}
		}
	}
	return found
}

// TestHugeInputsRefusedCheaply builds sites with a file that used to
// exhaust memory: each build fails on the file's budget, and allocates a
// small part of what reading or decoding it would (the target is under
// 1 GB of peak memory; these builds stay under a tenth of it).
func TestHugeInputsRefusedCheaply(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		name, file string
		size       int64  // a sparse file of that size, when not 0
		data       []byte // or these bytes
		toml       string
		want       string
	}{
		{name: "30000 × 30000 PNG", file: "content/fr/img/huge.png", data: testpng.Of(30000, 30000, 4), toml: "[budgets]\nimage = 0\n",
			want: "content/fr/img/huge.png: image of 30000 × 30000 pixels (900.0 megapixels), over the budget of 16.0 megapixels (budgets.image_pixels)"},
		{name: "50 MB image", file: "content/fr/img/photo.jpg", size: 50 * mb,
			want: "content/fr/img/photo.jpg: image of 50.0 MB, over the budget of 100.0 KB (budgets.image)"},
		{name: "50 MB document", file: "content/fr/guide.pdf", size: 50 * mb,
			want: "content/fr/guide.pdf: file of 50.0 MB, over the budget of 5.0 MB (budgets.file)"},
		{name: "5 MB page", file: "content/fr/long.md", size: 5 * mb,
			want: "content/fr/long.md: page of 5.0 MB, over the limit of 256.0 KB (budgets.markdown)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := writeTree(t, map[string]string{
				"site.toml":           c.toml,
				"content/fr/index.md": "---\ntitle: Accueil\n---\n![Une image](img/huge.png)\n",
			})
			p := filepath.Join(src, filepath.FromSlash(c.file))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			if c.size > 0 {
				if err := os.Truncate(p, c.size); err != nil {
					t.Fatal(err)
				}
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := doBuild(t, src, filepath.Join(t.TempDir(), "public"))
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100*mb {
				t.Errorf("the build allocated %d MB to refuse the file", alloc/mb)
			}
		})
	}
}
