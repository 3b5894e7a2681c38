// Package web renders the HTML site from the content model: pages from the
// theme's html/template layouts, the language chooser, 404 page and the
// theme's assets, minified. It returns bytes; build writes them.
package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/tdewolff/minify/v2"
	mincss "github.com/tdewolff/minify/v2/css"
	minhtml "github.com/tdewolff/minify/v2/html"
	minjs "github.com/tdewolff/minify/v2/js"

	"sobre/build/colour"
	"sobre/build/diag"
	"sobre/build/markup"
	"sobre/build/output"
)

// ThemeDir is where the default theme lives in a site or in the binary.
const ThemeDir = "themes/default"

// Asset is a file of public/assets/ with a content-hashed name.
type Asset struct {
	Path string // "assets/style.1a2b3c4d5e.css"
	Data []byte
}

// Theme is a loaded theme.
type Theme struct {
	// Colors are the theme's declared colours, checked by build/check.
	Colors  colour.Theme
	tmpl    *template.Template
	CSS     Asset
	Scripts map[string]Asset // by source name: "chooser.js"
	min     *minify.M
	// layoutIDs are the string ids the layouts ask for.
	layoutIDs map[string]bool
	// Worker is the service worker's code (sw.js), without its data.
	Worker []byte
	// EPUBCSS is the e-books' stylesheet: reading systems bring their own
	// fonts and colours, so it only marks the structure.
	EPUBCSS []byte
}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &minhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", mincss.Minify)
	m.AddFunc("application/javascript", minjs.Minify)
	return m
}

// LoadTheme reads the theme from fsys (site files over built-in defaults).
// extraJS is prepended to named scripts (data the build computes).
func LoadTheme(fsys fs.FS, extraJS map[string]string) (*Theme, diag.List) {
	var problems diag.List
	t := &Theme{Scripts: map[string]Asset{}, min: newMinifier()}
	colors, ok := loadColors(fsys, &problems)
	if !ok {
		return nil, problems
	}
	t.Colors = colors
	if !t.loadCSS(fsys, &problems) {
		return nil, problems
	}
	t.loadScripts(fsys, extraJS, &problems)
	t.Worker = readOptional(fsys, ThemeDir+"/sw.js", &problems)
	t.EPUBCSS = readOptional(fsys, ThemeDir+"/epub.css", &problems)
	root := t.loadLayouts(fsys, &problems)
	if problems.HasErrors() {
		return nil, problems
	}
	t.tmpl = root
	return t, problems
}

// loadColors reads the palettes and the pairs to check from theme.toml,
// with the line of each colour for messages.
func loadColors(fsys fs.FS, problems *diag.List) (colour.Theme, bool) {
	var c colour.Theme
	colorsFile := ThemeDir + "/theme.toml"
	data, err := fs.ReadFile(fsys, colorsFile)
	if err != nil {
		problems.Errorf(colorsFile, 0, "theme", "cannot read the theme colours: %v", err)
		return c, false
	}
	if _, err := toml.Decode(string(data), &c); err != nil {
		var pe toml.ParseError
		line := 0
		if ok := asParseError(err, &pe); ok {
			line = pe.Position.Line
		}
		problems.Errorf(colorsFile, line, "theme", "%v; fix the TOML syntax", err)
		return c, false
	}
	c.File = colorsFile
	c.Lines = map[string]int{}
	scheme := ""
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") {
			scheme = strings.Trim(l, "[]")
			continue
		}
		if k, _, ok := strings.Cut(l, "="); ok && (scheme == "light" || scheme == "dark") {
			c.Lines[scheme+"."+strings.TrimSpace(k)] = i + 1
		}
	}
	return c, true
}

