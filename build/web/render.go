package web

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"time"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/generated"
	"sobre/build/i18n"
	"sobre/build/markup"
	"sobre/build/output"
)

// CSP allows only the site's own files: no inline script or style, no other
// host. 'self' also covers sibling files when a page is opened from disk.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// ReservedIDs are element ids the layouts use; headings never take them.
var ReservedIDs = []string{"main", "choices", "choose", "q", "search-results", "search-status", "top"}

// Options change how pages are rendered.
type Options struct {
	// LiveReload adds the preview server's reload script (sobre serve only).
	LiveReload string
	// Updated is the build date shown in footers, from SOURCE_DATE_EPOCH.
	Updated time.Time
}

// Renderer renders pages of a site with a theme.
type Renderer struct {
	theme   *Theme
	site    *content.Site
	cat     *i18n.Catalog
	opts    Options
	tmpl    map[string]*template.Template // per language, with its t funcs
	strings map[string]*i18n.Strings
	// Worked out once per language, not once per page: the menu's pages and
	// each folder's pages in reading order (index pages left out).
	nav     map[string][]*content.Page
	folders map[string]map[string][]*content.Page
	search  map[string]string // language -> search index script, from the site root
}

// SetSearchIndex tells pages of lang where their search index is.
func (r *Renderer) SetSearchIndex(lang, path string) {
	if r.search == nil {
		r.search = map[string]string{}
	}
	r.search[lang] = path
}

// OfflineData is the script that registers the service worker.
type OfflineData struct{ Src, Root string }

// SearchData is what the search form needs.
type SearchData struct {
	Index, Script, AZ string
}

// NewRenderer prepares one template set per language.
func NewRenderer(theme *Theme, site *content.Site, cat *i18n.Catalog, opts Options) (*Renderer, error) {
	r := &Renderer{theme: theme, site: site, cat: cat, opts: opts, tmpl: map[string]*template.Template{}, strings: map[string]*i18n.Strings{},
		nav: map[string][]*content.Page{}, folders: map[string]map[string][]*content.Page{}}
	inFooter := map[string]bool{}
	for _, k := range site.Config.Footer {
		inFooter[k] = true
	}
	for _, code := range site.Config.Codes() {
		r.folders[code] = map[string][]*content.Page{}
		for _, q := range site.Pages[code] {
			depth := strings.Count(q.Key, "/")
			if !inFooter[q.Key] && (depth == 0 || (depth == 1 && q.IsSectionIndex())) {
				r.nav[code] = append(r.nav[code], q)
			}
			if !q.IsSectionIndex() {
				dir := path.Dir(q.Key)
				r.folders[code][dir] = append(r.folders[code][dir], q)
			}
		}
	}
	for _, code := range site.Config.Codes() {
		s := cat.For(code)
		t, err := theme.tmpl.Clone()
		if err != nil {
			return nil, err
		}
		plain := func(id string, data ...any) string {
			if len(data) > 0 {
				return s.T(id, data[0])
			}
			return s.T(id, nil)
		}
		t.Funcs(template.FuncMap{
			// t and tn mark a string that falls back to the default
			// language with its lang; tp is plain, for <title> and the
			// other places where markup is not allowed.
			"t":  func(id string, data ...any) any { return s.Markup(id, plain(id, data...)) },
			"tn": func(id string, n int) any { return s.Markup(id, s.N(id, n)) },
			"tp": plain,
		})
		r.tmpl[code] = t
		r.strings[code] = s
	}
	return r, nil
}

// Strings returns the interface strings of a language.
func (r *Renderer) Strings(code string) *i18n.Strings { return r.strings[code] }

// Link is a link to a page, with the page's language when it differs from
// the surrounding text (a fallback title stays marked as French).
type Link struct {
	Title   string
	Href    string
	Lang    string
	Current bool
}

// LangLink is an entry of the language switcher or an alternate link.
type LangLink struct {
	Code         string
	Name         string
	Href         string
	HrefLang     string // the language the target is really written in
	Current      bool
	Fallback     bool
	Absent       bool // not in this one-language bundle: named, or linked to the site (Href)
	FallbackNote string
}

// Choice is a language on the chooser and 404 pages.
type Choice struct {
	Code, Name, Href, Intro, Hint string
	// Own is what the site's chooser says in this language, each part
	// marked with it: the chooser speaks every language at once.
	Own *ChooserText
}

// ChooserText is the chooser's interface in one language: its part of
// the skip link, of the brand and the heading, and its footer.
type ChooserText struct {
	Skip, Site, Title                   string
	License, Deed, CodeLicense, Privacy string
	Report, ReportHref, Updated         string
	Downloads, DownloadsHref            string
	Links                               []Link
}

// CreditData is the licence notice of a republished work.
type CreditData struct {
	config.Credit
	Context    string
	Translated bool
}

// AIData is the disclosure shown at the top of a page made with AI help.
// Short is its one line, the summary that opens the rest.
type AIData struct{ Short, What, Review string }

type common struct {
	Search                                 *SearchData
	Offline                                *OfflineData
	Lang, CSP, CSS, Home, Contact, Updated string
	// Report is the contact address, for a mailto: with the page's title
	// and path filled in so the reader need not describe where they were.
	Report      string
	Scripts     []string
	FooterLinks []Link
	// Downloads are the page's download links, rendered.
	Downloads template.HTML
}

