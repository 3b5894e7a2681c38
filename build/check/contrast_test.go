package check

import (
	"math"
	"strings"
	"testing"

	"sobre/build/colour"
)

func TestContrastRatio(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#fff", "#fff", 1},
		{"#767676", "#ffffff", 4.54},
		{"#777777", "#ffffff", 4.48},
		{"#0b5394", "#ffffff", 7.84},
		{"blue", "white", 8.59},
		{"rgb(11, 83, 148)", "#FFF", 7.84},
	}
	for _, tt := range tests {
		got, err := ContrastRatio(tt.a, tt.b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-tt.want) > 0.01 {
			t.Errorf("ContrastRatio(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	for _, bad := range [][2]string{{"bleu", "#fff"}, {"#000", "#ffff"}, {"none", "#fff"}} {
		if _, err := ContrastRatio(bad[0], bad[1]); err == nil || !strings.Contains(err.Error(), "malformed colour") {
			t.Errorf("ContrastRatio(%s, %s): %v; want a message that names the malformed colour", bad[0], bad[1], err)
		}
	}
}

func TestContrast(t *testing.T) {
	c := colour.Theme{
		File:  "themes/default/theme.toml",
		Light: colour.Palette{"bg": "#ffffff", "text": "#777777", "ok": "#000000"},
		Dark:  colour.Palette{"bg": "#000000", "text": "#ffffff", "ok": "#ffffff"},
		Pairs: []colour.Pair{{Fg: "text", Bg: "bg", Min: 4.5}, {Fg: "ok", Bg: "bg", Min: 4.5}, {Fg: "gone", Bg: "bg", Min: 3}},
		Lines: map[string]int{"light.text": 7},
	}
	probs := Contrast(c)
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.String())
	}
	got := strings.Join(msgs, "\n")
	if !strings.Contains(got, "themes/default/theme.toml:7: [light] text #777777 on bg #ffffff has a contrast of 4.48:1") {
		t.Errorf("missing the light text failure:\n%s", got)
	}
	if strings.Contains(got, "[dark] text") || strings.Contains(got, " ok ") {
		t.Errorf("passing pairs reported:\n%s", got)
	}
	if strings.Count(got, `has no colour "gone"`) != 2 {
		t.Errorf("a missing colour must be reported in both schemes:\n%s", got)
	}
}
