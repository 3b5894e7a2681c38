// Package config reads site.toml into a Config and validates it, so that every
// later stage can trust its values. A missing site.toml is not an error: the
// defaults build a French, Dutch and English site.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"sobre/build/diag"
)

// FileName is the configuration file at the root of a site.
const FileName = "site.toml"

// Config is the validated site configuration.
type Config struct {
	// BaseURL is the absolute address the site is published at, ending in "/".
	// Empty means unknown: no sitemap is written.
	BaseURL string `toml:"base_url"`
	// DefaultLanguage is the source language other languages fall back to.
	DefaultLanguage string `toml:"default_language"`
	// Languages in display order.
	Languages []Language `toml:"-"`

	Organisation Organisation      `toml:"organisation"`
	Budgets      Budgets           `toml:"budgets"`
	Credits      map[string]Credit `toml:"credits"`
	// Contact is where readers report a problem: a mailto: or https:
	// address, or a page of the site that says how ("transparence.md#signaler").
	Contact     string `toml:"contact"`
	contactLine int    // of contact in site.toml, for Notes
	// Readability is the lowest reading ease accepted per language (see
	// README); 0 turns the rule off.
	Readability map[string]float64 `toml:"readability"`
	// Footer lists pages linked from every page's footer rather than the
	// menu (accessibility statement, transparency), relative to a
	// language folder.
	Footer []string `toml:"footer"`
	// Index is the A–Z index page ({{a-z}}), linked where search needs
	// JavaScript and JavaScript is off.
	Index string `toml:"index"`
	// Outputs choose what a build writes besides the site.
	Outputs Outputs `toml:"outputs"`
	// Print sets the booklets' fonts.
	Print Print `toml:"print"`
	// Charter is the charter page, relative to a language folder: the
	// self-assessment ({{assessment}}) is built from its commitments.
	Charter string `toml:"charter"`
	// Glossary is the glossary page, relative to a language folder; it is
	// the target of "[[term]]" links and is sorted alphabetically.
	Glossary string `toml:"glossary"`
	// Law is the dated page on the law as it stands (AI Act, GDPR),
	// relative to a language folder: pages that cite the AI Act must link
	// to it rather than restate the law.
	Law string `toml:"law"`
}

// Outputs are the optional products of a build.
type Outputs struct {
	// Bundles writes downloads/<name>-<lang>.zip and <name>.zip.
	Bundles bool `toml:"bundles"`
	// Booklets writes <lang>/print/*.pdf.
	Booklets bool `toml:"booklets"`
	// Name starts the bundles' file and folder names.
	Name string `toml:"name"`
}

// Print sets up the booklets' type.
type Print struct {
	// FallbackFonts are TrueType files, relative to the site folder, that
	// set what the print font lacks (a script, symbols), tried in order.
	FallbackFonts []string `toml:"fallback_fonts"`
}

// maxFont is the largest fallback font accepted: a Noto font for one
// script weighs well under it (Noto Sans Arabic 0.8 MB, a CJK one 10 to
// 17 MB).
const maxFont = 32 << 20

// Language is one language of the site.
type Language struct {
	Code   string // BCP 47 tag, also the content folder name
	Name   string // the language's name in itself: "Nederlands"
	Weight int
}

// Organisation fills the charter's engagement section when set, and the
// booklets' covers.
type Organisation struct {
	Name string `toml:"name"`
	// Date is the signing date; empty leaves a line to fill by hand.
	Date Date `toml:"date"`
	// Logo is an SVG, PNG or JPEG file of the site, relative to its
	// folder, drawn at the top of every booklet's cover.
	Logo string `toml:"logo"`
	// CharterReviewed names, per language, who in the organisation checked
	// the charter's translation against the French text and when
	// ({ nl = "An Peeters, 2027-01-15" }). Until then a translated charter
	// says it is not for signature.
	CharterReviewed map[string]string `toml:"charter_reviewed"`
}

