package build_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestMeasures builds the repository's content and reads two of its
// booklets back for their measures and sizes: the large-print booklets
// paint no glyph under 16 pt (14 pt in the page artifacts, footers), a
// diagram's lettering included (one that cannot grow so much is printed
// as its description); the A4 handouts set lines of 60 to 75 characters
// (median), a book's measure.
func TestMeasures(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, "../", out); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fr", "nl", "en"} {
		file := filepath.Join(out, toolkitPDF(lang, "large-print"))
		least := map[string]float64{"text": 16, "figure": 16, "artifact": 14}
		small, glyphs := map[string][]string{}, 0
		for _, p := range paintedSizes(t, file) {
			glyphs += p.glyphs
			if p.size < least[p.in]-0.001 {
				small[p.in] = append(small[p.in], fmt.Sprintf("%.2f pt on page %d", p.size, p.page))
			}
		}
		if glyphs < 10000 {
			t.Errorf("%s: only %d glyphs read: the reading reads nothing", file, glyphs)
		}
		for in, what := range small {
			t.Errorf("%s: %d glyph runs in %s under %g pt: %v", file, len(what), in, least[in], what[:min(len(what), 5)])
		}

		a4 := filepath.Join(out, toolkitPDF(lang, "a4"))
		if m := medianLine(t, a4); m < 60 || m > 75 {
			t.Errorf("%s: lines of %g characters (median), want 60 to 75", a4, m)
		} else {
			t.Logf("%s: lines of %g characters (median)", a4, m)
		}
	}
}

// painted is a run of glyphs a content stream shows: its size on the
// page, in points, and what it is inside: an "artifact", a "figure"
// (a diagram's lettering) or the "text".
type painted struct {
	size   float64
	in     string
	page   int // the content stream's rank in the file, from 1
	glyphs int
}

var pdfToken = regexp.MustCompile(`<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/<>\[\]()]+|[^\s/<>\[\]()]+`)

// paintedSizes reads every content stream of a booklet and returns the
// glyph runs it paints visibly (not in render mode 3, a blank's label),
// each at the size the text and graphics matrices make of its font
// size.
func paintedSizes(t *testing.T, file string) []painted {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []painted
	page := 0
	for _, m := range regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`).FindAllSubmatch(data, -1) {
		z, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		plain, _ := io.ReadAll(z)
		if !bytes.Contains(plain, []byte(" BDC")) {
			continue // a font, the metadata, an object stream
		}
		page++
		out = append(out, readStream(t, plain, page)...)
	}
	return out
}

type gstate struct {
	ctm    [4]float64 // the scaling part of the graphics matrix
	render string     // Tr
}

func mul(a, b [4]float64) [4]float64 {
	return [4]float64{a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3], a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3]}
}

func readStream(t *testing.T, plain []byte, page int) []painted {
	var out []painted
	var operands, marks []string
	g := gstate{ctm: [4]float64{1, 0, 0, 1}, render: "0"}
	var saved []gstate
	tm, size := [4]float64{1, 0, 0, 1}, 0.0
	nums := func(n int) [4]float64 {
		var v [4]float64
		for i := range n {
			f, err := strconv.ParseFloat(operands[len(operands)-6+i], 64)
			if err != nil {
				t.Fatalf("page %d: %v", page, err)
			}
			v[i] = f
		}
		return v
	}
	show := func(strs int) {
		if g.render == "3" {
			return
		}
		in := "text"
		if slices.Contains(marks, "/Artifact") {
			in = "artifact"
		} else if slices.Contains(marks, "/Figure") {
			in = "figure"
		}
		s := mul(tm, g.ctm)
		out = append(out, painted{size: size * math.Sqrt(math.Abs(s[0]*s[3]-s[1]*s[2])), in: in, page: page, glyphs: strs})
	}
	for _, tok := range pdfToken.FindAllString(string(plain), -1) {
		switch c := tok[0]; {
		case c == '/' || c == '<' || c == '(' || c == '[' || c == ']' || c == '>' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			operands = append(operands, tok)
			continue
		}
		switch tok {
		case "BDC", "BMC":
			name := ""
			for _, o := range operands {
				if strings.HasPrefix(o, "/") {
					name = o
					break
				}
			}
			marks = append(marks, name)
		case "EMC":
			marks = marks[:max(len(marks)-1, 0)]
		case "q":
			saved = append(saved, g)
		case "Q":
			if n := len(saved); n > 0 {
				g, saved = saved[n-1], saved[:n-1]
			}
		case "cm":
			g.ctm = mul(nums(4), g.ctm)
		case "BT":
			tm = [4]float64{1, 0, 0, 1}
		case "Tm":
			tm = nums(4)
		case "Tf":
			size, _ = strconv.ParseFloat(operands[len(operands)-1], 64)
		case "Tr":
			g.render = operands[len(operands)-1]
		case "Tj", "TJ", "'", "\"":
			glyphs := 0
			for _, o := range operands {
				if strings.HasPrefix(o, "<") && o != "<<" {
					glyphs += (len(o) - 2) / 4 // two-byte glyph ids
				}
			}
			show(glyphs)
		}
		operands = operands[:0]
	}
	return out
}

// medianLine is the median length, in characters, of a booklet's lines
// of four words or more as pdftotext lays them out: the measure of its
// running text (short lines, headings and entries of lists, set aside).
func medianLine(t *testing.T, file string) float64 {
	t.Helper()
	text, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	var lengths []int
	for _, line := range strings.Split(string(text), "\n") {
		if len(strings.Fields(line)) >= 4 {
			lengths = append(lengths, len([]rune(strings.TrimSpace(line))))
		}
	}
	if len(lengths) < 100 {
		t.Fatalf("%s: only %d lines", file, len(lengths))
	}
	slices.Sort(lengths)
	n := len(lengths)
	return float64(lengths[(n-1)/2]+lengths[n/2]) / 2
}
