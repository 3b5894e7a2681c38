// Package content turns the content tree (content/<lang>/**) into the site
// model: the pages of each language tree, which pages translate each other,
// which pages fall back to the source language, and the other files each
// tree publishes. Every file is checked before it is read (inputs.go: its
// name, a link out of the folder, its budget, an SVG's scripts); front
// matter is parsed with its lines (frontmatter.go); translation records
// fingerprint a source so stale translations are found (provenance.go); an
// edition names the page it adapts (edition.go). It
// reads only through an fs.FS and returns bytes: cmd/sobre writes what Stamp
// and Scaffold make.
package content

import (
	"bytes"
	"io/fs"
	"path"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"sobre/build/config"
	"sobre/build/diag"
)

// Dir is the folder holding one sub-folder per language.
const Dir = "content"

// Source is one Markdown file as written by a person.
type Source struct {
	Lang     string // language folder it lives in
	Key      string // path inside the language folder: "modules/a.md"
	File     string // path for messages: "content/fr/modules/a.md"
	Front    FrontMatter
	Body     []byte
	BodyLine int    // file line of the first body line
	Header   []byte // the front matter as written, comments included
}

// OutName is the output file name of the source in its folder.
func (s *Source) OutName() string {
	if s.Front.Slug != "" {
		return s.Front.Slug + ".html"
	}
	return strings.TrimSuffix(path.Base(s.Key), ".md") + ".html"
}

// Page is one output page in one language tree. A fallback page lives in a
// tree whose language has no translation; it shows the source page instead.
type Page struct {
	Lang     string // language tree the page is built in
	Key      string // translation key shared by all languages
	Source   *Source
	Fallback bool
	Out      string // output path from the site root: "nl/charter.html"
	Order    int    // position in the language's reading order
}

// ContentLang is the language the page's text is really written in.
func (p *Page) ContentLang() string { return p.Source.Lang }

// Label is the page's short name for menus and links.
func (p *Page) Label() string {
	if t := p.Source.Front.ShortTitle; t != "" {
		return t
	}
	return p.Source.Front.Title
}

// IsHome reports whether the page is a language's home page.
func (p *Page) IsHome() bool { return p.Key == "index.md" }

// IsSectionIndex reports whether the page introduces a folder.
func (p *Page) IsSectionIndex() bool { return path.Base(p.Key) == "index.md" }

// Static is a non-Markdown file (image, document) copied as is.
type Static struct {
	Lang string
	Key  string // path inside the language folder
	File string
	Data []byte
}

// Site is the whole content model.
type Site struct {
	Config *config.Config
	// Pages per language, in reading order.
	Pages map[string][]*Page
	// ByKey finds a language tree's page by translation key.
	ByKey map[string]map[string]*Page
	// Statics per language, including the default language's files that a
	// tree lacks, so fallback pages find their images.
	Statics map[string][]*Static
	// Drafts are translations in progress, per language and key: not
	// published, listed by status.
	Drafts map[string]map[string]*Source
}

// Load reads content/ from fsys and builds the model. All problems are
// returned at once; the site is nil when any of them is an error.
func Load(fsys fs.FS, cfg *config.Config) (*Site, diag.List) {
	var problems diag.List
	sources, statics, ok := readTree(fsys, cfg, &problems)
	if !ok {
		return nil, problems
	}
	if len(sources[cfg.DefaultLanguage]) == 0 && !problems.HasErrors() {
		problems.Errorf(Dir+"/"+cfg.DefaultLanguage, 0, "content", "the source language %q has no pages: add content/%s/index.md", cfg.DefaultLanguage, cfg.DefaultLanguage)
	}
	// Go on with the pages that parsed, so that one build reports every
	// problem of the tree (clashing output paths too), not the first batch.
	site := &Site{Config: cfg, Pages: map[string][]*Page{}, ByKey: map[string]map[string]*Page{}, Statics: map[string][]*Static{}, Drafts: map[string]map[string]*Source{}}
	site.setDrafts(sources)
	for _, l := range cfg.Codes() {
		byOut := site.placePages(l, sources, &problems)
		site.placeStatics(l, statics, byOut, &problems)
	}
	site.checkEditions(sources, &problems)
	if problems.HasErrors() {
		return nil, problems
	}
	return site, problems
}

