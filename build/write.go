package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// writeAtomic writes files into a fresh folder beside out, then swaps it in:
// a build that fails on the way leaves the previous output as it was.
func writeAtomic(out string, files map[string][]byte, verbose func(string)) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	dirs := map[string]bool{}
	for _, n := range names {
		d := filepath.Dir(filepath.Join(tmp, filepath.FromSlash(n)))
		if !dirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			dirs[d] = true
		}
	}
	// Writing is I/O bound: a few writers overlap the system calls.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	ch := make(chan string)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range ch {
				if err := os.WriteFile(filepath.Join(tmp, filepath.FromSlash(n)), files[n], 0o644); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, n := range names {
		ch <- n
		if verbose != nil {
			verbose(n)
		}
	}
	close(ch)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	// Swap: move the old output aside, move the new one in, then delete the old.
	var old string
	if _, err := os.Stat(out); err == nil {
		old = out + ".old-" + strconv.Itoa(os.Getpid())
		os.RemoveAll(old)
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("cannot move the previous output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return err
	}
	ok = true
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// checkOut refuses an output folder that would destroy sources: the site
// folder itself, a folder holding it, or a non-empty folder sobre did not write.
func checkOut(src, out string) error {
	as, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	ao, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(ao, as); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("output folder %s holds the site's sources: choose another -out, such as %s", out, filepath.Join(src, "public"))
	}
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("output folder %s holds files that sobre did not write (no index.html): empty it or choose another -out", out)
	}
	return nil
}