// PageData is what page.html receives.
type PageData struct {
	common
	Title, TitleLang, Description, Canonical string
	Content                                  template.HTML
	Fallback, Tasks                          bool
	Path                                     string // output path: the checklist's storage key
	FallbackData                             map[string]string
	ReadingTime                              string
	Switcher                                 []LangLink
	Alternates                               []LangLink
	Nav, Breadcrumbs                         []Link
	Prev, Next                               *Link
	AI                                       *AIData
	Outdated                                 *Link  // the source page, when it changed since the translation
	AsOf                                     *AsOf  // the day a page about the law was last checked
	Unsigned                                 bool   // a translated charter no person has checked: not for signature
	Position                                 string // "Module 2 of 5" within its section
	Credit                                   *CreditData
	Contents                                 *Contents
	// PrintCharter is the charter to print and sign, offered at the top
	// of the home and charter pages: the reason many visitors come.
	PrintCharter *PrintAction
	// Edition is the kind of edition the page is ("easy-read"), for its
	// layout; Editions link it to the other editions of its text.
	Edition  string
	Editions []EditionLink
}

// PrintAction is a prominent link to a file to print.
type PrintAction struct {
	Href, Label string
	// All is the language's downloads page, "" in a bundle.
	All      string
	Download bool // a site's download; a bundle opens its file in place
}

func (r *Renderer) common(lang, from string) common {
	c := common{
		Lang:    lang,
		CSP:     CSP,
		CSS:     content.Rel(from, r.theme.CSS.Path),
		Home:    content.Rel(from, lang+"/index.html"),
		Contact: r.contactHref(lang, from),
	}
	if !r.opts.Updated.IsZero() {
		c.Updated = FormatDate(r.strings[lang], r.opts.Updated)
	}
	if r.opts.LiveReload != "" {
		c.Scripts = append(c.Scripts, r.opts.LiveReload)
	}
	if js, ok := r.theme.Scripts["offline.js"]; ok && r.theme.Worker != nil {
		c.Offline = &OfflineData{Src: content.Rel(from, js.Path), Root: strings.TrimSuffix(content.Rel(from, "x"), "x")}
	}
	if strings.HasPrefix(from, lang+"/") {
		c.Search = r.searchData(lang, from)
	}
	for _, k := range r.site.Config.Footer {
		if q := r.site.ByKey[lang][k]; q != nil {
			l := Link{Title: q.Label(), Href: content.Rel(from, q.Out), Current: q.Out == from}
			if q.ContentLang() != lang {
				l.Lang = q.ContentLang()
			}
			c.FooterLinks = append(c.FooterLinks, l)
		}
	}
	return c
}

// searchData is the search form of a page of lang at from, if lang has
// a search index.
func (r *Renderer) searchData(lang, from string) *SearchData {
	idx, ok := r.search[lang]
	if !ok {
		return nil
	}
	sd := &SearchData{Index: content.Rel(from, idx)}
	if js, ok := r.theme.Scripts["search.js"]; ok {
		sd.Script = content.Rel(from, js.Path)
	}
	if q := r.site.ByKey[lang][r.site.Config.Index]; q != nil {
		sd.AZ = content.Rel(from, q.Out)
	}
	return sd
}

// contactHref is the contact address, with a page of the site (contact
// = "transparence.md#signaler") made relative to the page at from.
func (r *Renderer) contactHref(lang, from string) string {
	c := r.site.Config.Contact
	key, frag, _ := strings.Cut(c, "#")
	if !strings.HasSuffix(key, ".md") {
		return c
	}
	q := r.site.ByKey[lang][key]
	if q == nil {
		return ""
	}
	href := content.Rel(from, q.Out)
	if frag != "" {
		href += "#" + frag
	}
	return href
}

// reportHref fills a mailto: contact with a subject naming the page; other
// addresses (a web form) are used as they are.
func reportHref(contact, subject string) string {
	if !strings.HasPrefix(contact, "mailto:") {
		return contact
	}
	sep := "?"
	if strings.Contains(contact, "?") {
		sep = "&"
	}
	return contact + sep + "subject=" + url.PathEscape(subject)
}

// siblings lists the pages of p's folder, index page excluded, and p's
// 1-based place among them (0 when p is not one of them).
func (r *Renderer) siblings(p *content.Page) ([]*content.Page, int) {
	if p.IsSectionIndex() || !strings.Contains(p.Key, "/") {
		return nil, 0
	}
	out := r.folders[p.Lang][path.Dir(p.Key)]
	for i, q := range out {
		if q == p {
			return out, i + 1
		}
	}
	return out, 0
}

// LanguageName returns the name of language code in language in.
func LanguageName(code, in string) string { return i18n.LanguageName(code, in) }

// FormatDate writes a date the way the language does ("15 mars 2026").
func FormatDate(s *i18n.Strings, t time.Time) string { return s.Date(t) }

// Body is a page's rendered Markdown and what the layout needs to know of it.
type Body struct {
	HTML  []byte
	Words int
	Tasks int // checklist items: the page gets the script that remembers them
	// Images are the sources of the body's images, as its HTML names them.
	Images []string
	// Assessment holds the charter's commitments for {{assessment}}; the
	// page gets the script that scores the form.
	Assessment []AssessSection
	// AZ holds the entries of {{a-z}}: pages and glossary terms.
	AZ []AZEntry
	// Contents is the "On this page" list of a page with enough h2.
	Contents *Contents
}

