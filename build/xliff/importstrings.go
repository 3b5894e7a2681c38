package xliff

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// importStrings writes a strings file's units into i18n/<lang>.toml:
// a changed value in place, a new top-level string after the last one
// (never inside a [table], where go-i18n would refuse it), a new plural
// form in its table.
func importStrings(f File, site fs.FS, name, def, lang string) (*Written, string, []error) {
	srcName, ownName := stringsPath(def), stringsPath(lang)
	srcData, err := fs.ReadFile(site, srcName)
	if err != nil {
		return nil, "", []error{err}
	}
	src, _, err := readEntries(srcName, srcData)
	if err != nil {
		return nil, "", []error{err}
	}
	bySrc := map[string]entry{}
	for _, e := range src {
		bySrc[e.id()] = e
	}
	ownData, err := fs.ReadFile(site, ownName)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, "", []error{err}
	}
	own, lines, err := readEntries(ownName, ownData)
	if err != nil {
		return nil, "", []error{err}
	}
	byOwn := map[string]entry{}
	for _, e := range own {
		byOwn[e.id()] = e
	}
	var errs []error
	var added []entry
	changed := 0
	for _, u := range f.Units {
		refuse := func(why string) {
			errs = append(errs, fmt.Errorf("%s:%d: xliff: unit %s (%s): %s", name, u.Line, u.ID, u.Name, why))
		}
		e, ok := bySrc[u.ID]
		switch {
		case !ok:
			refuse("the source has no such string any more: export the file again")
			continue
		case !same(join(u.Source), e.Value):
			refuse("its source changed since the export: export the file again, and translate the new source")
			continue
		}
		t := join(u.Target)
		if !u.HasTarget || strings.TrimSpace(t) == "" {
			continue
		}
		o, ok := byOwn[u.ID]
		switch {
		case ok && o.Multi:
			if t != o.Value {
				refuse(fmt.Sprintf("%s:%d is a multi-line string: change it in the file", ownName, o.Line))
			}
		case ok && t != o.Value:
			l := lines[o.Line-1]
			lines[o.Line-1] = l[:o.From] + tomlString(t) + l[o.To:]
			changed++
		case !ok:
			e.Value = t
			added = append(added, e)
			changed++
		}
	}
	if len(errs) > 0 || changed == 0 {
		return nil, "", errs
	}
	lines = addEntries(lines, own, added)
	out := strings.Join(lines, "\n")
	var check map[string]any
	if _, err := toml.Decode(out, &check); err != nil {
		return nil, "", []error{fmt.Errorf("%s:%d: xliff: %s would not be valid TOML: %v", name, f.Line, ownName, err)}
	}
	return &Written{ownName, []byte(out)}, fmt.Sprintf("%s: %d string(s) updated", ownName, changed), nil
}

// addEntries inserts new strings: top-level ones after the last
// top-level string (before the first table), plural forms at the end of
// their table, or in a new table at the end of the file.
func addEntries(lines []string, own []entry, added []entry) []string {
	lastTop, firstTable := 0, -1
	lastIn := map[string]int{}
	for _, e := range own {
		if e.Table == "" {
			lastTop = e.Line
		} else {
			lastIn[e.Table] = e.Line
		}
	}
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "[") {
			firstTable = i
			break
		}
	}
	if lastTop == 0 && firstTable >= 0 {
		lastTop = firstTable // a file of tables only: strings go before them
	} else if lastTop == 0 {
		lastTop = len(lines)
		for lastTop > 0 && strings.TrimSpace(lines[lastTop-1]) == "" {
			lastTop--
		}
	}
	type at struct {
		line int
		text string
	}
	var ins []at
	var tables []string
	newTables := map[string][]string{}
	for _, e := range added {
		text := e.Key + " = " + tomlString(e.Value)
		switch n, ok := lastIn[e.Table]; {
		case e.Table == "":
			ins = append(ins, at{lastTop, text})
		case ok:
			ins = append(ins, at{n, text})
		default:
			if newTables[e.Table] == nil {
				tables = append(tables, e.Table)
			}
			newTables[e.Table] = append(newTables[e.Table], text)
		}
	}
	// From the last line up, so earlier line numbers stay right; strings
	// at the same line keep their order.
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].line < ins[j].line })
	for i := len(ins) - 1; i >= 0; i-- {
		n := ins[i].line
		lines = append(lines[:n], append([]string{ins[i].text}, lines[n:]...)...)
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for _, t := range tables {
		lines = append(lines, "", "["+t+"]")
		lines = append(lines, newTables[t]...)
	}
	return append(lines, "")
}
