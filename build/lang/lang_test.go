package lang

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestGet(t *testing.T) {
	for tag, want := range map[string]*Profile{
		"fr": French, "fr-BE": French, "FR": French, "nl_NL": Dutch, "en-US": English,
		"de": German, "de-AT": German, "es": nil, "": nil,
	} {
		if got := Get(tag); got != want {
			t.Errorf("Get(%q) = %v, want %v", tag, got, want)
		}
	}
}

func TestAllOrder(t *testing.T) {
	var codes []string
	for _, p := range All() {
		codes = append(codes, p.Code)
	}
	if want := []string{"fr", "nl", "en", "de"}; !reflect.DeepEqual(codes, want) {
		t.Errorf("All() = %v, want %v", codes, want)
	}
}

// TestComplete checks that every shipped profile has every table, so
// check reports nothing for them, and that a language without a profile
// lacks them all.
func TestComplete(t *testing.T) {
	for _, p := range All() {
		if gaps := Missing(p.Code); len(gaps) != 0 {
			t.Errorf("%s lacks %v", p.Code, gaps)
		}
	}
	gaps := Missing("es")
	var tables []string
	for _, g := range gaps {
		tables = append(tables, g.Table)
	}
	want := []string{"Hyphenation", "Readability", "Search.StopWords", "Search.Stem", "VagueLinks", "GenericAlt", "LawCites", "Markers", "Levels"}
	if !reflect.DeepEqual(tables, want) {
		t.Errorf("Missing(es) = %v, want %v", tables, want)
	}
	if gaps := Missing("de"); len(gaps) != 0 {
		t.Errorf("German lacks %v", gaps)
	}
}

// TestTables checks the tables' form: markers are short lower-case ASCII
// (check's index looks them up so), stop words and vague links lower case.
func TestTables(t *testing.T) {
	for _, p := range All() {
		for _, w := range p.Markers {
			if len(w) > 8 || strings.ToLower(w) != w || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
				t.Errorf("%s: marker %q is not lower-case ASCII of at most 8 letters", p.Code, w)
			}
		}
		for w := range p.Search.StopWords {
			if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
				t.Errorf("%s: stop word %q is not folded", p.Code, w)
			}
		}
		for _, w := range p.VagueLinks {
			if strings.ToLower(w) != w {
				t.Errorf("%s: vague link %q is not lower case", p.Code, w)
			}
		}
	}
}

// TestPatterns checks that each pattern file exists and keeps its
// copyright and licence header, naming the licence the profile says.
func TestPatterns(t *testing.T) {
	for _, p := range All() {
		data, err := p.Hyphenation.Data()
		if err != nil {
			t.Fatalf("%s: %v", p.Code, err)
		}
		var header []byte
		for line := range bytes.Lines(data) {
			if !bytes.HasPrefix(line, []byte("%")) {
				break
			}
			header = append(header, line...)
		}
		lic := strings.TrimSuffix(p.Hyphenation.Licence, "-2-Clause")
		if !bytes.Contains(header, []byte("Copyright")) || !bytes.Contains(header, []byte(lic)) {
			t.Errorf("%s: header names no copyright or no %s licence", p.Hyphenation.Patterns, lic)
		}
	}
}

func TestStemGerman(t *testing.T) {
	for w, want := range map[string]string{
		"mitarbeiterinnen": "mitarbeiterin", "mitarbeiterin": "mitarbeiterin",
		"schulungen": "schulung", "schulung": "schulung",
		"moglichkeiten": "moglichkeit", "gesundheiten": "gesundheit",
		"modelle": "modell", "modellen": "modell", "modells": "modell", "modell": "modell",
		"kindern": "kind", "daten": "dat", "regeln": "regel", "hilfe": "hilf", "hilfen": "hilf",
		"bus": "bus",
	} {
		if got := stemGerman(w); got != want {
			t.Errorf("stemGerman(%q) = %q, want %q", w, got, want)
		}
	}
}
