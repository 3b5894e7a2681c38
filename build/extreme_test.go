package build_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// TestExtremeInput builds the booklets of pages no one should write but
// someone will: every glyph painted lies on its page, and the build
// warns with the file, the line and figures that make sense.
func TestExtremeInput(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	var nested, table strings.Builder
	for i := range 1000 {
		nested.WriteString(strings.Repeat("  ", i) + "- niveau " + strconv.Itoa(i+1) + "\n")
	}
	for r := range 4 {
		table.WriteString("|")
		for c := range 200 {
			fmt.Fprintf(&table, " c%d-%d |", r, c)
		}
		table.WriteString("\n")
		if r == 0 {
			table.WriteString(strings.Repeat("|---", 200) + "|\n")
		}
	}
	tall := func(w, h int) string {
		var b bytes.Buffer
		png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
		return b.String()
	}
	tests := []struct {
		name  string
		body  string
		files map[string]string
		line  int    // of the warning, in content/fr/page.md
		want  string // in the warning; "" for none
	}{
		{"lists nested 1000 deep", nested.String(), nil, 7, "nested 1000 deep: the booklets indent the first"},
		{"a table of 200 columns", table.String(), nil, 7, "a table of 200 columns is wider than the page"},
		{"a word of 5000 letters, hyphenated", "Avant " + strings.Repeat("abcdefghij", 500) + " après.\n", nil, 0, ""},
		{"a number of 5000 digits", "Avant " + strings.Repeat("1234567890", 500) + " après.\n", nil, 7, "a word of 5000 characters"},
		{"100 KB without a space", strings.Repeat("x", 100_000) + "\n", nil, 7, "a word of 100000 characters"},
		{"a heading of 2000 characters", "## " + strings.Repeat("t", 2000) + "\n\nTexte.\n", nil, 7, "a word of 2000 characters"},
		{"a long heading with spaces", "## " + strings.Repeat("Titre long ", 200) + "\n\nTexte.\n", nil, 0, ""},
		{"an image 1×10000", "![Une image très haute](img/tall.png)\n", map[string]string{"content/fr/img/tall.png": tall(1, 10000)}, 0, ""},
		{"an image 10000×1", "![Une image très large](img/wide.png)\n", map[string]string{"content/fr/img/wide.png": tall(10000, 1)}, 0, ""},
		{"a cell taller than a page", "| a | b |\n|---|---|\n| " + strings.Repeat("mot ", 3000) + "| x |\n", nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"content/fr/index.md": page("Accueil", "page.md"),
				"content/fr/page.md":  "---\ntitle: Extrême\n---\n\nIntro.\n\n" + tt.body,
				// Some cases are over the default page limit on purpose:
				// print must cope with whatever the limit lets through.
				"site.toml": "[budgets]\nmarkdown = 2000000\n",
			}
			for k, v := range tt.files {
				files[k] = v
			}
			out := filepath.Join(t.TempDir(), "public")
			res, err := buildFS(t, files, out)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range res.Problems {
				if p.Rule != "print" {
					continue
				}
				if regexp.MustCompile(`(^|[^\w])-\d`).MatchString(p.Msg) || strings.Contains(p.Msg, "NaN") || strings.Contains(p.Msg, "Inf") {
					t.Errorf("a negative or undefined figure: %s", p)
				}
				if tt.want != "" && strings.Contains(p.Msg, tt.want) {
					found = true
					if p.File != "content/fr/page.md" || p.Line != tt.line {
						t.Errorf("warning at %s:%d, want content/fr/page.md:%d: %s", p.File, p.Line, tt.line, p.Msg)
					}
				} else if tt.want == "" {
					t.Errorf("unexpected: %s", p)
				}
			}
			if tt.want != "" && !found {
				t.Errorf("no warning %q in %v", tt.want, res.Problems)
			}
			for _, name := range []string{"a4", "a5", "large-print"} {
				onPage(t, filepath.Join(out, toolkitPDF("fr", name)))
			}
		})
	}
}

