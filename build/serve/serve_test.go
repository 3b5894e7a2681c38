package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sobre"
	"sobre/build"
)

func TestServeRebuildsAndReloads(t *testing.T) {
	src := t.TempDir()
	page := filepath.Join(src, "content", "fr", "index.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.WriteFile(page, []byte("---\ntitle: Première\n---\nBonjour\n"), 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	builds := make(chan error, 10)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Src: src, Addr: "127.0.0.1:0", Defaults: sobre.Defaults, Log: io.Discard,
			Ready:  func(a string) { ready <- a },
			Report: func(_ *build.Result, err error, _ string) { builds <- err }})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	if err := <-builds; err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	get := func(p string) string {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if s := get("/fr/index.html"); !strings.Contains(s, "Première") || !strings.Contains(s, `src="/__sobre/reload.js"`) {
		t.Fatalf("first page: %.300s", s)
	}

	resp, err := http.Get(base + "/__sobre/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	events.ReadString('\n') // ": connected"

	os.WriteFile(page, []byte("---\ntitle: Seconde\n---\nBonjour\n"), 0o644)
	got := make(chan string, 1)
	go func() {
		for {
			l, err := events.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(l, "data: reload") {
				got <- l
				return
			}
		}
	}()
	select {
	case <-got:
	case <-time.After(10 * time.Second):
		t.Fatal("no reload event after a change")
	}
	if s := get("/fr/index.html"); !strings.Contains(s, "Seconde") {
		t.Fatalf("page not rebuilt: %.300s", s)
	}

	// A broken page keeps the last good site online.
	os.WriteFile(page, []byte("no front matter\n"), 0o644)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case err := <-builds:
			if err == nil {
				continue
			}
			if s := get("/fr/index.html"); !strings.Contains(s, "Seconde") {
				t.Fatalf("a failed rebuild replaced the site: %.300s", s)
			}
			cancel()
			<-done
			return
		case <-deadline:
			t.Fatal("the broken page was not reported")
		}
	}
}
