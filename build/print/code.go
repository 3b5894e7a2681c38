package print

import (
	"fmt"

	"sobre/build/pdf"
	"sobre/build/qr"
)

// A QR code on paper: the standard's quiet zone of 4 light modules
// around it, modules of at least 0.5 mm (what a phone's camera resolves
// at reading distance), and some 25 mm a side, which reads at arm's
// length and after a photocopy.
const (
	qrQuiet     = 4
	qrMinModule = 0.5 * 72 / 25.4
	qrWidth     = 25 * 72 / 25.4
)

// qrModule is the side of one module of s, in points.
func qrModule(s *qr.Symbol) float64 {
	return max(qrWidth/float64(s.Size), qrMinModule)
}

// qrSide is the side of s without its quiet zone, in points.
func qrSide(s *qr.Symbol) float64 {
	return qrModule(s) * float64(s.Size)
}

// code draws s in the frame under a line, after its quiet zone, in
// black: each run of dark modules in a row is one rectangle, which keeps
// the page small. It is an artifact: the line above prints the address
// the code opens, which a screen reader reads there; the code would only
// say it again.
func (pp *pagePainter) code(pl *placed, s *qr.Symbol) {
	c, m := pp.c, qrModule(s)
	top := pl.y - qrQuiet*m
	c.BeginArtifact(layout)
	c.WriteString("q 0 g\n")
	for y := 0; y < s.Size; y++ {
		for x := 0; x < s.Size; {
			if !s.Dark(x, y) {
				x++
				continue
			}
			run := x
			for run < s.Size && s.Dark(run, y) {
				run++
			}
			fmt.Fprintf(c, "%s %s %s %s re\n", pdf.Num(pl.x+float64(x)*m), pdf.Num(top-float64(y+1)*m), pdf.Num(float64(run-x)*m), pdf.Num(m))
			x = run
		}
	}
	c.WriteString("f Q\n")
	c.End()
}