// The generated blocks' data (see build/generated), named here as the
// theme's templates know them.
type (
	AZEntry       = generated.AZEntry
	AZGroup       = generated.AZGroup
	AssessSection = generated.AssessSection
	AssessItem    = generated.AssessItem
	AIRow         = generated.AIRow
)

type assessData struct {
	Sections []AssessSection
	Path     string
}

// Max is the highest total score.
func (a assessData) Max() int {
	n := 0
	for _, s := range a.Sections {
		n += s.Max()
	}
	return n
}

// Blocks writes the generated blocks of page p for the directives of its
// body, once per target: the charter's self-assessment, the A–Z, the table
// of pages made with AI help. ids are the ids the body already has.
func (r *Renderer) Blocks(p *content.Page, body *Body, ids []string) markup.Generator {
	return blocks{r: r, p: p, body: body, ids: ids}
}

type blocks struct {
	r    *Renderer
	p    *content.Page
	body *Body
	ids  []string
}

// Generate writes one block with the target's links; for XHTML, the
// template's HTML is rewritten as XML.
func (g blocks) Generate(w io.Writer, name string, t markup.Target) error {
	link := func(href string) string { return href }
	if t.Link != nil {
		link = t.Link
	}
	var data any
	switch name {
	case "assessment":
		if len(g.body.Assessment) == 0 {
			return fmt.Errorf("{{assessment}} needs the charter's commitments: the charter page has no level-2 section with a list")
		}
		data = assessData{Sections: g.body.Assessment, Path: g.p.Out}
	case "a-z":
		entries := make([]AZEntry, len(g.body.AZ))
		for i, e := range g.body.AZ {
			e.Href = link(e.Href)
			entries[i] = e
		}
		data = generated.GroupAZ(entries, g.p.Lang, append(g.ids, ReservedIDs...)...)
	case "ai-pages":
		rows := generated.AIRows(g.r.site, g.r.strings[g.p.Lang], g.p)
		for i := range rows {
			rows[i].Href = link(rows[i].Href)
		}
		data = rows
	default:
		return fmt.Errorf("no generated block is called %q", name)
	}
	var b bytes.Buffer
	if err := g.r.tmpl[g.p.Lang].ExecuteTemplate(&b, name, data); err != nil {
		return err
	}
	out := b.Bytes()
	if t.XHTML {
		var err error
		if out, err = xhtml(out); err != nil {
			return fmt.Errorf("the theme's %q block is not XHTML: %w", name, err)
		}
	}
	_, err := w.Write(out)
	return err
}

// Variant says which output a page is rendered for: the site, or an
// offline bundle (see output.Variant).
type Variant = output.Variant

// Download is a file the pages offer, with its kind, language and size.
type Download = output.Download

type downloadsData struct {
	Items []downloadItem
	// Page is the language's downloads page, "" on it or without one.
	Page string
	// Short is a footer that offers the charter and links Page.
	Short bool
}

type downloadItem struct {
	Href, Label, Lang string
}

// downloadLabels are the strings that name each kind of download, with
// the language's name and the file's size.
var downloadLabels = map[output.Kind]string{
	output.Charter: "dl_pdf", output.Handout: "dl_handout", output.A5: "dl_a5", output.A5Imposed: "dl_imposed",
	output.LargePrint: "dl_large", output.Pack: "dl_pack", output.PackLarge: "dl_pack_large", output.EasyRead: "dl_easy_read", output.EPUB: "dl_epub",
}

// downloads renders the download links of a page of lang at from: the
// site's, or the files beside it in a bundle.
func (r *Renderer) downloads(lang, from string, v Variant, own ...output.Kind) (template.HTML, error) {
	if v.Bundle {
		return r.bundleDownloads(lang, from, v.Downloads, v.More)
	}
	return r.siteDownloads(lang, from, v.Downloads, false, own...)
}

// ownKinds are the kinds of file a page is the web form of: its footer
// offers them beside the charter (the materials pack's page, its two
// editions; an easy-to-read page, its booklet).
func ownKinds(p *content.Page) []output.Kind {
	switch {
	case p.Source.Front.Pack:
		return []output.Kind{output.Pack, output.PackLarge}
	case p.Source.Front.Edition == content.EditionEasyRead:
		return []output.Kind{output.EasyRead}
	}
	return nil
}

// printCharter is the charter's PDF in p's language, offered on the home
// and charter pages when the build made it; personalised when site.toml
// names the organisation (the PDF fills its name in).
func (r *Renderer) printCharter(p *content.Page, from string, v Variant) *PrintAction {
	cfg := r.site.Config
	if !p.IsHome() && p.Key != cfg.Charter {
		return nil
	}
	for _, dl := range v.Downloads {
		if dl.Kind != output.Charter || dl.Lang != p.Lang {
			continue
		}
		s := r.strings[p.Lang]
		data := map[string]any{"Size": FormatSize(s, dl.Size), "Pages": dl.Pages, "Org": cfg.Organisation.Name}
		key := "print_charter_action"
		if cfg.Organisation.Name != "" {
			key = "print_charter_action_org"
		}
		if c := r.site.ByKey[p.Lang][cfg.Charter]; c != nil && generated.Unsigned(r.site, c) {
			key = "print_charter_action_read" // a translation not to sign yet
		}
		a := &PrintAction{Href: content.Rel(from, dl.Path), Label: s.T(key, data), Download: !v.Bundle}
		if all := r.downloadsPage(p.Lang, v.Downloads); all != "" && !v.Bundle {
			a.All = content.Rel(from, all)
		}
		return a
	}
	return nil
}