// loadCSS makes the stylesheet: the palettes as custom properties (dark
// ones for a dark preference), then style.css, minified.
func (t *Theme) loadCSS(fsys fs.FS, problems *diag.List) bool {
	css, err := fs.ReadFile(fsys, ThemeDir+"/assets/style.css")
	if err != nil {
		problems.Errorf(ThemeDir+"/assets/style.css", 0, "theme", "cannot read: %v", err)
		return false
	}
	var full bytes.Buffer
	full.WriteString(":root{color-scheme:light dark;")
	writeVars(&full, t.Colors.Light)
	full.WriteString("}@media (prefers-color-scheme:dark){:root{")
	writeVars(&full, t.Colors.Dark)
	full.WriteString("}}")
	full.Write(css)
	minCSS, err := t.min.Bytes("text/css", full.Bytes())
	if err != nil {
		problems.Errorf(ThemeDir+"/assets/style.css", 0, "theme", "CSS does not parse: %v", err)
		return false
	}
	t.CSS = hashed("assets/style.css", minCSS)
	return true
}

// loadScripts minifies every assets/*.js, each after its extraJS.
func (t *Theme) loadScripts(fsys fs.FS, extraJS map[string]string, problems *diag.List) {
	for _, s := range listFiles(fsys, ThemeDir+"/assets", "*.js", problems) {
		src, err := fs.ReadFile(fsys, s)
		if err != nil {
			problems.Errorf(s, 0, "theme", "cannot read: %v", err)
			continue
		}
		name := path.Base(s)
		if pre, ok := extraJS[name]; ok {
			src = append([]byte(pre+"\n"), src...)
		}
		out, err := t.min.Bytes("application/javascript", src)
		if err != nil {
			problems.Errorf(s, 0, "theme", "script does not parse: %v", err)
			continue
		}
		t.Scripts[name] = hashed("assets/"+name, out)
	}
}

// loadLayouts parses every layouts/*.html into one set of templates, finds
// the strings they ask for, and checks the three layouts the build needs.
func (t *Theme) loadLayouts(fsys fs.FS, problems *diag.List) *template.Template {
	root := template.New("").Funcs(template.FuncMap{
		"t":  func(id string, data ...any) string { return "" },
		"tn": func(id string, n int) string { return "" },
		"tp": func(id string, data ...any) string { return "" },
	})
	for _, l := range listFiles(fsys, ThemeDir+"/layouts", "*.html", problems) {
		src, err := fs.ReadFile(fsys, l)
		if err != nil {
			problems.Errorf(l, 0, "theme", "cannot read: %v", err)
			continue
		}
		src = bytes.ReplaceAll(src, []byte(legacyDownloads), []byte("{{.Downloads}}"))
		if _, err := root.New(path.Base(l)).Parse(string(src)); err != nil {
			problems.Errorf(l, templateLine(err), "theme", "template error: %v", err)
		}
	}
	t.layoutIDs = templateStrings(root, ThemeDir+"/layouts/", problems)
	for _, need := range []string{"page.html", "chooser.html", "404.html"} {
		if root.Lookup(need) == nil {
			problems.Errorf(ThemeDir+"/layouts/"+need, 0, "theme", "layout missing: the theme needs %s", need)
		}
	}
	return root
}

