package svg

import (
	"strconv"
	"strings"
	"testing"

	"sobre/build/colour"
)

func fmtSegs(segs []seg) string {
	r := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', 3, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "-0" {
			s = "0"
		}
		return s
	}
	var out []string
	for _, s := range segs {
		switch s.op {
		case 'M', 'L':
			out = append(out, string(s.op)+r(s.p[0].x)+" "+r(s.p[0].y))
		case 'C':
			out = append(out, "C"+r(s.p[0].x)+" "+r(s.p[0].y)+" "+r(s.p[1].x)+" "+r(s.p[1].y)+" "+r(s.p[2].x)+" "+r(s.p[2].y))
		case 'Z':
			out = append(out, "Z")
		}
	}
	return strings.Join(out, " ")
}

func TestParsePath(t *testing.T) {
	tests := []struct{ d, want string }{
		{"M43 90h18l-9 13z", "M43 90 L61 90 L52 103 Z"},
		{"M1.5.5L-1-2", "M1.5 0.5 L-1 -2"},
		{"M 1e1,2E-1 l 1 , 1", "M10 0.2 L11 1.2"},
		{"m10 10 20 0 0 20z", "M10 10 L30 10 L30 30 Z"},
		{"M10 10 20 0", "M10 10 L20 0"},
		{"M0 0H10V10H0Z", "M0 0 L10 0 L10 10 L0 10 Z"},
		{"M0 0h10v10h-10z m5 5 l1 1", "M0 0 L10 0 L10 10 L0 10 Z M5 5 L6 6"},
		{"M0 0C1 1 2 2 3 3S5 5 6 6", "M0 0 C1 1 2 2 3 3 C4 4 5 5 6 6"},
		{"M0 0c1 1 2 2 3 3s2 2 3 3", "M0 0 C1 1 2 2 3 3 C4 4 5 5 6 6"},
		{"M0 0S5 5 6 6", "M0 0 C0 0 5 5 6 6"},
		{"M0 0Q3 3 6 0T12 0", "M0 0 C2 2 4 2 6 0 C8 -2 10 -2 12 0"},
		{"M0 0q3 3 6 0t6 0", "M0 0 C2 2 4 2 6 0 C8 -2 10 -2 12 0"},
		{"M0 0A10 10 0 0 1 20 0", "M0 0 C0 -5.523 4.477 -10 10 -10 C15.523 -10 20 -5.523 20 0"},
		{"M0 0a10 10 0 0120 0", "M0 0 C0 -5.523 4.477 -10 10 -10 C15.523 -10 20 -5.523 20 0"},
		{"M0 0A10 10 0 0 0 20 0", "M0 0 C0 5.523 4.477 10 10 10 C15.523 10 20 5.523 20 0"},
		{"M0 0A1 1 0 0 1 20 0", "M0 0 C0 -5.523 4.477 -10 10 -10 C15.523 -10 20 -5.523 20 0"}, // radii scaled up
		{"M0 0A0 5 0 0 1 20 0", "M0 0 L20 0"},
		{"M0 0A5 5 0 0 1 0 0", "M0 0"},
		{"", ""},
	}
	for _, tt := range tests {
		segs, err := parsePath(tt.d)
		if err != nil {
			t.Errorf("parsePath(%q): %v", tt.d, err)
			continue
		}
		if got := fmtSegs(segs); got != tt.want {
			t.Errorf("parsePath(%q)\n got %s\nwant %s", tt.d, got, tt.want)
		}
	}
	for _, d := range []string{"L1 2", "M1", "M1 2 X3", "M0 0A1 1 0 2 1 3 3", "M0 0L1 2 3", "M0 0L1e999 0", "M0 0 L .", "M0 0 z 1 2", "M0 0 €"} {
		if _, err := parsePath(d); err == nil {
			t.Errorf("parsePath(%q) accepted", d)
		}
	}
	// A large arc goes the long way round: three quarters of a circle or more.
	segs, _ := parsePath("M10 0A10 10 0 1 1 0 -10")
	if n := len(segs) - 1; n != 3 {
		t.Errorf("a three-quarter arc took %d Béziers, want 3", n)
	}
}

