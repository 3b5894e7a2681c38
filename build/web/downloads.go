package web

import (
	"context"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sobre/build/content"
	"sobre/build/i18n"
	"sobre/build/output"
)

// A downloads page per language (fr/telechargements.html) lists every file
// the pages offer in that language, and those of every language, with its
// size, format and page count, and says how to print the imposed booklet.
// It is made from the typed downloads alone: a new kind of file (a new
// output's Download, named in downloadLabels) shows on it without a change
// here. Its address is the language's downloads_file string, as the
// booklets' names are their strings (output.ToolkitNames).

// downloadsLayout is the theme's layout of the page; a theme of its own
// without it has no downloads page, and no page links to one.
const downloadsLayout = "downloads.html"

// defaultDownloadsName is the page's file name when the language's
// strings do not name it.
const defaultDownloadsName = "downloads"

// DownloadsPath is where the downloads page of s's language goes, from
// the site root ("fr/telechargements.html"). A downloads_file string that
// is not a safe name gives the default name; DownloadPages reports it.
func DownloadsPath(s *i18n.Strings) string {
	name := defaultDownloadsName
	if s.Known("downloads_file") {
		if v := s.T("downloads_file", nil); output.SafeName(v) {
			name = v
		}
	}
	return s.Lang + "/" + name + ".html"
}

// downloadsPage is the address of lang's downloads page from the site
// root, or "" when it has none: the theme has no layout for it, or the
// language no file to offer.
func (r *Renderer) downloadsPage(lang string, list []Download) string {
	if r.theme.tmpl.Lookup(downloadsLayout) == nil {
		return ""
	}
	for _, dl := range list {
		if dl.Lang == lang {
			return DownloadsPath(r.strings[lang])
		}
	}
	return ""
}

// DownloadPages is the output of each language's downloads page.
type DownloadPages struct {
	R *Renderer
	// Offered names the outputs whose downloads the pages offer; the
	// search indexes are needed too (the page has the search form).
	Offered []string
}

// Name is the output's name.
func (DownloadPages) Name() string { return "download-pages" }

// Needs the search indexes and the downloads.
func (o DownloadPages) Needs() []string { return append([]string{"search"}, o.Offered...) }

// Run renders the pages. A page of the content at the same address would
// be hidden, and a file name that is not safe breaks links: both are
// errors, at the page's source or the string's line.
func (o DownloadPages) Run(_ context.Context, m *output.Model, prior output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{}}
	taken := takenPaths(m)
	downloads := prior.Downloads(o.Offered...)
	for _, lang := range m.Config.Codes() {
		s := o.R.strings[lang]
		if v := s.T("downloads_file", nil); s.Known("downloads_file") && !output.SafeName(v) {
			file, line := s.Where("downloads_file")
			res.Problems.Errorf(file, line, "i18n", "downloads_file = %q names the downloads page: use lower-case letters a-z, digits and single dashes, like \"downloads\"", v)
			continue
		}
		name := o.R.downloadsPage(lang, downloads)
		if name == "" {
			continue
		}
		if src, ok := taken[name]; ok {
			res.Problems.Errorf(src, 0, "render", "%s is the address of the downloads page: rename the page, give it another slug, or change downloads_file in i18n/%s.toml", name, lang)
			continue
		}
		b, err := o.R.DownloadsPage(lang, downloads)
		if err != nil {
			res.Problems.Errorf(ThemeDir, 0, "render", "%v", err)
			continue
		}
		res.Files[name] = b
	}
	return res, nil
}

// takenPaths are the addresses of the content's pages and files, with
// their sources: a page the build makes must not hide one.
func takenPaths(m *output.Model) map[string]string {
	taken := map[string]string{}
	for _, lang := range m.Config.Codes() {
		for _, p := range m.Site.Pages[lang] {
			taken[p.Out] = p.Source.File
		}
		for _, s := range m.Site.Statics[lang] {
			taken[lang+"/"+s.Key] = "content/" + lang + "/" + s.Key
		}
	}
	return taken
}

// DownloadsData is what downloads.html receives.
type DownloadsData struct {
	common
	Title, Intro, Canonical string
	Switcher, Alternates    []LangLink
	Nav                     []Link
	Groups                  []DownloadGroup
}

// DownloadGroup is the files of one format: the PDFs to print, the
// zips, the e-books.
type DownloadGroup struct {
	ID, Title string
	Items     []DownloadEntry
}

// DownloadEntry is one file: its link and label (the words the footer
// uses), its facts (pages, sheets, file name) and, for the imposed
// booklet, how to print it.
type DownloadEntry struct {
	Href, Label, Lang string
	Facts             []string
	Steps             []string
}

// downloadFormats are the groups of the page, in its order, by the
// files' extension: a new kind of file joins its format's group.
var downloadFormats = []struct{ ext, id string }{
	{".pdf", "dlp_pdf"}, {".zip", "dlp_zip"}, {".epub", "dlp_epub"}, {"", "dlp_other"},
}

// printSteps say how to print a kind of file; the imposed booklet's
// follow what print.Imposed makes: A4 landscape sheets to print on both
// sides flipped on the short edge, at actual size, to fold and staple.
var printSteps = map[output.Kind][]string{
	output.A5Imposed: {"dlp_imposed_1", "dlp_imposed_2", "dlp_imposed_3", "dlp_imposed_4"},
}

