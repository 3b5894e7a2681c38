package typeset

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-text/typesetting/segmenter"
)

// TestBreaks checks the break opportunities inside words (UAX #14):
// after hyphens and slashes, never inside numbers or after an apostrophe.
func TestBreaks(t *testing.T) {
	tests := []struct{ word, want string }{
		{"intelligence", "[intelligence]"},
		{"l’intelligence", "[l’intelligence]"},
		{"porte-parole", "[porte- parole]"},
		{"(pwablo.be/blog/charte-usage-ia-asbl)", "[(pwablo.be/ blog/ charte- usage- ia- asbl)]"},
		{"2024/1689", "[2024/1689]"},
		{"«oui»", "[«oui»]"},
		{"CO2", "[CO2]"},
	}
	var seg segmenter.Segmenter
	for _, tt := range tests {
		if got := fmt.Sprintf("%q", breaks(&seg, tt.word)); got != fmt.Sprintf("%q", splitWant(tt.want)) {
			t.Errorf("breaks(%q) = %s, want %s", tt.word, got, tt.want)
		}
	}
}

// splitWant reads "[a b]" as a list.
func splitWant(s string) []string { return strings.Fields(s[1 : len(s)-1]) }
