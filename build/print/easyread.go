package print

import (
	"path"
	"strings"

	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/output"
	"sobre/build/typeset"
)

// EasyRead is the format of an easy-to-read edition: A4, 18 pt type,
// ragged, generous leading. Least keeps every glyph of the booklet, notes
// and the footer's 7/8 of it included, at 16 pt or more, as the issue
// asks (Inclusion Europe's standards ask for a large, clear font).
var EasyRead = Format{Name: "A4", Width: 595, Height: 842, Top: 56, Bottom: 72, Left: 56, Right: 56, Body: 18, Least: 18.3, Leading: 1.5, Ragged: true}

// pictureSide is the size of an easy-to-read section's picture, in body
// sizes: about 3 cm, to the left of its text.
const pictureSide = 4.6

// easyReads are the language's easy-to-read booklets: one per page
// marked edition: easy-read, A4, named by the language's strings.
func (c *composer) easyReads() []*job {
	var jobs []*job
	for _, p := range c.m.Site.Pages[c.lang] {
		if p.Source.Front.Edition != content.EditionEasyRead || c.m.Docs[p] == nil {
			continue
		}
		name, problems := output.EasyReadName(c.s)
		c.problems.Add(problems)
		if problems.HasErrors() {
			return nil
		}
		if len(jobs) > 0 { // a second one takes its page's file name
			name = c.lang + "/print/" + strings.TrimSuffix(path.Base(p.Out), ".html") + ".pdf"
		}
		jobs = append(jobs, c.easyRead(p, name))
	}
	return jobs
}

// easyRead is one easy-to-read page as a booklet: its title, how it was
// made, its text with each picture beside its section and each sentence
// on its line, and a block to sign, filled from site.toml.
func (c *composer) easyRead(p *content.Page, name string) *job {
	title, lang := p.Source.Front.Title, p.ContentLang()
	notes, credits := printNotes(c.m.Site, c.s, p)
	return &job{file: p.Source.File, name: name, kind: output.EasyRead, lang: c.lang, what: "easy-to-read booklet",
		make: func(j *job) ([]byte, error) {
			d := &Document{Title: title, Lang: lang, Format: EasyRead, Fonts: c.fonts.Clone(), Items: &typeset.Items{}, Footer: title, Logo: c.logo(),
				Sign: c.s.T("print_sign", nil), Image: c.image, KeepLines: true,
				PageOf: func(page, pages int) string {
					return c.s.T("print_page_of", map[string]int{"Page": page, "Pages": pages})
				}}
			d.PageRef = c.pageRef
			d.file = p.Source.File
			d.AddTitle(Text{Text: title, File: p.Source.File, Line: p.Source.Front.Lines["title"]})
			for _, n := range notes {
				d.AddNote(n, lang)
			}
			from := len(d.blocks)
			d.AddPage(c.m.Docs[p], lang, p.Out)
			d.easyBlocks(from)
			c.signBlock(d)
			for _, n := range credits {
				d.AddNote(n, lang)
			}
			if home, ok := c.home(); ok {
				d.AddNote(home.Text, c.lang)
			}
			return j.set(d)
		}}
}

// easyBlocks lays the blocks from from on out for easy reading: words
// never cut, a line of its own for each source line (one sentence), and
// the picture that opens a section beside the section's text.
func (d *Document) easyBlocks(from int) {
	var out []block
	side := 0.0 // the indent of the text beside the section's picture
	for i, b := range d.blocks[from:] {
		for k := range b.runs {
			b.runs[k].NoHyphens = true
		}
		switch {
		case strings.HasPrefix(b.tag, "H"):
			side = 0
		case b.tag == "Figure" && i > 0 && d.blocks[from+i-1].tag == "H2":
			b.beside, b.height, b.indent = true, pictureSide*d.Format.Body, 0
			side = (pictureSide + 1) * d.Format.Body
			out = append(out, b)
			continue
		}
		b.indent += side
		out = append(out, splitLines(b)...)
	}
	d.blocks = append(d.blocks[:from], out...)
}

// splitLines cuts a block at the line ends its runs carry (KeepLines):
// a paragraph becomes one per line, close together; a list item keeps
// its lines as one item, joined by spaces.
func splitLines(b block) []block {
	if b.tag != "P" {
		for k := range b.runs {
			b.runs[k].Text = strings.ReplaceAll(b.runs[k].Text, "\n", " ")
		}
		return []block{b}
	}
	var out []block
	cur := b
	cur.runs = nil
	for _, r := range b.runs {
		parts := strings.Split(r.Text, "\n")
		for k, t := range parts {
			if k > 0 {
				out = append(out, cur)
				cur = b
				cur.runs, cur.before, cur.sign = nil, 0.3, ""
			}
			if t != "" {
				piece := r
				piece.Text = t
				cur.runs = append(cur.runs, piece)
			}
		}
	}
	out = append(out, cur)
	// the signature boxes, if any, under the last line only
	for k := range out[:len(out)-1] {
		out[k].sign = ""
	}
	out[len(out)-1].sign = b.sign
	keep := out[:0]
	for _, o := range out {
		if len(o.runs) > 0 || o.sign != "" {
			keep = append(keep, o)
		}
	}
	return keep
}

// signBlock closes the booklet with a simple block to sign: "We sign",
// the organisation's name (site.toml) or a line to write it on, the date
// likewise, and two boxes to sign in.
func (c *composer) signBlock(d *Document) {
	cfg, s := c.m.Config, c.s
	messages := "i18n/" + c.lang + ".toml"
	// A page whose last section already says "We sign" (its readers'
	// promise, above) gets the fields under it, not a second heading.
	if sign := s.T("easy_sign", nil); !saidByHeading(d.blocks, sign) {
		d.blocks = append(d.blocks, block{tag: "H2", before: 1.6, keep: true, whole: true, lang: c.lang, file: messages,
			runs: []typeset.Run{{Text: sign, Style: d.style(true, 1.45), Lang: c.lang, NoHyphens: true}}})
	}
	field := func(label, value string, width float64, sign string) {
		runs := []typeset.Run{{Text: label + " ", Style: d.style(true, 1), Lang: c.lang, NoHyphens: true}}
		if value != "" {
			runs = append(runs, typeset.Run{Text: value, Style: d.style(false, 1), Lang: c.lang, NoHyphens: true})
		} else {
			runs = append(runs, typeset.Run{Text: label, Style: d.style(false, 1), Lang: c.lang, Rule: width * d.Format.Body})
		}
		d.blocks = append(d.blocks, block{tag: "P", before: 0.8, runs: runs, keep: sign == "", sign: sign, lang: c.lang, file: config.FileName})
	}
	date := ""
	if t, ok := cfg.SigningDate(); ok {
		date = s.Date(t)
	}
	field(s.T("easy_sign_org", nil), cfg.Organisation.Name, 14, "")
	field(s.T("easy_sign_date", nil), date, 8, d.Sign)
}

// saidByHeading reports whether the last heading of blocks reads text.
func saidByHeading(blocks []block, text string) bool {
	for i := len(blocks) - 1; i >= 0; i-- {
		if strings.HasPrefix(blocks[i].tag, "H") {
			var b strings.Builder
			for _, r := range blocks[i].runs {
				b.WriteString(r.Text)
			}
			return strings.EqualFold(strings.TrimSpace(b.String()), strings.TrimSpace(text))
		}
	}
	return false
}
