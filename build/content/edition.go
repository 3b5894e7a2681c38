package content

import (
	"path"

	"sobre/build/diag"
)

// OfKey is the translation key of the page an edition adapts (its front
// matter's of, taken from the edition's folder), or "" for a page that is
// no edition.
func (s *Source) OfKey() string {
	if s.Front.Edition == "" || s.Front.Of == "" {
		return ""
	}
	return path.Join(path.Dir(s.Key), s.Front.Of)
}

// Adapted returns the page of p's language tree that p adapts, or nil when
// p is no edition.
func (s *Site) Adapted(p *Page) *Page {
	k := p.Source.OfKey()
	if k == "" {
		return nil
	}
	return s.ByKey[p.Lang][k]
}

// Editions returns the pages of p's language tree that adapt p, in reading
// order: the full charter finds its easy-to-read edition here.
func (s *Site) Editions(p *Page) []*Page {
	var out []*Page
	for _, q := range s.Pages[p.Lang] {
		if q.Source.OfKey() == p.Key {
			out = append(out, q)
		}
	}
	return out
}

// checkEditions reports an edition whose of names no page, itself, or
// another edition (an adaptation of an adaptation would drift from the
// text it claims to say simply). Every source is checked, translations
// too, against the pages of its own tree.
func (site *Site) checkEditions(sources map[string]map[string]*Source, problems *diag.List) {
	for _, l := range site.Config.Codes() {
		for _, src := range sources[l] {
			k := src.OfKey()
			if k == "" {
				continue
			}
			line := src.Front.Lines["of"]
			switch target := site.ByKey[l][k]; {
			case target == nil:
				problems.Errorf(src.File, line, "edition", "of: %s names no page (looked for content/%s/%s): give the .md file this page adapts, relative to this page", src.Front.Of, l, k)
			case k == src.Key:
				problems.Errorf(src.File, line, "edition", "of: %s is this page itself: name the page it adapts", src.Front.Of)
			case target.Source.Front.Edition != "":
				problems.Errorf(src.File, line, "edition", "of: %s is itself an edition (%s): name the full page it adapts", src.Front.Of, target.Source.Front.Edition)
			}
		}
	}
}
