package print

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/font"
	"sobre/build/generated"
	"sobre/build/i18n"
	"sobre/build/output"
	"sobre/build/pdf"
	"sobre/build/pdf/svg"
	"sobre/build/qr"
	"sobre/build/typeset"
)

// fontFiles are the print family's styles in the theme.
var fontFiles = map[string]string{
	"regular": "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf",
	"bold":    "themes/default/fonts/AtkinsonHyperlegibleNext-Bold.ttf",
}

// Booklets is the output of each language's booklets, under <lang>/print/:
// the charter as an A4 PDF to sign, and the whole toolkit as an A4
// handout, an A5 booklet (for screens, and imposed on A4 sheets for
// saddle-stitch printing) and in large print. A print font that cannot be
// read or parsed is an error naming its file, never silently no booklets.
type Booklets struct{}

// Name is the output's name.
func (Booklets) Name() string { return "booklets" }

// Needs nothing: booklets are set from the parsed Markdown.
func (Booklets) Needs() []string { return nil }

// Run sets every booklet, on every core.
func (Booklets) Run(ctx context.Context, m *output.Model, _ output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{}}
	if !m.Config.Outputs.Booklets {
		return res, nil
	}
	fonts, ok := loadFonts(m, &res.Problems)
	if !ok {
		return res, nil // the problem names the font
	}
	files := map[string]*content.Static{}
	for _, lang := range m.Config.Codes() {
		for _, st := range m.Site.Statics[lang] {
			files[lang+"/"+st.Key] = st
		}
	}
	var jobs []*job
	for _, lang := range m.Config.Codes() {
		c := &composer{m: m, lang: lang, s: m.Catalog.For(lang), fonts: fonts[lang], items: &typeset.Items{}, files: files, problems: &res.Problems}
		jobs = append(jobs, c.jobs()...)
	}
	checkCover(m, &res.Problems)
	runJobs(ctx, jobs)
	report(jobs, res, len(m.Config.Print.FallbackFonts) > 0)
	return res, ctx.Err()
}

// checkCover reports, once for every booklet, what the covers cannot
// print as site.toml asks: a logo the engine cannot read, an address too
// long for a QR code (the cover prints it without).
func checkCover(m *output.Model, problems *diag.List) {
	if logo := m.Config.Organisation.Logo; logo != "" {
		if _, err := readLogo(m.Files, logo); err != nil {
			problems.Errorf(logo, 0, "print", "the booklets print no logo: %v; export the logo again (SVG, PNG or JPEG)", err)
		}
	}
	if base := m.Config.BaseURL; base != "" {
		for _, lang := range m.Config.Codes() {
			if _, err := qr.Encode([]byte(base + lang + "/")); err != nil {
				problems.Warnf(config.FileName, 0, "print", "base_url: the booklets' covers print the address of the %s home page without its QR code: %v; a shorter address fits", lang, err)
			}
		}
	}
}

// loadFonts parses the print fonts once per language: each booklet
// embeds its own subsets of them, the words shaped for one booklet are
// ready for the others of its language, and languages set in parallel
// never wait for each other's shaping. ok is false, with a problem, when a
// print font cannot be used.
func loadFonts(m *output.Model, problems *diag.List) (fonts map[string]Fonts, ok bool) {
	loadFile := func(file string) (*pdf.Font, error) {
		data, err := fs.ReadFile(m.Files, file)
		if err != nil {
			return nil, err
		}
		f, err := font.Parse(data, strings.TrimSuffix(path.Base(file), path.Ext(file)))
		if err != nil {
			return nil, err
		}
		return pdf.NewFont(f), nil
	}
	fonts = map[string]Fonts{}
	for _, lang := range m.Config.Codes() {
		regular, err := loadFile(fontFiles["regular"])
		if err != nil {
			problems.Errorf(fontFiles["regular"], 0, "print", "cannot use the print font: %v; restore the file, or set outputs.booklets = false in site.toml", err)
			return nil, false
		}
		bold, err := loadFile(fontFiles["bold"])
		if err != nil {
			problems.Errorf(fontFiles["bold"], 0, "print", "cannot use the print font: %v; restore the file, or set outputs.booklets = false in site.toml", err)
			return nil, false
		}
		f := Fonts{Regular: regular, Bold: bold}
		// Fallback fonts set what the print font lacks (site.toml
		// checked they are TrueType files of the site).
		for _, file := range m.Config.Print.FallbackFonts {
			fb, err := loadFile(file)
			if err != nil {
				problems.Errorf("site.toml", 0, "config", "print.fallback_fonts: %s: %v", file, err)
				continue
			}
			f.Fallback = append(f.Fallback, fb)
		}
		fonts[lang] = f
	}
	return fonts, true
}

