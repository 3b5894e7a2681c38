package build_test

import (
	"cmp"
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lineFigures are what a reader sees of a booklet's line breaking.
type lineFigures struct {
	lines, hyphenated int
	mostInARow        int     // most lines in a row ending with an added hyphen
	widest            float64 // widest word space of a justified line, to the natural space
	widestAt          string
}

func (f lineFigures) share() float64 { return 100 * float64(f.hyphenated) / float64(max(f.lines, 1)) }

func (f lineFigures) String() string {
	return fmt.Sprintf("%d lines, %d end with a hyphen (%.1f %%), at most %d in a row, widest word space %.2f× (%s)",
		f.lines, f.hyphenated, f.share(), f.mostInARow, f.widest, f.widestAt)
}

// pdfWord is a word as pdftotext -bbox-layout places it.
type pdfWord struct {
	x0, y0, x1, y1 float64
	text           string
}

var (
	pageRe = regexp.MustCompile(`(?s)<page .*?</page>`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>`)
	footRe = regexp.MustCompile(`^[\d·—–\s]+$`)
)

// bboxLines reads a PDF's lines, page by page, with pdftotext. The
// hyphens a typesetter adds are not in the text (their actual text is
// empty): a line that ends with one stops a hyphen's width short of the
// right edge.
func bboxLines(t *testing.T, file string) [][][]pdfWord {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var pages [][][]pdfWord
	for _, pg := range pageRe.FindAllString(string(out), -1) {
		var lines [][]pdfWord
		at := map[float64]int{} // a baseline's line
		for _, m := range wordRe.FindAllStringSubmatch(pg, -1) {
			f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
			w := pdfWord{f(1), f(2), f(3), f(4), m[5]}
			// pdftotext cuts a line at a wide space as if at a column:
			// words on one baseline are one line again.
			y := math.Round(w.y1 * 10)
			i, ok := at[y]
			if !ok {
				i = len(lines)
				at[y] = i
				lines = append(lines, nil)
			}
			lines[i] = append(lines[i], w)
		}
		for _, ws := range lines {
			slices.SortFunc(ws, func(a, b pdfWord) int { return cmp.Compare(a.x0, b.x0) })
		}
		pages = append(pages, lines)
	}
	return pages
}

// readLineFigures measures a booklet: the share of lines ending with an
// added hyphen, the longest run of them, and the widest word space of a
// justified line, as a ratio to the natural space, which lines short of
// the edge show. A justified line's spaces all stretch alike: its
// narrowest one says how far, as a bold label's spaces are wider than
// the regular ones (French narrow spaces, which never stretch, aside).
func readLineFigures(t *testing.T, file string) lineFigures {
	pages := bboxLines(t, file)
	right := func(lines [][]pdfWord) float64 {
		r := 0.0
		for _, ws := range lines {
			r = max(r, ws[len(ws)-1].x1)
		}
		return r
	}
	var natural []float64
	for _, lines := range pages {
		r := right(lines)
		for _, ws := range lines {
			if ws[len(ws)-1].x1 < r-20 {
				for i := 1; i < len(ws); i++ {
					if g, h := ws[i].x0-ws[i-1].x1, ws[i-1].y1-ws[i-1].y0; g > 0.2*h {
						natural = append(natural, g/h)
					}
				}
			}
		}
	}
	nat := median(natural)
	var f lineFigures
	run := 0
	for pi, lines := range pages {
		r := right(lines)
		for _, ws := range lines {
			last := ws[len(ws)-1]
			if footRe.MatchString(last.text) || strings.Contains(joinWords(ws), "compléter") {
				run = 0
				continue // footers, contents' page numbers, a blank to fill in
			}
			f.lines++
			h := last.y1 - last.y0
			short := r - last.x1
			end, _ := utf8.DecodeLastRuneInString(last.text)
			if short > 0.15*h && short < 0.6*h && unicode.IsLetter(end) {
				f.hyphenated++
				run++
				f.mostInARow = max(f.mostInARow, run)
			} else {
				run = 0
			}
			if short >= 0.6*h || len(ws) < 3 {
				continue // ragged, or too few spaces to say
			}
			m := math.Inf(1)
			for i := 1; i < len(ws); i++ {
				if g := (ws[i].x0 - ws[i-1].x1) / (ws[i-1].y1 - ws[i-1].y0) / nat; g > 0.6 {
					m = min(m, g)
				}
			}
			if !math.IsInf(m, 1) && m > f.widest {
				f.widest, f.widestAt = m, fmt.Sprintf("p. %d: %.60s", pi+1, joinWords(ws))
			}
		}
	}
	return f
}

func joinWords(ws []pdfWord) string {
	var s []string
	for _, w := range ws {
		s = append(s, w.text)
	}
	return strings.Join(s, " ")
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	return v[len(v)/2]
}

// checkLines holds a French booklet to issue 12's line breaking: at most
// two hyphenated lines in a row, spaces of justified lines at most 1.6
// times their width (the typesetter keeps 1.5), and under share % of
// lines ending with an added hyphen.
func checkLines(t *testing.T, file string, share float64) {
	t.Helper()
	f := readLineFigures(t, file)
	t.Logf("%s: %s", file, f)
	if f.mostInARow > 2 || f.widest > 1.6 || f.share() >= share {
		t.Errorf("%s: %s; want at most 2 in a row, 1.6×, under %.0f %%", file, f, share)
	}
}
