package generated

import (
	"sobre/build/content"
	"sobre/build/i18n"
)

// Notices are what a page says of itself before its text, in its
// language's words (s), as the web shows them at its top: how an AI tool
// helped make it and whether a person reviewed that (the charter's § 4),
// and that its source changed since it was translated; the day a page
// about the law was last checked; a translated charter not for signature. Paper and e-books
// print them too: a reader may sign an outdated or unreviewed text.
func Notices(site *content.Site, s *i18n.Strings, p *content.Page) []string {
	var out []string
	if t, _ := p.Source.Front.AsOfDate(); !t.IsZero() {
		out = append(out, s.T("as_of", map[string]string{"Date": s.Date(t)}))
	}
	if a := p.Source.Front.AI; a != nil {
		what := s.T("ai_writing", map[string]string{"Tool": a.Tool})
		if a.What == "translation" {
			what = s.T("ai_translation", map[string]string{"Tool": a.Tool})
		}
		review := s.T("ai_review_pending", nil)
		if a.Review == "reviewed" {
			review = s.T("ai_review_done", map[string]string{"Reviewer": a.Reviewer})
		}
		out = append(out, what+" "+review)
	}
	if Unsigned(site, p) {
		out = append(out, s.T("not_for_signature", nil))
	}
	if site.StateOf(p) == content.Outdated {
		src := site.Config.DefaultLanguage
		out = append(out, s.T("outdated", i18n.LanguageName(src, p.Lang)))
	}
	return out
}

// Unsigned reports whether p is a translated charter that no person has
// checked against the source yet: it must not be signed, for the source
// text prevails (the credit says so). A reviewed translation, or one the
// organisation lists in charter_reviewed, lifts it.
func Unsigned(site *content.Site, p *content.Page) bool {
	cfg := site.Config
	if p.Key != cfg.Charter || p.ContentLang() == cfg.DefaultLanguage {
		return false
	}
	if a := p.Source.Front.AI; a != nil && a.Review == "reviewed" {
		return false
	}
	_, ok := cfg.Organisation.CharterReviewed[p.ContentLang()]
	return !ok
}
