package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// An archive is files in one text file: "-- name --" lines start each
// file, as in golang.org/x/tools/txtar, which we do not depend on for
// twenty lines of parsing.
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

func parseArchive(s string) archive {
	var a archive
	var cur *archiveFile
	for _, line := range strings.SplitAfter(s, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			a.files = append(a.files, archiveFile{name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			cur = &a.files[len(a.files)-1]
			continue
		}
		if cur == nil {
			a.comment += line
		} else {
			cur.data += line
		}
	}
	return a
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		b.WriteString("-- " + f.name + " --\n")
		b.WriteString(f.data)
	}
	return b.String()
}

// extract writes the archive's files (all but those named in skip) under dir.
func (a archive) extract(t *testing.T, dir string, skip ...string) {
	t.Helper()
outer:
	for _, f := range a.files {
		for _, s := range skip {
			if f.name == s {
				continue outer
			}
		}
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fsys is the archive's files (all but those named in skip) in memory.
func (a archive) fsys(skip ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range a.files {
		if !slices.Contains(skip, f.name) {
			m[f.name] = &fstest.MapFile{Data: []byte(f.data), Mode: 0o644}
		}
	}
	return m
}

func (a *archive) get(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

func (a *archive) set(name, data string) {
	for i := range a.files {
		if a.files[i].name == name {
			a.files[i].data = data
			return
		}
	}
	a.files = append(a.files, archiveFile{name: name, data: data})
}
