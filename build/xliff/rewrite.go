package xliff

import (
	"bytes"
	"strings"

	"sobre/build/content"
)

// rewrite applies an import's edits to the translation file: only the
// lines of the units that change; deletes the units whose source is gone
// when the page is stamped.
func (pg *page) rewrite(ed *edits, stamp bool) ([]byte, error) {
	header, _, _, err := content.SplitFrontMatter(bytes.ReplaceAll(pg.ownData, []byte("\r\n"), []byte("\n")))
	if err != nil {
		return nil, err
	}
	gone := map[int]bool{}
	if stamp {
		for _, j := range pg.removed {
			gone[j] = true
		}
	}
	lines := pg.ownLines
	var out []string
	cursor := 0
	emitInserts := func(anchor int) {
		for _, in := range ed.insert[anchor] {
			s := pg.srcSpans[in.src]
			if in.src > 0 && pg.srcSpans[in.src-1].End < s.Start {
				out = append(out, "") // the source has a blank line before it
			}
			out = append(out, strings.Split(pg.newUnit(s, in), "\n")...)
		}
	}
	if len(pg.ownSpans) == 0 {
		emitInserts(-1)
	}
	for j, sp := range pg.ownSpans {
		out = append(out, lines[cursor:sp.Start]...)
		if j == 0 {
			emitInserts(-1)
		}
		cursor = sp.End
		switch {
		case gone[j]:
			if n := len(out); n > 0 && strings.TrimSpace(out[n-1]) == "" && cursor < len(lines) && strings.TrimSpace(lines[cursor]) == "" {
				cursor++
			}
		case ed.cells[j] != nil:
			out = append(out, row(pg.mergeCells(sp, j, ed.cells[j])))
		case ed.replace[j] != "":
			out = append(out, strings.Split(sp.Prefix+ed.replace[j], "\n")...)
		default:
			out = append(out, lines[sp.Start:sp.End]...)
		}
		emitInserts(j)
	}
	out = append(out, lines[cursor:]...)
	head := string(header)
	for _, k := range frontKeys {
		if v, ok := ed.front[k.key]; ok {
			head = setKey(head, k.key, v)
		}
	}
	return []byte("---\n" + head + "---\n" + strings.Join(out, "\n")), nil
}

// newUnit is a source unit with no counterpart yet, in the translation.
func (pg *page) newUnit(s span, in insertion) string {
	if !s.Table {
		return s.Prefix + in.text
	}
	cs := cells(s.Text)
	for k := range cs {
		if t, ok := in.cells[k]; ok {
			cs[k] = t
		}
	}
	return row(cs)
}

// mergeCells is a translation's row with new cells; a row with fewer
// cells than the source's gets the source's count.
func (pg *page) mergeCells(sp span, j int, edit map[int]string) []string {
	cs := cells(sp.Text)
	for k := range edit {
		for len(cs) <= k {
			cs = append(cs, "")
		}
	}
	for k, t := range edit {
		cs[k] = t
	}
	return cs
}

// setKey sets a top-level front-matter key to a quoted text, in place of
// its line (and lines continuing it), or after the title.
func setKey(header, key, value string) string {
	lines := strings.Split(strings.TrimSuffix(header, "\n"), "\n")
	line := key + ": " + yamlString(value)
	for i, l := range lines {
		if !strings.HasPrefix(l, key+":") {
			continue
		}
		end := i + 1
		for end < len(lines) && lines[end] != "" && (lines[end][0] == ' ' || lines[end][0] == '\t') {
			end++
		}
		lines = append(lines[:i], append([]string{line}, lines[end:]...)...)
		return strings.Join(lines, "\n") + "\n"
	}
	at := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "title:") {
			at = i + 1
		}
	}
	lines = append(lines[:at], append([]string{line}, lines[at:]...)...)
	return strings.Join(lines, "\n") + "\n"
}

func yamlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
