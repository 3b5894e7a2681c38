package build_test

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sobre/build/print"
)

// TestPageBreaks reads the French A4 handout and A5 booklet back as
// poppler sees them and checks their page breaks as a reader would: no
// heading is the last thing on a page, no paragraph leaves a single line
// alone at the foot of a page (orphan) or at its head (widow), no page
// ends on an inserted hyphen, and no page is under 60 % full but the one
// before a chapter; and the charter, engagement and signatures included,
// on three A4 pages.
func TestPageBreaks(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("poppler-utils not installed")
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, "../", out); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file    string
		f       print.Format
		toolkit bool // cover and contents first, then chapters
	}{
		{toolkitPDF("fr", "a4"), print.A4, true},
		{toolkitPDF("fr", "a5"), print.A5, true},
		{"fr/print/charte-a4.pdf", print.A4, false},
	} {
		pages := readPages(t, filepath.Join(out, c.file))
		fills := pageFills(t, filepath.Join(out, c.file), c.f)
		faults := pageFaults(pages, fills, c.f, c.toolkit)
		if !c.toolkit && len(pages) != 3 {
			t.Errorf("%s: %d pages, want 3", c.file, len(pages))
		}
		t.Logf("%s: %d pages; %d headings last on a page, %d orphans, %d widows, %d pages ending on a hyphen, %d pages under 60 %%",
			c.file, len(pages), len(faults["heading"]), len(faults["orphan"]), len(faults["widow"]), len(faults["hyphen"]), len(faults["fill"]))
		for _, kind := range []string{"heading", "orphan", "widow", "hyphen", "fill"} {
			if len(faults[kind]) > 0 {
				t.Errorf("%s: %s on pages %v", c.file, kind, faults[kind])
			}
		}
	}
}

// textLine is a line of text as poppler finds it, in points from the
// page's top.
type textLine struct {
	XMin   float64  `xml:"xMin,attr"`
	YMin   float64  `xml:"yMin,attr"`
	XMax   float64  `xml:"xMax,attr"`
	YMax   float64  `xml:"yMax,attr"`
	Words  []string `xml:"word"`
	size   float64
	isBody bool
}