// siteDownloads renders the download links of a page at from, in lang.
// With a downloads page, a page's footer offers the charter to sign (and
// the page's own files, own) and links the page for the rest, which every footer repeated before (a
// tenth of each page); a not-found page (all), or a site with no charter
// to offer, lists every file still (the former for a reader who followed
// a file's old address).
func (r *Renderer) siteDownloads(lang, from string, list []Download, all bool, own ...output.Kind) (template.HTML, error) {
	if len(list) == 0 {
		return "", nil
	}
	s := r.strings[lang]
	// A page offers what its reader needs: the booklets and e-book of its
	// language, the site in its language and in all; the other languages'
	// files are on their own pages.
	var d downloadsData
	if p := r.downloadsPage(lang, list); p != "" && p != from {
		d.Page = content.Rel(from, p)
	}
	d.Short = d.Page != "" && !all && slices.ContainsFunc(list, func(dl Download) bool { return dl.Kind == output.Charter && dl.Lang == lang })
	var mine []Download
	for _, dl := range list {
		if d.Short && ((dl.Kind != output.Charter && !slices.Contains(own, dl.Kind)) || dl.Lang != lang) {
			continue
		}
		if dl.Lang == lang || (dl.Lang == "" && dl.Kind == output.Zip) {
			mine = append(mine, dl)
		}
	}
	sort.SliceStable(mine, func(i, j int) bool { return downloadRank(mine[i], lang) < downloadRank(mine[j], lang) })
	for _, dl := range mine {
		it := downloadItem{Href: content.Rel(from, dl.Path), Label: downloadLabel(s, lang, dl)}
		// The toolkit's booklets are named in the reader's language; a
		// file in another language says so.
		if dl.Lang != lang && dl.Lang != "" && !isToolkitBooklet(dl.Kind) {
			it.Lang = dl.Lang
		}
		d.Items = append(d.Items, it)
	}
	return r.fragment(lang, "downloads", d)
}

// isToolkitBooklet tells the editions of the whole toolkit, which the
// pages name with the language in words rather than mark as in it.
func isToolkitBooklet(k output.Kind) bool {
	return k.Booklet() && k != output.Charter && k != output.EasyRead
}

// downloadRank orders a page's downloads: the reader's language first,
// the others next, every language last; the booklets to print before the
// zips, the e-books after them.
func downloadRank(dl Download, lang string) int {
	n := 1
	switch dl.Lang {
	case lang:
		n = 0
	case "":
		n = 2
	}
	switch {
	case dl.Kind.Booklet():
		n -= 10
	case dl.Kind == output.EPUB:
		n += 3
	}
	return n
}

// fragment executes a layout's block for a part of a page, minified as
// the page around it will be.
func (r *Renderer) fragment(lang, name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := r.tmpl[lang].ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("%s/layouts: %s: %v", ThemeDir, name, err)
	}
	out, err := r.theme.min.Bytes("text/html", b.Bytes())
	if err != nil {
		return template.HTML(b.Bytes()), nil
	}
	return template.HTML(out), nil
}

// FormatSize writes a file size the way the language does ("1,2 Mo").
func FormatSize(s *i18n.Strings, n int) string {
	dec := s.T("decimal_separator", nil)
	if n < 1000*1000 {
		return s.T("size_kb", map[string]string{"N": strconv.Itoa((n + 999) / 1000)})
	}
	mb := strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
	return s.T("size_mb", map[string]string{"N": strings.Replace(mb, ".", dec, 1)})
}

// Page renders one page for the site, offering downloads, and says what
// it loads.
func (r *Renderer) Page(p *content.Page, body Body, downloads []Download) ([]byte, Loads, error) {
	return r.PageVariant(p, body, Variant{Downloads: downloads})
}

