package build_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
)

var update = flag.Bool("update", false, "rewrite build/testdata/output.sha256 from this build")

// TestOutputUnchanged pins every byte the build writes, for the repository's
// own content and a small synthetic corpus: a refactor must leave the site,
// the PDFs, the zips and the e-books byte-identical. A change of content or
// output that is meant is recorded with
//
//	go test ./build -run TestOutputUnchanged -update
//
// and the diff of testdata/output.sha256 shows which files it touched.
func TestOutputUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole site")
	}
	corpusDir := filepath.Join(t.TempDir(), "corpus")
	if err := corpus.Write(corpusDir, 12, 7); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	for _, site := range []struct{ name, src string }{{"repo", "../"}, {"corpus", corpusDir}} {
		out := filepath.Join(t.TempDir(), "public")
		_, err := build.Build(context.Background(), build.Options{
			Src: site.src, Out: out, Defaults: sobre.Defaults,
			Updated: time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC),
		})
		if err != nil {
			t.Fatalf("%s: build failed: %v", site.name, err)
		}
		files := readTree(t, out)
		names := slices.Sorted(func(yield func(string) bool) {
			for n := range files {
				if !yield(n) {
					return
				}
			}
		})
		for _, n := range names {
			fmt.Fprintf(&got, "%x  %s/%s\n", sha256.Sum256(files[n]), site.name, n)
		}
	}
	golden := filepath.Join("testdata", "output.sha256")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (record it with -update)", err)
	}
	if bytes.Equal(want, got.Bytes()) {
		return
	}
	wantBy, gotBy := sums(want), sums(got.Bytes())
	for name, w := range wantBy {
		switch g, ok := gotBy[name]; {
		case !ok:
			t.Errorf("%s: no longer written", name)
		case g != w:
			t.Errorf("%s: bytes changed", name)
		}
	}
	for name := range gotBy {
		if _, ok := wantBy[name]; !ok {
			t.Errorf("%s: new file", name)
		}
	}
	t.Log("if the change is meant, record it: go test ./build -run TestOutputUnchanged -update")
}

func sums(b []byte) map[string]string {
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		sum, name, _ := strings.Cut(sc.Text(), "  ")
		m[name] = sum
	}
	return m
}