// readTree reads every language folder of content/: its Markdown sources
// and its other files, per language and key. ok is false when there is no
// content folder at all.
func readTree(fsys fs.FS, cfg *config.Config, problems *diag.List) (sources map[string]map[string]*Source, statics map[string]map[string]*Static, ok bool) {
	sources = map[string]map[string]*Source{}
	statics = map[string]map[string]*Static{}
	for _, l := range cfg.Languages {
		sources[l.Code] = map[string]*Source{}
		statics[l.Code] = map[string]*Static{}
	}
	in := &inputs{budgets: cfg.Budgets, escaped: map[string]string{}}
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		problems.Errorf(Dir, 0, "content", "no content folder: create content/%s/index.md (%v)", cfg.DefaultLanguage, err)
		return nil, nil, false
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if !e.IsDir() {
			problems.Errorf(Dir+"/"+name, 0, "content", "file outside a language folder: move it into content/%s/ (or another language folder)", cfg.DefaultLanguage)
			continue
		}
		if cfg.Language(name) == nil {
			problems.Errorf(Dir+"/"+name, 0, "content", "unknown language folder %q: add [languages.%s] to site.toml, or rename it to one of %s", name, name, strings.Join(cfg.Codes(), ", "))
			continue
		}
		in.readLanguage(fsys, name, sources[name], statics[name], problems)
	}
	in.reportEscapes(sources, problems)
	return sources, statics, true
}

// readLanguage reads the folder content/<lang>, skipping hidden files and
// folders: .md files become sources, the others statics, by key.
func (in *inputs) readLanguage(fsys fs.FS, lang string, sources map[string]*Source, statics map[string]*Static, problems *diag.List) {
	root := Dir + "/" + lang
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems.Errorf(p, 0, "content", "cannot read: %v", err)
			return nil
		}
		base := d.Name()
		if strings.HasPrefix(base, ".") && p != root {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		key := strings.TrimPrefix(p, root+"/")
		data, ok := in.read(fsys, p, d, problems)
		if !ok {
			return nil
		}
		if strings.HasSuffix(base, ".md") {
			if s := parseSource(lang, key, p, data, problems); s != nil {
				sources[key] = s
			}
		} else {
			statics[key] = &Static{Lang: lang, Key: key, File: p, Data: data}
		}
		return nil
	})
	if err != nil {
		problems.Errorf(root, 0, "content", "cannot read: %v", err)
	}
}

// setDrafts moves the draft translations out of sources: they are not
// published (the source language's page stands in) but status lists them.
func (site *Site) setDrafts(sources map[string]map[string]*Source) {
	def := site.Config.DefaultLanguage
	for _, l := range site.Config.Codes() {
		site.Drafts[l] = map[string]*Source{}
		for k, src := range sources[l] {
			if src.Front.Draft && l != def {
				site.Drafts[l][k] = src
				delete(sources[l], k)
			}
		}
	}
}

// placePages gives the tree of language l a page for every key of its own
// or of the source language (a fallback), refuses two pages with one
// output path, and sets the reading order. It returns the pages by output.
func (site *Site) placePages(l string, sources map[string]map[string]*Source, problems *diag.List) map[string]*Page {
	def := site.Config.DefaultLanguage
	byOut := map[string]*Page{}
	keys := map[string]bool{}
	for k := range sources[l] {
		keys[k] = true
	}
	for k := range sources[def] {
		keys[k] = true
	}
	site.ByKey[l] = map[string]*Page{}
	for k := range keys {
		src, fallback := sources[l][k], false
		if src == nil {
			src, fallback = sources[def][k], true
		}
		p := &Page{Lang: l, Key: k, Source: src, Fallback: fallback}
		dir := path.Dir(k)
		if dir == "." {
			dir = ""
		} else {
			dir += "/"
		}
		p.Out = l + "/" + dir + src.OutName()
		if other, ok := byOut[p.Out]; ok {
			if !(other.Fallback && fallback) { // else reported in the source language's tree
				reportClash(p.Out, src, other.Source, problems)
			}
			continue
		}
		byOut[p.Out] = p
		site.ByKey[l][k] = p
	}
	site.Pages[l] = readingOrder(site.ByKey[l], l)
	for i, p := range site.Pages[l] {
		p.Order = i
	}
	return byOut
}

// reportClash blames, of two sources writing out, the one whose slug makes
// the clash, else the later file.
func reportClash(out string, src, other *Source, problems *diag.List) {
	blame, keep := src, other
	if other.Front.Slug != "" && src.Front.Slug == "" || (src.Front.Slug == "") == (other.Front.Slug == "") && other.File > src.File {
		blame, keep = other, src
	}
	problems.Errorf(blame.File, 1, "content", "writes %s, as %s does: give one of them another slug", out, keep.File)
}

// placeStatics gives the tree of language l its own static files, then the
// source language's it lacks (so fallback pages find their images), and
// refuses a file with a page's output path.
func (site *Site) placeStatics(l string, statics map[string]map[string]*Static, byOut map[string]*Page, problems *diag.List) {
	for _, s := range statics[l] {
		site.Statics[l] = append(site.Statics[l], s)
	}
	if def := site.Config.DefaultLanguage; l != def {
		for k, s := range statics[def] {
			if statics[l][k] == nil {
				site.Statics[l] = append(site.Statics[l], &Static{Lang: l, Key: k, File: s.File, Data: s.Data})
			}
		}
	}
	sort.Slice(site.Statics[l], func(i, j int) bool { return site.Statics[l][i].Key < site.Statics[l][j].Key })
	for _, s := range site.Statics[l] {
		out := l + "/" + s.Key
		if p, ok := byOut[out]; ok {
			problems.Errorf(s.File, 0, "content", "has the same output path as %s: rename one of them", p.Source.File)
		}
	}
}

