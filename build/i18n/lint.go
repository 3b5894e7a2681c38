package i18n

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"sobre/build/diag"
)

// layout is where a message file defines its keys: the line of each key
// ("id" or "table.key") and of each [table] header, in file order. go-i18n
// and the TOML decoder keep no lines; translators need them.
type layout struct {
	keys   map[string]int // "id" or "table.key" -> line
	tables []table
}

type table struct {
	name string
	line int
	keys []string // in file order
}

var (
	headerRe = regexp.MustCompile(`^\s*\[\s*("?)([^\]"]+)("?)\s*\]\s*(#.*)?$`)
	keyRe    = regexp.MustCompile(`^\s*("([^"]+)"|[A-Za-z0-9_.-]+)\s*=`)
)

// readLayout scans a message file's lines for its keys and tables. Lines
// inside a multi-line string are not keys.
func readLayout(data []byte) layout {
	l := layout{keys: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	n, inString := 0, ""
	for sc.Scan() {
		n++
		line := sc.Text()
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		if m := headerRe.FindStringSubmatch(line); m != nil {
			l.tables = append(l.tables, table{name: strings.TrimSpace(m[2]), line: n})
			continue
		}
		m := keyRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := m[1]
		if m[2] != "" {
			key = m[2]
		}
		if len(l.tables) > 0 {
			t := &l.tables[len(l.tables)-1]
			t.keys = append(t.keys, key)
			key = t.name + "." + key
		}
		l.keys[key] = n
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(line, q)%2 == 1 {
				inString = q
			}
		}
	}
	return l
}

// line is where id is defined: its key, or its table's header.
func (l layout) line(id string) int {
	if n, ok := l.keys[id]; ok {
		return n
	}
	for _, t := range l.tables {
		if t.name == id {
			return t.line
		}
	}
	return 0
}

// plural reports whether id is written as a table of plural forms (one
// that keeps only "other" reads, once parsed, as a plain string).
func (l layout) plural(id string) bool {
	for _, t := range l.tables {
		if t.name == id && slices.ContainsFunc(t.keys, func(k string) bool { return reserved[k] && k != "description" }) {
			return true
		}
	}
	return false
}

// reserved are the keys go-i18n reads as a message's parts, not as ids.
var reserved = map[string]bool{"id": true, "description": true, "hash": true, "leftDelim": true, "rightDelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// strayKeys reports the keys written after a plural string's [table]
// header that are not parts of it: TOML puts every key after a header in
// that table, so a string appended at the end of the file lands inside
// the last plural, and go-i18n refuses the whole file without a line.
func strayKeys(file string, l layout) diag.List {
	var problems diag.List
	for _, t := range l.tables {
		plural := slices.ContainsFunc(t.keys, func(k string) bool { return reserved[k] })
		if !plural {
			continue
		}
		for _, k := range t.keys {
			if !reserved[k] {
				problems.Errorf(file, l.keys[t.name+"."+k], "i18n",
					"%q is inside the plural string [%s] that starts at line %d: every key after a [table] line belongs to it; move %q above line %d, among the plain strings", k, t.name, t.line, k, t.line)
			}
		}
	}
	return problems
}

// forms are the plural forms a message may define, with the CLDR names
// the message file uses.
var forms = []struct {
	name string
	form plural.Form
	of   func(*goi18n.Message) string
}{
	{"zero", plural.Zero, func(m *goi18n.Message) string { return m.Zero }},
	{"one", plural.One, func(m *goi18n.Message) string { return m.One }},
	{"two", plural.Two, func(m *goi18n.Message) string { return m.Two }},
	{"few", plural.Few, func(m *goi18n.Message) string { return m.Few }},
	{"many", plural.Many, func(m *goi18n.Message) string { return m.Many }},
	{"other", plural.Other, func(m *goi18n.Message) string { return m.Other }},
}

// neededForms are the plural forms lang's whole numbers take under CLDR's
// rules (golang.org/x/text): "one" and "other" in French, Dutch and
// English; "one", "few", "many" and "other" in Polish.
func neededForms(lang string) []string {
	tag := language.Make(lang)
	seen := map[plural.Form]bool{}
	for n := 0; n <= 1_000_000; {
		seen[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)] = true
		if n++; n > 1000 {
			n += 999 // past a thousand, every thousandth number is enough
		}
	}
	seen[plural.Other] = true // every language has it: fractions, at least
	var out []string
	for _, f := range forms {
		if seen[f.form] {
			out = append(out, f.name)
		}
	}
	return out
}

// missingForms reports the plural strings of a language's file that lack
// a form its numbers need: go-i18n would fail on such a count at render
// time, and the build would blame the default language.
func missingForms(file, lang string, l layout, msgs []*goi18n.Message) diag.List {
	var problems diag.List
	need := neededForms(lang)
	for _, m := range msgs {
		if !isPlural(m) && !l.plural(m.ID) {
			continue
		}
		for _, name := range need {
			for _, f := range forms {
				if f.name == name && f.of(m) == "" {
					problems.Errorf(file, l.line(m.ID), "i18n", "plural string %q has no %q form, which %s needs for some numbers (CLDR plural rules: %s); add %s = \"…\"", m.ID, name, lang, strings.Join(need, ", "), name)
				}
			}
		}
	}
	return problems
}

// isPlural tells a message with plural forms from a plain string, which
// go-i18n keeps in Other alone.
func isPlural(m *goi18n.Message) bool {
	return m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != ""
}

// fieldRe finds the data fields a message's template reads: {{.Count}}.
var fieldRe = regexp.MustCompile(`\{\{[^}]*?\.([A-Za-z_][A-Za-z0-9_]*)`)

// fields lists the data fields every form of m reads.
func fields(m *goi18n.Message) []string {
	set := map[string]bool{}
	for _, f := range forms {
		for _, s := range fieldRe.FindAllStringSubmatch(f.of(m), -1) {
			set[s[1]] = true
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// placeholders compares the data fields of a translation's strings with
// those of the default language's: a field the source does not read is a
// typo the page would print as "<no value>" (an error); one the
// translation leaves out drops a fact the reader needs (a warning).
func placeholders(file, srcFile string, l layout, msgs []*goi18n.Message, source map[string]*goi18n.Message) diag.List {
	var problems diag.List
	for _, m := range msgs {
		src := source[m.ID]
		if src == nil {
			continue
		}
		want, got := fields(src), fields(m)
		for _, f := range got {
			if !slices.Contains(want, f) {
				problems.Errorf(file, l.line(m.ID), "i18n", "string %q reads {{.%s}}, which %s's string does not give: the page would print \"<no value>\"; use %s", m.ID, f, srcFile, oneOf(want))
			}
		}
		for _, f := range want {
			if !slices.Contains(got, f) {
				problems.Warnf(file, l.line(m.ID), "i18n", "string %q leaves out {{.%s}}, which %s's string shows; add it where the sentence needs it", m.ID, f, srcFile)
			}
		}
	}
	return problems
}

func oneOf(fields []string) string {
	if len(fields) == 0 {
		return "no {{.…}} at all (the source string takes no data)"
	}
	var out []string
	for _, f := range fields {
		out = append(out, fmt.Sprintf("{{.%s}}", f))
	}
	return strings.Join(out, " or ")
}
