package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var weightRe = regexp.MustCompile(`\b\d+\.\d KB`)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// TestCheckRules runs sobre check on small sites, each made to trigger one
// rule (name-bad.txt) or to pass it (name-good.txt), and compares the
// output with the "stdout" section of the file. -update rewrites it.
func TestCheckRules(t *testing.T) {
	files, _ := filepath.Glob("testdata/check/*.txt")
	if len(files) < 10 {
		t.Fatalf("only %d fixtures", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(data))
			dir := t.TempDir()
			a.extract(t, dir, "stdout")
			args := []string{"-src", dir}
			if strings.Contains(a.comment, "strict") {
				args = append(args, "-strict")
			}
			var stdout, stderr bytes.Buffer
			code := cmdCheck(context.Background(), args, &stdout, &stderr)
			got := fmt.Sprintf("exit %d\n%s%s", code, stdout.String(), stderr.String())
			got = strings.ReplaceAll(got, dir+string(filepath.Separator), "")
			// Page weights move with every theme change; the rule's
			// decision, not the exact kilobytes, is under test.
			got = weightRe.ReplaceAllString(got, "N.N KB")
			if *update {
				a.set("stdout", got)
				os.WriteFile(file, []byte(a.format()), 0o644)
				return
			}
			want, _ := a.get("stdout")
			if got != want {
				t.Errorf("output differs (go test ./cmd/sobre -run TestCheckRules -update, then review):\n--- got\n%s--- want\n%s", got, want)
			}
			bad := strings.HasSuffix(name, "-bad")
			if bad == (code == 0) {
				t.Errorf("exit %d for a %s fixture", code, map[bool]string{true: "bad", false: "good"}[bad])
			}
		})
	}
}
