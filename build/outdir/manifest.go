package outdir

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
)

// ManifestName is the file, in the output folder, listing what sobre wrote.
const ManifestName = ".sobre-manifest"

// reserved prefixes every name sobre keeps for itself in the output folder:
// the manifest, the staging folders and, where flock is missing, the lock.
const reserved = ".sobre-"

const stagingPrefix = reserved + "staging-"

const manifestHeader = "# sobre manifest: the files sobre wrote in this folder, one per line. Do not edit: sobre deletes only what is listed here."

// Keep lists the names a host puts in a web root. Sobre never writes,
// deletes or counts them as foreign, at any depth.
var Keep = []string{".git", ".gitignore", ".gitattributes", ".well-known", ".htaccess", ".nojekyll", "_headers", "_redirects", "CNAME"}

func kept(name string) bool {
	for _, k := range Keep {
		if name == k {
			return true
		}
	}
	return false
}

// validName says why name cannot be a file sobre owns, or "" if it can: a
// clean slash-separated relative path, without "..", control characters,
// backslashes, keep-list elements or sobre's reserved names.
func validName(name string) string {
	switch {
	case name == "" || name == ".":
		return "an empty name"
	case strings.HasPrefix(name, "/"):
		return fmt.Sprintf("%q is an absolute path", name)
	case strings.Contains(name, `\`):
		return fmt.Sprintf("%q holds a backslash", name)
	case strings.IndexFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		return fmt.Sprintf("%q holds a control character", name)
	case path.Clean(name) != name:
		return fmt.Sprintf("%q is not a clean path (write it %q)", name, path.Clean(name))
	}
	for i, el := range strings.Split(name, "/") {
		switch {
		case el == "..":
			return fmt.Sprintf("%q climbs out of the folder", name)
		case kept(el):
			return fmt.Sprintf("%q is a host's file (%s), sobre never writes it", name, el)
		case i == 0 && strings.HasPrefix(el, reserved):
			return fmt.Sprintf("%q is reserved for sobre's bookkeeping", name)
		}
	}
	return ""
}

// parseManifest reads a manifest; label names it in errors (OUT/.sobre-manifest).
func parseManifest(b []byte, label string) (map[string]bool, error) {
	names := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if why := validName(line); why != "" {
			return nil, fmt.Errorf("%s:%d: %s: this is not a file sobre wrote; restore the manifest or empty the folder", label, i+1, why)
		}
		names[line] = true
	}
	return names, nil
}

// formatManifest writes names sorted, one a line, under the header.
func formatManifest(names map[string]bool) []byte {
	list := sorted(names)
	var b bytes.Buffer
	b.WriteString(manifestHeader + "\n")
	for _, n := range list {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func sorted(set map[string]bool) []string {
	list := make([]string, 0, len(set))
	for n := range set {
		list = append(list, n)
	}
	sort.Strings(list)
	return list
}