// listFiles lists the files of dir matching pattern, in name order. A
// missing folder lists nothing (the files' absence is reported where they
// are needed); any other failure to list it is a problem.
func listFiles(fsys fs.FS, dir, pattern string, problems *diag.List) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		problems.Errorf(dir, 0, "theme", "cannot read: %v", err)
	}
	var out []string
	for _, e := range entries {
		if ok, _ := path.Match(pattern, e.Name()); ok { // pattern is a constant: no ErrBadPattern
			out = append(out, dir+"/"+e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// readOptional reads a file the theme may leave out; failing to read one
// that is there is a problem.
func readOptional(fsys fs.FS, name string, problems *diag.List) []byte {
	b, err := fs.ReadFile(fsys, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		problems.Errorf(name, 0, "theme", "cannot read: %v", err)
	}
	return b
}

// legacyDownloads is where layouts written before {{.Downloads}} put the
// download links; such a theme of its own keeps them.
const legacyDownloads = "<sobre-downloads></sobre-downloads>"

// StringIDs lists the interface strings the theme and the build use:
// those the layouts ask for ({{t "id"}}) and those the code asks for.
func (t *Theme) StringIDs() map[string]bool {
	ids := map[string]bool{}
	for id := range t.layoutIDs {
		ids[id] = true
	}
	for _, id := range codeStrings {
		ids[id] = true
	}
	for _, n := range markup.BlankNames {
		ids["blank."+n] = true
	}
	for _, n := range markup.CalloutTypes {
		ids["callout."+n] = true
	}
	return ids
}

// codeStrings are the strings Go code asks for, not the layouts.
var codeStrings = []string{
	"months", "date_format", "reading_time", "level1", "level2",
	"ai_translation", "ai_writing", "ai_review_pending", "ai_review_done", "as_of", "not_for_signature",
	"not_translated_short", "notfound_title", "notfound_text", "notfound_home", "notfound_moved", "chooser_title", "chooser_intro", "chooser_hint", "chooser_downloads", "print_charter_action", "print_charter_action_org", "print_charter_action_read", "edition_full_link", "edition_easy-read_link", "print_file_easy_read", "easy_sign", "easy_sign_org", "easy_sign_date", "dl_easy_read", "print_easy_read_action", "outdated", "skip_to_content", "footer_code", "footer_privacy", "report_problem", "updated",
	"ai_how_translation", "ai_how_writing", "ai_how_none", "ai_state_pending",
	"report_subject", "position", "not_in_bundle", "dl_lang", "dl_all",
	"decimal_separator", "size_kb", "size_mb", "dl_epub", "epub_summary",
	"epub_toc", "epub_landmarks", "site_title", "dl_pdf", "dl_handout",
	"dl_a5", "dl_imposed", "dl_large", "print_sign", "print_not_for_signature", "print_page_of", "print_page_ref", "print_page_ref_within", "print_imposed", "print_edition", "print_described", "print_logo", "print_also", "print_also_charter", "print_also_offline",
	"print_file", "print_file_a4", "print_file_a5", "print_file_a5_imposed", "print_file_large_print", // booklets' names (output.ToolkitNames)
	"pack_file", "dl_pack", "dl_pack_large", "print_pack_action", // the materials pack (output.PackNames, web/pack.go)
	"credit_source", "credit_license", "credit_translated", "credit_original_print", "footer_license",
	"bundle_online", "dl_bundle_more", // offline bundles
	"dl_other", "downloads_file", "downloads_title", "downloads_intro", "dlp_pdf", "dlp_zip", "dlp_epub", "dlp_other", // the downloads page
	"dlp_pages", "dlp_sheets", "dlp_file", "dlp_imposed_1", "dlp_imposed_2", "dlp_imposed_3", "dlp_imposed_4",
	"assess_note", "assess_0", "assess_1", "assess_2", "assess_score", "assess_summary", // print's paper forms
	"assess_commitment", "assess_score_col", "assess_max", "assess_total", "ai_col_page", "ai_col_how", "ai_col_review", "az_glossary",
}

func writeVars(b *bytes.Buffer, p colour.Palette) {
	names := make([]string, 0, len(p))
	for k := range p {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Fprintf(b, "--%s:%s;", k, p[k])
	}
}

// ServiceWorker returns sw.js: the theme's worker with the build's version,
// the files to fetch after a first visit per language, and those a reader
// may keep on request (PDFs, zips, EPUBs), paths from the site's root.
func (t *Theme) ServiceWorker(version string, files map[string][]string, keep []string) ([]byte, error) {
	if t.Worker == nil {
		return nil, nil
	}
	if keep == nil {
		keep = []string{}
	}
	var b bytes.Buffer
	b.WriteString("var VERSION=")
	for i, v := range []any{version, files, keep} {
		data, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.WriteString([]string{"", ",FILES=", ",KEEP="}[i])
		b.Write(data)
	}
	b.WriteString(";\n")
	b.Write(t.Worker)
	return t.min.Bytes("application/javascript", b.Bytes())
}

func hashed(name string, data []byte) Asset {
	return Asset{Path: output.HashedName(name, data), Data: data}
}

func asParseError(err error, pe *toml.ParseError) bool {
	p, ok := err.(toml.ParseError)
	if ok {
		*pe = p
	}
	return ok
}

// templateLine pulls the line out of an html/template error ("…:12: …").
func templateLine(err error) int {
	var line int
	s := err.Error()
	for _, f := range strings.Split(s, ":") {
		if n, e := fmt.Sscanf(strings.TrimSpace(f), "%d", &line); n == 1 && e == nil {
			return line
		}
	}
	return 0
}
