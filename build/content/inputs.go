package content

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // headers for the pixel budget
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/svgsafe"
)

// The checks here run on every file of the content tree before it is
// read or decoded: a link out of the site folder, a raw page or script,
// a file over its budget or an image of too many pixels is refused while
// it costs nothing, and every such problem comes in the first round.

// EscapeError is a symbolic link of the site folder that points outside
// it, or by an absolute path, which the build does not follow.
type EscapeError struct{ Link, Target string }

func (e *EscapeError) Error() string { return e.Link + " is " + e.Reason() }

// Reason is the message without the link's name, for a problem already
// reported at the link.
func (e *EscapeError) Reason() string {
	if path.IsAbs(e.Target) {
		return "a symbolic link to " + e.Target + ", an absolute path: sobre reads only inside the site folder; copy the file into the site folder (or make the link relative, if its target is inside the folder)"
	}
	return "a symbolic link to " + e.Target + ", outside the site folder: copy the file into the site folder instead of linking to it"
}

// LinkLeaves reports whether a link at p (a slash path from the site
// folder) with that target leaves the folder. An absolute target counts
// as leaving: the confined reader refuses it even when it lands inside.
func LinkLeaves(p, target string) bool {
	if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
		return true
	}
	j := path.Join(path.Dir(p), target)
	return j == ".." || strings.HasPrefix(j, "../")
}

// refusedExt are files a browser would run: published beside the pages,
// they would bypass the Markdown checks and the pages' script policy.
var refusedExt = map[string]string{
	".html": "a raw HTML page", ".htm": "a raw HTML page", ".xhtml": "a raw XHTML page",
	".xht": "a raw XHTML page", ".shtml": "a raw HTML page",
	".js": "a script", ".mjs": "a script", ".svgz": "a compressed SVG",
}

// IsImage reports whether a file counts as an image for budgets.image.
func IsImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg":
		return true
	}
	return false
}

// isRaster reports whether the standard decoders read the image's size.
func isRaster(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif":
		return true
	}
	return false
}

// inputs collects what the walk refused, for the messages given once
// the pages are known.
type inputs struct {
	budgets config.Budgets
	// escaped maps a file of the tree to the link target that leaves the folder.
	escaped map[string]string
}

// read checks the file at p (a content path) and reads it, or returns
// false with the problem recorded.
func (in *inputs) read(fsys fs.FS, p string, d fs.DirEntry, problems *diag.List) ([]byte, bool) {
	if !publishable(p, problems) {
		return nil, false
	}
	fi, ok := in.info(fsys, p, d, problems)
	if !ok {
		return nil, false
	}
	data, ok := in.readWithin(fsys, p, fi.Size(), problems)
	if !ok {
		return nil, false
	}
	return in.checkData(p, data, problems)
}

// publishable refuses, by its name alone, a file that would not survive a
// copy to another system or that a browser would run.
func publishable(p string, problems *diag.List) bool {
	if bad := unportable(path.Base(p)); bad != "" {
		problems.Errorf(p, 0, "content", "the file name contains %s, which other systems (Windows, zip tools) read otherwise: rename the file with letters, digits, - and _", bad)
		return false
	}
	ext := strings.ToLower(path.Ext(p))
	what, refused := refusedExt[ext]
	if !refused {
		return true
	}
	switch ext {
	case ".svgz":
		problems.Errorf(p, 0, "content", "%s is not published: its content cannot be checked; save it as a plain .svg", what)
	case ".js", ".mjs":
		problems.Errorf(p, 0, "content", "%s is not published: pages run only the theme's scripts (themes/default/assets/); remove it, or write what it shows as Markdown", what)
	default:
		problems.Errorf(p, 0, "content", "%s is not published: it could run scripts in the site's name and escapes its checks; write the page as Markdown (%s.md)", what, strings.TrimSuffix(p, path.Ext(p)))
	}
	return false
}

// info finds what p is, following a symbolic link only inside the folder
// (one leading out is recorded, to be reported where pages use it), and
// accepts only regular files.
func (in *inputs) info(fsys fs.FS, p string, d fs.DirEntry, problems *diag.List) (fs.FileInfo, bool) {
	var fi fs.FileInfo
	var err error
	if d.Type()&fs.ModeSymlink != 0 {
		// A link that cannot be read is refused by Stat below, with its reason.
		if target, lerr := fs.ReadLink(fsys, p); lerr == nil && LinkLeaves(p, target) {
			in.escaped[p] = target
			return nil, false
		}
		fi, err = fs.Stat(fsys, p)
	} else {
		fi, err = d.Info()
	}
	if err != nil {
		var esc *EscapeError
		if errors.As(err, &esc) {
			in.escaped[p] = esc.Target
		} else {
			problems.Errorf(p, 0, "content", "cannot read: %v", err)
		}
		return nil, false
	}
	switch {
	case fi.IsDir():
		problems.Errorf(p, 0, "content", "a symbolic link to a folder: sobre does not follow these; move the folder here instead")
		return nil, false
	case !fi.Mode().IsRegular():
		problems.Errorf(p, 0, "content", "not a regular file (%v): only files are published; remove it", fi.Mode().Type())
		return nil, false
	}
	return fi, true
}

