package content

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

var hexRe = regexp.MustCompile(`^[0-9a-f]+$`)

func src(title, body string) *Source {
	return &Source{Lang: "fr", Key: "a.md", File: "content/fr/a.md", Front: FrontMatter{Title: title}, Body: []byte(body), BodyLine: 5}
}

func TestPrintAndChanges(t *testing.T) {
	a := src("Titre", "Premier paragraphe.\n\nDeuxième\nparagraphe.\n\n- une liste\n")
	b := src("Titre", "Premier paragraphe.\n\nDeuxième paragraphe.   \n\n- une liste\n")
	if Print(a).Hash != Print(b).Hash {
		t.Error("reflowing lines must not change the fingerprint")
	}
	if Print(a).Hash == Print(src("Autre titre", string(a.Body))).Hash {
		t.Error("a new title must change the fingerprint")
	}
	blocks := Blocks(a)
	if len(blocks) != 3 || blocks[1].Line != 7 || blocks[1].Text != "Deuxième paragraphe." {
		t.Fatalf("blocks = %+v", blocks)
	}
}

// TestChanges: what status tells a translator. A unit rewritten in place
// is one change with its old and new text (no removal besides), a list
// item or a table row is its own unit, added and removed units are named.
func TestChanges(t *testing.T) {
	before := "Premier paragraphe.\n\nDeuxième paragraphe.\n\n- un\n- deux\n  suite de deux\n- trois\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
	tests := []struct {
		name, after string
		want        []string // "old -> new" per change, line of the new
	}{
		{"nothing", before, nil},
		{"paragraph rewritten", strings.Replace(before, "Deuxième paragraphe.", "Deuxième paragraphe, réécrit.", 1),
			[]string{"Deuxième paragraphe. -> Deuxième paragraphe, réécrit. @7"}},
		{"list item changed", strings.Replace(before, "- deux\n  suite de deux", "- deux\n  suite changée", 1),
			[]string{"- deux suite de deux -> - deux suite changée @10"}},
		{"table row changed", strings.Replace(before, "| 3 | 4 |", "| 3 | 5 |", 1), []string{"| 3 | 4 | -> | 3 | 5 | @17"}},
		{"item added", strings.Replace(before, "- trois\n", "- trois\n- quatre\n", 1), []string{" -> - quatre @13"}},
		{"paragraph removed", strings.Replace(before, "Premier paragraphe.\n\n", "", 1), []string{"Premier paragraphe. -> "}},
	}
	a := src("Titre", before)
	units := Units(a.Body, a.BodyLine)
	if len(units) != 8 || units[3].Text != "- deux suite de deux" || units[3].Line != 10 {
		t.Fatalf("units = %+v", units)
	}
	rec := &Translation{From: "fr", Source: Print(a).Hash, Paragraphs: Print(a).Blocks}
	for _, tt := range tests {
		var got []string
		for _, c := range Changes(src("Titre", tt.after), rec, units) {
			s := ""
			if c.Old != nil {
				s = c.Old.Text
			}
			s += " -> "
			if c.New != nil {
				s += fmt.Sprintf("%s @%d", c.New.Text, c.New.Line)
			}
			got = append(got, s)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
	// Without the stamped text, a change still says where, with no text
	// to show for before.
	c := Changes(src("Titre", strings.Replace(before, "trois", "3", 1)), rec, nil)
	if len(c) != 1 || c[0].Old == nil || c[0].Old.Text != "" || c[0].New.Text != "- 3" || c[0].At != 4 {
		t.Errorf("without texts: %+v", c)
	}
}

func TestStamp(t *testing.T) {
	file := "---\ntitle: Charter\nslug: charter\ntranslation:\n  from: fr\n  source: old\nai:\n  what: translation\n  tool: X\n  review: pending\n---\nBody\n"
	f := Fingerprint{Hash: "0123456789ab", Blocks: []string{"aaaaaaaa", "bbbbbbbb"}}
	out, err := Stamp([]byte(file), "fr", f)
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Charter\nslug: charter\ntranslation:\n  from: fr\n  source: 0123456789ab\n  paragraphs: [aaaaaaaa, bbbbbbbb]\nai:\n  what: translation\n  tool: X\n  review: pending\n---\nBody\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	again, _ := Stamp(out, "fr", f)
	if string(again) != string(out) {
		t.Error("stamping twice must change nothing")
	}
	h, _, _, _ := SplitFrontMatter(out)
	fm, errs := ParseFrontMatter(h)
	if len(errs) > 0 || fm.Translation.Source != f.Hash || len(fm.Translation.Paragraphs) != 2 || fm.AI == nil {
		t.Errorf("reparsed: %+v %v", fm, errs)
	}
	many := Fingerprint{Hash: "x", Blocks: strings.Fields(strings.Repeat("abcdef12 ", 30))}
	out, _ = Stamp([]byte("---\ntitle: A\n---\n"), "fr", many)
	for _, l := range strings.Split(string(out), "\n") {
		if len(l) > 80 {
			t.Errorf("line over 80 columns: %q", l)
		}
	}
	h, _, _, _ = SplitFrontMatter(out)
	if fm, errs := ParseFrontMatter(h); len(errs) > 0 || len(fm.Translation.Paragraphs) != 30 {
		t.Errorf("wrapped list does not parse back: %v %d", errs, len(fm.Translation.Paragraphs))
	}
}

// TestStampIndented: settings indented alike get the record at their
// indentation, the old one replaced whole, blank line included.
func TestStampIndented(t *testing.T) {
	file := "---\n  title: A\n  translation:\n    from: fr\n\n    source: old\n  weight: 2\n---\nBody"
	out, err := Stamp([]byte(file), "fr", Fingerprint{Hash: "ab"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "---\n  title: A\n  translation:\n    from: fr\n    source: ab\n  weight: 2\n---\nBody"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := Stamp([]byte("---\ntitle: A\rtranslation: x\n---\n"), "fr", Fingerprint{Hash: "ab"}); err == nil {
		t.Error("a lone CR in the header must be refused")
	}
}

func TestScaffold(t *testing.T) {
	s := src("Charte « test »", "## Préambule {#preambule}\n\nTexte.\n")
	s.Front.Weight = 10
	out, err := Scaffold(s, "nl")
	if err != nil {
		t.Fatal(err)
	}
	h, body, _, err := SplitFrontMatter(out)
	if err != nil {
		t.Fatal(err)
	}
	fm, errs := ParseFrontMatter(h)
	if len(errs) > 0 {
		t.Fatal(errs[0].Msg)
	}
	if !fm.Draft || fm.Title != s.Front.Title || fm.Weight != 10 || fm.Translation.From != "fr" || fm.Translation.Source != Print(s).Hash {
		t.Errorf("scaffold front matter: %+v", fm)
	}
	if string(body) != string(s.Body) {
		t.Errorf("scaffold body: %q", body)
	}
}

// FuzzStamp: stamping any valid page keeps its other settings and body and
// records exactly the fingerprint given.
func FuzzStamp(f *testing.F) {
	f.Add("---\ntitle: A\ntranslation:\n  from: fr\n  source: x\n---\nBody", "0123", "aa bb")
	f.Add("---\ntitle: A\nai:\n  what: writing\n  tool: T\n  review: pending\n---\n", "h", "")
	f.Add("---\ntranslation: {from: fr}\ntitle: A\n---\n\n", "h", "a")
	f.Fuzz(func(t *testing.T, file, hash, blocks string) {
		// Hashes are hex: that is all Stamp ever receives.
		if !hexRe.MatchString(hash) || !hexRe.MatchString(strings.ReplaceAll(blocks, " ", "0")+"0") {
			return
		}
		h, body, _, err := SplitFrontMatter([]byte(file))
		if err != nil {
			return
		}
		before, errs := ParseFrontMatter(h)
		if len(errs) > 0 {
			return
		}
		fp := Fingerprint{Hash: hash, Blocks: strings.Fields(blocks)}
		out, err := Stamp([]byte(file), "fr", fp)
		if err != nil {
			t.Fatal(err)
		}
		h2, body2, _, err := SplitFrontMatter(out)
		if err != nil {
			t.Fatalf("stamped file does not split: %v\n%s", err, out)
		}
		after, errs := ParseFrontMatter(h2)
		if len(errs) > 0 {
			t.Fatalf("stamped header does not parse: %s\n%s", errs[0].Msg, out)
		}
		if after.Title != before.Title || after.Slug != before.Slug || string(body2) != string(body) {
			t.Fatalf("stamp changed other content:\n%s", out)
		}
		if after.Translation == nil || after.Translation.Source != hash || len(after.Translation.Paragraphs) != len(fp.Blocks) {
			t.Fatalf("record not written: %+v\n%s", after.Translation, out)
		}
	})
}

// TestScaffoldRefusesOddBreaks: a title whose line separator would break
// the front matter fails with the source file, instead of a page without
// its translation record.
func TestScaffoldRefusesOddBreaks(t *testing.T) {
	s := src("Charte\u2028test", "Texte.\n")
	s.File = "content/fr/charte.md"
	out, err := Scaffold(s, "nl")
	if err == nil || !strings.Contains(err.Error(), "content/fr/charte.md") || !strings.Contains(err.Error(), "U+2028") {
		t.Errorf("got %q, %v; want an error naming the file and the separator", out, err)
	}
}

// TestScaffoldCarries: a new translation keeps the settings its source's
// translations need, with the comments that explain them, so that it
// passes check -strict as its source does.
func TestScaffoldCarries(t *testing.T) {
	file := "---\ntitle: Charte\nweight: 10\ncredit: charter\n# The charter's wording is its authors'.\nmin_readability: 35\nedition: easy-read\nof: charte-complete.md\n---\nTexte.\n"
	s, probs := ParseSource("fr", "charte.md", "content/fr/charte.md", []byte(file))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	out, err := Scaffold(s, "nl")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"weight: 10\n", "credit: charter\n", "# The charter's wording is its authors'.\nmin_readability: 35\n", "edition: easy-read\n", "of: charte-complete.md\n", "draft: true\n"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	h, _, _, _ := SplitFrontMatter(out)
	if fm, errs := ParseFrontMatter(h); len(errs) > 0 || fm.MinReadability == nil || *fm.MinReadability != 35 {
		t.Errorf("reparsed: %+v %v", fm, errs)
	}
}
