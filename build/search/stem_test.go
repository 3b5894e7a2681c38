package search

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestStem checks the stemmer on words of the content. The same vectors
// are checked against search.js's stem by test/browser/stem.test.mjs, so
// the index and the query fold words alike.
func TestStem(t *testing.T) {
	b, err := os.ReadFile("testdata/stem.json")
	if err != nil {
		t.Fatal(err)
	}
	var vectors map[string]json.RawMessage
	if err := json.Unmarshal(b, &vectors); err != nil {
		t.Fatal(err)
	}
	for lang, raw := range vectors {
		if lang == "_" {
			continue
		}
		var pairs [][2]string
		if err := json.Unmarshal(raw, &pairs); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, p := range pairs {
			folded := strings.Join(Terms(p[0]), "")
			if got := Stem(lang, folded); got != p[1] {
				t.Errorf("Stem(%q, %q) = %q, want %q", lang, p[0], got, p[1])
			}
		}
	}
	if got := Stem("en", "ørsted"); got != "ørsted" {
		t.Errorf("words outside a–z are left alone (as in search.js): got %q", got)
	}
	if got := Stem("es", "modelos"); got != "modelos" {
		t.Errorf("a language without rules is left alone: got %q", got)
	}
}
