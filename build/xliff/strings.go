package xliff

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"sobre/build/terms"
)

// entry is an interface string in an i18n/<lang>.toml file: a top-level
// key, or a plural form inside a [key] table.
type entry struct {
	Table, Key string // Key as written (quoted when it has a dot)
	Line       int    // from 1
	From, To   int    // the value's bytes in its line
	Value      string
	Multi      bool // a multi-line string: left to a text editor
}

func (e entry) id() string {
	k := strings.Trim(e.Key, `"'`)
	if e.Table != "" {
		return "s." + strings.Trim(e.Table, `"'`) + "." + k
	}
	return "s." + k
}

// readEntries reads a strings file line by line, so that an import can
// change one value and leave every other byte, comments included.
func readEntries(name string, data []byte) ([]entry, []string, error) {
	lines := strings.Split(string(data), "\n")
	var out []entry
	table := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
			continue
		case strings.HasPrefix(t, "["):
			table = strings.TrimSpace(strings.Trim(strings.SplitN(t, "#", 2)[0], "[] \t"))
			continue
		}
		eq := strings.IndexByte(l, '=')
		if eq < 0 {
			return nil, nil, fmt.Errorf("%s:%d: strings: a line that sets nothing (key = \"text\")", name, i+1)
		}
		e := entry{Table: table, Key: strings.TrimSpace(l[:eq]), Line: i + 1}
		from := eq + 1 + len(l[eq+1:]) - len(strings.TrimLeft(l[eq+1:], " \t"))
		e.From, e.To = from, valueEnd(l, from)
		if strings.HasPrefix(l[from:], `"""`) || strings.HasPrefix(l[from:], `'''`) {
			e.Multi = true
		} else {
			var v struct{ V string }
			if _, err := toml.Decode("V = "+l[e.From:e.To], &v); err != nil {
				return nil, nil, fmt.Errorf("%s:%d: strings: %v", name, i+1, err)
			}
			e.Value = v.V
		}
		out = append(out, e)
	}
	return out, lines, nil
}

// valueEnd is where a string value that starts at from ends.
func valueEnd(l string, from int) int {
	if from >= len(l) {
		return from
	}
	q := l[from]
	if q != '"' && q != '\'' {
		return len(strings.TrimRight(strings.SplitN(l[from:], "#", 2)[0], " \t")) + from
	}
	for i := from + 1; i < len(l); i++ {
		switch {
		case l[i] == '\\' && q == '"':
			i++
		case l[i] == q:
			return i + 1
		}
	}
	return len(l)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func stringsPath(lang string) string { return path.Join("i18n", lang+".toml") }

// stringsFile is the interface strings' units: the source language's,
// with lang's where it has them.
func stringsFile(site fs.FS, def, lang string, glossary *terms.List) (*File, error) {
	srcName, ownName := stringsPath(def), stringsPath(lang)
	srcData, err := fs.ReadFile(site, srcName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // the built-in strings: not the site's to translate
	}
	if err != nil {
		return nil, err
	}
	src, _, err := readEntries(srcName, srcData)
	if err != nil {
		return nil, err
	}
	own := map[string]entry{}
	if data, err := fs.ReadFile(site, ownName); err == nil {
		es, _, err := readEntries(ownName, data)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			own[e.id()] = e
		}
	}
	f := &File{ID: "strings", Original: ownName, Source: srcName}
	for _, e := range src {
		if e.Multi || e.Table != "" && !hasForm(lang, strings.Trim(e.Key, `"'`)) {
			continue
		}
		where := fmt.Sprintf("%s:%d", srcName, e.Line)
		u := Unit{ID: e.id(), Name: where, Source: inline(nil, e.Value), State: stateNew}
		u.Notes = []Note{{"location", where}}
		if o, ok := own[e.id()]; ok && !o.Multi {
			u.Target, u.HasTarget, u.State = inline(nil, o.Value), true, stateTranslated
			u.Notes = append(u.Notes, Note{"sobre:translation", fmt.Sprintf("%s:%d", ownName, o.Line)})
		}
		u.Terms = termsOf(glossary, e.Value, def, lang)
		f.Units = append(f.Units, u)
	}
	return f, nil
}

var pluralForms = map[string]plural.Form{"zero": plural.Zero, "one": plural.One, "two": plural.Two, "few": plural.Few, "many": plural.Many, "other": plural.Other}

// hasForm reports whether a plural form of the source (a key of a plural
// table) is one lang's whole numbers take, under CLDR's rules: French
// has "many" (un million de…), Dutch and English do not.
func hasForm(lang, key string) bool {
	f, ok := pluralForms[key]
	if !ok || f == plural.Other {
		return true
	}
	tag := language.Make(lang)
	for n := 0; n <= 1_000_000; {
		if plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) == f {
			return true
		}
		if n++; n > 1000 {
			n += 999
		}
	}
	return false
}
