package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The worker of a built site: each language's list holds its own pages and
// what they load, never a download; every download is keepable; and the
// "keep offline" buttons ship hidden, each named after its file.
func TestServiceWorkerLists(t *testing.T) {
	src := map[string]string{
		"content/fr/index.md":   page("Accueil", "guide/a.md"),
		"content/fr/guide/a.md": page("Guide A", "../index.md"),
		"content/nl/index.md":   page("Start", "guide/a.md"),
		"content/nl/guide/a.md": page("Gids A", "../index.md"),
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildFS(t, src, out); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, out)
	sw := files["sw.js"]
	m := regexp.MustCompile(`FILES=(\{.*?\}),KEEP=(\[.*?\])`).FindSubmatch(sw)
	if m == nil {
		t.Fatalf("sw.js holds no FILES and KEEP: %.300s", sw)
	}
	lists, keep := string(m[1]), string(m[2])
	for _, want := range []string{`"fr/index.html"`, `"fr/guide/a.html"`, `"nl/guide/a.html"`, `"assets/style.`} {
		if !strings.Contains(lists, want) {
			t.Errorf("FILES lacks %s: %s", want, lists)
		}
	}
	if fr := lists[strings.Index(lists, "fr:"):strings.Index(lists, "nl:")]; strings.Contains(fr, "nl/") {
		t.Errorf("the French list holds Dutch files: %s", fr)
	}
	for name := range files {
		dl := strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".zip") || strings.HasSuffix(name, ".epub")
		if dl && !strings.Contains(keep, `"`+name+`"`) {
			t.Errorf("%s is not in KEEP: %s", name, keep)
		}
		if dl && strings.Contains(lists, `"`+name+`"`) {
			t.Errorf("%s is fetched in the background", name)
		}
	}
	home, _ := os.ReadFile(filepath.Join(out, "fr/index.html"))
	buttons := regexp.MustCompile(`<button [^>]*class="keep"[^>]*>`).FindAll(home, -1)
	if !bytes.Contains(home, []byte(`class="downloads"`)) {
		t.Skip("this site offers no downloads")
	}
	if len(buttons) == 0 {
		t.Fatal("no keep button beside the downloads")
	}
	for _, b := range buttons {
		if !bytes.Contains(b, []byte(" hidden")) || !bytes.Contains(b, []byte(`aria-pressed="false"`)) || !bytes.Contains(b, []byte(`aria-labelledby="keep-`)) {
			t.Errorf("keep button not hidden, not a toggle or not named after its file: %s", b)
		}
	}
}
