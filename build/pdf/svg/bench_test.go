package svg_test

import (
	"testing"

	"sobre/build/pdf/svg"
)

// BenchmarkParse reads the site's diagrams: XML, style sheets, paths.
func BenchmarkParse(b *testing.B) {
	data := diagrams(b)
	for b.Loop() {
		for _, d := range data {
			if _, err := svg.Parse(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkContent draws the site's diagrams as PDF operators.
func BenchmarkContent(b *testing.B) {
	fs := fonts(b)
	var drawings []*svg.Drawing
	for _, d := range diagrams(b) {
		dr, err := svg.Parse(d)
		if err != nil {
			b.Fatal(err)
		}
		drawings = append(drawings, dr)
	}
	for b.Loop() {
		for _, dr := range drawings {
			if _, err := dr.Content(56, 786, 480, fs, namer(fs)); err != nil {
				b.Fatal(err)
			}
		}
	}
}
