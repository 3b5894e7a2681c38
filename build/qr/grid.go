package qr

// grid is a symbol being drawn: its modules, and which of them belong to
// function patterns (finders, timing, alignment, format and version
// information) that data and masks leave alone.
type grid struct {
	version, size int
	dark, fixed   []bool
}

func newGrid(v int) *grid {
	size := 17 + 4*v
	return &grid{version: v, size: size, dark: make([]bool, size*size), fixed: make([]bool, size*size)}
}

// set draws a function module.
func (g *grid) set(x, y int, dark bool) {
	g.dark[y*g.size+x], g.fixed[y*g.size+x] = dark, true
}

// alignment lists the centres' coordinates of version v's alignment
// patterns (ISO/IEC 18004 annex E).
var alignment = [MaxVersion + 1][]int{
	2: {6, 18}, 3: {6, 22}, 4: {6, 26}, 5: {6, 30}, 6: {6, 34},
	7: {6, 22, 38}, 8: {6, 24, 42}, 9: {6, 26, 46}, 10: {6, 28, 50},
}

// drawFunctionPatterns draws the timing patterns, the three finders with
// their separators, the alignment patterns and the version information,
// and reserves the format information's modules (drawn per mask).
func (g *grid) drawFunctionPatterns() {
	for i := 0; i < g.size; i++ {
		g.set(6, i, i%2 == 0)
		g.set(i, 6, i%2 == 0)
	}
	g.finder(3, 3)
	g.finder(g.size-4, 3)
	g.finder(3, g.size-4)
	pos := alignment[g.version]
	last := len(pos) - 1
	for i, x := range pos {
		for j, y := range pos {
			// None where a finder already stands.
			if !(i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0) {
				g.square(x, y, 2)
			}
		}
	}
	g.drawFormat(0)
	g.drawVersion()
}

// finder draws a finder pattern centred on (cx, cy) with its light
// separator, clipped to the symbol.
func (g *grid) finder(cx, cy int) {
	for dy := -4; dy <= 4; dy++ {
		for dx := -4; dx <= 4; dx++ {
			x, y := cx+dx, cy+dy
			if x < 0 || y < 0 || x >= g.size || y >= g.size {
				continue
			}
			d := max(abs(dx), abs(dy))
			g.set(x, y, d != 2 && d != 4)
		}
	}
}

// square draws an alignment pattern: dark centre and ring of radius r.
func (g *grid) square(cx, cy, r int) {
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			g.set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// formatBits is the 15-bit format information of level M with mask:
// two level bits (M is 00), three mask bits, a BCH(15, 5) remainder, all
// XORed with 101010000010010 so that it is never all light.
func formatBits(mask int) int {
	data := 0b00<<3 | mask
	r := data
	for i := 0; i < 10; i++ {
		r = r<<1 ^ (r>>9)*0x537
	}
	return (data<<10 | r) ^ 0x5412
}

// versionBits is the 18-bit version information: six version bits and a
// BCH(18, 6) remainder.
func versionBits(v int) int {
	r := v
	for i := 0; i < 12; i++ {
		r = r<<1 ^ (r>>11)*0x1F25
	}
	return v<<12 | r
}

// drawFormat draws both copies of the format information for mask, and
// the dark module beside the lower left finder.
func (g *grid) drawFormat(mask int) {
	bits := formatBits(mask)
	bit := func(i int) bool { return bits>>i&1 == 1 }
	for i := 0; i <= 5; i++ {
		g.set(8, i, bit(i))
	}
	g.set(8, 7, bit(6))
	g.set(8, 8, bit(7))
	g.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		g.set(14-i, 8, bit(i))
	}
	for i := 0; i < 8; i++ {
		g.set(g.size-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		g.set(8, g.size-15+i, bit(i))
	}
	g.set(8, g.size-8, true)
}

// drawVersion draws both copies of the version information, which
// versions 7 and up carry beside the upper right and lower left finders.
func (g *grid) drawVersion() {
	if g.version < 7 {
		return
	}
	bits := versionBits(g.version)
	for i := 0; i < 18; i++ {
		dark := bits>>i&1 == 1
		a, b := g.size-11+i%3, i/3
		g.set(a, b, dark)
		g.set(b, a, dark)
	}
}

// placeCodewords lays the codewords' bits, most significant first, in
// the standard's zigzag: two columns at a time from the right, upwards
// then downwards, skipping the vertical timing pattern and every function
// module. Remainder bits stay light.
func (g *grid) placeCodewords(data []byte) {
	i := 0
	for right := g.size - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		upward := (right+1)&2 == 0
		for vert := 0; vert < g.size; vert++ {
			y := vert
			if upward {
				y = g.size - 1 - vert
			}
			for j := 0; j < 2; j++ {
				x := right - j
				if g.fixed[y*g.size+x] || i >= len(data)*8 {
					continue
				}
				g.dark[y*g.size+x] = data[i/8]>>(7-i%8)&1 == 1
				i++
			}
		}
	}
}

// masks are the eight data masks: a module is inverted where its mask
// holds, x the column, y the row.
var masks = [8]func(x, y int) bool{
	func(x, y int) bool { return (x+y)%2 == 0 },
	func(x, y int) bool { return y%2 == 0 },
	func(x, y int) bool { return x%3 == 0 },
	func(x, y int) bool { return (x+y)%3 == 0 },
	func(x, y int) bool { return (x/3+y/2)%2 == 0 },
	func(x, y int) bool { return x*y%2+x*y%3 == 0 },
	func(x, y int) bool { return (x*y%2+x*y%3)%2 == 0 },
	func(x, y int) bool { return ((x+y)%2+x*y%3)%2 == 0 },
}

// applyMask inverts the data modules where mask holds.
func (g *grid) applyMask(mask int) {
	m := masks[mask]
	for y := 0; y < g.size; y++ {
		for x := 0; x < g.size; x++ {
			if !g.fixed[y*g.size+x] && m(x, y) {
				g.dark[y*g.size+x] = !g.dark[y*g.size+x]
			}
		}
	}
}
