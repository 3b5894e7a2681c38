// Package outdir owns the output folder: its manifest, its lock and the
// staged replacement of its files.
//
// The folder's manifest, .sobre-manifest, lists every file sobre may have
// written there. A folder without one is taken only if it is empty apart from
// a host's own files (the Keep list); sobre never writes a name that exists
// and is not listed, and deletes only listed names. Every write and delete
// goes through an os.Root opened on the folder, so a symbolic link planted
// inside it cannot lead sobre outside; and sobre writes only into real
// folders, never through a link, so one cannot lead it to a foreign file
// inside either. An exclusive lock (flock) keeps a second build out.
//
// Write replaces the files one by one, not the folder in one rename, which
// would lose a host's files and a symlinked -out. Instead it keeps this
// invariant, at every instant and so after a kill at any point:
//
//   - each file in the folder is a whole old or a whole new version: new
//     versions are written into a staging folder inside the output (same
//     file system) and moved into place by rename, which swaps one whole file;
//   - every page's local links and assets exist: files other than pages move
//     in first (content-hashed assets have new names, so old pages keep their
//     old assets), pages after them, and old files leave only once every page
//     is new;
//   - files not in the manifest are never written or deleted;
//   - the manifest lists a superset of sobre's files: before the first
//     rename it becomes the union of the old and new names, and shrinks to
//     the new names only after the deletions.
//
// A kill thus leaves a mix of old and new files, each whole and consistent,
// and the next build completes it: it removes the staging folder left
// behind and deletes what the union manifest lists and the new site lacks.
package outdir

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Stats counts what Write did.
type Stats struct {
	Written, Unchanged, Removed int
}

// Check refuses an output folder that would destroy or swallow the site's
// sources, or that holds files sobre does not own, before anything is
// loaded. It returns out resolved through
// symbolic links: a symlinked out is kept and written through.
func Check(src, out string) (string, error) {
	rs, err := resolve(src)
	if err != nil {
		return "", fmt.Errorf("site folder %s: %w", src, err)
	}
	ro, err := resolve(out)
	if err != nil {
		return "", fmt.Errorf("output folder %s: %w", out, err)
	}
	public := filepath.Join(src, "public")
	if fi, err := os.Stat(ro); err == nil && !fi.IsDir() {
		return "", fmt.Errorf("output folder %s is a file, not a folder: choose another -out, such as %s", out, public)
	}
	if inside(rs, ro) {
		return "", fmt.Errorf("output folder %s holds the site's sources (%s): choose another -out, such as %s", out, src, public)
	}
	for _, s := range []string{"content", "i18n", "themes", "site.toml"} {
		if inside(ro, filepath.Join(rs, s)) {
			return "", fmt.Errorf("output folder %s lies inside the site's sources (%s): choose another -out, such as %s", out, filepath.Join(src, s), public)
		}
	}
	return ro, owned(out, ro)
}

