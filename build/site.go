package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/outdir"
)

// Load reads and parses the site folder opts.Src, as LoadFS does, every
// read confined to the folder (symbolic links too). The folder's handle
// lives as long as the Project's Src; the os.Root's finalizer closes it.
func Load(ctx context.Context, opts Options) (*Project, error) {
	s, err := openSite(opts.Src)
	if err != nil {
		return nil, fmt.Errorf("reading the site folder: %w", err)
	}
	return LoadFS(ctx, s, opts)
}

// Build renders the site folder opts.Src into opts.Out, as BuildFS does,
// after refusing an output folder that would destroy or swallow the
// sources. Every read stays inside the site folder.
func Build(ctx context.Context, opts Options) (*Result, error) {
	if _, err := outdir.Check(opts.Src, opts.Out); err != nil {
		return nil, err
	}
	s, err := openSite(opts.Src)
	if err != nil {
		return nil, fmt.Errorf("reading the site folder: %w", err)
	}
	defer s.Close()
	return BuildFS(ctx, s, opts)
}

// siteFS reads the site folder through an os.Root: no path, symbolic link
// or "..", however written, reaches a file outside the folder, so nothing
// from elsewhere on the machine can end up in a page, a zip or a booklet.
// It only rewrites the root's terse "path escapes from parent" into a
// message that names the link and says what to do.
type siteFS struct {
	fsys fs.FS // root.FS(): StatFS, ReadFileFS, ReadDirFS and ReadLinkFS
	root *os.Root
}

// openSite confines every read to the folder src.
func openSite(src string) (*siteFS, error) {
	r, err := os.OpenRoot(src)
	if err != nil {
		return nil, err
	}
	return &siteFS{fsys: r.FS(), root: r}, nil
}

// SiteFS returns the files of the site folder src, every read confined to
// it as a build's are: for the commands that read a page or site.toml
// without building.
func SiteFS(src string) (fs.FS, error) {
	s, err := openSite(src)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Close releases the folder's handle.
func (s *siteFS) Close() error { return s.root.Close() }

func (s *siteFS) Open(name string) (fs.File, error) {
	f, err := s.fsys.Open(name)
	return f, s.explain(name, err)
}

func (s *siteFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(s.fsys, name)
	return b, s.explain(name, err)
}

func (s *siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	l, err := fs.ReadDir(s.fsys, name)
	return l, s.explain(name, err)
}

func (s *siteFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := fs.Stat(s.fsys, name)
	return fi, s.explain(name, err)
}

func (s *siteFS) ReadLink(name string) (string, error) { return fs.ReadLink(s.fsys, name) }

func (s *siteFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(s.fsys, name) }

// explain finds the link through which name leaves the folder, when an
// error other than a missing file may be the root refusing it.
func (s *siteFS) explain(name string, err error) error {
	if err == nil || errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return err
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		fi, lerr := fs.Lstat(s.fsys, p)
		if lerr != nil || fi.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, lerr := fs.ReadLink(s.fsys, p)
		if lerr != nil {
			continue
		}
		if content.LinkLeaves(p, target) {
			return &content.EscapeError{Link: p, Target: target}
		}
	}
	return err
}

// LoadSite reads the configuration and the content of the site folder src,
// without the theme or a build: for the commands and views that need the
// pages and their translations only (xliff, the side-by-side view).
func LoadSite(src string) (*content.Site, fs.FS, error) {
	fsys, err := SiteFS(src)
	if err != nil {
		return nil, nil, err
	}
	cfg, probs := config.Load(fsys)
	if cfg == nil {
		return nil, nil, probs.Err()
	}
	site, probs := content.Load(fsys, cfg)
	if site == nil {
		return nil, nil, probs.Err()
	}
	return site, fsys, nil
}