// Date accepts both a TOML date (2026-03-15) and a string ("2026-03-15").
type Date string

// UnmarshalTOML implements toml.Unmarshaler.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		*d = Date(v)
	case time.Time:
		*d = Date(v.Format("2006-01-02"))
	default:
		return fmt.Errorf("date must be a date like 2026-03-15, not %v", v)
	}
	return nil
}

// Budgets are weight limits the build enforces, in bytes after gzip.
type Budgets struct {
	// PageGzip caps the HTML of a page plus its CSS, gzipped (one TCP round trip).
	PageGzip int `toml:"page_gzip"`
	// PageTotal caps everything a page loads: HTML, CSS and scripts
	// gzipped, and its images (the search index loads only when used).
	PageTotal int `toml:"page_total"`
	// Image caps each image file of the content.
	Image int `toml:"image"`
	// ImagePixels caps each raster image's width × height, checked on its
	// header before anything decodes it (a small file can hold a huge
	// picture that would exhaust memory).
	ImagePixels int `toml:"image_pixels"`
	// Markdown caps each page's source file, in bytes.
	Markdown int `toml:"markdown"`
	// File caps each other file next to the pages (a PDF, a document).
	File int `toml:"file"`
}

// Credit names a work the site republishes, for its licence notice.
type Credit struct {
	Work       string            `toml:"work"`
	Author     string            `toml:"author"`
	URL        string            `toml:"url"`
	License    string            `toml:"license"`
	LicenseURL string            `toml:"license_url"`
	Lang       string            `toml:"lang"`    // language of the original
	Context    map[string]string `toml:"context"` // per language: where it comes from
}

type rawLanguage struct {
	Name   string `toml:"name"`
	Weight int    `toml:"weight"`
}

type raw struct {
	Config
	RawLanguages map[string]rawLanguage `toml:"languages"`
}

var nameRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Notes are what only the publisher can fill in site.toml, for the build to
// print (diag.Notice): they never fail a build.
func (c *Config) Notes() diag.List {
	var notes diag.List
	// The shipped default sends readers to a page that tells them to ask
	// the organisation: a loop until the publisher names a real channel.
	if c.Contact == "" || c.Contact == DefaultContact {
		notes.Notef(FileName, c.contactLine, "contact", "readers who find an error have no one to write to: set contact to your organisation's mailto: or https: address (now %q)", c.Contact)
	}
	return notes
}

// DefaultContact is the contact shipped with the toolkit: the transparency
// page's section on reporting errors, which asks readers to tell the
// organisation that gave them the site.
const DefaultContact = "transparence.md#signaler"

// Default is the configuration used when site.toml is absent.
func Default() *Config {
	return &Config{
		DefaultLanguage: "fr",
		Languages: []Language{
			{Code: "fr", Name: "Français", Weight: 1},
			{Code: "nl", Name: "Nederlands", Weight: 2},
			{Code: "en", Name: "English", Weight: 3},
		},
		Budgets:     Budgets{PageGzip: 14 * 1024, PageTotal: 50 * 1024, Image: 100 * 1024, ImagePixels: 16_000_000, Markdown: 256 * 1024, File: 5 * 1024 * 1024},
		Glossary:    "glossaire.md",
		Law:         "la-loi.md",
		Charter:     "charte.md",
		Index:       "index-a-z.md",
		Outputs:     Outputs{Bundles: true, Booklets: true, Name: "site"},
		Readability: map[string]float64{"fr": 50, "nl": 50, "en": 50},
	}
}

// Load reads FileName from fsys. A missing file gives Default().
func Load(fsys fs.FS) (*Config, diag.List) {
	data, err := fs.ReadFile(fsys, FileName)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		var l diag.List
		l.Errorf(FileName, 0, "config", "cannot read: %v", err)
		return nil, l
	}
	c, problems := Parse(data)
	if c != nil {
		problems = append(problems, checkFonts(fsys, c.Print.FallbackFonts, data)...)
		problems = append(problems, checkLogo(fsys, c.Organisation.Logo, data)...)
		if problems.HasErrors() {
			return nil, problems
		}
	}
	return c, problems
}

