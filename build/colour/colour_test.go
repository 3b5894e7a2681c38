package colour

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want RGB
	}{
		{"#fff", RGB{255, 255, 255}},
		{"#0B5394", RGB{0x0b, 0x53, 0x94}},
		{"#1d1d1f", RGB{0x1d, 0x1d, 0x1f}},
		{" black ", RGB{}},
		{"White", RGB{255, 255, 255}},
		{"grey", RGB{128, 128, 128}},
		{"rgb(255, 0, 10)", RGB{R: 255, B: 10}},
		{"rgb(100%,0%,50%)", RGB{R: 255, B: 128}},
		{"rgb(300 -1 0)", RGB{R: 255}},
		{"RGB( 1 , 2 , 3 )", RGB{1, 2, 3}},
		{"rgb(0.4, 0.6, 254.5)", RGB{0, 1, 255}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, bad := range []string{
		"", "#", "#ffff", "#ggg", "#12", "fff", "#fffffff", "#-12345",
		"rgb(1,2)", "rgb(1,2,3,4)", "rgb(a,b,c)", "rgb(NaN,0,0)", "rgb(1,2,3", "rgba(1,2,3,1)",
		"url(#grad)", "currentColor", "none", "transparent", "bleu",
	} {
		if c, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %v, accepted", bad, c)
		} else if !strings.Contains(err.Error(), "malformed colour") {
			t.Errorf("Parse(%q): %v: the message does not say what is wrong", bad, err)
		}
	}
}

func TestChannels(t *testing.T) {
	tests := []struct {
		c       RGB
		r, g, b float64
	}{
		{RGB{}, 0, 0, 0},
		{RGB{255, 255, 255}, 1, 1, 1},
		{RGB{51, 102, 0}, 0.2, 0.4, 0},
	}
	for _, tt := range tests {
		if r, g, b := tt.c.Channels(); r != tt.r || g != tt.g || b != tt.b {
			t.Errorf("%v.Channels() = %g %g %g, want %g %g %g", tt.c, r, g, b, tt.r, tt.g, tt.b)
		}
	}
}

// FuzzParse: Parse never panics, and what it accepts it reads again the
// same once written as #rrggbb.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"#fff", "#0b5394", "rgb(1, 2, 3)", "rgb(10% 20% 30%)", "navy", "#ggg", "rgb(,,)", "rgb(1e400,0,0)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			return
		}
		again, err := Parse(c.Hex())
		if err != nil || again != c {
			t.Fatalf("Parse(%q) = %v, written %s, read again %v, %v", s, c, c.Hex(), again, err)
		}
	})
}