// PageVariant renders one page for an output (the site, or a bundle), and
// says what it loads.
func (r *Renderer) PageVariant(p *content.Page, body Body, v Variant) ([]byte, Loads, error) {
	html := body.HTML
	var scripts []string
	if js, ok := r.theme.Scripts["assessment.js"]; ok && len(body.Assessment) > 0 {
		scripts = append(scripts, content.Rel(p.Out, js.Path))
	}
	from := p.Out
	if v.At != "" && v.At != p.Out {
		from = v.At
		html = rebase(html, p.Out, from)
		for i, s := range scripts {
			scripts[i] = rebaseURL(s, p.Out, from)
		}
	}
	d := r.pageData(p, from)
	d.Content = template.HTML(html)
	d.Tasks = body.Tasks > 0
	d.Contents = body.Contents
	d.Scripts = append(d.Scripts, scripts...)
	if js, ok := r.theme.Scripts["toc.js"]; ok && body.Contents != nil {
		d.Scripts = append(d.Scripts, content.Rel(from, js.Path))
	}
	if body.Tasks > 0 {
		if js, ok := r.theme.Scripts["checklist.js"]; ok {
			d.Scripts = append(d.Scripts, content.Rel(from, js.Path))
		}
	}
	if words := body.Words; words > 0 {
		minutes := (words + 199) / 200
		d.ReadingTime = r.strings[p.Lang].N("reading_time", minutes)
	}
	d.Switcher, d.Alternates = r.switcher(p, from, v.Only)
	d.Nav, d.Breadcrumbs, d.Prev, d.Next = r.pageLinks(p, from)
	d.AI = r.aiData(p)
	var err error
	if d.Credit, err = r.creditData(p); err != nil {
		return nil, Loads{}, err
	}
	if d.Downloads, err = r.downloads(p.Lang, from, v, ownKinds(p)...); err != nil {
		return nil, Loads{}, err
	}
	d.PrintCharter = r.printCharter(p, from, v)
	if d.PrintCharter == nil {
		d.PrintCharter = r.printPack(p, from, v)
	}
	if d.PrintCharter == nil {
		d.PrintCharter = r.printEdition(p, from, v)
	}
	d.Edition, d.Editions = p.Source.Front.Edition, r.editionLinks(p, from)
	images := body.Images
	if from != p.Out {
		images = make([]string, len(body.Images))
		for i, src := range body.Images {
			images[i] = rebaseURL(src, p.Out, from)
		}
	}
	out, err := r.execute(p.Lang, "page.html", d)
	return out, d.loads(images), err
}

// Loads are the files a rendered page makes a browser fetch, as its HTML
// names them (relative to the page, not HTML-escaped), known from what the
// page's template is given and what its body's render recorded, not read
// back from the HTML.
type Loads struct {
	// Files are fetched with the page, in the order the default theme
	// names them: stylesheet, images of the body, scripts.
	Files []string
	// Lazy are fetched only when the reader asks: the search index.
	Lazy []string
}

// Renamed is l with the file whose base name is old renamed new: the
// search index, whose name carries its hash, once the preview rebuilt it.
func (l Loads) Renamed(old, new string) Loads {
	rename := func(list []string) []string {
		out := make([]string, len(list))
		for i, f := range list {
			if path.Base(f) == old {
				f = path.Join(path.Dir(f), new)
			}
			out[i] = f
		}
		return out
	}
	return Loads{Files: rename(l.Files), Lazy: rename(l.Lazy)}
}

// loads lists what a layout given c loads, with the body's images.
func (c common) loads(images []string) Loads {
	l := Loads{Files: append([]string{c.CSS}, images...)}
	if c.Search != nil {
		if c.Search.Script != "" {
			l.Files = append(l.Files, c.Search.Script)
		}
		l.Lazy = append(l.Lazy, c.Search.Index)
	}
	l.Files = append(l.Files, c.Scripts...)
	if c.Offline != nil {
		l.Files = append(l.Files, c.Offline.Src)
	}
	return l
}

// pageData is what a page at from says of itself: title, place in its
// section, its language and translation's state, its address.
func (r *Renderer) pageData(p *content.Page, from string) PageData {
	s := r.strings[p.Lang]
	cfg := r.site.Config
	fm := p.Source.Front
	d := PageData{
		common:      r.common(p.Lang, from),
		Title:       fm.Title,
		Description: fm.Description,
		Path:        p.Out,
		Fallback:    p.Fallback,
	}
	if from != p.Out {
		d.Search = r.searchData(p.Lang, from) // the page is still of its language
	}
	d.Report = reportHref(d.Contact, s.T("report_subject", map[string]string{"Title": fm.Title, "Path": p.Out}))
	if sib, pos := r.siblings(p); len(sib) > 1 && pos > 0 {
		sec := r.site.ByKey[p.Lang][path.Dir(p.Key)+"/index.md"]
		name := ""
		if sec != nil {
			name = sec.Label()
		}
		d.Position = s.T("position", map[string]any{"N": pos, "Total": len(sib), "Section": name})
	}
	if t, _ := fm.AsOfDate(); !t.IsZero() {
		d.AsOf = &AsOf{Datetime: t.Format("2006-01-02"), Text: s.T("as_of", map[string]string{"Date": s.Date(t)})}
	}
	d.Unsigned = generated.Unsigned(r.site, p)
	if r.site.StateOf(p) == content.Outdated {
		src := r.site.ByKey[cfg.DefaultLanguage][p.Key]
		d.Outdated = &Link{Href: content.Rel(from, src.Out), Lang: src.Lang, Title: LanguageName(src.Lang, p.Lang)}
	}
	if p.ContentLang() != p.Lang {
		d.TitleLang = p.ContentLang()
		d.FallbackData = map[string]string{"Source": LanguageName(p.ContentLang(), p.Lang)}
	}
	if cfg.BaseURL != "" {
		d.Canonical = cfg.BaseURL + p.Out
		if p.Fallback {
			// The same text lives in its own language's tree: point there.
			d.Canonical = cfg.BaseURL + r.site.ByKey[p.ContentLang()][p.Key].Out
		}
	}
	return d
}

// AsOf is the day a page's facts were last checked, as the page says it.
type AsOf struct{ Datetime, Text string }

