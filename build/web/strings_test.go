package web

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestCodeStringsListed keeps codeStrings honest: every string id the Go
// code asks for by name is listed, or status would call it unused.
func TestCodeStringsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, id := range codeStrings {
		listed[id] = true
	}
	call := regexp.MustCompile(`\.[TN]\("([a-z0-9_.]+)"[,)]`) // ids built with + are listed by prefix
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("../*.go")
	found := 0
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			found++
			if id := string(m[1]); !listed[id] {
				t.Errorf("%s asks for string %q, missing from codeStrings", f, id)
			}
		}
	}
	if found < 20 {
		t.Fatalf("only %d string calls found: the pattern no longer matches the code", found)
	}
}
