package xliff

import (
	"io/fs"
	"path"
	"strings"

	"sobre/build/content"
)

// page is a source page and its translation, unit by unit: which unit of
// the translation stands for each unit of the source, and which of them
// changed in the source since the translation was made.
type page struct {
	src, own           *content.Source
	ownData            []byte // the translation file as it is (or as sobre new would start it)
	path               string // where the translation lives: content/<lang>/<key>
	exists             bool   // false: nothing translated yet, own is the scaffold
	state              content.State
	srcSpans, ownSpans []span
	srcLines, ownLines []string
	at                 []int    // per source unit: the translation's unit, or -1
	changed            []bool   // per source unit: changed since the translation
	old                []string // per source unit: its text then, when kept
	removed            []int    // the translation's units whose source is gone
	shape              bool     // the translation has the recorded source's shape
}

// pages lines up each source page of s with its translation into lang;
// site is the site folder, with the sources kept by sobre stamp.
func pages(s *content.Site, site fs.FS, lang string) ([]*page, error) {
	def := s.Config.DefaultLanguage
	var out []*page
	for _, p := range s.Pages[lang] {
		srcPage := s.ByKey[def][p.Key]
		if srcPage == nil {
			continue // no source: nothing to translate from
		}
		pg := &page{src: srcPage.Source, state: s.StateOf(p), path: path.Join(content.Dir, lang, p.Key)}
		switch d := s.Drafts[lang][p.Key]; {
		case !p.Fallback:
			pg.own, pg.exists = p.Source, true
		case d != nil:
			pg.own, pg.exists = d, true
		}
		if err := pg.load(lang, site); err != nil {
			return nil, err
		}
		out = append(out, pg)
	}
	return out, nil
}

func (pg *page) load(lang string, site fs.FS) error {
	if !pg.exists {
		data, err := content.Scaffold(pg.src, lang)
		if err != nil {
			return err
		}
		s, probs := content.ParseSource(lang, pg.src.Key, pg.path, data)
		if probs.HasErrors() {
			return probs.Err()
		}
		pg.own, pg.ownData = s, data
	} else {
		data, err := fs.ReadFile(site, pg.own.File)
		if err != nil {
			return err
		}
		pg.ownData, pg.path = data, pg.own.File
	}
	pg.srcSpans, pg.srcLines = spans(pg.src.Body, pg.src.BodyLine), strings.Split(string(pg.src.Body), "\n")
	pg.ownSpans, pg.ownLines = spans(pg.own.Body, pg.own.BodyLine), strings.Split(string(pg.own.Body), "\n")
	n := len(pg.srcSpans)
	pg.at, pg.changed, pg.old = make([]int, n), make([]bool, n), make([]string, n)
	for i := range pg.at {
		pg.at[i] = -1
	}
	rec := pg.own.Front.Translation
	switch {
	case !pg.exists:
		// The scaffold is the source itself: each unit in its place.
		for i := range pg.at {
			pg.at[i] = i
		}
		pg.shape = true
	case rec == nil || len(rec.Paragraphs) == 0:
		// Not tracked: units line up only when the counts agree.
		if len(pg.ownSpans) == n {
			for i := range pg.at {
				pg.at[i], pg.changed[i] = i, true
			}
			pg.shape = true
		}
	case len(pg.ownSpans) == len(rec.Paragraphs):
		pg.shape = true
		pg.align(rec, lang, site)
	}
	return nil
}

// align follows content.Changes: a unit it does not name is kept, and
// stands for the recorded unit of the same rank among the kept ones.
func (pg *page) align(rec *content.Translation, lang string, site fs.FS) {
	var old []content.Block
	if body, err := fs.ReadFile(site, content.StampPath(lang, pg.src.Key)); err == nil {
		old = content.Units(body, 1)
	}
	byLine := map[int]content.Change{}
	consumed := map[int]bool{}
	for _, c := range content.Changes(pg.src, rec, old) {
		if c.At >= 0 {
			consumed[c.At] = true
		}
		if c.New != nil {
			byLine[c.New.Line] = c
		} else {
			pg.removed = append(pg.removed, c.At)
		}
	}
	var kept []int
	for i := range rec.Paragraphs {
		if !consumed[i] {
			kept = append(kept, i)
		}
	}
	k := 0
	for i, s := range pg.srcSpans {
		if c, ok := byLine[s.Line]; ok {
			pg.at[i], pg.changed[i] = c.At, true
			if c.Old != nil {
				pg.old[i] = c.Old.Text
			}
			continue
		}
		if k < len(kept) {
			pg.at[i] = kept[k]
			k++
		}
	}
}
