package print

import (
	"testing"

	"sobre/build/typeset"
)

// TestEasyBlocks: a paragraph's source lines become lines of their own,
// the picture after an h2 goes beside the text that follows, and no run
// may be hyphenated.
func TestEasyBlocks(t *testing.T) {
	run := func(s string) []typeset.Run { return []typeset.Run{{Text: s}} }
	d := &Document{Format: EasyRead}
	d.blocks = []block{
		{tag: "H1", runs: run("Titre")},
		{tag: "P", runs: run("Une phrase.\nUne autre.\nLa dernière.")},
		{tag: "H2", runs: run("Une idée")},
		{tag: "Figure", alt: "un dessin"},
		{tag: "P", runs: run("Première.\nDeuxième.")},
		{tag: "LI", runs: run("Un point\nsur deux lignes."), marker: "•"},
		{tag: "H2", runs: run("Nous signons")},
	}
	d.easyBlocks(1)
	var got []string
	for _, b := range d.blocks {
		var text string
		for _, r := range b.runs {
			text += r.Text
			if !r.NoHyphens && b.tag != "H1" {
				t.Errorf("%q may be hyphenated", r.Text)
			}
		}
		got = append(got, b.tag+":"+text)
		if b.tag == "Figure" && !b.beside {
			t.Error("the section's picture is not beside its text")
		}
		if b.tag == "P" && text == "Première." && b.indent <= 0 {
			t.Error("the text beside the picture is not indented")
		}
	}
	want := []string{"H1:Titre", "P:Une phrase.", "P:Une autre.", "P:La dernière.", "H2:Une idée", "Figure:", "P:Première.", "P:Deuxième.", "LI:Un point sur deux lignes.", "H2:Nous signons"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("block %d: %q, want %q", i, got[i], want[i])
		}
	}
	if !saidByHeading(d.blocks, "nous signons ") || saidByHeading(d.blocks[:5], "Nous signons") {
		t.Error("saidByHeading reads the wrong heading")
	}
}