// readPages reads each page's lines of text, top to bottom, with the
// size of their type (poppler's line boxes are 1.3 times it for the
// print font).
func readPages(t *testing.T, file string) [][]textLine {
	t.Helper()
	data, err := exec.Command("pdftotext", "-bbox-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	var doc struct {
		Pages []struct {
			Lines []textLine `xml:"flow>block>line"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var pages [][]textLine
	for _, p := range doc.Pages {
		lines := p.Lines
		for i := range lines {
			lines[i].size = (lines[i].YMax - lines[i].YMin) / 1.3
		}
		slices.SortStableFunc(lines, func(a, b textLine) int { return cmp.Compare(a.YMax, b.YMax) })
		pages = append(pages, lines)
	}
	return pages
}

// pageFaults finds, per kind, the pages (from 1) that break a rule:
// "heading" (a heading last on the page), "orphan" (a paragraph's first
// line alone at the foot), "widow" (its last line alone at the head),
// "hyphen" (the page ends on a word broken by an inserted hyphen),
// "fill" (a page under 60 % full, not before a chapter or at the end).
// A toolkit's cover and contents are not checked.
// A paragraph's line runs on when it is justified to the right margin.
func pageFaults(pages [][]textLine, fills []float64, f print.Format, toolkit bool) map[string][]int {
	faults := map[string][]int{}
	lh := f.Body * f.Leading
	near := func(a, b float64) bool { return a-b < 0.02*b && b-a < 0.02*b }
	var text [][]textLine // each page's lines, without the footer
	for _, p := range pages {
		var lines []textLine
		for _, l := range p {
			if l.YMin < f.Height-f.Bottom {
				l.isBody = near(l.size, f.Body)
				lines = append(lines, l)
			}
		}
		text = append(text, lines)
	}
	// A heading is set at one of print's heading sizes, at the left
	// margin (a diagram's labels at others, or where the drawing puts
	// them, its width following the measure).
	heading := func(l textLine) bool {
		return l.XMin < f.Left+f.Body && slices.ContainsFunc([]float64{1.05, 1.2, 1.45, 1.6, 2}, func(scale float64) bool { return near(l.size, f.Body*scale) })
	}
	// A word broken at the line's end: its hyphen, drawn with no actual
	// text, is all that is missing from the line's justified width (0.362
	// em in the print font).
	hyphen := func(l textLine) bool {
		short := f.Width - f.Right - l.XMax
		return l.isBody && short > 0.34*f.Body && short < 0.38*f.Body
	}
	// A line runs on when it is justified to the right margin, but for
	// the hyphen of a broken word.
	runsOn := func(l textLine) bool { return l.isBody && l.XMax > f.Width-f.Right-0.05 || hyphen(l) }
	// A list item starts with its marker, left of its text.
	item := func(l textLine) bool {
		return len(l.Words) > 0 && (l.Words[0] == "•" || strings.HasSuffix(l.Words[0], ".") && strings.Trim(l.Words[0], "0123456789.") == "")
	}
	// A paragraph runs on to the next page: its last line there is
	// justified, and the next page starts with body text, not a list
	// item nor a heading (a line of one item may fill its measure).
	continues := func(last textLine, next []textLine) bool {
		return runsOn(last) && len(next) > 0 && next[0].isBody && !item(next[0])
	}
	chapter := func(lines []textLine) bool { return len(lines) > 0 && lines[0].size > f.Body*1.5 }
	// follows: line k of a page is the next line of the same paragraph
	// as line k-1.
	follows := func(lines []textLine, k int) bool {
		return k > 0 && lines[k].isBody && lines[k-1].isBody && near(lines[k].YMax-lines[k-1].YMax, lh)
	}
	titles := 0 // the contents' title, then the chapters'
	for pi, lines := range text {
		if pi > 0 && chapter(lines) {
			titles++
		}
		if toolkit && titles < 2 || len(lines) == 0 {
			continue // the cover and the contents
		}
		n := len(lines)
		last := lines[n-1]
		if heading(last) {
			faults["heading"] = append(faults["heading"], pi+1)
		}
		if hyphen(last) {
			faults["hyphen"] = append(faults["hyphen"], pi+1)
		}
		if pi+1 < len(text) && continues(last, text[pi+1]) && n > 1 && !follows(lines, n-1) {
			faults["orphan"] = append(faults["orphan"], pi+1)
		}
		if pi == 0 {
			continue
		}
		if prev := text[pi-1]; len(prev) > 0 && continues(prev[len(prev)-1], lines) && lines[0].isBody && (n == 1 || !follows(lines, 1)) {
			faults["widow"] = append(faults["widow"], pi+1)
		}
		if pi < len(fills) && fills[pi] < 0.6 && pi+1 < len(text) && !chapter(text[pi+1]) {
			faults["fill"] = append(faults["fill"], pi+1)
		}
	}
	return faults
}

// pageFills measures how full each page's text area is, from its top to
// the lowest thing drawn above the footer, text or picture, on the page
// rendered in grey at 24 dots to the inch.
func pageFills(t *testing.T, file string, f print.Format) []float64 {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "24", "-gray", file, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm %s: %v: %s", file, err, out)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(pageNumber(a), pageNumber(b)) })
	var fills []float64
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		w, h, pix, err := readPGM(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		scale := float64(h) / f.Height
		top, bottom := int(f.Top*scale), int((f.Height-f.Bottom)*scale)
		lowest := top
		for y := top; y < bottom && y < h; y++ {
			for x := range w {
				if pix[y*w+x] < 200 {
					lowest = y + 1
					break
				}
			}
		}
		fills = append(fills, float64(lowest-top)/float64(bottom-top))
	}
	return fills
}

// pageNumber is the number of a page file of pdftoppm ("p-07.pgm").
func pageNumber(name string) int {
	base := filepath.Base(name)
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(base, "p-"), ".pgm"))
	return n
}

// readPGM reads a binary greymap (P5, 8 bits) as pdftoppm writes it.
func readPGM(data []byte) (w, h int, pix []byte, err error) {
	var maxv int
	r := bytes.NewReader(data)
	if _, err := fmt.Fscanf(r, "P5\n%d %d\n%d\n", &w, &h, &maxv); err != nil {
		return 0, 0, nil, err
	}
	pix = data[len(data)-r.Len():]
	if len(pix) < w*h {
		return 0, 0, nil, fmt.Errorf("%d bytes for %d×%d pixels", len(pix), w, h)
	}
	return w, h, pix, nil
}
