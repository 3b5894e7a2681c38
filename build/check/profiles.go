package check

import (
	"bytes"
	"fmt"
	"strings"

	"sobre/build/diag"
	"sobre/build/lang"
)

// Profiles reports, for each language of site.toml (its text is data),
// every table its language profile lacks (build/lang), one warning each at
// the language's line: the site builds, with the feature off for that
// language. A reading-ease minimum set for a language without a formula
// is reported too, at its line, rather than silently never applied.
func Profiles(codes []string, minReadability map[string]float64, data []byte) diag.List {
	var l diag.List
	lines := diag.NewLines(data)
	for _, code := range codes {
		line := lines.Line(tableOffset(data, "languages."+code))
		file := "build/lang/" + lang.Base(code) + ".go"
		how := fmt.Sprintf("add it to %s (CONTRIBUTING.md, \"Add a language\")", file)
		if lang.Get(code) == nil {
			how = fmt.Sprintf("add a profile, %s, with it (CONTRIBUTING.md, \"Add a language\")", file)
		}
		for _, g := range lang.Missing(code) {
			l.Warnf(FileSite, line, "language-profile", "language %q has no %s table: %s; %s", code, g.Table, g.Off, how)
		}
		if p := lang.Get(code); minReadability[code] > 0 && (p == nil || p.Readability == nil) {
			at := lines.Line(keyOffset(data, "readability", code))
			l.Warnf(FileSite, at, "readability", "[readability] %s = %g is never applied: %q has no reading-ease formula; add one to %s, or remove the line", code, minReadability[code], code, file)
		}
	}
	return l
}

// FileSite is the settings file the language rules point to.
const FileSite = "site.toml"

// tableOffset is the offset of the line "[name]" in data, or -1.
func tableOffset(data []byte, name string) int {
	return lineOffset(data, func(s string) bool { return s == "["+name+"]" })
}

// keyOffset is the offset of the line setting key in the table "[table]"
// of data, or -1.
func keyOffset(data []byte, table, key string) int {
	start := tableOffset(data, table)
	if start < 0 {
		return -1
	}
	in := true
	off := lineOffset(data[start+1:], func(s string) bool {
		if strings.HasPrefix(s, "[") {
			in = false
		}
		k, _, ok := strings.Cut(s, "=")
		return in && ok && strings.TrimSpace(k) == key
	})
	if off < 0 {
		return start
	}
	return start + 1 + off
}

// lineOffset is the offset of the first line of data whose trimmed text
// satisfies match, or -1.
func lineOffset(data []byte, match func(string) bool) int {
	off := 0
	for line := range bytes.Lines(data) {
		if match(strings.TrimSpace(string(line))) {
			return off
		}
		off += len(line)
	}
	return -1
}
