package svg_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"sobre"
	"sobre/build/font"
	"sobre/build/pdf"
	"sobre/build/pdf/svg"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/*.golden")
	render = flag.String("render", "", "keep the PNGs of TestRender in this folder, to look at them")
)

var fontCache struct {
	sync.Mutex
	data map[string][]byte
}

// fonts loads the print fonts afresh: a font records the glyphs it has
// encoded, so each document gets its own.
func fonts(t testing.TB) svg.Fonts {
	t.Helper()
	load := func(name string) *pdf.Font {
		fontCache.Lock()
		defer fontCache.Unlock()
		if fontCache.data == nil {
			fontCache.data = map[string][]byte{}
		}
		data, ok := fontCache.data[name]
		if !ok {
			var err error
			data, err = fs.ReadFile(sobre.Defaults, "themes/default/fonts/"+name+".ttf")
			if err != nil {
				t.Fatal(err)
			}
			fontCache.data[name] = data
		}
		f, err := font.Parse(data, name)
		if err != nil {
			t.Fatal(err)
		}
		return pdf.NewFont(f)
	}
	return svg.Fonts{Regular: load("AtkinsonHyperlegibleNext-Regular"), Bold: load("AtkinsonHyperlegibleNext-Bold")}
}

func namer(fs svg.Fonts) func(*pdf.Font) string {
	return func(f *pdf.Font) string {
		if f == fs.Bold {
			return "/F2"
		}
		return "/F1"
	}
}

// diagrams returns the site's own pictures, by path.
func diagrams(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../../../content/*/img/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatalf("no diagrams found: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	return out
}

func TestSiteDiagrams(t *testing.T) {
	all := diagrams(t)
	if len(all) < 9 {
		t.Errorf("%d diagrams, want the nine of fr, nl and en", len(all))
	}
	for file, data := range all {
		d, err := svg.Parse(data)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if d.Width != 640 || d.Height < 400 || d.Title == "" {
			t.Errorf("%s: %gx%g titled %q", file, d.Width, d.Height, d.Title)
		}
		f := fonts(t)
		c, err := d.Content(50, 800, 400, f, namer(f))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		again, _ := d.Content(50, 800, 400, f, namer(f))
		if c != again {
			t.Errorf("%s: two drawings differ", file)
		}
		for _, op := range []string{" re W n", " c\n", "B\n", " Tj ET", "/F2 ", "[8 6] 0 d"} {
			if op == "[8 6] 0 d" && strings.HasSuffix(file, "engagements.svg") {
				continue // the only diagram without a dashed box
			}
			if !strings.Contains(c, op) {
				t.Errorf("%s: content lacks %q", file, op)
			}
		}
		// The print look is black on white: no blue from the screen.
		if strings.Contains(c, "0.043 0.325 0.58") {
			t.Errorf("%s: the screen's blue is drawn, not the print look", file)
		}
		if !strings.HasPrefix(c, "q\n") || !strings.HasSuffix(c, "Q\n") || strings.Count(c, "q") != strings.Count(c, "Q") {
			t.Errorf("%s: unbalanced q/Q", file)
		}
	}
}

// TestGolden pins the operators of one small drawing: review the diff
// of go test ./build/pdf/svg -update before committing it.
func TestGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/small.svg")
	if err != nil {
		t.Fatal(err)
	}
	d, err := svg.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	f := fonts(t)
	got, err := d.Content(100, 700, 300, f, namer(f))
	if err != nil {
		t.Fatal(err)
	}
	file := "testdata/small.golden"
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./build/pdf/svg -update)", err)
	}
	if got != string(want) {
		t.Errorf("operators differ from %s (run go test ./build/pdf/svg -update and review the diff):\n%s", file, got)
	}
}