// TestParsePaint: a paint is none, transparent or a colour in
// build/colour's grammar (tested there).
func TestParsePaint(t *testing.T) {
	tests := []struct {
		in   string
		want paint
	}{
		{"#fff", paint{c: colour.RGB{R: 255, G: 255, B: 255}}},
		{"#0B5394", paint{c: colour.RGB{R: 0x0b, G: 0x53, B: 0x94}}},
		{" black ", paint{}},
		{"White", paint{c: colour.RGB{R: 255, G: 255, B: 255}}},
		{"none", paint{none: true}},
		{" None", paint{none: true}},
		{"transparent", paint{none: true}},
		{"rgb(255, 0, 10)", paint{c: colour.RGB{R: 255, B: 10}}},
		{"rgb(100%,0%,50%)", paint{c: colour.RGB{R: 255, B: 128}}},
		{"rgb(300 -1 0)", paint{c: colour.RGB{R: 255}}},
	}
	for _, tt := range tests {
		got, err := parsePaint(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("parsePaint(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"#ffff", "#ggg", "rgb(1,2)", "url(#grad)", "currentColor", "", "rgb(a,b,c)"} {
		if _, err := parsePaint(bad); err == nil || !strings.Contains(err.Error(), "or none") {
			t.Errorf("parsePaint(%q) = %v: want an error that offers none", bad, err)
		}
	}
}

func TestParseCSS(t *testing.T) {
	css := `/* c */ .a{fill:#111} @media (prefers-color-scheme:dark){.a{fill:#222}} @import "x.css";
	@media print{.a,.b{fill:#000;stroke:#fff !important}.c{stroke-width:2}} @media screen{.c{stroke-width:9}}
	rect{fill:red} .x .y{fill:red} .ok-1_2{ font-size : 10 ; } @media all {.d{fill:none}} @media print {.unclosed{fill:#123`
	rules := parseCSS(css)
	var got []string
	for _, r := range rules {
		got = append(got, "."+strings.Join(r.classes, ",.")+"{"+fmtDecls(r.decls)+"}")
	}
	want := ".a{fill=#111} .a,.b{fill=#000;stroke=#fff} .c{stroke-width=2} .ok-1_2{font-size=10} .d{fill=none} .unclosed{fill=#123}"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("parseCSS\n got %s\nwant %s", g, want)
	}
	for _, s := range []string{"{", "}", "@media print{", ".a{", "@media{{{{{{{{.a{fill:red}", "/*", ".a{fill:red;:;;x}"} {
		parseCSS(s) // must not panic
	}
}

// TestParseCSSAsBrowsers: what the CSS parser reads as a browser does,
// where splitting the text at braces and semicolons would not.
func TestParseCSSAsBrowsers(t *testing.T) {
	tests := []struct{ css, want string }{
		{`.a{font-family:"x;y}";fill:red}`, `.a{font-family="x;y}";fill=red}`},
		{`.a{fill:red ! IMPORTANT;stroke:/* c */blue}`, `.a{fill=red;stroke=blue}`},
		{`.A{Fill:Red}`, `.A{fill=Red}`},
		{`.a{fill:red;;:x;bad;stroke:blue}`, `.a{fill=red;stroke=blue}`},
		{`.a{fill:red; .b{fill:blue} stroke:green}`, `.a{fill=red;stroke=green}`}, // a nested rule is not a single class
		{`.1a{fill:red} .a\31{fill:red} .é{fill:red}`, `.é{fill=red}`},            // class selectors are CSS identifiers
		{`@font-face{fill:red} @supports (x:y){.a{fill:red}} .b{fill:blue}`, `.b{fill=blue}`},
		{`@media print{@media all{@media print{@media print{.a{fill:red}@media print{.b{fill:red}}}}}}`, `.a{fill=red}`},
		{`} .a{fill:red}`, `.a{fill=red}`},
		{`.a , .b,g{fill:red}`, `.a,.b{fill=red}`},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range parseCSS(tt.css) {
			got = append(got, "."+strings.Join(r.classes, ",.")+"{"+fmtDecls(r.decls)+"}")
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("parseCSS(%q)\n got %s\nwant %s", tt.css, g, tt.want)
		}
	}
}

func TestDeclarations(t *testing.T) {
	tests := []struct{ style, want string }{
		{"fill: red; Stroke : #00F ", "fill=red;stroke=#00F"},
		{"fill:red;;bad;stroke-width:2px", "fill=red;stroke-width=2px"},
		{"stroke-dasharray: 1 , 2 3", "stroke-dasharray=1,2 3"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := fmtDecls(declarations(tt.style)); got != tt.want {
			t.Errorf("declarations(%q) = %s, want %s", tt.style, got, tt.want)
		}
	}
}

// FuzzParseCSS: any style sheet reads without a panic into rules whose
// classes are identifiers and whose properties are lower case.
func FuzzParseCSS(f *testing.F) {
	for _, s := range []string{
		`/* c */ .a{fill:#111} @media (prefers-color-scheme:dark){.a{fill:#222}} @import "x.css";`,
		`@media print{.a,.b{fill:#000;stroke:#fff !important}.c{stroke-width:2}}`,
		`.a{font-family:"x;y}"} @media{{{{.a{fill:red}`, `.a{fill:red;:;;x}`, "/*", "{", "}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range parseCSS(s) {
			if len(r.classes) == 0 {
				t.Fatalf("a rule without a class in %q", s)
			}
			for _, c := range r.classes {
				if _, ok := classSelector("." + c); !ok {
					t.Fatalf("class %q from %q", c, s)
				}
			}
			for _, d := range r.decls {
				if d.prop != strings.ToLower(d.prop) || d.val != strings.TrimSpace(d.val) {
					t.Fatalf("declaration %q: %q from %q", d.prop, d.val, s)
				}
			}
		}
		declarations(s)
	})
}

