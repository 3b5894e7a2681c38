package content

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sobre/build/config"
	"sobre/internal/testpng"
)

func TestInputs(t *testing.T) {
	link := func(target string) *fstest.MapFile {
		return &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte(target)}
	}
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	index := "---\ntitle: Accueil\n---\nIntro\n\nVoir [les notes](notes.txt) et ![un plan](img/plan.png).\n"
	for _, c := range []struct {
		name    string
		files   fstest.MapFS
		budgets func(*config.Budgets)
		want    []string // "file:line: text" prefixes of the problems, in order
		statics []string // statics of fr when the site loads
	}{
		{name: "link out of the folder, used by a page",
			files: fstest.MapFS{"content/fr/index.md": file(index), "content/fr/notes.txt": link("/etc/passwd")},
			want:  []string{"content/fr/index.md:6: content/fr/notes.txt is a symbolic link to /etc/passwd, an absolute path"}},
		{name: "relative link out, used by no page",
			files: fstest.MapFS{"content/fr/index.md": file("---\ntitle: A\n---\n"), "content/fr/secret.txt": link("../../../home/x/.ssh/id_rsa")},
			want:  []string{"content/fr/secret.txt: a symbolic link to ../../../home/x/.ssh/id_rsa, outside the site folder: copy the file into the site folder"}},
		{name: "link inside the folder works",
			files:   fstest.MapFS{"content/fr/index.md": file(index), "content/fr/notes.txt": link("../shared.txt"), "content/shared.txt": file("shared")},
			want:    []string{"content/shared.txt: file outside a language folder"},
			statics: nil},
		{name: "link inside a language folder works",
			files:   fstest.MapFS{"content/fr/index.md": file(index), "content/fr/notes.txt": link("vrai.txt"), "content/fr/vrai.txt": file("x")},
			statics: []string{"notes.txt", "vrai.txt"}},
		{name: "raw pages and scripts",
			files: fstest.MapFS{"content/fr/index.md": file(index), "content/fr/old.HTML": file("<p>"), "content/fr/a.xhtml": file("<p/>"), "content/fr/x.js": file("1"), "content/fr/d.svgz": file("")},
			want: []string{
				"content/fr/a.xhtml: a raw XHTML page is not published",
				"content/fr/d.svgz: a compressed SVG is not published",
				"content/fr/old.HTML: a raw HTML page is not published: it could run scripts in the site's name and escapes its checks; write the page as Markdown (content/fr/old.md)",
				"content/fr/x.js: a script is not published",
			}},
		{name: "budgets before reading",
			files:   fstest.MapFS{"content/fr/index.md": file(index + strings.Repeat("x", 300)), "content/fr/img/plan.png": file(strings.Repeat("x", 200)), "content/fr/guide.pdf": file(strings.Repeat("x", 500))},
			budgets: func(b *config.Budgets) { b.Markdown, b.Image, b.File = 300, 100, 400 },
			want: []string{
				"content/fr/guide.pdf: file of 500 bytes, over the budget of 400 bytes (budgets.file)",
				"content/fr/img/plan.png: image of 200 bytes, over the budget of 100 bytes (budgets.image)",
				"content/fr/index.md: page of 387 bytes, over the limit of 300 bytes (budgets.markdown): split it",
			}},
		{name: "zero turns the byte budgets off",
			files:   fstest.MapFS{"content/fr/index.md": file(index), "content/fr/img/plan.png": file(strings.Repeat("x", 200)), "content/fr/guide.pdf": file(strings.Repeat("x", 500))},
			budgets: func(b *config.Budgets) { b.Image, b.File = 0, 0 },
			statics: []string{"guide.pdf", "img/plan.png"}},
		{name: "pixels from the header",
			files: fstest.MapFS{"content/fr/index.md": file(index), "content/fr/img/plan.png": file(string(testpng.Of(30000, 30000, 0))), "content/fr/img/ok.png": file(string(testpng.Of(1200, 800, 0)))},
			want:  []string{"content/fr/img/plan.png: image of 30000 × 30000 pixels (900.0 megapixels), over the budget of 16.0 megapixels (budgets.image_pixels)"}},
		{name: "svg sanitised with a warning",
			files:   fstest.MapFS{"content/fr/index.md": file(index), "content/fr/img/a.svg": file(`<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>`)},
			want:    []string{"content/fr/img/a.svg: warning: published without <script>"},
			statics: []string{"img/a.svg"}},
		{name: "broken svg refused",
			files: fstest.MapFS{"content/fr/index.md": file(index), "content/fr/img/a.svg": file(`<svg xmlns="http://www.w3.org/2000/svg"><g></svg>`)},
			want:  []string{"content/fr/img/a.svg: not a well-formed SVG file"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := config.Default()
			if c.budgets != nil {
				c.budgets(&cfg.Budgets)
			}
			site, probs := Load(c.files, cfg)
			if len(probs) != len(c.want) {
				t.Fatalf("problems:\n%v\nwant %d:\n%s", probs, len(c.want), strings.Join(c.want, "\n"))
			}
			for i, p := range probs {
				if !strings.HasPrefix(p.String(), c.want[i]) {
					t.Errorf("problem %d:\n got %s\nwant %s…", i, p, c.want[i])
				}
			}
			if c.statics == nil {
				return
			}
			if site == nil {
				t.Fatal("no site")
			}
			var got []string
			for _, s := range site.Statics["fr"] {
				got = append(got, s.Key)
				if s.Key == "img/a.svg" && bytes.Contains(s.Data, []byte("script")) {
					t.Errorf("the SVG keeps its script: %s", s.Data)
				}
			}
			if strings.Join(got, " ") != strings.Join(c.statics, " ") {
				t.Errorf("statics %q, want %q", got, c.statics)
			}
		})
	}
}

func TestLinkLeaves(t *testing.T) {
	for _, c := range []struct {
		at, target string
		leaves     bool
	}{
		{"content/fr/a.txt", "b.txt", false},
		{"content/fr/a.txt", "../../themes/x.png", false},
		{"content/fr/a.txt", "../../../x", true},
		{"content/fr/a.txt", "/etc/passwd", true},
		{"site.toml", "../site.toml", true},
		{"content/fr/a.txt", `C:\x`, true},
		{"content/fr/a.txt", "sub/../../../../x", true},
	} {
		if got := LinkLeaves(c.at, c.target); got != c.leaves {
			t.Errorf("LinkLeaves(%q, %q) = %v", c.at, c.target, got)
		}
	}
}
