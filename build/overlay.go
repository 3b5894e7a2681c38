package build

import (
	"errors"
	"io/fs"
	"sort"
)

// overlay reads from top first and from base where top lacks a file, so a
// site's own theme or strings override the embedded defaults file by file.
type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil || o.base == nil {
		return f, err
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	var b []fs.DirEntry
	var errB error = fs.ErrNotExist
	if o.base != nil {
		b, errB = fs.ReadDir(o.base, name)
	}
	if errA != nil && errB != nil {
		return nil, errA
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(a, b...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