// composer decides what goes into the booklets of one language.
type composer struct {
	m     *output.Model
	lang  string
	s     *i18n.Strings
	fonts Fonts                      // parsed once; each booklet takes a Clone
	items *typeset.Items             // shared by the language's booklets
	files map[string]*content.Static // the site's images, by path
	// problems are the output's: a name the strings give a booklet may
	// be wrong.
	problems *diag.List
}

// jobs lists the language's booklets: the charter, then the toolkit's
// editions (none when the language has no page but the index).
func (c *composer) jobs() []*job {
	var jobs []*job
	if j := c.charter(); j != nil {
		jobs = append(jobs, j)
	}
	jobs = append(jobs, c.packJobs(jobs)...)
	jobs = append(jobs, c.easyReads()...)
	first := ""
	for _, q := range c.m.Site.Pages[c.lang] {
		if q.Key != c.m.Config.Index && c.m.Docs[q] != nil && !printsAlone(q) {
			first = q.Source.File
			break
		}
	}
	if first == "" {
		return jobs
	}
	names := c.names(jobs)
	if names == nil {
		return jobs
	}
	doc := func(f Format) func(j *job) ([]byte, error) {
		return func(j *job) ([]byte, error) { return j.set(c.toolkit(f)) }
	}
	edition := func(k output.Kind, what string) *job {
		return &job{file: first, name: names[k].Path, old: names[k].Old, kind: k, lang: c.lang, what: what}
	}
	a4, large := edition(output.Handout, "A4 handout"), edition(output.LargePrint, "large-print booklet")
	a4.make, large.make = doc(A4), doc(LargePrint)
	jobs = append(jobs, a4, large)
	// The A5 booklet and its imposition share one layout.
	a5 := edition(output.A5, "A5 booklet")
	imposed := edition(output.A5Imposed, "A5 booklet imposed for printing")
	a5.make = func(j *job) ([]byte, error) {
		d := c.toolkit(A5)
		data, err := j.set(d)
		if err == nil {
			imposed.data, imposed.err = d.Imposed(c.s.T("print_imposed", map[string]string{"Title": d.Title, "Format": d.Format.Name}))
			imposed.pages = len(Sheets(j.pages))
		}
		return data, err
	}
	return append(jobs, a5, imposed)
}

// names are the toolkit's file names in the language (see
// output.ToolkitNames); nil, with the problem reported, when a string
// makes a name that is not a safe file name or the name of another
// booklet of jobs.
func (c *composer) names(jobs []*job) map[output.Kind]output.Named {
	names, problems := output.ToolkitNames(c.m.Config, c.s)
	c.problems.Add(problems)
	if problems.HasErrors() {
		return nil
	}
	taken := map[string]string{}
	for _, j := range jobs {
		taken[j.name] = "the " + j.what
	}
	for _, k := range []output.Kind{output.Handout, output.A5, output.A5Imposed, output.LargePrint} {
		n := names[k]
		if other, ok := taken[n.Path]; ok {
			file, line := c.s.Where("print_file")
			c.problems.Errorf(cmp.Or(file, config.FileName), line, "i18n", "the toolkit's %s booklet would be %s, as is %s: give each booklet its own name", k, n.Path, other)
			return nil
		}
		taken[n.Path] = "the toolkit's " + k.String() + " booklet"
	}
	return names
}

