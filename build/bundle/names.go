package bundle

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkName refuses an entry name that would unpack badly or dangerously
// somewhere: a backslash (a folder separator on Windows), a colon (a drive
// letter "C:", or a name Windows cannot hold), a control character (a
// newline splits listings and scripts), a ".." or "." part, an empty
// part or a leading "/" (an entry outside, or beside, the archive's folder),
// or bytes that are not UTF-8 (the zip says its names are).
func checkName(name string) error {
	bad := func(why string) error { return fmt.Errorf("zip entry %q: %s", name, why) }
	switch {
	case name == "":
		return bad("empty name")
	case !utf8.ValidString(name):
		return bad("not valid UTF-8: rename the file")
	case strings.HasPrefix(name, "/"):
		return bad("absolute path: entries must stay inside the archive's folder")
	case strings.Contains(name, `\`):
		return bad(`contains "\": a folder separator on Windows; rename the file`)
	case len(name) >= 2 && name[1] == ':' && name[0] < utf8.RuneSelf && unicode.IsLetter(rune(name[0])):
		return bad("starts with a drive letter: entries must stay inside the archive's folder")
	case strings.Contains(name, ":"):
		return bad(`contains ":", which Windows cannot unpack; rename the file`)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return bad(fmt.Sprintf("contains the control character %U: rename the file", r))
		}
	}
	for _, part := range strings.Split(name, "/") {
		switch part {
		case "..":
			return bad(`contains "..": entries must stay inside the archive's folder`)
		case ".", "":
			return bad("has an empty or \".\" part: write the path without it")
		}
	}
	return nil
}

// checkNames checks every entry name, and that no two are one file once
// unpacked: the same name with case folded (Windows and macOS do not tell
// them apart), or a file named like another entry's folder.
func checkNames(names []string) error {
	files := map[string]string{}
	for _, n := range names {
		if err := checkName(n); err != nil {
			return err
		}
		key := strings.ToLower(n)
		if prev, ok := files[key]; ok {
			return fmt.Errorf("zip entries %q and %q would be one file on Windows and macOS: rename one of them", prev, n)
		}
		files[key] = n
	}
	for _, n := range names {
		for dir := path.Dir(n); dir != "."; dir = path.Dir(dir) {
			if f, ok := files[strings.ToLower(dir)]; ok {
				return fmt.Errorf("zip entry %q is a file and the folder of %q: rename one of them", f, n)
			}
		}
	}
	return nil
}

// joinName puts an entry under the archive's root folder, as given: no
// cleaning, so that checkName sees what the archive would hold.
func joinName(root, n string) string {
	if root == "" {
		return n
	}
	return root + "/" + n
}
