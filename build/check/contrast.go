// Package check holds the quality rules that judge built or parsed output:
// colour contrast of the theme, links and anchors, and page weight.
package check

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"sobre/build/diag"
	"sobre/build/web"
)

// ParseColor reads #rgb or #rrggbb into 0–1 channels.
func ParseColor(s string) (r, g, b float64, err error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 || !strings.HasPrefix(strings.TrimSpace(s), "#") {
		return 0, 0, 0, fmt.Errorf("%q is not a colour: write it as #rrggbb", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("%q is not a colour: write it as #rrggbb", s)
	}
	return float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, nil
}

// luminance is WCAG 2.2's relative luminance.
func luminance(r, g, b float64) float64 {
	lin := func(c float64) float64 {
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// ContrastRatio returns the WCAG contrast ratio of two colours (1 to 21).
func ContrastRatio(a, b string) (float64, error) {
	ar, ag, ab, err := ParseColor(a)
	if err != nil {
		return 0, err
	}
	br, bg, bb, err := ParseColor(b)
	if err != nil {
		return 0, err
	}
	la, lb := luminance(ar, ag, ab), luminance(br, bg, bb)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), nil
}

// Contrast checks every declared pair of the theme in both schemes. Ratios
// are truncated, not rounded, to two decimals before comparing: 4.499 fails.
func Contrast(c web.Colors) diag.List {
	var l diag.List
	for _, scheme := range []struct {
		name string
		p    web.Palette
	}{{"light", c.Light}, {"dark", c.Dark}} {
		for _, pair := range c.Pairs {
			fg, okf := scheme.p[pair.Fg]
			bg, okb := scheme.p[pair.Bg]
			line := c.Lines[scheme.name+"."+pair.Fg]
			if !okf || !okb {
				missing := pair.Fg
				if okf {
					missing = pair.Bg
				}
				l.Errorf(c.File, line, "contrast", "[%s] has no colour %q, which a pair uses: add it", scheme.name, missing)
				continue
			}
			ratio, err := ContrastRatio(fg, bg)
			if err != nil {
				l.Errorf(c.File, line, "contrast", "[%s]: %v", scheme.name, err)
				continue
			}
			if math.Floor(ratio*100)/100 < pair.Min {
				l.Errorf(c.File, line, "contrast", "[%s] %s %s on %s %s has a contrast of %.2f:1, under the %.1f:1 WCAG asks: darken or lighten one of them",
					scheme.name, pair.Fg, fg, pair.Bg, bg, ratio, pair.Min)
			}
		}
	}
	return l
}