// checkFonts checks that each fallback font is a TrueType file of the
// site that the PDF writer can embed (glyf outlines, not CFF).
func checkFonts(fsys fs.FS, files []string, data []byte) diag.List {
	var problems diag.List
	lines := diag.NewLines(data)
	for _, f := range files {
		line := 0
		if i := bytes.Index(data, []byte(f)); i >= 0 {
			line = lines.Line(i)
		} else if i := bytes.Index(data, []byte("fallback_fonts")); i >= 0 {
			line = lines.Line(i)
		}
		if !fs.ValidPath(f) || strings.HasPrefix(f, "public/") {
			problems.Errorf(FileName, line, "config", "print.fallback_fonts: %q must be a path inside the site folder, like \"themes/default/fonts/NotoSansArabic-Regular.ttf\"", f)
			continue
		}
		st, err := fs.Stat(fsys, f)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			problems.Errorf(FileName, line, "config", "print.fallback_fonts: cannot read %s: %v", f, err)
			continue
		}
		if err != nil || st.IsDir() {
			problems.Errorf(FileName, line, "config", "print.fallback_fonts: %s is not a file of the site: put the font there (README, Print fonts)", f)
			continue
		}
		if st.Size() > maxFont {
			problems.Errorf(FileName, line, "config", "print.fallback_fonts: %s weighs %d MB, over %d MB: take the font of the one script you need", f, st.Size()>>20, maxFont>>20)
			continue
		}
		font, err := fs.ReadFile(fsys, f)
		if err != nil {
			problems.Errorf(FileName, line, "config", "print.fallback_fonts: cannot read %s: %v", f, err)
			continue
		}
		if !trueType(font) {
			problems.Errorf(FileName, line, "config", "print.fallback_fonts: %s is not a TrueType font with glyf outlines: take the .ttf of the font (Noto: the \"hinted/ttf\" or \"unhinted/ttf\" folder), not an .otf, .woff or collection", f)
		}
	}
	return problems
}

// maxLogo caps the logo's file: a cover's logo is some 25 mm high, and
// every booklet embeds it.
const maxLogo = 1 << 20

// checkLogo checks that the organisation's logo is an SVG, PNG or JPEG
// file of the site, small enough to embed in every booklet.
func checkLogo(fsys fs.FS, f string, data []byte) diag.List {
	var problems diag.List
	if f == "" {
		return nil
	}
	at := keyLines{data: data, lines: diag.NewLines(data)}
	line := at.line("logo")
	if i := bytes.Index(data, []byte(`"`+f+`"`)); i >= 0 {
		line = at.lines.Line(i) // the setting, not a comment naming it
	}
	fail := func(format string, args ...any) diag.List {
		problems.Errorf(FileName, line, "config", "organisation.logo: "+format, args...)
		return problems
	}
	if !fs.ValidPath(f) || strings.HasPrefix(f, "public/") {
		return fail("%q must be a path inside the site folder, like \"themes/default/logo.svg\"", f)
	}
	ext := strings.ToLower(path.Ext(f))
	if ext != ".svg" && ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
		return fail("%s must be an SVG, PNG or JPEG file (.svg, .png, .jpg): convert the logo to one of them, SVG best", f)
	}
	st, err := fs.Stat(fsys, f)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fail("cannot read %s: %v", f, err)
	}
	if err != nil || st.IsDir() {
		return fail("%s is not a file of the site: put the logo there, or remove the setting", f)
	}
	if st.Size() > maxLogo {
		return fail("%s weighs %d KB, over %d KB: take an SVG, or a smaller PNG or JPEG (600 pixels high is plenty)", f, st.Size()>>10, maxLogo>>10)
	}
	logo, err := fs.ReadFile(fsys, f)
	if err != nil {
		return fail("cannot read %s: %v", f, err)
	}
	if !logoType(logo, ext) {
		return fail("%s is not what its name says (%s): export the logo again as %s", f, ext, strings.ToUpper(ext[1:]))
	}
	return nil
}

