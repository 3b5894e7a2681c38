package generated

import (
	"strings"
	"testing"
)

func TestGroupAZIDsUnique(t *testing.T) {
	titles := []string{"Charte", "« Chat »", "“Éthique”", "Ecole", "Zèbre", "(Aide)", "2 fois", "Été", "Ethique",
		"¿Qué?", "…et après", "'Apostrophe'", "— Tiret", "!!!", "Ærø", "Œuvre", "ſtrange", "Ørsted", "Ostende"}
	var entries []AZEntry
	for _, s := range titles {
		entries = append(entries, AZEntry{Title: s})
	}
	// "az-e" is taken by a heading of the page itself.
	groups := GroupAZ(entries, "fr", "main", "az-e")
	seen := map[string]bool{"main": true, "az-e": true}
	letters := map[string]bool{}
	n := 0
	for _, g := range groups {
		if seen[g.ID] {
			t.Errorf("id %q given twice", g.ID)
		}
		seen[g.ID] = true
		if letters[g.Letter] {
			t.Errorf("letter %q in two groups", g.Letter)
		}
		letters[g.Letter] = true
		n += len(g.Entries)
	}
	if n != len(titles) {
		t.Errorf("%d entries filed, want %d", n, len(titles))
	}
	var got []string
	for _, g := range groups {
		var ts []string
		for _, e := range g.Entries {
			ts = append(ts, e.Title)
		}
		got = append(got, g.ID+"="+g.Letter+":"+strings.Join(ts, "|"))
	}
	want := []string{
		"az-0=#:!!!|2 fois",
		"az-a=A:(Aide)|'Apostrophe'",
		"az-æ=Æ:Ærø",
		"az-c=C:Charte|« Chat »",
		"az-e-2=E:Ecole|…et après|Été|Ethique|“Éthique”",
		"az-o=O:Ostende",
		"az-ø=Ø:Ørsted",
		"az-œ=Œ:Œuvre",
		"az-q=Q:¿Qué?",
		"az-s=S:ſtrange",
		"az-t=T:— Tiret",
		"az-z=Z:Zèbre",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Two titles that slug the same ("Éthique", "Ethique!") share a letter
// and a group; the ids stay unique whatever is asked of the allocator.
func TestIDSetClaim(t *testing.T) {
	s := newIDs("a", "a-2")
	for _, c := range []struct{ in, want string }{{"a", "a-3"}, {"a", "a-4"}, {"b", "b"}, {"b", "b-2"}, {"a-3", "a-3-2"}} {
		if got := s.claim(c.in); got != c.want {
			t.Errorf("claim(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	g := GroupAZ([]AZEntry{{Title: "Éthique"}, {Title: "Ethique!"}}, "nl")
	if len(g) != 1 || len(g[0].Entries) != 2 || g[0].ID != "az-e" {
		t.Errorf("groups %+v", g)
	}
}
