package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsCleanly runs the built binary's serve, stops it with
// SIGTERM then SIGINT, and checks that it exits with 0 and leaves nothing
// in the temporary folder.
func TestServeStopsCleanly(t *testing.T) {
	bin := buildSobre(t, t.TempDir())
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "content", "fr"), 0o755)
	os.WriteFile(filepath.Join(src, "content", "fr", "index.md"), []byte("---\ntitle: Accueil\n---\nBonjour\n"), 0o644)
	os.WriteFile(filepath.Join(src, "site.toml"), []byte("default_language = \"fr\"\n[languages.fr]\nname = \"Français\"\n[outputs]\nbooklets = false\n"), 0o644)

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		tmp := t.TempDir()
		cmd := exec.Command(bin, "serve", "-src", src, "-addr", "127.0.0.1:0")
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		addr := make(chan string, 1)
		go func() {
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				if l := sc.Text(); strings.HasPrefix(l, "serving ") {
					_, a, _ := strings.Cut(l, "http://")
					a, _, _ = strings.Cut(a, "/")
					addr <- a
				}
			}
		}()
		select {
		case a := <-addr:
			resp, err := http.Get("http://" + a + "/fr/index.html")
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(b), "Bonjour") {
				t.Fatalf("page: %.200s", b)
			}
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatal("serve did not start")
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("%v: serve exited with %v, want 0", sig, err)
			}
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: serve did not stop", sig)
		}
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("%v: serve left %s in the temporary folder", sig, left[0].Name())
		}
	}
}

// buildSobre builds the command into dir, for tests that run it as a
// process (signals); it skips under -short or without the go command.
func buildSobre(t *testing.T, dir string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build sobre with")
	}
	bin := filepath.Join(dir, "sobre")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
