package markup

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output of testdata/*.txt")

// Case files hold cases separated by a line "=====". A case is a line
// "### name key=value…", the Markdown, a line "-----", then the expected
// HTML followed by the expected problems, one per line, prefixed "! ".
// Options: lang=fr|nl|en, org=Name (a_b for spaces), date=Text.
type tcase struct {
	name, opts, md, want string
}

func readCases(t *testing.T, file string) []tcase {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []tcase
	for _, block := range strings.Split(string(data), "\n=====\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		head, rest, _ := strings.Cut(block, "\n")
		md, want, ok := strings.Cut(rest+"\n", "\n-----\n")
		if !ok {
			t.Fatalf("%s: case %q has no ----- line", file, head)
		}
		name, opts, _ := strings.Cut(strings.TrimPrefix(head, "### "), " ")
		out = append(out, tcase{name: name, opts: opts, md: md + "\n", want: strings.TrimRight(want, "\n")})
	}
	return out
}

func run(c tcase) string {
	o := Options{Lang: "fr", File: "page.md", Values: map[string]string{}, Labels: map[string]string{
		"level1": "Avancé", "level2": "Avancé ++",
		"blank.organisation": "nom de l’association, à compléter", "blank.date": "date, à compléter", "blank.signature": "signature",
		"callout.note": "Note", "callout.exercise": "Exercice", "callout.warning": "Attention",
	}, ReservedIDs: []string{"main"}}
	var t Target
	for _, kv := range strings.Fields(c.opts) {
		k, v, _ := strings.Cut(kv, "=")
		v = strings.ReplaceAll(v, "_", " ")
		switch k {
		case "lang":
			o.Lang = v
		case "org":
			o.Values["organisation"] = v
		case "date":
			o.Values["date"] = v
		case "offset":
			o.LineOffset = len(v)
		case "glossary":
			o.Glossary = v
		case "sort":
			o.SortSections = true
		case "target":
			if v == "epub" {
				t = Target{XHTML: true, Link: func(dest string) string { return strings.Replace(dest, ".html", ".xhtml", 1) }}
			}
		}
	}
	t.Blocks = testBlocks{}
	d := Parse([]byte(c.md), o)
	var b bytes.Buffer
	if _, err := d.Render(&b, t); err != nil {
		return "render error: " + err.Error()
	}
	out := strings.TrimRight(b.String(), "\n")
	for _, p := range d.Problems {
		out += "\n! " + p.String()
	}
	return out
}

// testBlocks stands for the web renderer's generated blocks, with the
// target's links: [assessment → page.html] or [… → page.xhtml].
type testBlocks struct{}

func (testBlocks) Generate(w io.Writer, name string, t Target) error {
	if name == "ai-pages" {
		return fmt.Errorf("no pages")
	}
	dest := "page.html"
	if t.Link != nil {
		dest = t.Link(dest)
	}
	_, err := fmt.Fprintf(w, "<div>[%s → %s]</div>", name, dest)
	return err
}

func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no case files")
	}
	for _, file := range files {
		cases := readCases(t, file)
		var rewritten []string
		for _, c := range cases {
			got := run(c)
			if *update {
				rewritten = append(rewritten, "### "+strings.TrimSpace(c.name+" "+c.opts)+"\n"+strings.TrimSuffix(c.md, "\n")+"\n-----\n"+got+"\n")
				continue
			}
			if got != c.want {
				t.Errorf("%s: %s\n--- got\n%s\n--- want\n%s", file, c.name, got, c.want)
			}
		}
		if *update {
			os.WriteFile(file, []byte(strings.Join(rewritten, "=====\n")), 0o644)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Préambule":                     "preambule",
		"2. Accessibilité et inclusion": "2-accessibilite-et-inclusion",
		"  Éthique & gouvernance  ":     "ethique-gouvernance",
		"L’IA, c’est quoi ?":            "l-ia-c-est-quoi",
		"***":                           "",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDocCollects(t *testing.T) {
	d := Parse([]byte("## A {#a}\n\nSee [b](b.md#x) and ![Plan](img/p.png).\n\n### Sub\n"), Options{Lang: "en", File: "f.md", LineOffset: 4})
	if len(d.Headings) != 2 || d.Headings[0].ID != "a" || d.Headings[1].ID != "sub" || d.Headings[1].Line != 9 {
		t.Errorf("headings = %+v", d.Headings)
	}
	if len(d.Links) != 1 || string(d.Links[0].Node.Destination) != "b.md#x" || d.Links[0].Line != 7 {
		t.Errorf("links = %+v", d.Links)
	}
	if len(d.Images) != 1 || d.Images[0].Alt != "Plan" {
		t.Errorf("images = %+v", d.Images)
	}
	if !d.Anchors()["a"] || d.Anchors()["main"] {
		t.Errorf("anchors = %v", d.Anchors())
	}
}

// FuzzParse: the extensions never panic, whatever the Markdown, and the
// output stays free of raw HTML from the input.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	for _, s := range seeds {
		data, _ := os.ReadFile(s)
		for _, block := range strings.Split(string(data), "\n=====\n") {
			_, rest, _ := strings.Cut(block, "\n")
			md, _, _ := strings.Cut(rest+"\n", "\n-----\n")
			f.Add(md, "fr")
		}
	}
	f.Add("- (Avancé ++)\n- (Gevorderd)", "nl")
	f.Add("{{organisation}}{{date}}{{ x }}{{", "en")
	f.Add("« a » ; b : c ! d ?\n« e\n: f", "fr")
	f.Fuzz(func(t *testing.T, md, lang string) {
		d := Parse([]byte(md), Options{Lang: lang, File: "f.md", Values: map[string]string{"organisation": "<b>x</b>"}})
		var b bytes.Buffer
		if _, err := d.Render(&b, Target{}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "<script") || strings.Contains(b.String(), "<b>x") {
			t.Fatalf("unescaped HTML in output: %s", b.String())
		}
	})
}