// onPage checks that every word pdftotext finds in a PDF lies inside its
// page, and returns the text.
func onPage(t *testing.T, file string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	page := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	word := regexp.MustCompile(`<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)</word>`)
	var w, h float64
	words, off := 0, 0
	var text strings.Builder
	for _, line := range strings.Split(string(out), "\n") {
		if m := page.FindStringSubmatch(line); m != nil {
			w, _ = strconv.ParseFloat(m[1], 64)
			h, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		m := word.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		words++
		text.WriteString(m[5] + " ")
		if v[0] < -0.5 || v[1] < -0.5 || v[2] > w+0.5 || v[3] > h+0.5 {
			if off++; off <= 3 {
				t.Errorf("%s: %q painted at [%.1f %.1f %.1f %.1f], off its %.0f × %.0f page", filepath.Base(file), m[5], v[0], v[1], v[2], v[3], w, h)
			}
		}
	}
	if words == 0 {
		t.Errorf("%s: no text", filepath.Base(file))
	}
	return text.String()
}

// TestMissingCharacters: characters the print font lacks never fail the
// site; without a fallback font the booklets print a box read as the
// character, and the build warns once per file with every line; with
// one (here the Go font, which has Cyrillic), they print in it.
func TestMissingCharacters(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	files := map[string]string{
		"content/fr/index.md":  page("Accueil", "page.md"),
		"content/fr/page.md":   "---\ntitle: Salut 😀\n---\n\nBonjour 😀 et Привет.\n\n- Encore 😀\n- Привет\n",
		"fonts/Go-Regular.ttf": string(goregular.TTF),
	}
	for _, fallback := range []bool{false, true} {
		t.Run(fmt.Sprint("fallback=", fallback), func(t *testing.T) {
			f := map[string]string{}
			for k, v := range files {
				f[k] = v
			}
			if fallback {
				f["site.toml"] = "[print]\nfallback_fonts = [\"fonts/Go-Regular.ttf\"]\n"
			}
			out := filepath.Join(t.TempDir(), "public")
			res, err := buildFS(t, f, out)
			if err != nil {
				t.Fatal(err) // the site is built whatever the print font lacks
			}
			var glyphs []string
			for _, p := range res.Problems {
				if p.Rule == "print" {
					glyphs = append(glyphs, p.String())
				}
			}
			want := "content/fr/page.md:2: warning: 7 characters the print font lacks (U+1F600 '😀' on lines 2, 5, 7; U+041F 'П', U+0432 'в', U+0435 'е', U+0438 'и', U+0440 'р', U+0442 'т' on lines 5, 8)"
			if fallback {
				want = "content/fr/page.md:2: warning: 1 character no print font has (nor the fallback fonts) (U+1F600 '😀' on lines 2, 5, 7)"
			}
			if len(glyphs) != 1 || !strings.HasPrefix(glyphs[0], want) {
				t.Errorf("warnings:\n%s\nwant one starting\n%s", strings.Join(glyphs, "\n"), want)
			}
			file := filepath.Join(out, toolkitPDF("fr", "a4"))
			text := normal(onPage(t, file))
			// The box is read as the character (ActualText), the title too.
			for _, w := range []string{"Salut 😀", "Bonjour 😀 et Привет.", "Encore 😀"} {
				if !strings.Contains(text, w) {
					t.Errorf("the booklet's text lacks %q:\n%.600s", w, text)
				}
			}
			fonts, _ := exec.Command("pdffonts", file).Output()
			if n := strings.Count(string(fonts), " yes yes yes "); n != map[bool]int{false: 2, true: 3}[fallback] {
				t.Errorf("%d fonts embedded:\n%s", n, fonts)
			}
			checkMarked(t, file)
		})
	}
	// A fallback font that is not there, or not TrueType, is refused
	// where site.toml names it.
	f := map[string]string{"content/fr/index.md": page("Accueil", "page.md"), "notes.txt": "x",
		"site.toml": "[print]\nfallback_fonts = [\n  \"fonts/absent.ttf\",\n  \"notes.txt\",\n]\n"}
	_, err := buildFS(t, f, filepath.Join(t.TempDir(), "public"))
	if err == nil || !strings.Contains(err.Error(), "site.toml:3") || !strings.Contains(err.Error(), "site.toml:4") {
		t.Errorf("bad fallback fonts: %v", err)
	}
}
