// Package check holds the quality rules that judge built or parsed output:
// colour contrast of the theme, links and anchors, and page weight; the
// content rules and reading ease of a page (lint.go, readability.go); the
// easy-to-read rules of an easy-to-read edition (easyread.go).
package check

import (
	"math"

	"sobre/build/colour"
	"sobre/build/diag"
)

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

// ContrastRatio returns the WCAG contrast ratio of two colours (1 to 21),
// written as build/colour reads them.
func ContrastRatio(a, b string) (float64, error) {
	ca, err := colour.Parse(a)
	if err != nil {
		return 0, err
	}
	cb, err := colour.Parse(b)
	if err != nil {
		return 0, err
	}
	la, lb := luminance(ca.Channels()), luminance(cb.Channels())
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05), nil
}

// Contrast checks every declared pair of the theme in both schemes. Ratios
// are truncated, not rounded, to two decimals before comparing: 4.499 fails.
func Contrast(c colour.Theme) diag.List {
	var l diag.List
	for _, scheme := range []struct {
		name string
		p    colour.Palette
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
