package xliff

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"sobre/build/content"
)

// Written is a file an import writes: a path inside the site folder and
// its new bytes.
type Written struct {
	Path string
	Data []byte
}

// Result is what an import changes: every file is checked before any is
// written, so bad input changes nothing.
type Result struct {
	Files []Written
	Log   []string // one line per file: what was updated, what was stamped
}

// Import reads an XLIFF file made by Export (and filled in by a tool) and
// returns the files to write: the pages and strings whose translation
// changed, stamped (as sobre stamp does) when every unit of the page is
// translated. A unit whose source changed since the export is refused,
// with the unit's id and place; then nothing is written.
func Import(s *content.Site, site fs.FS, name string, data []byte) (*Result, error) {
	doc, err := Parse(name, data)
	if err != nil {
		return nil, err
	}
	def, lang := s.Config.DefaultLanguage, doc.TrgLang
	if doc.SrcLang != def {
		return nil, fmt.Errorf("%s:1: xliff: the file translates from %q, the site's source language is %q", name, doc.SrcLang, def)
	}
	if _, ok := s.Pages[lang]; !ok || lang == def {
		return nil, fmt.Errorf("%s:1: xliff: trgLang %q is not a translated language of the site (%s)", name, lang, strings.Join(others(s, def), ", "))
	}
	pgs, err := pages(s, site, lang)
	if err != nil {
		return nil, err
	}
	byPath := map[string]*page{}
	for _, pg := range pgs {
		byPath[pg.path] = pg
	}
	res := &Result{}
	var errs []error
	for _, f := range doc.Files {
		var w *Written
		var log string
		var fe []error
		switch pg := byPath[f.Original]; {
		case f.Original == stringsPath(lang):
			w, log, fe = importStrings(f, site, name, def, lang)
		case pg != nil:
			w, log, fe = pg.importPage(f, name, def)
		default:
			fe = []error{fmt.Errorf("%s:%d: xliff: <file original=%q> is no page of %s: export the file again", name, f.Line, f.Original, lang)}
		}
		errs = append(errs, fe...)
		if w != nil {
			res.Files = append(res.Files, *w)
			if log != "" {
				res.Log = append(res.Log, log)
			}
			// The source as translated, as sobre stamp and sobre new keep it,
			// for status to show what changes in it later.
			if pg := byPath[f.Original]; pg != nil && (strings.Contains(log, "stamped") || !pg.exists) {
				res.Files = append(res.Files, Written{content.StampPath(lang, pg.src.Key), pg.src.Body})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return res, nil
}

// edits are the changes an import makes to a page.
type edits struct {
	front   map[string]string      // front-matter key -> new text
	replace map[int]string         // the translation's unit -> new text
	cells   map[int]map[int]string // the translation's table row -> cell -> new text
	insert  map[int][]insertion    // after the translation's unit (-1: first) -> new units
	undone  int                    // units not translated, or not marked done
	changed int                    // units whose text changes
}

type insertion struct {
	src   int // the source unit
	text  string
	cells map[int]string
}

func (pg *page) importPage(f File, name, def string) (*Written, string, []error) {
	ed := edits{front: map[string]string{}, replace: map[int]string{}, cells: map[int]map[int]string{}, insert: map[int][]insertion{}}
	var errs []error
	inserts := map[int]*insertion{}
	for _, u := range f.Units {
		if err := pg.importUnit(u, name, &ed, inserts); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, "", errs
	}
	var order []int
	for i := range inserts {
		order = append(order, i)
	}
	sort.Ints(order)
	for _, i := range order {
		anchor := -1
		for j := i - 1; j >= 0; j-- {
			if pg.at[j] >= 0 {
				anchor = pg.at[j]
				break
			}
		}
		ed.insert[anchor] = append(ed.insert[anchor], *inserts[i])
	}
	stamp := pg.exists && pg.shape && ed.undone == 0 && (ed.changed > 0 || pg.state != content.UpToDate && pg.state != content.Draft)
	if ed.changed == 0 && !stamp {
		return nil, "", nil
	}
	data, err := pg.rewrite(&ed, stamp)
	if err == nil && stamp {
		data, err = content.Stamp(data, def, content.Print(pg.src))
	}
	if err == nil {
		_, probs := content.ParseSource(pg.own.Lang, pg.own.Key, pg.path, data)
		err = probs.Err()
	}
	if err != nil {
		return nil, "", []error{fmt.Errorf("%s:%d: xliff: %s: the translations would not make a valid page: %v", name, f.Line, pg.path, err)}
	}
	log := fmt.Sprintf("%s: %d unit(s) updated", pg.path, ed.changed)
	switch {
	case stamp:
		log += ", stamped as translated from " + pg.src.File
	case !pg.exists:
		log += ", started as a draft (draft: true): remove it to publish"
	case ed.undone > 0:
		log += fmt.Sprintf(", not stamped: %d unit(s) not translated or not marked translated", ed.undone)
	}
	return &Written{pg.path, data}, log, nil
}

// importUnit checks a unit's source against the page's today and notes
// the change its target makes.
func (pg *page) importUnit(u Unit, name string, ed *edits, inserts map[int]*insertion) error {
	srcText, cur, i, cell, ok := pg.unitTexts(u.ID)
	refuse := func(why string) error {
		return fmt.Errorf("%s:%d: xliff: unit %s (%s): %s: export the file again, and translate the new source", name, u.Line, u.ID, u.Name, why)
	}
	if !ok {
		return refuse("the source has no such unit any more")
	}
	if !same(join(u.Source), srcText) {
		return refuse("its source changed since the export")
	}
	t := strings.TrimSpace(join(normalText(u.Target)))
	if !u.HasTarget || t == "" {
		ed.undone++
		return nil
	}
	if id := lostID(u.Source, u.Target); id != "" {
		return fmt.Errorf("%s:%d: xliff: unit %s (%s): the translation drops the heading's id %s, which links point to: keep its placeholder", name, u.Line, u.ID, u.Name, strings.TrimSpace(id))
	}
	if i >= 0 && pg.exists && !pg.shape {
		return fmt.Errorf("%s:%d: xliff: unit %s (%s): %s does not have the source's paragraphs, items and rows, so the unit has no place in it: translate that page in the file itself, then sobre stamp it", name, u.Line, u.ID, u.Name, pg.path)
	}
	if stateRank[u.State] < stateRank[stateTranslated] {
		ed.undone++
	}
	if cur != nil && same(t, *cur) {
		return nil
	}
	ed.changed++
	switch {
	case i < 0:
		ed.front[u.ID] = t
	case pg.at[i] < 0:
		in := inserts[i]
		if in == nil {
			in = &insertion{src: i, cells: map[int]string{}}
			inserts[i] = in
		}
		if cell >= 0 {
			in.cells[cell] = t
		} else {
			in.text = t
		}
	case cell >= 0:
		if ed.cells[pg.at[i]] == nil {
			ed.cells[pg.at[i]] = map[int]string{}
		}
		ed.cells[pg.at[i]][cell] = t
	default:
		ed.replace[pg.at[i]] = t
	}
	return nil
}

// unitTexts finds unit id in the page: the source's text today, the
// translation's (nil when it has none), the source unit (-1 for the front
// matter) and the cell (-1 when no table).
func (pg *page) unitTexts(id string) (src string, cur *string, i, cell int, ok bool) {
	for _, k := range frontKeys {
		if k.key == id {
			var c *string
			if t := k.get(&pg.own.Front); pg.exists && t != "" {
				c = &t
			}
			return k.get(&pg.src.Front), c, -1, -1, true
		}
	}
	num, cellPart, isCell := strings.Cut(strings.TrimPrefix(id, "u"), ".c")
	n, err := strconv.Atoi(num)
	if err != nil || !strings.HasPrefix(id, "u") || n < 1 || n > len(pg.srcSpans) {
		return "", nil, 0, 0, false
	}
	i, cell = n-1, -1
	s := pg.srcSpans[i]
	var own *span
	if j := pg.at[i]; j >= 0 {
		own = &pg.ownSpans[j]
	}
	if !isCell {
		if s.Table {
			return "", nil, 0, 0, false
		}
		src = canonical(s.raw(pg.srcLines))
		if own != nil {
			c := canonical(own.raw(pg.ownLines))
			cur = &c
		}
		return src, cur, i, cell, true
	}
	k, err := strconv.Atoi(cellPart)
	srcCells := cells(s.Text)
	if err != nil || !s.Table || k < 1 || k > len(srcCells) {
		return "", nil, 0, 0, false
	}
	cell = k - 1
	if own != nil {
		if oc := cells(own.Text); own.Table && len(oc) == len(srcCells) {
			c := canonical(oc[cell])
			cur = &c
		}
	}
	return canonical(srcCells[cell]), cur, i, cell, true
}

// normalText makes a target's text one line: tools may wrap it; line
// breaks that matter are codes. A run of spaces, line breaks included,
// is one space.
func normalText(ps []piece) []piece {
	out := make([]piece, len(ps))
	for i, p := range ps {
		if !p.Code {
			p.Text = spaceRe.ReplaceAllString(p.Text, " ")
		}
		out[i] = p
	}
	return out
}

var spaceRe = regexp.MustCompile(`[ \t\r\n]+`)

// lostID is a heading id ({#id}) of the source that the target lacks.
func lostID(src, target []piece) string {
	for _, p := range src {
		if p.Code && strings.Contains(p.Text, "{#") && !strings.Contains(join(target), strings.TrimSpace(p.Text)) {
			return p.Text
		}
	}
	return ""
}
