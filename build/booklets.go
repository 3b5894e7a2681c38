package build

import (
	"cmp"
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

	"sobre/build/content"
	"sobre/build/font"
	"sobre/build/pdf"
	"sobre/build/print"
	"sobre/build/typeset"
	"sobre/build/web"
)

// fontFiles are the print family's styles in the theme.
var fontFiles = map[string]string{
	"regular": "themes/default/fonts/AtkinsonHyperlegibleNext-Regular.ttf",
	"bold":    "themes/default/fonts/AtkinsonHyperlegibleNext-Bold.ttf",
}

// booklets writes each language's booklets under <lang>/print/ and
// returns the downloads the pages offer: the charter as an A4 PDF to sign,
// and the whole toolkit as an A4 handout, an A5 booklet (for screens, and
// imposed on A4 sheets for saddle-stitch printing) and in large print. A
// theme without print fonts has none.
func (pr *Project) booklets(out map[string][]byte) ([]web.Download, error) {
	cfg := pr.Config
	loadFile := func(file string) (*pdf.Font, error) {
		data, err := fs.ReadFile(pr.files, file)
		if err != nil {
			return nil, err
		}
		f, err := font.Parse(data, strings.TrimSuffix(path.Base(file), path.Ext(file)))
		if err != nil {
			return nil, err
		}
		return pdf.NewFont(f), nil
	}
	load := func(style string) (*pdf.Font, error) { return loadFile(fontFiles[style]) }
	// Fonts are parsed once per language, and each booklet embeds its own
	// subsets of them: the words shaped for one booklet are ready for the
	// others of its language, and languages set in parallel never wait
	// for each other's shaping.
	parsed := map[string]print.Fonts{}
	items := map[string]*typeset.Items{} // per language, shared by its booklets
	for _, lang := range cfg.Codes() {
		regular, err := load("regular")
		if err != nil {
			return nil, nil // no print fonts in this theme: no booklets
		}
		bold, err := load("bold")
		if err != nil {
			return nil, nil
		}
		fonts := print.Fonts{Regular: regular, Bold: bold}
		// Fallback fonts set what the print font lacks (site.toml
		// checked they are TrueType files of the site).
		for _, file := range cfg.Print.FallbackFonts {
			f, err := loadFile(file)
			if err != nil {
				pr.Problems.Errorf("site.toml", 0, "config", "print.fallback_fonts: %s: %v", file, err)
				continue
			}
			fonts.Fallback = append(fonts.Fallback, f)
		}
		parsed[lang] = fonts
		items[lang] = &typeset.Items{}
	}
	fonts := func(lang string) print.Fonts { return parsed[lang].Clone() }
	files := map[string]*content.Static{}
	for _, lang := range cfg.Codes() {
		for _, st := range pr.Site.Statics[lang] {
			files[lang+"/"+st.Key] = st
		}
	}
	image := func(p string) ([]byte, string) {
		if st := files[p]; st != nil {
			return st.Data, st.File
		}
		return nil, ""
	}
	// Every file is a job; they run on every core, their results are kept
	// in the order listed so the build stays deterministic.
	var jobs []*job
	for _, lang := range cfg.Codes() {
		s := pr.Renderer.Strings(lang)
		if p := pr.Site.ByKey[lang][cfg.Charter]; p != nil && pr.Docs[p] != nil {
			title := p.Source.Front.Title
			titleLine := p.Source.Front.Lines["title"]
			file := p.Source.File
			doc, contentLang := pr.Docs[p], p.ContentLang()
			notes, credits := pr.printNotes(p)
			jobs = append(jobs, &job{file: p.Source.File, name: lang + "/print/" + strings.TrimSuffix(path.Base(p.Out), ".html") + "-a4.pdf", kind: "pdf", lang: lang, what: "charter as an A4 booklet",
				make: func(j *job) ([]byte, error) {
					d := &print.Document{Title: title, Lang: contentLang, Format: print.A4, Fonts: fonts(lang), Items: items[lang], Footer: title,
						PageBefore: map[string]bool{"engagement": true}, Sign: s.T("print_sign", nil)}
					d.AddTitle(print.Text{Text: title, File: file, Line: titleLine})
					for _, n := range notes {
						d.AddNote(n, contentLang)
					}
					d.AddPage(doc, contentLang, "")
					for _, n := range credits {
						d.AddNote(n, contentLang)
					}
					return pdfOf(j, d)
				}})
		}

		// The whole toolkit: cover, contents, every page.
		first := ""
		for _, q := range pr.Site.Pages[lang] {
			if q.Key != cfg.Index && pr.Docs[q] != nil {
				first = q.Source.File
				break
			}
		}
		if first == "" {
			continue
		}
		toolkit := func(f print.Format) *print.Document {
			siteTitle := s.T("site_title", nil)
			h := &print.Document{Title: siteTitle, Lang: lang, Format: f, Fonts: fonts(lang), Items: items[lang], Footer: siteTitle, Sign: s.T("print_sign", nil), Image: image}
			// Interface strings come from the language's message file.
			messages := "i18n/" + lang + ".toml"
			var cover []print.Text
			if home := pr.Site.ByKey[lang]["index.md"]; home != nil && home.Source.Front.Description != "" {
				cover = append(cover, print.Text{Text: home.Source.Front.Description, File: home.Source.File, Line: home.Source.Front.Lines["description"]})
			}
			cover = append(cover, print.Text{Text: s.T("footer_license", nil) + " CC BY 4.0.", File: messages})
			h.AddCover(print.Text{Text: siteTitle, File: messages}, cover...)
			h.AddContents(print.Text{Text: s.T("epub_toc", nil), File: messages})
			for _, q := range pr.Site.Pages[lang] {
				if q.Key == cfg.Index || pr.Docs[q] == nil {
					continue // the A–Z index stands in for search: paper has the contents
				}
				notes, credits := pr.printNotes(q)
				fm := q.Source.Front
				short := fm.Lines["short_title"]
				if fm.ShortTitle == "" {
					short = fm.Lines["title"]
				}
				h.AddChapter(print.Chapter{File: q.Source.File, Title: fm.Title, TitleLine: fm.Lines["title"], Short: q.Label(), ShortLine: short, Path: q.Out, Doc: pr.Docs[q], Lang: q.ContentLang(),
					Notes: notes, Credits: credits})
			}
			return h
		}
		name := lang + "/print/" + cfg.Outputs.Name
		jobs = append(jobs,
			&job{file: first, name: name + "-a4.pdf", kind: "handout", lang: lang, what: "A4 handout", make: func(j *job) ([]byte, error) { return pdfOf(j, toolkit(print.A4)) }},
			&job{file: first, name: name + "-large-print.pdf", kind: "large", lang: lang, what: "large-print booklet", make: func(j *job) ([]byte, error) { return pdfOf(j, toolkit(print.LargePrint)) }})
		// The A5 booklet and its imposition share one layout.
		a5 := &job{file: first, name: name + "-a5.pdf", kind: "a5", lang: lang, what: "A5 booklet"}
		imposed := &job{file: first, name: name + "-a5-imposed.pdf", kind: "imposed", lang: lang, what: "A5 booklet imposed for printing"}
		a5.make = func(j *job) ([]byte, error) {
			d := toolkit(print.A5)
			data, err := pdfOf(j, d)
			if err == nil {
				imposed.data, imposed.err = d.Imposed()
			}
			return data, err
		}
		jobs = append(jobs, a5, imposed)
	}
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
	// The longest first (the A5 booklet and its imposition, large print),
	// so that no core ends alone on a long one.
	cost := map[string]int{"a5": 0, "large": 1, "handout": 2, "pdf": 3}
	queue := slices.Clone(jobs)
	slices.SortStableFunc(queue, func(a, b *job) int { return cost[a.kind] - cost[b.kind] })
	for _, j := range queue {
		work <- j
	}
	close(work)
	wg.Wait()
	var list []web.Download
	// A problem of a page is found by each booklet it is in: it is told
	// once, by the first.
	said := map[string]bool{}
	tell := func(e *print.Error) bool {
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
	// Characters no print font has are told once per file, with every
	// line each is on: one message to act on, not one per page or line.
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
				pr.Problems.Warnf(cmp.Or(w.File, j.file), w.Line, "print", "%v", w)
			}
		}
		if j.err != nil {
			pe := &print.Error{File: j.file, Err: j.err}
			if !errors.As(j.err, &pe) || pe.File == "" {
				pe = &print.Error{File: j.file, Err: j.err}
			}
			if tell(pe) {
				pr.Problems.Errorf(pe.File, pe.Line, "print", "cannot set the %s: %v", j.what, j.err)
			}
			continue
		}
		if j.data == nil {
			continue // its A5 booklet failed, and says so
		}
		out[j.name] = j.data
		list = append(list, web.Download{Kind: j.kind, Lang: j.lang, Path: j.name, Size: len(j.data)})
	}
	for _, file := range glyphFiles {
		pr.Problems.Warnf(file, firstLine(glyphs[file]), "print", "%s", glyphMessage(glyphs[file], len(cfg.Print.FallbackFonts) > 0))
	}
	return list, nil
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
// how it was made, with AI help or not and whether a person reviewed it
// (the charter's § 4), and the licence notice of a text taken from
// elsewhere, with its addresses written out for paper.
func (pr *Project) printNotes(p *content.Page) (notes, credits []string) {
	s := pr.Renderer.Strings(p.Lang)
	fm := p.Source.Front
	if a := fm.AI; a != nil {
		what := s.T("ai_writing", map[string]string{"Tool": a.Tool})
		if a.What == "translation" {
			what = s.T("ai_translation", map[string]string{"Tool": a.Tool})
		}
		review := s.T("ai_review_pending", nil)
		if a.Review == "reviewed" {
			review = s.T("ai_review_done", map[string]string{"Reviewer": a.Reviewer})
		}
		notes = append(notes, what+" "+review)
	}
	if cr, ok := pr.Config.Credits[fm.Credit]; ok && fm.Credit != "" {
		var b strings.Builder
		b.WriteString(s.T("credit_source", nil) + " " + cr.Work + ", " + cr.Author)
		if c := cr.Context[p.Lang]; c != "" {
			b.WriteString(" (" + c + ")")
		}
		if cr.URL != "" {
			b.WriteString(", " + print.Address(cr.URL))
		}
		b.WriteString(". " + s.T("credit_license", nil) + " " + cr.License)
		if cr.LicenseURL != "" {
			b.WriteString(" (" + print.Address(cr.LicenseURL) + ")")
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
	file, name, kind, lang, what string
	make                         func(*job) ([]byte, error)
	data                         []byte
	err                          error
	warns                        []*print.Error
}

// pdfOf writes d as a tagged PDF, keeping what it could not print as
// it should for the build to report.
func pdfOf(j *job, d *print.Document) ([]byte, error) {
	data, err := d.PDF()
	j.warns = d.Problems
	return data, err
}
