package build_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"testing/fstest"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
)

// TestBuildFSMatchesFolder: a site handed over as an fs.FS builds the same
// bytes as the same files in a folder, so tests may build from memory.
func TestBuildFSMatchesFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site twice")
	}
	files, err := corpus.Files(6, 3)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	if err := corpus.Write(dir, 6, 3); err != nil {
		t.Fatal(err)
	}
	mem := fstest.MapFS{}
	for name, data := range files {
		mem[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	ctx := context.Background()
	fromDir, fromMem := filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(ctx, build.Options{Src: dir, Out: fromDir, Defaults: sobre.Defaults}); err != nil {
		t.Fatal(err)
	}
	if _, err := build.BuildFS(ctx, mem, build.Options{Out: fromMem, Defaults: sobre.Defaults}); err != nil {
		t.Fatal(err)
	}
	a, b := readTree(t, fromDir), readTree(t, fromMem)
	if len(a) != len(b) || len(a) < 20 {
		t.Fatalf("%d files from the folder, %d from memory", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(b[name], data) {
			t.Errorf("%s differs", name)
		}
	}
}
