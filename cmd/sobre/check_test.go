package main

import (
	"bytes"
	"context"
	"encoding/json"
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
			flags := checkFlags{strict: strings.Contains(a.comment, "strict")}
			var stdout, stderr bytes.Buffer
			code := runCheck(context.Background(), a.fsys("stdout"), flags, &stdout, &stderr)
			got := fmt.Sprintf("exit %d\n%s%s", code, stdout.String(), stderr.String())
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

// TestCheckCommand runs sobre check as the command line does, on a folder:
// its flags, its JSON report, and a folder that is not there.
func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "content", "fr", "index.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("---\ntitle: Accueil\n---\nBonjour.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := cmdCheck(context.Background(), []string{"-src", dir, "-json"}, &stdout, &stderr)
	var rep checkReport
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil || code != 0 || rep.Errors != 0 || len(rep.Pages) != 1 {
		t.Errorf("exit %d, report %+v (%v), stderr %s", code, rep, err, stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	code = cmdCheck(context.Background(), []string{"-src", filepath.Join(dir, "absent")}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "sobre check: reading the site folder:") {
		t.Errorf("exit %d, stderr %q: want 1 and the folder named", code, stderr.String())
	}
}