// logoType reports whether data starts as a file of type ext does.
func logoType(data []byte, ext string) bool {
	switch ext {
	case ".png":
		return bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n"))
	case ".jpg", ".jpeg":
		return bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF})
	}
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte("<svg"))
}

// trueType reports whether data is a TrueType font file with a glyf table.
func trueType(data []byte) bool {
	if len(data) < 12 || (!bytes.HasPrefix(data, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(data, []byte("true"))) {
		return false
	}
	n := int(data[4])<<8 | int(data[5])
	for i := range n {
		if at := 12 + 16*i; at+4 <= len(data) && string(data[at:at+4]) == "glyf" {
			return true
		}
	}
	return false
}

// Parse decodes and validates site.toml content.
func Parse(data []byte) (*Config, diag.List) {
	var problems diag.List
	r := raw{Config: *Default()}
	r.Languages = nil
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&r)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			problems.Errorf(FileName, pe.Position.Line, "config", "%s; fix the TOML syntax (https://toml.io)", pe.Message)
		} else {
			problems.Errorf(FileName, 0, "config", "%v", err)
		}
		return nil, problems
	}
	at := keyLines{data: data, lines: diag.NewLines(data)}
	for _, k := range md.Undecoded() {
		problems.Errorf(FileName, at.line(k.String()), "config", "unknown setting %q; check its spelling against the README", k.String())
	}
	c := r.Config
	c.Languages = languages(r.RawLanguages, at, &problems)
	if c.Language(c.DefaultLanguage) == nil {
		problems.Errorf(FileName, at.line("default_language"), "config", "default_language %q is not among the languages; add [languages.%s]", c.DefaultLanguage, c.DefaultLanguage)
	}
	c.checkBaseURL(at, &problems)
	for lang, who := range c.Organisation.CharterReviewed {
		if c.Language(lang) == nil || lang == c.DefaultLanguage {
			problems.Errorf(FileName, at.line("charter_reviewed"), "config", "organisation.charter_reviewed: %q is not a translated language of the site: name one of its [languages] other than %s", lang, c.DefaultLanguage)
		} else if strings.TrimSpace(who) == "" {
			problems.Errorf(FileName, at.line("charter_reviewed"), "config", "organisation.charter_reviewed: say who checked the %s charter against the French text, and when, e.g. %s = \"An Peeters, 2027-01-15\"", lang, lang)
		}
	}
	if c.Organisation.Date != "" {
		if _, err := time.Parse("2006-01-02", string(c.Organisation.Date)); err != nil {
			problems.Errorf(FileName, at.line("date"), "config", "organisation date %q must be written YYYY-MM-DD, like \"2026-03-15\"", c.Organisation.Date)
		}
	}
	c.checkBudgets(at, &problems)
	c.checkContact(at, &problems)
	if !nameRe.MatchString(c.Outputs.Name) {
		problems.Errorf(FileName, at.line("name"), "config", "outputs.name %q must be a file name: lower-case letters, digits and dashes", c.Outputs.Name)
	}
	for name, cr := range c.Credits {
		if cr.Work == "" || cr.License == "" {
			problems.Errorf(FileName, at.line("credits."+name), "config", "credit %q needs at least work and license", name)
		}
	}
	if problems.HasErrors() {
		return nil, problems
	}
	return &c, problems
}

// keyLines finds the line of a setting in site.toml, for messages: the
// first line naming its last part (a good guess: keys are rarely repeated).
type keyLines struct {
	data  []byte
	lines diag.Lines
}

