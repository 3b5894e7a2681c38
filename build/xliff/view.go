package xliff

import (
	"fmt"
	"io/fs"

	"sobre/build/content"
)

// Pair is a unit of the source beside the translation's unit for it.
type Pair struct {
	SrcLine int
	Src     string
	OwnLine int    // 0: the translation has no unit for it
	Own     string // the translation's text
	Changed bool   // the source changed since the translation was made
	Old     string // the source's text then, when kept
}

// View is a page of a language, unit by unit beside its source, for the
// side-by-side view of sobre serve.
type View struct {
	Source, Translation string // files; Translation is "" when none
	State               content.State
	Pairs               []Pair
	Removed             []Pair // the translation's units whose source is gone (Own only)
	Shape               bool   // false: the units could not be lined up
}

// ViewOf lines up lang's translation of the page key with its source.
func ViewOf(s *content.Site, site fs.FS, lang, key string) (*View, error) {
	pgs, err := pages(s, site, lang)
	if err != nil {
		return nil, err
	}
	for _, pg := range pgs {
		if pg.src.Key != key {
			continue
		}
		v := &View{Source: pg.src.File, State: pg.state, Shape: pg.shape}
		if pg.exists {
			v.Translation = pg.path
		}
		for i, sp := range pg.srcSpans {
			p := Pair{SrcLine: sp.Line, Src: sp.Text, Changed: pg.changed[i], Old: pg.old[i]}
			if j := pg.at[i]; j >= 0 && pg.exists {
				p.OwnLine, p.Own = pg.ownSpans[j].Line, pg.ownSpans[j].Text
			}
			v.Pairs = append(v.Pairs, p)
		}
		for _, j := range pg.removed {
			v.Removed = append(v.Removed, Pair{OwnLine: pg.ownSpans[j].Line, Own: pg.ownSpans[j].Text})
		}
		return v, nil
	}
	return nil, fmt.Errorf("%s has no page %s in %s", lang, key, s.Config.DefaultLanguage)
}
