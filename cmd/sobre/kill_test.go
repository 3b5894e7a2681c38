package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestKilledBuilds runs `sobre build` 50 times, alternating two versions of
// a site, and kills it with SIGKILL at a random moment of its run. After
// every kill the output must be a complete tree: each file whole and equal
// to the one version's or the other's, every local link and resource of
// every page present, the host's file untouched. A last build, let finish,
// must leave exactly its version.
func TestKilledBuilds(t *testing.T) {
	root := t.TempDir()
	bin := buildSobre(t, root)
	// Two versions: B changes a page, adds one and drops another, so the
	// search indexes (named by their hash) and the zips change too.
	a := killSite(40, "première version")
	b := killSite(40, "seconde version")
	delete(b, "content/fr/p07.md")
	b["content/fr/nouvelle.md"] = "---\ntitle: Nouvelle\n---\nUne page de plus.\n"
	versions := []map[string]string{a, b}
	srcs := make([]string, 2)
	refs := make([]map[string][]byte, 2)
	for i, v := range versions {
		srcs[i] = filepath.Join(root, "site"+string(rune('a'+i)))
		for name, data := range v {
			galleryWrite(t, filepath.Join(srcs[i], filepath.FromSlash(name)), []byte(data))
		}
		ref := filepath.Join(root, "ref"+string(rune('a'+i)))
		start := time.Now()
		killBuild(t, bin, srcs[i], ref, 0)
		t.Logf("version %c builds in %v", 'a'+i, time.Since(start).Round(time.Millisecond))
		refs[i] = snapshot(t, ref)
		delete(refs[i], ".sobre-manifest")
	}
	// A build's writes come at its end: half the kills aim at its last
	// 40 %, the others anywhere.
	span := time.Hour
	for range 3 {
		start := time.Now()
		killBuild(t, bin, srcs[0], filepath.Join(root, "calibrate"), 0)
		span = min(span, time.Since(start))
	}

	out := filepath.Join(root, "public")
	killBuild(t, bin, srcs[0], out, 0)
	host := []byte("asbl.example.org\n")
	must(t, os.WriteFile(filepath.Join(out, "CNAME"), host, 0o644))
	rng := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	finished := 0
	for round := range 50 {
		v := (round + 1) % 2
		delay := 1 + time.Duration(rng.Int64N(int64(span)))
		if round%2 == 0 {
			delay = span*6/10 + time.Duration(rng.Int64N(int64(span)/2))
		}
		if killBuild(t, bin, srcs[v], out, delay) {
			finished++
		}
		checkKilledTree(t, round, snapshot(t, out), refs, host)
		if t.Failed() {
			return
		}
	}
	t.Logf("50 builds of %v each, killed at random: %d finished before the kill", span.Round(time.Millisecond), finished)
	killBuild(t, bin, srcs[1], out, 0)
	got := snapshot(t, out)
	delete(got, ".sobre-manifest")
	delete(got, "CNAME")
	if !sameTree(got, refs[1]) {
		t.Errorf("a build after the kills does not leave its version:\n%s", treeDiff(refs[1], got))
	}
}

// killBuild runs sobre build, killing it after delay (0: let it finish).
// It reports whether the build finished.
func killBuild(t *testing.T, bin, src, out string, delay time.Duration) bool {
	t.Helper()
	cmd := exec.Command(bin, "build", "-src", src, "-out", out)
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1764892800")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	must(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if delay == 0 {
		if err := <-done; err != nil {
			t.Fatalf("build of %s: %v\n%s", src, err, stderr.String())
		}
		return true
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("build of %s: %v\n%s", src, err, stderr.String())
		}
		return true
	case <-time.After(delay):
		cmd.Process.Kill()
		<-done
		return false
	}
}

var localRef = regexp.MustCompile(`(?:href|src)="([^":#?]+)["#?]`)

// checkKilledTree checks a tree a killed build left.
func checkKilledTree(t *testing.T, round int, tree map[string][]byte, refs []map[string][]byte, host []byte) {
	t.Helper()
	if !bytes.Equal(tree["CNAME"], host) {
		t.Errorf("round %d: the host's CNAME was changed or deleted", round)
	}
	if _, ok := tree["index.html"]; !ok {
		t.Errorf("round %d: no index.html left", round)
	}
	for name, b := range tree {
		if name == "CNAME" || name == ".sobre-manifest" || strings.HasPrefix(name, ".sobre-staging-") {
			continue
		}
		if !bytes.Equal(b, refs[0][name]) && !bytes.Equal(b, refs[1][name]) {
			t.Errorf("round %d: %s is neither version's (%d bytes): cut short or mixed", round, name, len(b))
		}
		if !strings.HasSuffix(name, ".html") || strings.HasSuffix(name, "404.html") {
			continue
		}
		for _, m := range localRef.FindAllSubmatch(b, -1) {
			ref := path.Join(path.Dir(name), string(m[1]))
			if _, ok := tree[ref]; !ok && !strings.HasSuffix(string(m[1]), "/") {
				t.Errorf("round %d: %s names %s, which is missing", round, name, ref)
			}
		}
	}
}

// killSite is a site of n French pages with the marker in each.
func killSite(n int, marker string) map[string]string {
	files := map[string]string{
		"site.toml":           "[outputs]\nbooklets = false\n",
		"content/fr/index.md": "---\ntitle: Accueil\n---\nBienvenue, " + marker + ".\n",
	}
	for i := range n {
		name := "p" + string(rune('0'+i/10)) + string(rune('0'+i%10))
		files["content/fr/"+name+".md"] = "---\ntitle: Page " + name + "\n---\n## Partie\n\nTexte de la " + marker + ", page " + name + ".\n\nVoir [l'accueil](index.md).\n"
	}
	return files
}