func fmtDecls(d []decl) string {
	var s []string
	for _, p := range d {
		s = append(s, p.prop+"="+p.val)
	}
	return strings.Join(s, ";")
}

func TestTransform(t *testing.T) {
	tests := []struct {
		in   string
		want matrix
	}{
		{"translate(10 20)", matrix{1, 0, 0, 1, 10, 20}},
		{"translate(10)", matrix{1, 0, 0, 1, 10, 0}},
		{"scale(2)", matrix{2, 0, 0, 2, 0, 0}},
		{"translate(10,20) scale(2 3)", matrix{2, 0, 0, 3, 10, 20}},
		{"matrix(1 2 3 4 5 6)", matrix{1, 2, 3, 4, 5, 6}},
		{"rotate(90)", matrix{0, 1, -1, 0, 0, 0}},
	}
	for _, tt := range tests {
		got, err := parseTransform(tt.in)
		if err != nil {
			t.Errorf("parseTransform(%q): %v", tt.in, err)
			continue
		}
		for i := range got {
			if d := got[i] - tt.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("parseTransform(%q) = %v, want %v", tt.in, got, tt.want)
				break
			}
		}
	}
	for _, bad := range []string{"translate(1 2 3)", "spin(3)", "scale(", "matrix(1 2 3)", "skewX(90)"} {
		if _, err := parseTransform(bad); err == nil {
			t.Errorf("parseTransform(%q) accepted", bad)
		}
	}
}

// TestCascade: presentation attributes, inherited through <g>, give way
// to the class rules that apply to print; a child's own attribute beats
// what it inherits; the style attribute beats everything.
func TestCascade(t *testing.T) {
	src := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<style>.t{fill:#1d1d1f}.box{stroke:#0b5394}@media (prefers-color-scheme:dark){.t{fill:#eee}}@media print{.t{fill:#000}.box{stroke:#000}.ac{fill:#000}.num{fill:#fff;stroke:#000;stroke-width:2}}</style>
<g class="t" fill="#1d1d1f" font-size="20"><text x="1" y="2">a</text><text x="1" y="2" fill="#f00">b</text><g font-weight="bold" text-anchor="end"><text x="1" y="2" font-size="8">c</text></g></g>
<g class="box" fill="#f3f4f6" stroke="#0b5394" stroke-width="2" stroke-dasharray="8 6"><rect width="10" height="10" rx="2"/></g>
<g class="ac num" fill="#0b5394"><circle cx="5" cy="5" r="2"/></g>
<rect class="t" width="1" height="1" style="fill: #00f"/>
<g display="none"><rect width="1" height="1"/></g>
<line x1="0" y1="0" x2="1" y2="1"/>
</svg>`
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		fill, stroke string
		width        float64
		size         float64
		bold         bool
		anchor       int
		dash         int
	}
	hex := func(p paint) string {
		if p.none {
			return "none"
		}
		return p.c.Hex()[1:]
	}
	wants := []want{
		{"000000", "none", 1, 20, false, 0, 0},   // class rule for print beats the attribute
		{"ff0000", "none", 1, 20, false, 0, 0},   // own attribute beats the inherited rule
		{"000000", "none", 1, 8, true, 2, 0},     // inherited through two <g>
		{"f3f4f6", "000000", 2, 16, false, 0, 2}, // stroke from print rule, dashes inherited
		{"ffffff", "000000", 2, 16, false, 0, 0}, // .num comes later than .ac and wins
		{"0000ff", "none", 1, 16, false, 0, 0},   // style attribute beats the class rule
		{"000000", "none", 1, 16, false, 0, 0},   // a line: initial values
	}
	if len(d.items) != len(wants) {
		t.Fatalf("%d items, want %d", len(d.items), len(wants))
	}
	for i, w := range wants {
		st := d.items[i].st
		got := want{hex(st.fill), hex(st.stroke), st.width, st.size, st.bold, st.anchor, len(st.dash)}
		if got != w {
			t.Errorf("item %d (line %d): got %+v, want %+v", i, d.items[i].line, got, w)
		}
	}
	if !d.items[6].open {
		t.Error("a line must not be filled")
	}
}