// charter is the charter alone, A4, its engagement and signatures kept
// whole (PageBefore) after its last commitment.
func (c *composer) charter() *job {
	p := c.m.Site.ByKey[c.lang][c.m.Config.Charter]
	if p == nil || c.m.Docs[p] == nil {
		return nil
	}
	title := p.Source.Front.Title
	doc, contentLang := c.m.Docs[p], p.ContentLang()
	notes, credits := printNotes(c.m.Site, c.s, p)
	footer := title
	if generated.Unsigned(c.m.Site, p) {
		footer = c.s.T("print_not_for_signature", nil) // on every page, where a signature goes
	}
	return &job{file: p.Source.File, name: c.lang + "/print/" + strings.TrimSuffix(path.Base(p.Out), ".html") + "-a4.pdf", kind: output.Charter, lang: c.lang, what: "charter as an A4 booklet",
		make: func(j *job) ([]byte, error) {
			d := &Document{Title: title, Lang: contentLang, Format: A4, Fonts: c.fonts.Clone(), Items: c.items, Footer: footer, Logo: c.logo(),
				PageBefore: map[string]bool{"engagement": true}, Sign: c.s.T("print_sign", nil),
				PageOf: func(page, pages int) string {
					return c.s.T("print_page_of", map[string]int{"Page": page, "Pages": pages})
				}}
			d.PageRef = c.pageRef
			d.AddTitle(Text{Text: title, File: p.Source.File, Line: p.Source.Front.Lines["title"]})
			for _, n := range notes {
				d.AddNote(n, contentLang)
			}
			d.Blocks = c.generated(p)
			d.AddPage(doc, contentLang, "")
			for _, n := range credits {
				d.AddNote(n, contentLang)
			}
			// The charter has no cover: its address closes it, with
			// the credits, a line, no code, so that it keeps to three
			// pages (the toolkit's cover carries the code).
			if home, ok := c.home(); ok {
				d.AddNote(home.Text, c.lang)
			}
			return j.set(d)
		}}
}

// toolkit is the whole toolkit in format f: cover, contents, every page
// but the A–Z index, which stands in for search: paper has the contents.
func (c *composer) toolkit(f Format) *Document {
	s, site, lang := c.s, c.m.Site, c.lang
	siteTitle := s.T("site_title", nil)
	h := &Document{Title: siteTitle, Lang: lang, Format: f, Fonts: c.fonts.Clone(), Items: c.items, Footer: siteTitle, Sign: s.T("print_sign", nil), Described: s.T("print_described", nil), Image: c.image, Logo: c.logo()}
	h.PageRef = c.pageRef
	// Interface strings come from the language's message file.
	messages := "i18n/" + lang + ".toml"
	var cover []Text
	if home := site.ByKey[lang]["index.md"]; home != nil && home.Source.Front.Description != "" {
		cover = append(cover, Text{Text: home.Source.Front.Description, File: home.Source.File, Line: home.Source.Front.Lines["description"]})
	}
	cover = append(cover, c.edition(messages)...)
	cover = append(cover, Text{Text: s.T("footer_license", nil) + " CC BY 4.0.", File: messages})
	cover = append(cover, c.editions(messages))
	h.AddCover(Text{Text: siteTitle, File: messages}, cover...)
	h.AddContents(Text{Text: s.T("epub_toc", nil), File: messages})
	for _, q := range site.Pages[lang] {
		if q.Key == c.m.Config.Index || c.m.Docs[q] == nil || printsAlone(q) {
			continue
		}
		notes, credits := printNotes(c.m.Site, s, q)
		fm := q.Source.Front
		// The footer names the chapter by its title, as a book's running
		// head does, not by its menu label ("Accueil"), which means
		// nothing on paper.
		h.AddChapter(Chapter{File: q.Source.File, Title: fm.Title, TitleLine: fm.Lines["title"], Path: q.Out, Doc: c.m.Docs[q], Lang: q.ContentLang(),
			Notes: notes, Credits: credits, Blocks: c.generated(q)})
	}
	return h
}

