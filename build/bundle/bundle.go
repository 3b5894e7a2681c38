// Package bundle packs a rendered site into reproducible archives for
// offline use: the same files give the same bytes, whatever the machine,
// the order the files were made in or the time of the build.
package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"path"
	"sort"
	"strings"
	"sync"
	"time"
)

// Epoch is the file time used when the build has no SOURCE_DATE_EPOCH:
// the earliest a zip can say, rather than the time of the build.
var Epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Zip packs files (path -> content) under the folder root, so that
// unzipping makes one folder, in path order, all dated mod.
func Zip(root string, files map[string][]byte, mod time.Time) ([]byte, error) {
	if mod.IsZero() || mod.Before(Epoch) {
		mod = Epoch
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	w.RegisterCompressor(zip.Deflate, deflater)
	if err := writeSorted(w, root, files, mod); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeSorted adds files to w in name order under root, all dated mod:
// the order and dates of the build leave no trace in the archive. A name
// that would unpack badly stops it with an error naming the entry, before
// anything is written.
func writeSorted(w *zip.Writer, root string, files map[string][]byte, mod time.Time, taken ...string) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	full := make([]string, len(names))
	for i, n := range names {
		full[i] = joinName(root, n)
	}
	if err := checkNames(append(full, taken...)); err != nil {
		return err
	}
	for i, n := range names {
		method := zip.Deflate
		if alreadyCompressed(n) {
			method = zip.Store
		}
		h := &zip.FileHeader{Name: full[i], Method: method, Modified: mod.UTC()}
		h.SetMode(0o644)
		f, err := w.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(files[n]); err != nil {
			return err
		}
	}
	return nil
}

// A flate writer allocates about a megabyte of tables: a site of
// thousands of pages reuses a few instead of making one per file.
var flatePool = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	return w
}}

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

func deflater(out io.Writer) (io.WriteCloser, error) {
	w := flatePool.Get().(*flate.Writer)
	w.Reset(out)
	return pooledFlate{w}, nil
}

// alreadyCompressed files gain nothing from deflate.
func alreadyCompressed(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".zip", ".pdf", ".epub", ".woff2":
		return true
	}
	return false
}
