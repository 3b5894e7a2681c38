package outdir

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

const killEnv = "SOBRE_OUTDIR_KILL_CHILD" // OUT:VERSION for the child

// killVersion is one of two versions of a ~340-file site. They differ in
// content and in names: the hashed stylesheet is renamed, a page and a
// folder of pages go, another folder and an image come; a font stays.
func killVersion(v int) map[string][]byte {
	files := map[string][]byte{}
	css := fmt.Sprintf("assets/style.%08x.css", 0xc0ffee+v)
	files[css] = []byte(strings.Repeat(fmt.Sprintf("body{color:#%03d}\n", v), 200))
	files["assets/font.woff2"] = []byte(strings.Repeat("font", 4000))
	files["index.html"] = killPage(v, css, "", 0)
	for _, lang := range []string{"fr", "nl", "en"} {
		for i := range 99 {
			if v == 1 && lang == "fr" && i == 50 {
				continue
			}
			files[fmt.Sprintf("%s/p%03d.html", lang, i)] = killPage(v, css, "../", i)
		}
	}
	// A folder of pages goes (and with it the folder), another comes.
	for i := range 40 {
		if v == 0 {
			files[fmt.Sprintf("fr/gone/p%02d.html", i)] = killPage(v, css, "../../", i)
		} else {
			files[fmt.Sprintf("en/new/p%02d.html", i)] = killPage(v, css, "../../", i)
		}
	}
	if v == 1 {
		files["img/new.png"] = []byte(strings.Repeat("png", 3000))
	}
	return files
}

func killPage(v int, css, up string, i int) []byte {
	return fmt.Appendf(nil, "<!doctype html><link rel=stylesheet href=\"%s%s\"><a href=\"%sindex.html\">home</a><p>version %d</p>%s",
		up, css, up, v, strings.Repeat(fmt.Sprintf("<p>text %d of version %d</p>", i, v), 60+i))
}

var killRefs = regexp.MustCompile(`(?:href|src)="([^"]+)"`)

// TestKill kills a build writing one version over the other at random
// moments, then checks the invariant of the package comment on what is left
// and that the next build completes it.
func TestKill(t *testing.T) {
	if spec := os.Getenv(killEnv); spec != "" {
		out, v, _ := strings.Cut(spec, ":")
		n, _ := strconv.Atoi(v)
		files := killVersion(n)
		fmt.Println("go")
		start := time.Now()
		if _, err := Write(out, files, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(time.Since(start).Nanoseconds())
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("kills 50 builds")
	}
	out := killDir(t)
	foreign := map[string]string{"CNAME": "example.org", ".git/HEAD": "ref: main"}
	put(t, out, foreign)
	versions := []map[string][]byte{killVersion(0), killVersion(1)}
	if _, err := Write(out, versions[0], nil); err != nil {
		t.Fatal(err)
	}
	later := map[string]string{"notes.txt": "the host's", "fr/local.txt": "the host's too"}
	put(t, out, later)
	for n, c := range later {
		foreign[n] = c
	}

	// Calibrate on an uncontended run: how long the write itself takes.
	d := runChild(t, out, 1, -1)
	if _, err := Write(out, versions[0], nil); err != nil {
		t.Fatal(err)
	}
	t.Logf("an uncontended write of %d files takes %v", len(versions[1]), d)

	phases := map[string]int{}
	cur := 0
	for round := range 50 {
		next := 1 - cur
		// Stratified: the 50 delays spread evenly over the write.
		delay := time.Duration((float64(round%25) + rand.Float64()) / 25 * float64(d))
		runChild(t, out, next, delay)
		phase := checkKilled(t, out, versions[cur], versions[next], foreign)
		phases[phase]++
		if t.Failed() {
			t.Fatalf("round %d, killed after %v (%s)", round, delay, phase)
		}
		if _, err := Write(out, versions[next], nil); err != nil {
			t.Fatal(err)
		}
		want := site(foreign, strs(versions[next]))
		want["fr/"], want[".git/"] = "", ""
		sameTree(t, snap(t, out), want)
		if t.Failed() {
			t.Fatalf("round %d: the build after the kill left the wrong tree", round)
		}
		cur = next
	}
	var keys []string
	for k := range phases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %d;", k, phases[k])
	}
	t.Logf("kills landed:%s", b.String())
}

// killDir is a fresh folder, in memory (tmpfs) where there is one: the
// test measures the order of operations, not the disk, and 100 builds of
// 300 files cost a lot of system time on a disk.
func killDir(t *testing.T) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "sobre-kill-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

func strs(files map[string][]byte) map[string]string {
	m := map[string]string{}
	for n, b := range files {
		m[n] = string(b)
	}
	return m
}

// runChild starts a build of version v into out in a child process and,
// with delay >= 0, kills it that long after it starts writing. Without, it
// waits and returns how long the write took.
func runChild(t *testing.T, out string, v int, delay time.Duration) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s:%d", killEnv, out, v))
	cmd.Stderr = os.Stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(pipe)
	if line, err := r.ReadString('\n'); line != "go\n" {
		t.Fatalf("child said %q, %v", line, err)
	}
	if delay < 0 {
		line, _ := r.ReadString('\n')
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
		ns, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
		if err != nil {
			t.Fatalf("child said %q", line)
		}
		return time.Duration(ns)
	}
	time.Sleep(delay)
	cmd.Process.Kill()
	cmd.Wait()
	return 0
}

// checkKilled checks the tree a killed build left and names the phase the
// kill landed in.
func checkKilled(t *testing.T, out string, old, new map[string][]byte, foreign map[string]string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	listed, err := parseManifest(b, ManifestName)
	if err != nil {
		t.Fatal(err)
	}
	staging, fresh, stale := false, 0, 0
	tree := snap(t, out)
	for n, c := range tree {
		switch {
		case strings.HasPrefix(n, stagingPrefix):
			staging = true
		case n == ManifestName || strings.HasSuffix(n, "/"):
		case foreign[n] != "":
			if c != foreign[n] {
				t.Errorf("the host's %s was changed", n)
			}
		case !listed[n]:
			t.Errorf("%s is on disk but not in the manifest", n)
		case c == string(new[n]):
			if _, ok := old[n]; !ok || string(old[n]) != c {
				fresh++
			}
		case c == string(old[n]):
			if _, ok := new[n]; !ok {
				stale++
			}
		default:
			t.Errorf("%s is neither its old nor its new version", n)
		}
	}
	for n := range foreign {
		if _, ok := tree[n]; !ok {
			t.Errorf("the host's %s is gone", n)
		}
	}
	for n, c := range tree {
		if !strings.HasSuffix(n, ".html") || strings.HasPrefix(n, stagingPrefix) {
			continue
		}
		for _, m := range killRefs.FindAllStringSubmatch(c, -1) {
			ref := filepath.ToSlash(filepath.Join(filepath.Dir(n), m[1]))
			if _, ok := tree[ref]; !ok {
				t.Errorf("%s refers to %s, missing", n, ref)
			}
		}
	}
	changed := 0
	for n, c := range new {
		if string(old[n]) != string(c) {
			changed++
		}
	}
	switch {
	case len(listed) == len(new) && fresh == changed && stale == 0:
		if staging {
			return "cleanup"
		}
		return "done"
	case fresh == 0 && len(listed) == len(old):
		if staging {
			return "staging"
		}
		return "before"
	case fresh < changed:
		return "renaming"
	default:
		return "deleting"
	}
}
