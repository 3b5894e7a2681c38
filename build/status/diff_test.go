package status

import "testing"

func TestWordDiff(t *testing.T) {
	tests := []struct{ old, now, want string }{
		{"a b c", "a b c", "a b c"},
		{"Deuxième paragraphe.", "Deuxième paragraphe, réécrit.", "Deuxième [-paragraphe.-] {+paragraphe, réécrit.+}"},
		{"un deux trois", "un trois", "un [-deux-] trois"},
		{"un trois", "un deux trois", "un {+deux+} trois"},
		{"", "neuf", "{+neuf+}"},
		{"vieux", "", "[-vieux-]"},
		{"le  texte\n coupé", "le texte coupé", "le texte coupé"}, // white space is not a change
	}
	for _, tt := range tests {
		if got := WordDiff(tt.old, tt.now); got != tt.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.old, tt.now, got, tt.want)
		}
	}
}

func TestAroundChanges(t *testing.T) {
	d := WordDiff("Gardez l’IA pour ce qu’elle fait bien : reformuler un texte difficile, proposer des idées, faire un premier brouillon.",
		"Gardez l’IA pour ce qu’elle fait bien : reformuler un texte difficile, proposer des idées, écrire un premier brouillon que vous relisez.")
	if got, want := aroundChanges(d, 30), "… proposer des idées, [-faire-] {+écrire+} un premier [-brouillon.-] {+brouillon que vous relisez.+}"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := aroundChanges("a b c", 30); got != "a b c" {
		t.Errorf("no change: %q", got)
	}
}