// edition is what the cover says of this copy, each when known: the
// organisation that hands it out (site.toml), the edition's date (the
// build's, SOURCE_DATE_EPOCH, so that builds stay reproducible) and the
// address of the language's home page with its QR code (home).
func (c *composer) edition(messages string) []Text {
	var lines []Text
	if name := c.m.Config.Organisation.Name; name != "" {
		lines = append(lines, Text{Text: name, File: config.FileName})
	}
	if !c.m.Updated.IsZero() {
		lines = append(lines, Text{Text: c.s.T("print_edition", map[string]string{"Date": c.s.Date(c.m.Updated)}), File: messages})
	}
	if home, ok := c.home(); ok {
		lines = append(lines, home)
	}
	return lines
}

// editions is the download list as paper gives it: the other forms the
// toolkit takes, so that a reader handed the A4 learns that a large-print
// edition exists, and where (the cover's address) — names and sizes of
// files mean nothing on paper.
func (c *composer) editions(messages string) Text {
	also := []string{c.s.T("print_also", nil)}
	if p := c.m.Site.ByKey[c.lang][c.m.Config.Charter]; p != nil && c.m.Docs[p] != nil {
		also = append(also, c.s.T("print_also_charter", nil))
	}
	if c.m.Config.Outputs.Bundles {
		also = append(also, c.s.T("print_also_offline", nil))
	}
	return Text{Text: strings.Join(also, " "), File: messages}
}

// home is the address of the language's home page, where the reader
// finds the latest version, and its QR code, when site.toml has a
// base_url. An address too long for a code prints alone.
func (c *composer) home() (Text, bool) {
	base := c.m.Config.BaseURL
	if base == "" {
		return Text{}, false
	}
	u := base + c.lang + "/"
	sym, err := qr.Encode([]byte(u))
	if err != nil {
		sym = nil
	}
	return Text{Text: strings.TrimSuffix(u, "/"), File: config.FileName, QR: sym}, true
}

// logo is the organisation's logo (site.toml checked it is an SVG, PNG
// or JPEG file of the site), read for one booklet; nil when there is
// none or it cannot be drawn, which Booklets reported once.
func (c *composer) logo() *Logo {
	file := c.m.Config.Organisation.Logo
	if file == "" {
		return nil
	}
	l, err := readLogo(c.m.Files, file)
	if err != nil {
		return nil
	}
	l.Alt = c.s.T("print_logo", map[string]string{"Name": c.m.Config.Organisation.Name})
	return l
}

// readLogo reads and parses the logo file.
func readLogo(fsys fs.FS, file string) (*Logo, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(path.Ext(file), ".svg") {
		d, err := svg.Parse(data)
		return &Logo{Drawing: d}, err
	}
	im, err := pdf.NewImage(data)
	return &Logo{Photo: im}, err
}

// generated is the data of the blocks p's directives ask for, the same
// the web shows (build/generated).
func (c *composer) generated(p *content.Page) *Generated {
	doc := c.m.Docs[p]
	g := &Generated{Strings: c.s}
	for _, name := range doc.Directives() {
		switch name {
		case "assessment":
			g.Assessment = generated.Commitments(c.m.Docs[c.m.Site.ByKey[p.Lang][c.m.Config.Charter]])
		case "ai-pages":
			g.AIPages = generated.AIRows(c.m.Site, c.s, p)
		case "a-z":
			g.AZ = generated.GroupAZ(generated.AZEntries(c.m.Site, p, c.m.Docs), p.Lang, doc.IDs()...)
		}
	}
	return g
}

