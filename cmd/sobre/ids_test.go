package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// idsSource has headings of every kind: ATX with and without closing
// hashes, setext, one with an id already, two of the same text, one in a
// list, and a heading-like line in code, which is not one.
const idsSource = `---
title: Charte
# a comment the front matter keeps
weight: 2
---
## Payer à temps
Texte.

## Déjà nommé {#nomme}

### Payer à temps ###

Titre souligné
--------------

- ## Dans une liste

` + "```" + `
## pas un titre
` + "```" + `
`

const idsWant = `---
title: Charte
# a comment the front matter keeps
weight: 2
---
## Payer à temps {#payer-a-temps}
Texte.

## Déjà nommé {#nomme}

### Payer à temps ### {#payer-a-temps-2}

Titre souligné {#titre-souligne}
--------------

- ## Dans une liste {#dans-une-liste}

` + "```" + `
## pas un titre
` + "```" + `
`

// TestNewIDs: new -ids writes the ids the headings have today into the
// French source, changing nothing else, and the translation starts with
// the same ids; without -ids it only says what is missing.
func TestNewIDs(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content", "fr"), 0o755)
	fr := filepath.Join(dir, "content", "fr", "charte.md")
	os.WriteFile(fr, []byte(idsSource), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "fr", "index.md"), []byte("---\ntitle: Accueil\n---\nTexte.\n"), 0o644)

	var out, errb bytes.Buffer
	if code := cmdNew([]string{"-src", dir, "-lang", "en", fr}, &out, &errb); code != 0 {
		t.Fatalf("new: %d %s", code, errb.String())
	}
	if data, _ := os.ReadFile(fr); string(data) != idsSource {
		t.Errorf("without -ids the source changed:\n%s", data)
	}
	if !strings.Contains(errb.String(), "4 heading(s) of content/fr/charte.md have no explicit id") {
		t.Errorf("without -ids, no note: %q", errb.String())
	}

	out.Reset()
	errb.Reset()
	if code := cmdNew([]string{"-src", dir, "-lang", "nl", "-ids", fr}, &out, &errb); code != 0 {
		t.Fatalf("new -ids: %d %s", code, errb.String())
	}
	data, _ := os.ReadFile(fr)
	if string(data) != idsWant {
		t.Errorf("source after -ids:\n%s\nwant\n%s", data, idsWant)
	}
	if !strings.Contains(out.String(), "wrote 4 heading id(s) into content/fr/charte.md") {
		t.Errorf("output: %q", out.String())
	}
	nl, _ := os.ReadFile(filepath.Join(dir, "content", "nl", "charte.md"))
	for _, id := range []string{"{#payer-a-temps}", "{#nomme}", "{#payer-a-temps-2}", "{#titre-souligne}", "{#dans-une-liste}"} {
		if !bytes.Contains(nl, []byte(id)) {
			t.Errorf("the translation lacks %s:\n%s", id, nl)
		}
	}

	// A second run has nothing to add and changes nothing.
	os.Remove(filepath.Join(dir, "content", "nl", "charte.md"))
	out.Reset()
	if code := cmdNew([]string{"-src", dir, "-lang", "nl", "-ids", fr}, &out, &errb); code != 0 {
		t.Fatalf("new -ids again: %d %s", code, errb.String())
	}
	if again, _ := os.ReadFile(fr); !bytes.Equal(again, data) || strings.Contains(out.String(), "wrote") {
		t.Errorf("a second -ids changed the source or says it wrote: %q", out.String())
	}
}

func TestHeadingIDsRefusesCRLF(t *testing.T) {
	if _, _, err := headingIDs("x.md", "fr", []byte("---\r\ntitle: X\r\n---\r\n# A\r\n")); err == nil {
		t.Error("CRLF accepted")
	}
}