// ParseSource reads one Markdown file of the content tree.
func ParseSource(lang, key, file string, data []byte) (*Source, diag.List) {
	var l diag.List
	s := parseSource(lang, key, file, data, &l)
	return s, l
}

func parseSource(lang, key, file string, data []byte, problems *diag.List) *Source {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	header, body, bodyLine, err := SplitFrontMatter(data)
	if err != nil {
		fe := err.(*FrontMatterError)
		problems.Errorf(file, fe.Line, "frontmatter", "%s", fe.Msg)
		return nil
	}
	fm, errs := ParseFrontMatter(header)
	for _, e := range errs {
		problems.Errorf(file, e.Line, "frontmatter", "%s", e.Msg)
	}
	if len(errs) > 0 {
		return nil
	}
	return &Source{Lang: lang, Key: key, File: file, Front: fm, Body: body, BodyLine: bodyLine, Header: header}
}

// readingOrder sorts a language tree depth-first: a folder's index page
// first, then its pages and sub-folders by weight, then by title in the
// language's collation order, then by key so the order is total.
func readingOrder(pages map[string]*Page, lang string) []*Page {
	col := collate.New(language.Make(lang), collate.Loose)
	type ordKey struct {
		weight int
		title  string
		name   string
	}
	// A folder sorts by its index page's weight and title.
	keyOf := func(prefix, name string, isDir bool) ordKey {
		k := prefix + name
		if isDir {
			k += "/index.md"
		}
		if p, ok := pages[k]; ok {
			return ordKey{p.Source.Front.Weight, p.Source.Front.Title, name}
		}
		return ordKey{0, name, name}
	}
	var out []*Page
	var walk func(prefix string)
	walk = func(prefix string) {
		if p, ok := pages[prefix+"index.md"]; ok {
			out = append(out, p)
		}
		children := map[string]bool{} // name -> isDir
		for k := range pages {
			if !strings.HasPrefix(k, prefix) {
				continue
			}
			rest := k[len(prefix):]
			if i := strings.IndexByte(rest, '/'); i >= 0 {
				children[rest[:i]] = true
			} else if rest != "index.md" {
				children[rest] = false
			}
		}
		names := make([]string, 0, len(children))
		for n := range children {
			names = append(names, n)
		}
		keys := make(map[string]ordKey, len(names))
		for _, n := range names {
			keys[n] = keyOf(prefix, n, children[n])
		}
		sort.Slice(names, func(i, j int) bool {
			a, b := keys[names[i]], keys[names[j]]
			if a.weight != b.weight {
				return a.weight < b.weight
			}
			if c := col.CompareString(a.title, b.title); c != 0 {
				return c < 0
			}
			return a.name < b.name
		})
		for _, n := range names {
			if children[n] {
				walk(prefix + n + "/")
			} else {
				out = append(out, pages[prefix+n])
			}
		}
	}
	walk("")
	return out
}

// Parents returns the section index pages above p, outermost first,
// that exist in p's language tree.
func (s *Site) Parents(p *Page) []*Page {
	var out []*Page
	tree := s.ByKey[p.Lang]
	dir := path.Dir(p.Key)
	if p.IsSectionIndex() {
		dir = path.Dir(dir)
	}
	var chain []string
	for dir != "." && dir != "/" {
		chain = append([]string{dir + "/index.md"}, chain...)
		dir = path.Dir(dir)
	}
	if !p.IsHome() {
		chain = append([]string{"index.md"}, chain...)
	}
	for _, k := range chain {
		if q, ok := tree[k]; ok && q != p {
			out = append(out, q)
		}
	}
	return out
}

// Translations returns the page's counterparts in every language, in the
// configured order, including p itself.
func (s *Site) Translations(p *Page) []*Page {
	var out []*Page
	for _, l := range s.Config.Codes() {
		if q, ok := s.ByKey[l][p.Key]; ok {
			out = append(out, q)
		}
	}
	return out
}

// Rel returns the relative URL from the page at output path from to the
// output path to: both are paths from the site root.
func Rel(from, to string) string {
	fromDir := path.Dir(from)
	if fromDir == "." {
		return to
	}
	up := strings.Count(fromDir, "/") + 1
	// Strip the common folder prefix so sibling links stay short.
	fparts := strings.Split(fromDir, "/")
	tparts := strings.Split(to, "/")
	i := 0
	for i < len(fparts) && i < len(tparts)-1 && fparts[i] == tparts[i] {
		i++
	}
	up -= i
	return strings.Repeat("../", up) + strings.Join(tparts[i:], "/")
}