// image is a file of the site, for the diagrams to draw.
func (c *composer) image(p string) ([]byte, string) {
	if st := c.files[p]; st != nil {
		return st.Data, st.File
	}
	return nil, ""
}

// runJobs makes every file on every core, the longest first (the A5
// booklet and its imposition, large print) so that no core ends alone on
// a long one; results stay in the jobs' order, so the build is
// deterministic.
func runJobs(ctx context.Context, jobs []*job) {
	work := make(chan *job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range work {
				if j.make == nil {
					continue // the imposition, made with its A5 booklet
				}
				j.data, j.err = j.make(j)
			}
		})
	}
	cost := map[output.Kind]int{output.A5: 0, output.LargePrint: 1, output.Handout: 2, output.PackLarge: 3, output.Pack: 4, output.Charter: 5}
	queue := slices.Clone(jobs)
	slices.SortStableFunc(queue, func(a, b *job) int { return cost[a.kind] - cost[b.kind] })
	for _, j := range queue {
		if ctx.Err() != nil {
			break
		}
		work <- j
	}
	close(work)
	wg.Wait()
}

// report puts the files made into res and tells their problems: a
// problem of a page is found by each booklet it is in, and told once, by
// the first; characters no print font has are told once per file, with
// every line each is on: one message to act on, not one per page or line.
func report(jobs []*job, res *output.Result, fallback bool) {
	said := map[string]bool{}
	tell := func(e *Error) bool {
		key := fmt.Sprint(e.File, e.Line, e.Kind)
		if e.Kind == "" {
			key = e.Error()
		}
		if said[key] {
			return false
		}
		said[key] = true
		return true
	}
	glyphs := map[string]map[place]bool{}
	var glyphFiles []string
	for _, j := range jobs {
		for _, w := range j.warns {
			if w.Kind == "glyph" {
				file := cmp.Or(w.File, j.file)
				if glyphs[file] == nil {
					glyphs[file] = map[place]bool{}
					glyphFiles = append(glyphFiles, file)
				}
				glyphs[file][place{w.Line, w.Char}] = true
				continue
			}
			if tell(w) {
				res.Problems.Warnf(cmp.Or(w.File, j.file), w.Line, "print", "%v", w)
			}
		}
		if j.err != nil {
			pe := &Error{File: j.file, Err: j.err}
			if !errors.As(j.err, &pe) || pe.File == "" {
				pe = &Error{File: j.file, Err: j.err}
			}
			if tell(pe) {
				res.Problems.Errorf(pe.File, pe.Line, "print", "cannot set the %s: %v", j.what, j.err)
			}
			continue
		}
		if j.data == nil {
			continue // its A5 booklet failed, and says so
		}
		res.Files[j.name] = j.data
		res.Downloads = append(res.Downloads, output.Download{Kind: j.kind, Lang: j.lang, Path: j.name, Old: j.old, Size: len(j.data), Pages: j.pages})
	}
	for _, file := range glyphFiles {
		res.Problems.Warnf(file, firstLine(glyphs[file]), "print", "%s", glyphMessage(glyphs[file], fallback))
	}
}

// place is a character on a line of a file.
type place struct {
	line int
	char rune
}

func firstLine(at map[place]bool) int {
	first := 0
	for p := range at {
		if p.line > 0 && (first == 0 || p.line < first) {
			first = p.line
		}
	}
	return first
}