func TestAnchors(t *testing.T) {
	f := fonts(t)
	for _, tt := range []struct {
		anchor string
		shift  float64 // of the text's width
	}{{"start", 0}, {"middle", -0.5}, {"end", -1}, {"", 0}} {
		attr := ""
		if tt.anchor != "" {
			attr = ` text-anchor="` + tt.anchor + `"`
		}
		d, err := svg.Parse([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><text x="50" y="40" font-size="10"` + attr + `>Milieu</text></svg>`))
		if err != nil {
			t.Fatal(err)
		}
		c, err := d.Content(0, 50, 100, f, namer(f))
		if err != nil {
			t.Fatal(err)
		}
		x := 50 + tt.shift*f.Regular.Width("Milieu", 10)
		want := fmt.Sprintf("BT /F1 10 Tf 1 0 0 -1 %s 40 Tm", pdf.Num(x))
		if !strings.Contains(c, want) {
			t.Errorf("text-anchor %q: want %q in\n%s", tt.anchor, want, c)
		}
		// Drawn at scale 1: the cm flips y and puts the top at 50.
		if !strings.Contains(c, "1 0 0 -1 0 50 cm") {
			t.Errorf("no flipping matrix in\n%s", c)
		}
	}
}

func TestErrors(t *testing.T) {
	head := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` + "\n"
	tests := []struct{ src, want string }{
		{head + `<g>` + "\n" + `<image href="a.png"/></g></svg>`, "unsupported SVG element <image> on line 3"},
		{head + `<text x="1" y="2">a<tspan>b</tspan></text></svg>`, "<tspan> inside <text> on line 2"},
		{head + `<rect width="a" height="2"/></svg>`, `<rect> on line 2: attribute width`},
		{head + `<rect width="10%" height="2"/></svg>`, `no %`},
		{head + `<path d="M0 0 X"/></svg>`, `<path> on line 2: attribute d`},
		{head + `<rect width="1" height="1" fill="#12"/></svg>`, `malformed colour "#12"`},
		{head + `<rect width="1" height="1" opacity="0.5"/></svg>`, `opacity="0.5": opacity is not drawn`},
		{head + `<rect width="1" height="1" class="a"/><style>.a{fill:nope}</style></svg>`, `class rule .a {fill: nope}: malformed colour`},
		{head + `<rect width="1" height="1" class="a"/><style media="screen">.a{fill:nope}</style></svg>`, ""},
		{head + `<g transform="spin(2)"/></svg>`, `unknown transform "spin"`},
		{head + `<text x="1 2 3" y="4">a</text></svg>`, `places each character`},
		{`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`, "viewBox"},
		{`<html/>`, "not <svg>"},
		{head + `<rect`, "not well-formed"},
		{``, "no <svg> element"},
		{head + `</svg><svg/>`, "after </svg>"},
	}
	for _, tt := range tests {
		_, err := svg.Parse([]byte(tt.src))
		if tt.want == "" {
			if err != nil {
				t.Errorf("Parse(%q): %v", tt.src, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", tt.src, err, tt.want)
		}
	}
	// Harmless things pass: no-effect values, an editor's elements, a
	// document type, a desc with markup.
	ok := `<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" xmlns:i="urn:x" width="10px" height="20"><i:meta><i:x/></i:meta><desc>a <b>b</b></desc><rect width="1" height="1" opacity="1" i:foo="1"/></svg>`
	d, err := svg.Parse([]byte(ok))
	if err != nil {
		t.Fatalf("Parse(%q): %v", ok, err)
	}
	if d.Width != 10 || d.Height != 20 {
		t.Errorf("size %gx%g, want 10x20", d.Width, d.Height)
	}

	// A character the font lacks is an error naming it, never a box.
	d, err = svg.Parse([]byte(head + "\n<text x=\"1\" y=\"2\">a\u202fb \u2192\u2603</text></svg>"))
	if err != nil {
		t.Fatal(err)
	}
	f := fonts(t)
	_, err = d.Content(0, 0, 100, f, namer(f))
	var ge *svg.GlyphError
	if !errors.As(err, &ge) || ge.Line != 3 || len(ge.Missing) != 2 || !strings.Contains(err.Error(), "U+2192") {
		t.Errorf("missing glyphs: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, data := range diagrams(f) {
		f.Add(data)
	}
	small, _ := os.ReadFile("testdata/small.svg")
	f.Add(small)
	f.Add([]byte(`<svg viewBox="0 0 10 10"><path d="M0 0a5 5 0 1 1 1e-9 0zM1.5.5l2-3q1 1 2 2t3 3s1 1 2 2c1 1 2 2 3 3v1h1"/></svg>`))
	f.Add([]byte(`<svg viewBox="0 0 10 10"><g transform="rotate(45 5 5) skewX(10) matrix(1 0 0 1 2 2)"><polygon points="1,1 2,2 3,1"/><ellipse rx="2" ry="1"/></g></svg>`))
	fs := fonts(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := svg.Parse(data)
		if err != nil {
			return
		}
		if !(d.Width > 0 && d.Height > 0) {
			t.Fatalf("accepted a drawing of %gx%g", d.Width, d.Height)
		}
		c, err := d.Content(10, 800, 400, fs, namer(fs))
		if err != nil {
			return
		}
		if strings.Contains(c, "Inf") || strings.Contains(c, "NaN") || strings.Count(c, "q") != strings.Count(c, "Q") {
			t.Fatalf("bad operators:\n%s", c)
		}
	})
}

// onePage writes a one-page A4 PDF holding the drawing, 480 points wide
// under a 56-point margin, as the booklets would.
func onePage(t *testing.T, d *svg.Drawing) []byte {
	t.Helper()
	f := fonts(t)
	c, err := d.Content(56, 842-56, 480, f, namer(f))
	if err != nil {
		t.Fatal(err)
	}
	var w pdf.Writer
	catalog := w.Alloc()
	pages := w.Alloc()
	stream := w.AddStream("", []byte(c), false)
	f1, f2 := f.Regular.Embed(&w), f.Bold.Embed(&w)
	pg := w.Add(fmt.Sprintf("<< /Type /Page /Parent %s /MediaBox [0 0 595 842] /Resources << /Font << /F1 %s /F2 %s >> >> /Contents %s >>", pages, f1, f2, stream))
	w.Set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 1 >>", pg))
	w.Set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %s >>", pages))
	info := w.Add(fmt.Sprintf("<< /Title %s >>", pdf.Text(d.Title)))
	return w.BytesInfo(catalog, info)
}

// TestRender draws each diagram on a page and renders it with poppler.
// It checks that pages render and that the title of engagements.svg is
// centred; to look at them: go test ./build/pdf/svg -run Render -render DIR.
func TestRender(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed: apt-get install poppler-utils")
	}
	dir := *render
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	all := diagrams(t)
	small, err := os.ReadFile("testdata/small.svg")
	if err != nil {
		t.Fatal(err)
	}
	all["testdata/small/small.svg"] = small // arcs, transforms, anchors
	for file, data := range all {
		d, err := svg.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.Split(filepath.ToSlash(file), "/")
		base := parts[len(parts)-3] + "-" + strings.TrimSuffix(parts[len(parts)-1], ".svg")
		pdfFile := filepath.Join(dir, base+".pdf")
		if err := os.WriteFile(pdfFile, onePage(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftoppm", "-r", "60", "-png", "-singlefile", pdfFile, filepath.Join(dir, base)).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Fatalf("pdftoppm %s: %v\n%s", pdfFile, err, out)
		}
		pngData, err := os.ReadFile(filepath.Join(dir, base+".png"))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(pngData))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := exec.LookPath("pdftotext"); err == nil {
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdfFile, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range textRE.FindAllSubmatch(data, -1) {
				s := strings.ReplaceAll(string(m[1]), "\u202f", " ") // poppler writes the thin space as a space
				if !bytes.Contains(text, []byte(s)) {
					t.Errorf("%s: pdftotext lacks %q:\n%s", base, s, text)
				}
			}
		}
		if strings.HasSuffix(base, "engagements") {
			// The title's ink, in the band above the first box (y 0 to 56
			// of 640 units drawn 480 points wide, at 60 dpi), is centred
			// on the page within a few pixels.
			px := func(pt float64) int { return int(pt * 60 / 72) }
			left, right := inkSpan(img, image.Rect(px(56), px(56+8*0.75), px(56+480), px(56+56*0.75)))
			if left < 0 {
				t.Errorf("%s: no title drawn", base)
			} else if mid, page := (left+right)/2, px(595)/2; mid < page-4 || mid > page+4 {
				t.Errorf("%s: title ink spans x %d–%d, centred on %d, want about %d", base, left, right, mid, page)
			}
		}
	}
}

var textRE = regexp.MustCompile(`<text[^>]*>([^<]+)</text>`)

// inkSpan returns the leftmost and rightmost columns holding a dark
// pixel within r, or -1, -1.
func inkSpan(img image.Image, r image.Rectangle) (int, int) {
	left, right := -1, -1
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr+cg+cb < 3*0x8000 {
				if left < 0 || x < left {
					left = x
				}
				if x > right {
					right = x
				}
			}
		}
	}
	return left, right
}

func TestSize(t *testing.T) {
	tests := []struct {
		name, data string
		w, h       float64
		ok         bool
	}{
		{"width and height", `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 1280 720">`, 640, 360, true},
		{"px", `<?xml version="1.0"?><svg width=" 12.5px" height='10px'/>`, 12.5, 10, true},
		{"viewBox", `<svg viewBox="0 0 640.4 200"><rect/></svg>`, 640.4, 200, true},
		{"percent: the viewBox", `<svg width="100%" height="50%" viewBox="10,10,30,20"/>`, 30, 20, true},
		{"one of them: the viewBox", `<svg width="64" viewBox="0 0 30 20"/>`, 30, 20, true},
		{"percent alone", `<svg width="100%" height="100%"/>`, 0, 0, false},
		{"empty viewBox", `<svg viewBox="0 0 0 10"/>`, 0, 0, false},
		{"other root", `<html><svg width="1" height="1"/></html>`, 0, 0, false},
		{"other namespace", `<svg xmlns="urn:x" width="1" height="1"/>`, 0, 0, false},
		{"not XML", `%PDF-1.7`, 0, 0, false},
	}
	for _, tt := range tests {
		w, h, err := svg.Size([]byte(tt.data))
		if w != tt.w || h != tt.h || (err == nil) != tt.ok {
			t.Errorf("%s: Size = %g×%g, %v; want %g×%g, ok %v", tt.name, w, h, err, tt.w, tt.h, tt.ok)
		}
	}
	// The site's diagrams: their size is the one Parse draws them at.
	for name, data := range diagrams(t) {
		d, err := svg.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if w, h, err := svg.Size(data); err != nil || w != d.Width || h != d.Height {
			t.Errorf("%s: Size = %g×%g, %v; Parse reads %g×%g", name, w, h, err, d.Width, d.Height)
		}
	}
}

// TestSmallestText reads a drawing's smallest lettering, inherited sizes,
// class rules and transforms applied.
func TestSmallestText(t *testing.T) {
	tests := []struct {
		name, data string
		want       float64
	}{
		{"no text", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>`, 0},
		{"inherited from a group", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g font-size="14"><text x="1" y="20">a</text></g><text x="1" y="50" font-size="20">b</text></svg>`, 14},
		{"class rule", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><style>.s{font-size:9px}</style><text class="s" x="1" y="20" font-size="30">a</text></svg>`, 9},
		{"scaled", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g transform="scale(2)"><text x="1" y="20" font-size="10">a</text></g><text x="1" y="50" font-size="16">b</text></svg>`, 16},
		{"hidden text aside", `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text x="1" y="20" font-size="4" display="none">a</text><text x="1" y="50" font-size="16">b</text></svg>`, 16},
	}
	for _, tt := range tests {
		d, err := svg.Parse([]byte(tt.data))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := d.SmallestText(); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: SmallestText = %g, want %g", tt.name, got, tt.want)
		}
	}
}