// switcher lists p's translations for the language switcher, and the
// alternates its head names; in the bundle of language only, the other
// languages are absent, or linked on the site at base_url.
func (r *Renderer) switcher(p *content.Page, from, only string) (switcher, alternates []LangLink) {
	cfg := r.site.Config
	for _, q := range r.site.Translations(p) {
		name := cfg.Language(q.Lang).Name
		l := LangLink{Code: q.Lang, Name: name, Href: content.Rel(from, q.Out), HrefLang: q.ContentLang(), Current: q == p, Fallback: q.Fallback}
		if q.Fallback {
			l.FallbackNote = "(" + r.strings[q.Lang].T("not_translated_short", nil) + ")"
		}
		if only != "" && q.Lang != only {
			l.Absent, l.Href = true, ""
			l.FallbackNote = "(" + r.strings[q.Lang].T("not_in_bundle", nil) + ")"
			if cfg.BaseURL != "" {
				// Leaves the bundle on purpose, for the reader online.
				l.Href = cfg.BaseURL + q.Out
				l.FallbackNote = "(" + r.strings[q.Lang].T("bundle_online", nil) + ")"
			}
		}
		switcher = append(switcher, l)
		if !q.Fallback {
			alt := l
			if cfg.BaseURL != "" {
				alt.Href = cfg.BaseURL + q.Out
			}
			alternates = append(alternates, alt)
		}
	}
	if len(alternates) < 2 || only != "" {
		alternates = nil // alone in its language, or the others are not in this bundle
	}
	return switcher, alternates
}

// pageLinks are the links around a page at from: the menu, with the
// current section marked, the breadcrumbs, the previous and next pages.
func (r *Renderer) pageLinks(p *content.Page, from string) (nav, crumbs []Link, prev, next *Link) {
	link := func(q *content.Page) *Link {
		l := &Link{Title: q.Label(), Href: content.Rel(from, q.Out), Current: q == p}
		if q.ContentLang() != p.Lang {
			l.Lang = q.ContentLang()
		}
		return l
	}
	for _, q := range r.nav[p.Lang] {
		l := link(q)
		l.Current = q == p || (!q.IsHome() && strings.HasPrefix(p.Key, strings.TrimSuffix(q.Key, "index.md")) && q.IsSectionIndex())
		nav = append(nav, *l)
	}
	for _, q := range r.site.Parents(p) {
		crumbs = append(crumbs, *link(q))
	}
	pages := r.site.Pages[p.Lang]
	if p.Order > 0 {
		prev = link(pages[p.Order-1])
	}
	if p.Order+1 < len(pages) {
		next = link(pages[p.Order+1])
	}
	return nav, crumbs, prev, next
}

// aiData is the disclosure of a page made with AI help (charter § 4).
func (r *Renderer) aiData(p *content.Page) *AIData {
	a := p.Source.Front.AI
	if a == nil {
		return nil
	}
	s := r.strings[p.Lang]
	ai := &AIData{}
	if a.What == "translation" {
		ai.What = s.T("ai_translation", map[string]string{"Tool": a.Tool})
		ai.Short = s.T("ai_how_translation", map[string]string{"Tool": a.Tool})
	} else {
		ai.What = s.T("ai_writing", map[string]string{"Tool": a.Tool})
		ai.Short = s.T("ai_how_writing", map[string]string{"Tool": a.Tool})
	}
	if a.Review == "reviewed" {
		ai.Review = s.T("ai_review_done", map[string]string{"Reviewer": a.Reviewer})
	} else {
		ai.Review = s.T("ai_review_pending", nil)
	}
	return ai
}

// creditData is the licence notice of a page taken from elsewhere.
func (r *Renderer) creditData(p *content.Page) (*CreditData, error) {
	fm := p.Source.Front
	if fm.Credit == "" {
		return nil, nil
	}
	cr, ok := r.site.Config.Credits[fm.Credit]
	if !ok {
		return nil, fmt.Errorf("%s: credit %q is not defined: add [credits.%s] to site.toml", p.Source.File, fm.Credit, fm.Credit)
	}
	c := &CreditData{Credit: cr, Context: cr.Context[p.Lang], Translated: cr.Lang != "" && cr.Lang != p.ContentLang()}
	if c.Lang == "" {
		c.Lang = p.ContentLang()
	}
	return c, nil
}

func (r *Renderer) execute(lang, name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.tmpl[lang].ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("%s/layouts/%s: %v", ThemeDir, name, err)
	}
	out, err := r.theme.min.Bytes("text/html", buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s/layouts/%s: minifying: %v", ThemeDir, name, err)
	}
	return out, nil
}

func (r *Renderer) choices(from string, only ...string) []Choice {
	var out []Choice
	for _, l := range r.site.Config.Languages {
		if len(only) > 0 && !contains(only, l.Code) {
			continue
		}
		s := r.strings[l.Code]
		out = append(out, Choice{Code: l.Code, Name: l.Name, Href: content.Rel(from, l.Code+"/index.html"),
			Intro: s.T("chooser_intro", nil), Hint: s.T("chooser_hint", nil)})
	}
	return out
}