// glyphMessage says which characters of a file no print font has and on
// which lines, characters on the same lines together, in the order they
// first come:
//
//	7 characters the print font lacks (U+1F600 '😀' on lines 2, 5; U+041F 'П', U+0432 'в' on line 8): …
func glyphMessage(at map[place]bool, fallback bool) string {
	lines := map[rune][]int{}
	for p := range at {
		lines[p.char] = append(lines[p.char], p.line)
	}
	type group struct {
		chars []rune
		lines []int
	}
	var groups []*group
	byLines := map[string]*group{}
	chars := slices.Sorted(maps.Keys(lines))
	for _, c := range chars {
		ls := slices.Compact(slices.Sorted(slices.Values(lines[c])))
		key := fmt.Sprint(ls)
		if byLines[key] == nil {
			byLines[key] = &group{lines: ls}
			groups = append(groups, byLines[key])
		}
		byLines[key].chars = append(byLines[key].chars, c)
	}
	slices.SortStableFunc(groups, func(a, b *group) int { return cmp.Compare(a.lines[0], b.lines[0]) })
	var each []string
	for _, g := range groups {
		var cs, ls []string
		for _, c := range g.chars {
			cs = append(cs, fmt.Sprintf("U+%04X %q", c, c))
		}
		for _, l := range g.lines {
			if l > 0 {
				ls = append(ls, strconv.Itoa(l))
			}
		}
		where := ""
		switch len(ls) {
		case 0:
		case 1:
			where = " on line " + ls[0]
		default:
			where = " on lines " + strings.Join(ls, ", ")
		}
		each = append(each, strings.Join(cs, ", ")+where)
	}
	noun := "characters"
	if len(chars) == 1 {
		noun = "character"
	}
	lack := "the print font lacks"
	if fallback {
		lack = "no print font has (nor the fallback fonts)"
	}
	return fmt.Sprintf("%d %s %s (%s): the booklets print a box for each; add a fallback font (README, Print fonts) or remove them",
		len(chars), noun, lack, strings.Join(each, "; "))
}

// printNotes says in print what a page says on the web around its text:
// its notices (generated.Notices: AI help and review, an outdated
// translation), on the chapter's first page, and the licence notice of a text taken from
// elsewhere, with its addresses written out for paper.
func printNotes(site *content.Site, s *i18n.Strings, p *content.Page) (notes, credits []string) {
	cfg, fm := site.Config, p.Source.Front
	notes = generated.Notices(site, s, p)
	if cr, ok := cfg.Credits[fm.Credit]; ok && fm.Credit != "" {
		var b strings.Builder
		b.WriteString(s.T("credit_source", nil) + " " + cr.Work + ", " + cr.Author)
		if c := cr.Context[p.Lang]; c != "" {
			b.WriteString(" (" + c + ")")
		}
		if cr.URL != "" {
			b.WriteString(", " + Address(cr.URL))
		}
		b.WriteString(". " + s.T("credit_license", nil) + " " + cr.License)
		if cr.LicenseURL != "" {
			b.WriteString(" (" + Address(cr.LicenseURL) + ")")
		}
		b.WriteString(". ")
		if cr.Lang != "" && cr.Lang != p.ContentLang() {
			b.WriteString(s.T("credit_translated", nil))
		} else {
			b.WriteString(s.T("credit_original_print", nil))
		}
		credits = append(credits, b.String())
	}
	return notes, credits
}

// job is a print file to make.
type job struct {
	file, name, lang, what string
	old                    string // the name it had before it was named in its language
	kind                   output.Kind
	make                   func(*job) ([]byte, error)
	data                   []byte
	pages                  int
	err                    error
	warns                  []*Error
}

// set writes d as a tagged PDF, keeping what it could not print as it
// should for the build to report, and its page count.
func (j *job) set(d *Document) ([]byte, error) {
	data, err := d.PDF()
	j.warns = d.Problems
	j.pages = len(d.pages)
	return data, err
}

// printsAlone reports whether a page has a booklet of its own rather than
// a chapter in the toolkit: the materials pack (pack.go), cut and copied
// by the trainer, and an easy-to-read edition (easyread.go), set for its
// readers in 18 pt with its pictures beside the text.
func printsAlone(q *content.Page) bool {
	return q.Source.Front.Pack || q.Source.Front.Edition != ""
}