func (k keyLines) line(key string) int {
	last := key
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		last = key[i+1:]
	}
	if i := bytes.Index(k.data, []byte(last)); i >= 0 {
		return k.lines.Line(i)
	}
	return 0
}

// languages checks the [languages.x] tables and returns them in menu
// order (weight, then code); none at all means the default three.
func languages(raw map[string]rawLanguage, at keyLines, problems *diag.List) []Language {
	if len(raw) == 0 {
		return Default().Languages
	}
	var langs []Language
	for code, l := range raw {
		if _, err := language.Parse(code); err != nil {
			problems.Errorf(FileName, at.line("languages."+code), "config", "%q is not a language tag; use a code like \"fr\" or \"nl\"", code)
			continue
		}
		if l.Name == "" {
			problems.Errorf(FileName, at.line("languages."+code), "config", "language %q has no name; add name = \"…\" (the language's name in itself)", code)
		}
		langs = append(langs, Language{Code: code, Name: l.Name, Weight: l.Weight})
	}
	sort.Slice(langs, func(i, j int) bool {
		a, b := langs[i], langs[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Code < b.Code
	})
	return langs
}

// checkBaseURL checks base_url and ends it with "/", so pages join paths
// to it.
func (c *Config) checkBaseURL(at keyLines, problems *diag.List) {
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			problems.Errorf(FileName, at.line("base_url"), "config", "base_url %q must be an absolute http(s) address, like \"https://example.org/charte/\"", c.BaseURL)
		} else if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
}

// checkContact checks the address readers report a problem to: mail, the
// web, or a page of the site.
func (c *Config) checkContact(at keyLines, problems *diag.List) {
	c.contactLine = at.line("contact")
	if c.Contact != "" {
		u, err := url.Parse(c.Contact)
		page := err == nil && u.Scheme == "" && strings.HasSuffix(u.Path, ".md") && !strings.HasPrefix(u.Path, "/")
		if err != nil || (!page && u.Scheme != "mailto" && u.Scheme != "https" && u.Scheme != "http") {
			problems.Errorf(FileName, at.line("contact"), "config", "contact %q must be a mailto: or https: address, or a page of the site such as \"transparence.md#signaler\"", c.Contact)
		}
	}
}

// checkBudgets refuses negative budgets, and turning off the two that keep
// the build itself safe.
func (c *Config) checkBudgets(at keyLines, problems *diag.List) {
	for _, b := range []struct {
		key string
		n   int
	}{{"page_gzip", c.Budgets.PageGzip}, {"page_total", c.Budgets.PageTotal}, {"image", c.Budgets.Image}, {"file", c.Budgets.File}} {
		if b.n < 0 {
			problems.Errorf(FileName, at.line(b.key), "config", "budgets.%s must be a positive number of bytes (0 turns it off)", b.key)
		}
	}
	if c.Budgets.ImagePixels <= 0 {
		problems.Errorf(FileName, at.line("image_pixels"), "config", "budgets.image_pixels must be a positive number of pixels (width × height, like 16000000): it keeps a huge image from exhausting the build's memory")
	}
	if c.Budgets.Markdown <= 0 {
		problems.Errorf(FileName, at.line("budgets.markdown"), "config", "budgets.markdown must be a positive number of bytes (like 262144): it keeps a huge page from exhausting the build's memory")
	}
}

// Language returns the language with that code, or nil.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// Codes lists the language codes in display order.
func (c *Config) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

// SigningDate returns the organisation date, if set.
func (c *Config) SigningDate() (time.Time, bool) {
	t, err := time.Parse("2006-01-02", string(c.Organisation.Date))
	return t, err == nil
}

func (l Language) String() string { return fmt.Sprintf("%s (%s)", l.Code, l.Name) }

// BasePath is the path of BaseURL ("/asbl/charte/"), where the site lives
// on its host; "/" when BaseURL is empty.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || c.BaseURL == "" {
		return "/"
	}
	p := u.EscapedPath()
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}