// DownloadsLoads says what lang's downloads page loads: what every page
// of the language loads, and no script of its own.
func (r *Renderer) DownloadsLoads(lang string) Loads {
	return r.common(lang, DownloadsPath(r.strings[lang])).loads(nil)
}

// DownloadsPage renders lang's downloads page: the files of lang and of
// every language, grouped by format.
func (r *Renderer) DownloadsPage(lang string, downloads []Download) ([]byte, error) {
	cfg := r.site.Config
	s := r.strings[lang]
	from := DownloadsPath(s)
	d := DownloadsData{common: r.common(lang, from), Title: s.T("downloads_title", nil),
		Intro: s.T("downloads_intro", map[string]string{"Name": LanguageName(lang, lang)})}
	for _, l := range cfg.Languages {
		to := r.downloadsPage(l.Code, downloads)
		if to == "" {
			continue
		}
		ll := LangLink{Code: l.Code, Name: l.Name, HrefLang: l.Code, Href: content.Rel(from, to), Current: l.Code == lang}
		d.Switcher = append(d.Switcher, ll)
		if cfg.BaseURL != "" {
			ll.Href = cfg.BaseURL + to
			d.Alternates = append(d.Alternates, ll)
		}
	}
	if len(d.Alternates) < 2 {
		d.Alternates = nil
	}
	if cfg.BaseURL != "" {
		d.Canonical = cfg.BaseURL + from
	}
	for _, q := range r.nav[lang] {
		l := Link{Title: q.Label(), Href: content.Rel(from, q.Out)}
		if q.ContentLang() != lang {
			l.Lang = q.ContentLang()
		}
		d.Nav = append(d.Nav, l)
	}
	d.Groups = r.downloadGroups(lang, from, downloads)
	return r.execute(lang, downloadsLayout, d)
}

// downloadGroups sorts the files of lang and of every language into
// their formats' groups, each in the order the pages list them.
func (r *Renderer) downloadGroups(lang, from string, downloads []Download) []DownloadGroup {
	s := r.strings[lang]
	var mine []Download
	for _, dl := range downloads {
		if dl.Lang == lang || dl.Lang == "" {
			mine = append(mine, dl)
		}
	}
	sort.SliceStable(mine, func(i, j int) bool { return downloadRank(mine[i], lang) < downloadRank(mine[j], lang) })
	var groups []DownloadGroup
	for i, f := range downloadFormats {
		g := DownloadGroup{ID: "dl-" + strings.TrimPrefix(f.id, "dlp_"), Title: s.T(f.id, nil)}
		for _, dl := range mine {
			if formatOf(dl.Path) == i {
				g.Items = append(g.Items, r.downloadEntry(s, lang, from, dl))
			}
		}
		if len(g.Items) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// formatOf is the index in downloadFormats of a file's format.
func formatOf(name string) int {
	ext := path.Ext(name)
	for i, f := range downloadFormats {
		if f.ext == ext {
			return i
		}
	}
	return len(downloadFormats) - 1
}

// downloadEntry is one file of the page at from, in lang.
func (r *Renderer) downloadEntry(s *i18n.Strings, lang, from string, dl Download) DownloadEntry {
	e := DownloadEntry{Href: content.Rel(from, dl.Path), Label: downloadLabel(s, lang, dl)}
	if _, named := downloadLabels[dl.Kind]; named || dl.Kind == output.Zip {
		e.Label = capitalise(e.Label) // not a file's name
	}
	if dl.Lang != lang && dl.Lang != "" && !isToolkitBooklet(dl.Kind) {
		e.Lang = dl.Lang
	}
	if dl.Pages > 0 {
		if dl.Kind == output.A5Imposed {
			// Its pages are the sides of its sheets, printed on both.
			e.Facts = append(e.Facts, s.T("dlp_sheets", map[string]string{"N": strconv.Itoa((dl.Pages + 1) / 2)}))
		} else {
			e.Facts = append(e.Facts, s.T("dlp_pages", map[string]string{"N": strconv.Itoa(dl.Pages)}))
		}
	}
	e.Facts = append(e.Facts, s.T("dlp_file", map[string]string{"Name": path.Base(dl.Path)}))
	for _, id := range printSteps[dl.Kind] {
		e.Steps = append(e.Steps, s.T(id, nil))
	}
	return e
}

// downloadLabel names a file in lang's words, with its language, format
// and size, as the footer's list does; a kind downloadLabels does not
// name yet shows its file's name.
func downloadLabel(s *i18n.Strings, lang string, dl Download) string {
	size := FormatSize(s, dl.Size)
	key, ok := downloadLabels[dl.Kind]
	switch {
	case ok:
		return s.T(key, map[string]string{"Name": LanguageName(dl.Lang, lang), "Size": size})
	case dl.Kind == output.Zip && dl.Lang == "":
		return s.T("dl_all", map[string]string{"Size": size})
	case dl.Kind == output.Zip:
		return s.T("dl_lang", map[string]string{"Name": LanguageName(dl.Lang, lang), "Size": size})
	default: // a kind with no words yet: its file's name
		return s.T("dl_other", map[string]string{"File": path.Base(dl.Path), "Size": size})
	}
}

// capitalise starts a label with a capital: the footer's labels follow
// a colon, the page's stand alone.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
