package print

import (
	"sobre/build/content"
	"sobre/build/output"
	"sobre/build/typeset"
)

// The trainer's materials pack is a page of the site marked "pack: true"
// in its front matter (content/<lang>/materiel.md): cards to cut out,
// the grids the exercises use, forms to fill in by hand. It prints as a
// PDF of its own, in A4 and in large print, named by the language's
// strings (output.PackNames), and never as a chapter of the toolkit: the
// handout is for reading, the pack for photocopying.

// PackA4 is the pack's A4 page: the handout's type on narrower margins,
// so that two cards stand side by side at a readable measure and a form
// has room to write in.
var PackA4 = Format{Name: "A4", Width: 595, Height: 842, Top: 46, Bottom: 56, Left: 48, Right: 48, Body: 12.5, Leading: 1.36}

// packPage is the language's pack page, nil when it has none.
func (c *composer) packPage() *content.Page {
	for _, q := range c.m.Site.Pages[c.lang] {
		if q.Source.Front.Pack && c.m.Docs[q] != nil {
			return q
		}
	}
	return nil
}

// packJobs are the pack's two editions, none when the language has no
// pack page or its strings name no safe file.
func (c *composer) packJobs(taken []*job) []*job {
	p := c.packPage()
	if p == nil {
		return nil
	}
	names, problems := output.PackNames(c.m.Config, c.s)
	c.problems.Add(problems)
	if problems.HasErrors() {
		return nil
	}
	for _, j := range taken {
		for _, k := range []output.Kind{output.Pack, output.PackLarge} {
			if j.name == names[k].Path {
				file, line := c.s.Where("pack_file")
				c.problems.Errorf(file, line, "i18n", "the materials pack would be %s, as is the %s: give each booklet its own name", j.name, j.what)
				return nil
			}
		}
	}
	edition := func(k output.Kind, f Format, what string) *job {
		return &job{file: p.Source.File, name: names[k].Path, kind: k, lang: c.lang, what: what,
			make: func(j *job) ([]byte, error) { return j.set(c.pack(p, f)) }}
	}
	return []*job{edition(output.Pack, PackA4, "materials pack"), edition(output.PackLarge, LargePrint, "materials pack in large print")}
}

// pack is the pack page in format f: its title, how it was made, then
// its sections, each (a form, a grid, a set of cards) on a page of its
// own so that it can be copied alone; a set of cards under a smaller
// heading stays whole where it fits.
func (c *composer) pack(p *content.Page, f Format) *Document {
	fm := p.Source.Front
	doc, lang := c.m.Docs[p], p.ContentLang()
	notes, credits := printNotes(c.m.Site, c.s, p)
	d := &Document{Title: fm.Title, Lang: lang, Format: f, Fonts: c.fonts.Clone(), Items: c.items, Footer: fm.Title, Logo: c.logo(),
		Sign: c.s.T("print_sign", nil), Forms: true, BreakBefore: 2, PageBefore: map[string]bool{}, Described: c.s.T("print_described", nil), Image: c.image,
		PageOf: func(page, pages int) string {
			return c.s.T("print_page_of", map[string]int{"Page": page, "Pages": pages})
		}}
	d.PageRef = c.pageRef
	for _, h := range doc.Headings {
		if h.Level >= 3 {
			d.PageBefore[h.ID] = true
		}
	}
	d.AddTitle(Text{Text: fm.Title, File: p.Source.File, Line: fm.Lines["title"]})
	for _, n := range notes {
		d.AddNote(n, lang)
	}
	d.Blocks = c.generated(p)
	d.file = p.Source.File
	d.AddPage(doc, lang, p.Out)
	for _, n := range credits {
		d.AddNote(n, lang)
	}
	if home, ok := c.home(); ok {
		d.AddNote(home.Text, c.lang)
	}
	return d
}

// formColumns gives, in a document of forms, each column with an empty
// cell below its header its fair share of width at least: an empty
// column is where a hand writes a name, a signature or an answer, which
// needs more room than the nothing it holds.
func (d *Document) formColumns(at int, width float64, least, most []float64) {
	if !d.Forms || len(least) == 0 {
		return
	}
	share := width / float64(len(least))
	table := d.blocks[at].table
	for i := at; i < len(d.blocks) && d.blocks[i].tag == "TR" && d.blocks[i].table == table; i++ {
		if d.blocks[i].head {
			continue
		}
		for c, runs := range d.blocks[i].cells {
			if allEmpty([][]typeset.Run{runs}) {
				least[c] = max(least[c], share*0.75)
				most[c] = max(most[c], share)
			}
		}
	}
}