// owned checks, reading only, that sobre may write in the folder dir (if it
// exists): its manifest is sound, or it holds nothing but a host's files.
// Write checks again, under the lock; this tells before the build's work.
func owned(out, dir string) error {
	root, err := os.OpenRoot(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer root.Close()
	return (&writer{root: root, out: out}).readManifest()
}

// inside says whether p is dir or lies under it (both absolute and clean).
func inside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve makes p absolute and resolves its symbolic links; for a path that
// does not exist yet, it resolves the longest existing ancestor.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	cur, rest := abs, ""
	for {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(cur); lerr == nil {
			return "", fmt.Errorf("%s is a symbolic link to nothing: create its target or remove it", cur)
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// Write makes the folder out hold files (slash-separated names), keeping
// the invariant of the package comment. verbose, if set, receives each name
// written. Nothing is touched until every check has passed.
func Write(out string, files map[string][]byte, verbose func(string)) (Stats, error) {
	dir, err := resolve(out)
	if err != nil {
		return Stats{}, fmt.Errorf("output folder %s: %w", out, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Stats{}, err
	}
	defer root.Close()
	release, held, err := lock(root)
	if err != nil {
		return Stats{}, fmt.Errorf("cannot lock %s: %w", out, err)
	}
	if held {
		return Stats{}, fmt.Errorf("another sobre build is writing to %s: wait for it to finish%s", out, staleLockHint)
	}
	defer release()
	w := &writer{root: root, out: out, files: files, verbose: verbose}
	defer w.dropStaging()
	return w.run(dir)
}

type writer struct {
	root    *os.Root
	out     string // as given, for messages
	files   map[string][]byte
	verbose func(string)
	old     map[string]bool // the manifest found
	had     bool            // whether there was one
	staging string          // created on first use
	folders map[string]bool // folder checks done: true if it exists
}

func (w *writer) label(name string) string { return filepath.Join(w.out, filepath.FromSlash(name)) }

func (w *writer) run(dir string) (Stats, error) {
	var st Stats
	if err := w.readManifest(); err != nil {
		return st, err
	}
	w.cleanLeftovers(dir)
	changed, err := w.plan()
	if err != nil {
		return st, err
	}
	st.Written, st.Unchanged = len(changed), len(w.files)-len(changed)
	fresh := map[string]bool{}
	union := map[string]bool{}
	for n := range w.files {
		fresh[n], union[n] = true, true
	}
	for n := range w.old {
		union[n] = true
	}
	staged, err := w.stage(changed)
	if err != nil {
		return st, err
	}
	if !w.had || len(union) != len(w.old) {
		if err := w.writeManifest(union); err != nil {
			return st, err
		}
	}
	if err := w.install(changed, staged); err != nil {
		return st, err
	}
	st.Removed = w.removeStale(fresh)
	if len(fresh) != len(union) {
		if err := w.writeManifest(fresh); err != nil {
			return st, err
		}
	}
	return st, nil
}

// readManifest loads the manifest, or checks that a folder without one
// holds nothing but a host's files.
func (w *writer) readManifest() error {
	w.old = map[string]bool{}
	fi, err := w.root.Lstat(ManifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return w.refuseForeign()
	}
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file: remove it, then empty %s or choose another -out", w.label(ManifestName), w.out)
	}
	b, err := w.root.ReadFile(ManifestName)
	if err != nil {
		return err
	}
	w.old, err = parseManifest(b, w.label(ManifestName))
	w.had = err == nil
	return err
}

func (w *writer) refuseForeign() error {
	entries, err := w.readDir(".")
	if err != nil {
		return err
	}
	var foreign []string
	for _, e := range entries {
		if kept(e.Name()) || strings.HasPrefix(e.Name(), reserved) {
			continue
		}
		n := e.Name()
		if e.IsDir() {
			n += "/"
		}
		foreign = append(foreign, n)
	}
	if len(foreign) == 0 {
		return nil
	}
	more := ""
	if len(foreign) > 5 {
		foreign, more = foreign[:5], ", …"
	}
	return fmt.Errorf("%s holds files sobre did not write (%s%s) and no %s: empty it or choose another -out", w.out, strings.Join(foreign, ", "), more, ManifestName)
}

func (w *writer) readDir(name string) ([]fs.DirEntry, error) {
	f, err := w.root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := f.ReadDir(-1)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries, err
}

// cleanLeftovers removes the staging folders of killed builds (safe: we
// hold the lock) and the siblings the former swap-by-rename left behind.
func (w *writer) cleanLeftovers(dir string) {
	entries, _ := w.readDir(".")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagingPrefix) && e.IsDir() {
			w.root.RemoveAll(e.Name())
		}
	}
	seen := map[string]bool{}
	for _, p := range []string{w.out, dir} {
		p, err := filepath.Abs(p)
		if err != nil || seen[p] {
			continue
		}
		seen[p] = true
		parent, base := filepath.Dir(p), filepath.Base(p)
		siblings, _ := os.ReadDir(parent)
		for _, e := range siblings {
			n := e.Name()
			old, ok := strings.CutPrefix(n, base+".old-")
			isOld := ok && old != "" && strings.Trim(old, "0123456789") == ""
			if !isOld && !strings.HasPrefix(n, "."+base+".new-") || !e.IsDir() {
				continue
			}
			if fi, err := os.Lstat(filepath.Join(parent, n, "index.html")); err == nil && fi.Mode().IsRegular() {
				os.RemoveAll(filepath.Join(parent, n))
			}
		}
	}
}

// plan checks every new name and returns those whose content differs from
// the disk, sorted. It touches nothing.
func (w *writer) plan() ([]string, error) {
	w.folders = map[string]bool{".": true}
	names := make([]string, 0, len(w.files))
	for n := range w.files {
		names = append(names, n)
	}
	sort.Strings(names)
	var changed []string
	for _, n := range names {
		if why := validName(n); why != "" {
			return nil, fmt.Errorf("%s: sobre cannot write %s", w.out, why)
		}
		exists, err := w.folder(path.Dir(n))
		if err != nil {
			return nil, err
		}
		if !exists {
			changed = append(changed, n)
			continue
		}
		same, err := w.same(n)
		if err != nil {
			return nil, err
		}
		if !same {
			changed = append(changed, n)
		}
	}
	return changed, nil
}

// folder checks that d and its parents are real folders (or absent) and
// says whether d exists. A symbolic link is refused: writing through it
// could reach a file sobre does not own.
func (w *writer) folder(d string) (bool, error) {
	if exists, ok := w.folders[d]; ok {
		return exists, nil
	}
	up, err := w.folder(path.Dir(d))
	if err != nil || !up {
		w.folders[d] = false
		return false, err
	}
	fi, err := w.root.Lstat(filepath.FromSlash(d))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.folders[d] = false
		return false, nil
	case err != nil:
		return false, err
	case fi.Mode()&fs.ModeSymlink != 0:
		return false, fmt.Errorf("%s is a symbolic link: sobre writes only into real folders; remove the link", w.label(d))
	case !fi.IsDir():
		return false, fmt.Errorf("%s is a file where this build needs a folder: move it away", w.label(d))
	}
	w.folders[d] = true
	return true, nil
}

