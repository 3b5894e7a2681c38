package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// A page written where a 404 page goes would be hidden by it, or hide it:
// the build says which file and what to do.
func TestNotFoundNameTaken(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"content/en/404.md", "content/en/404.md: en/404.html is the address of the not-found page"},
		{"content/nl/x.md", "content/nl/x.md: nl/404.html is the address of the not-found page"},
	} {
		src := map[string]string{
			"content/fr/index.md": page("Accueil", "index.md"),
			"site.toml":           "[outputs]\nbundles = false\nbooklets = false\n",
			tc.file:               "---\ntitle: Four\nslug: \"404\"\n---\nText\n",
		}
		_, err := buildFS(t, src, filepath.Join(t.TempDir(), "public"))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: want %q, got %v", tc.file, tc.want, err)
		}
	}
}