// readWithin reads p, listed with size bytes, refusing it before and while
// reading when it is over its budget.
func (in *inputs) readWithin(fsys fs.FS, p string, size int64, problems *diag.List) ([]byte, bool) {
	limit, over := in.limit(p)
	if limit > 0 && size > limit {
		problems.Errorf(p, 0, "budget", over, Size(size), Size(limit))
		return nil, false
	}
	data, err := readAtMost(fsys, p, limit)
	if err != nil {
		problems.Errorf(p, 0, "content", "cannot read: %v", err)
		return nil, false
	}
	if limit > 0 && int64(len(data)) > limit { // it grew since it was listed
		problems.Errorf(p, 0, "budget", over, "more than "+Size(limit), Size(limit))
		return nil, false
	}
	return data, true
}

// checkData refuses an image of too many pixels, from its header alone,
// and returns an SVG without what could run or load from elsewhere.
func (in *inputs) checkData(p string, data []byte, problems *diag.List) ([]byte, bool) {
	if isRaster(p) {
		// A header the decoders cannot read is left to the stages that
		// decode the image (print reports it at its page); on the web a
		// browser shows its alt text.
		if c, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			if px := int64(c.Width) * int64(c.Height); px > int64(in.budgets.ImagePixels) {
				problems.Errorf(p, 0, "budget", "image of %d × %d pixels (%s), over the budget of %s (budgets.image_pixels): resize it (1200 px wide is plenty on screen, 2500 for print)",
					c.Width, c.Height, megapixels(px), megapixels(int64(in.budgets.ImagePixels)))
				return nil, false
			}
		}
	}
	if strings.ToLower(path.Ext(p)) != ".svg" {
		return data, true
	}
	clean, removed, err := svgsafe.Sanitize(data)
	if err != nil {
		problems.Errorf(p, 0, "svg", "%v: fix the file (open and save it again in a drawing program) or remove it", err)
		return nil, false
	}
	if len(removed) > 0 {
		problems.Warnf(p, 0, "svg", "published without %s: an SVG of the site may not run scripts or load other sites' files; remove them from the file", strings.Join(removed, ", "))
	}
	return clean, true
}

// limit is the largest size allowed for a file, with the message (two
// sizes to fill in) that refuses a larger one; 0 is no limit.
func (in *inputs) limit(p string) (int64, string) {
	b := in.budgets
	switch {
	case strings.HasSuffix(p, ".md"):
		return int64(b.Markdown), "page of %s, over the limit of %s (budgets.markdown): split it into several pages"
	case IsImage(p):
		return int64(b.Image), "image of %s, over the budget of %s (budgets.image): resize it (1200 px wide is plenty on screen) or compress it"
	}
	return int64(b.File), "file of %s, over the budget of %s (budgets.file): compress it, or publish it elsewhere and link to it"
}

// readAtMost reads a file, stopping one byte past limit (when positive)
// so a file that lies about its size still costs no more than its budget.
func readAtMost(fsys fs.FS, p string, limit int64) ([]byte, error) {
	if limit <= 0 {
		return fs.ReadFile(fsys, p)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// refLine finds Markdown link and image destinations and reference
// definitions: enough to point at the line that uses a refused file.
var refLine = regexp.MustCompile(`\]\(\s*<?([^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)|\bsrc="([^"]+)"`)

// reportEscapes reports each link out of the folder at the Markdown lines
// that use it, or at the link itself when no page does.
func (in *inputs) reportEscapes(sources map[string]map[string]*Source, problems *diag.List) {
	if len(in.escaped) == 0 {
		return
	}
	used := map[string]bool{}
	var langs []string
	for l := range sources {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		for _, s := range sources[l] {
			for i, line := range bytes.Split(s.Body, []byte("\n")) {
				for _, m := range refLine.FindAllSubmatch(line, -1) {
					dest := string(m[1]) + string(m[2]) + string(m[3])
					dest, _, _ = strings.Cut(dest, "#")
					dest, _, _ = strings.Cut(dest, "?")
					if dest == "" || strings.Contains(dest, ":") {
						continue
					}
					file := path.Join(path.Dir(s.File), dest)
					if target, ok := in.escaped[file]; ok {
						used[file] = true
						problems.Errorf(s.File, s.BodyLine+i, "content", "%s", (&EscapeError{Link: file, Target: target}).Error())
					}
				}
			}
		}
	}
	for file, target := range in.escaped {
		if !used[file] {
			problems.Errorf(file, 0, "content", "%s", (&EscapeError{Link: file, Target: target}).Reason())
		}
	}
}

// Size writes a number of bytes for a person.
func Size(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d bytes", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

func megapixels(n int64) string {
	return fmt.Sprintf("%.1f megapixels", float64(n)/1e6)
}

// unportable names what in a file name would make its copy in a zip, on
// a USB stick formatted for Windows or in a web address mean something
// else: a backslash (a folder separator), a colon (a drive), a control
// character (a line break in a listing). It returns "" for a good name.
func unportable(name string) string {
	for _, r := range name {
		switch {
		case r == '\\':
			return "a backslash"
		case r == ':':
			return "a colon"
		case r < 0x20 || r == 0x7f:
			return fmt.Sprintf("a control character (U+%04X)", r)
		}
	}
	return ""
}