// same says whether the file n on disk already holds the new content; it
// refuses a name sobre does not own.
func (w *writer) same(n string) (bool, error) {
	fi, err := w.root.Lstat(filepath.FromSlash(n))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, err
	case !w.old[n]:
		return false, fmt.Errorf("%s is not sobre's: move it away, sobre will not overwrite it", w.label(n))
	case fi.IsDir():
		return false, fmt.Errorf("%s is a folder where this build writes a file: move it away", w.label(n))
	case !fi.Mode().IsRegular() || fi.Size() != int64(len(w.files[n])):
		return false, nil
	}
	b, err := w.root.ReadFile(filepath.FromSlash(n))
	return err == nil && bytes.Equal(b, w.files[n]), nil
}

// stagingDir creates the staging folder on first use.
func (w *writer) stagingDir() (string, error) {
	if w.staging != "" {
		return w.staging, nil
	}
	for {
		var b [8]byte
		rand.Read(b[:])
		name := stagingPrefix + hex.EncodeToString(b[:])
		err := w.root.Mkdir(name, 0o700)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		w.staging = name
		return name, nil
	}
}

func (w *writer) dropStaging() {
	if w.staging != "" {
		w.root.RemoveAll(w.staging)
	}
}

// stage writes the changed files into the staging folder under numbers,
// a few writers at once (the work is I/O bound), and returns where each is.
func (w *writer) stage(changed []string) (map[string]string, error) {
	staged := map[string]string{}
	if len(changed) == 0 {
		return staged, nil
	}
	dir, err := w.stagingDir()
	if err != nil {
		return nil, err
	}
	for i, n := range changed {
		staged[n] = filepath.Join(dir, strconv.Itoa(i))
	}
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	ch := make(chan string)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range ch {
				if err := w.root.WriteFile(staged[n], w.files[n], 0o644); err != nil {
					once.Do(func() { firstErr = err })
				}
			}
		}()
	}
	for _, n := range changed {
		ch <- n
		if w.verbose != nil {
			w.verbose(n)
		}
	}
	close(ch)
	wg.Wait()
	return staged, firstErr
}

// writeManifest replaces the manifest in one rename, synced first: it is
// what tells the next build which files are sobre's.
func (w *writer) writeManifest(names map[string]bool) error {
	dir, err := w.stagingDir()
	if err != nil {
		return err
	}
	tmp := filepath.Join(dir, "manifest")
	f, err := w.root.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(formatManifest(names))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return w.root.Rename(tmp, ManifestName)
}

// rank orders the renames: leaf assets, then styles and scripts that refer
// to them, then pages new to the folder, then pages replacing old ones, so
// that whatever a file on disk refers to is already there.
func (w *writer) rank(n string) int {
	switch path.Ext(n) {
	case ".html", ".htm", ".xhtml":
		if w.old[n] {
			return 3
		}
		return 2
	case ".css", ".js", ".mjs", ".json", ".webmanifest", ".xml", ".svg":
		return 1
	}
	return 0
}

// install moves the staged files into place, one atomic rename each.
func (w *writer) install(changed []string, staged map[string]string) error {
	order := append([]string(nil), changed...)
	sort.SliceStable(order, func(i, j int) bool { return w.rank(order[i]) < w.rank(order[j]) })
	made := map[string]bool{}
	for _, n := range order {
		if d := path.Dir(n); !made[d] {
			if err := w.root.MkdirAll(filepath.FromSlash(d), 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := w.root.Rename(staged[n], filepath.FromSlash(n)); err != nil {
			return err
		}
	}
	return nil
}

// removeStale deletes the listed files the new site lacks, in the reverse
// order of install, then the folders they leave empty. Only regular files and links, in real folders, go:
// Remove never follows the last link, and a folder a host put there stays.
func (w *writer) removeStale(fresh map[string]bool) int {
	var stale []string
	for _, n := range sorted(w.old) {
		if !fresh[n] {
			stale = append(stale, n)
		}
	}
	// Pages go first: a page on its way out still refers to old assets.
	sort.SliceStable(stale, func(i, j int) bool { return w.rank(stale[i]) > w.rank(stale[j]) })
	removed := 0
	dirs := map[string]bool{}
	for _, n := range stale {
		for d := path.Dir(n); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
		if exists, err := w.folder(path.Dir(n)); err != nil || !exists {
			continue
		}
		fi, err := w.root.Lstat(filepath.FromSlash(n))
		if err != nil || fi.IsDir() || !fi.Mode().IsRegular() && fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		if w.root.Remove(filepath.FromSlash(n)) == nil {
			removed++
		}
	}
	list := sorted(dirs)
	sort.SliceStable(list, func(i, j int) bool { return strings.Count(list[i], "/") > strings.Count(list[j], "/") })
	for _, d := range list {
		if exists, err := w.folder(d); err == nil && exists {
			w.root.Remove(filepath.FromSlash(d)) // fails, as it should, unless empty
		}
	}
	return removed
}