// ChooserData is what chooser.html receives.
type ChooserData struct {
	common
	Title      string
	Choices    []Choice
	Alternates []LangLink
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Chooser renders public/index.html: one link per language, in its own
// language; a script may highlight the visitor's language, never redirect.
// With v.Only, it lists that language (the index of its bundle).
func (r *Renderer) Chooser(v Variant) ([]byte, error) {
	lang, d, err := r.chooser(v)
	if err != nil {
		return nil, err
	}
	return r.execute(lang, "chooser.html", d)
}

// ChooserLoads says what the site's chooser (index.html) loads.
func (r *Renderer) ChooserLoads() Loads {
	_, d, _ := r.chooser(Variant{}) // no downloads: nothing to fail
	return d.loads(nil)
}

// chooser is the data of the chooser of v and the language it is
// written in.
func (r *Renderer) chooser(v Variant) (string, ChooserData, error) {
	cfg := r.site.Config
	def := cfg.DefaultLanguage
	var only []string
	if v.Only != "" {
		def, only = v.Only, []string{v.Only}
	}
	d := ChooserData{common: r.common(def, "index.html"), Choices: r.choices("index.html", only...)}
	var err error
	if d.Downloads, err = r.downloads(def, "index.html", v); err != nil {
		return def, d, err
	}
	var titles []string
	for _, l := range cfg.Languages {
		if len(only) > 0 && !contains(only, l.Code) {
			continue
		}
		titles = append(titles, r.strings[l.Code].T("chooser_title", nil))
		if cfg.BaseURL != "" && len(only) == 0 {
			d.Alternates = append(d.Alternates, LangLink{Code: l.Code, Href: cfg.BaseURL + l.Code + "/index.html"})
		}
	}
	d.Title = strings.Join(titles, " · ")
	if len(only) == 0 {
		for i := range d.Choices {
			d.Choices[i].Own = r.chooserText(d.Choices[i].Code, v)
		}
		if !v.Bundle {
			// Each language's column leads to its downloads; a bundle
			// of every language still lists the files beside its index.
			d.Downloads = ""
		}
	}
	if js, ok := r.theme.Scripts["chooser.js"]; ok {
		d.Scripts = append(d.Scripts, js.Path)
	}
	return def, d, nil
}

// chooserText is the site chooser's interface in lang, its footer the
// one lang's pages show, the downloads reached on lang's downloads page
// (on its home page in a theme without one; in a bundle, on the chooser
// itself, which lists the files beside it).
func (r *Renderer) chooserText(lang string, v Variant) *ChooserText {
	s, c := r.strings[lang], r.common(lang, "index.html")
	t := &ChooserText{Skip: s.T("skip_to_content", nil), Site: s.T("site_title", nil), Title: s.T("chooser_title", nil),
		License: s.T("footer_license", nil), Deed: "https://creativecommons.org/licenses/by/4.0/deed." + lang,
		CodeLicense: s.T("footer_code", nil), Privacy: s.T("footer_privacy", nil), Links: c.FooterLinks,
		Report: s.T("report_problem", nil), ReportHref: c.Contact,
		Downloads: s.T("chooser_downloads", nil), DownloadsHref: lang + "/index.html#downloads"}
	if c.Updated != "" {
		t.Updated = s.T("updated", c.Updated)
	}
	if v.Bundle {
		t.DownloadsHref = "#downloads"
	} else if p := r.downloadsPage(lang, v.Downloads); p != "" {
		t.DownloadsHref = p // the chooser is at the site root
	}
	return t
}

// NotFoundData is what 404.html receives: the site's root 404.html, in
// every language (Root), or one language's lang/404.html.
type NotFoundData struct {
	common
	Root  bool
	Title string
	// Langs are the languages' texts of the root page.
	Langs    []NotFoundLang
	Switcher []LangLink
	Nav      []Link
	// Links are where a reader goes on from a language's 404 page.
	Links []Link
	// Moved are the booklets renamed in their language, hidden: moved.js
	// shows the one whose old address the reader asked for.
	Moved []MovedLink
}

// MovedLink is a booklet's new file, for a reader who asked for its old
// address: Old and New are from the site root, Href from the page.
type MovedLink struct {
	Lang, Old, New, Href, Text, Label string
}

// movedLinks lists the downloads of lang (every language when "") that
// have an old address, for the 404 page at from, each in its own
// language, with moved.js to show them.
func (r *Renderer) movedLinks(d *NotFoundData, lang, from string, downloads []Download) {
	for _, dl := range downloads {
		if dl.Old == "" || (lang != "" && dl.Lang != lang) {
			continue
		}
		s := r.strings[dl.Lang]
		label := s.T(downloadLabels[dl.Kind], map[string]string{"Name": LanguageName(dl.Lang, dl.Lang), "Size": FormatSize(s, dl.Size)})
		d.Moved = append(d.Moved, MovedLink{Lang: dl.Lang, Old: dl.Old, New: dl.Path, Href: content.Rel(from, dl.Path),
			Text: s.T("notfound_moved", nil), Label: label})
	}
	if js, ok := r.theme.Scripts["moved.js"]; ok && len(d.Moved) > 0 {
		d.Scripts = append(d.Scripts, content.Rel(from, js.Path))
	}
}

// NotFoundLang is one language's part of the root 404 page.
type NotFoundLang struct {
	Code, Name, Title, Text, Home, Href string
}

// NotFoundPath is where the 404 page of lang goes; lang "" is the root's.
func NotFoundPath(lang string) string {
	if lang == "" {
		return "404.html"
	}
	return lang + "/404.html"
}

// NotFound renders a 404 page: with lang "", the root's, which says it in
// every language and links each language's home; otherwise that
// language's, in its words, with its header (search, menu, languages).
// Its links are relative to its own folder, as every page's: a host serves
// it at any depth, where they break, so with base_url the build passes it
// through Rebase.
func (r *Renderer) NotFound(lang string, downloads []Download) ([]byte, error) {
	cfg := r.site.Config
	from := NotFoundPath(lang)
	d := NotFoundData{Root: lang == ""}
	var err error
	if d.Root {
		d.common = r.common(cfg.DefaultLanguage, from)
		if d.Downloads, err = r.siteDownloads(cfg.DefaultLanguage, from, downloads, true); err != nil {
			return nil, err
		}
		var titles []string
		for _, l := range cfg.Languages {
			s := r.strings[l.Code]
			t := s.T("notfound_title", nil)
			titles = append(titles, t)
			d.Langs = append(d.Langs, NotFoundLang{Code: l.Code, Name: l.Name, Title: t,
				Text: s.T("notfound_text", nil), Home: s.T("notfound_home", nil),
				Href: content.Rel(from, l.Code+"/index.html")})
		}
		d.Title = strings.Join(titles, " · ")
		r.movedLinks(&d, "", from, downloads)
		return r.execute(cfg.DefaultLanguage, "404.html", d)
	}
	s := r.strings[lang]
	d.common = r.common(lang, from)
	if d.Downloads, err = r.siteDownloads(lang, from, downloads, true); err != nil {
		return nil, err
	}
	d.Title = s.T("notfound_title", nil)
	for _, l := range cfg.Languages {
		d.Switcher = append(d.Switcher, LangLink{Code: l.Code, Name: l.Name, HrefLang: l.Code,
			Href: content.Rel(from, l.Code+"/index.html"), Current: l.Code == lang})
	}
	for _, q := range r.nav[lang] {
		l := Link{Title: q.Label(), Href: content.Rel(from, q.Out)}
		if q.ContentLang() != lang {
			l.Lang = q.ContentLang()
		}
		d.Nav = append(d.Nav, l)
	}
	d.Links = append(d.Links, Link{Title: s.T("notfound_home", nil), Href: d.Home})
	if q := r.site.ByKey[lang][cfg.Index]; q != nil {
		l := Link{Title: q.Label(), Href: content.Rel(from, q.Out)}
		if q.ContentLang() != lang {
			l.Lang = q.ContentLang()
		}
		d.Links = append(d.Links, l)
	}
	if p := r.downloadsPage(lang, downloads); p != "" { // an old booklet's address, often
		d.Links = append(d.Links, Link{Title: s.T("downloads_title", nil), Href: content.Rel(from, p)})
	}
	r.movedLinks(&d, lang, from, downloads)
	return r.execute(lang, "404.html", d)
}

// rebaseRe finds the address attributes the layouts write.
var rebaseRe = regexp.MustCompile(`(\s(?:href|src|data-index)=")([^"]*)"`)

// Rebase makes the relative addresses of a page found in folder dir of
// its host ("/asbl/charte/fr/") root-relative ("/asbl/charte/fr/index.html"),
// so that they work wherever the host serves it, as a 404 page is. Unlike
// a <base> element, it leaves in-page links ("#main", the skip link) on
// the page itself, and needs no full address (the page stays usable on
// any host name the folder is served from).
func Rebase(page []byte, dir string) []byte {
	base, err := url.Parse(dir)
	if err != nil {
		return page
	}
	return rebaseRe.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := rebaseRe.FindSubmatch(m)
		v := string(sub[2])
		ref, err := url.Parse(html.UnescapeString(v))
		if err != nil || v == "" || ref.Scheme != "" || ref.Host != "" || strings.HasPrefix(v, "/") || strings.HasPrefix(v, "#") {
			return m
		}
		abs := base.ResolveReference(ref).String()
		return append(append(append([]byte(nil), sub[1]...), html.EscapeString(abs)...), '"')
	})
}

// Robots returns robots.txt.
func Robots(cfg *config.Config) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if cfg.BaseURL != "" {
		b.WriteString("Sitemap: " + cfg.BaseURL + "sitemap.xml\n")
	}
	return []byte(b.String())
}

// Sitemap returns sitemap.xml with each page's real translations as
// alternates; nil when base_url is not set (a sitemap needs full URLs).
func Sitemap(site *content.Site) []byte {
	cfg := site.Config
	if cfg.BaseURL == "" {
		return nil
	}
	type xlink struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type url struct {
		Loc   string  `xml:"loc"`
		Links []xlink `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, code := range cfg.Codes() {
		for _, p := range site.Pages[code] {
			if p.Fallback {
				continue // the original is listed in its own language
			}
			u := url{Loc: cfg.BaseURL + p.Out}
			for _, q := range site.Translations(p) {
				if !q.Fallback && len(site.Translations(p)) > 1 {
					u.Links = append(u.Links, xlink{Rel: "alternate", Hreflang: q.Lang, Href: cfg.BaseURL + q.Out})
				}
			}
			set.URLs = append(set.URLs, u)
		}
	}
	out, _ := xml.MarshalIndent(set, "", " ")
	return append([]byte(xml.Header), append(out, '\n')...)
}
