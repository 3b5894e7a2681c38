// Package qr encodes a byte string as a QR Code symbol (ISO/IEC 18004):
// byte mode, error correction level M, the smallest of versions 1 to 10
// that holds the data, and the mask the standard's penalty rules choose.
// It draws nothing: a Symbol says which modules are dark, and the caller
// paints them (print draws them as vector rectangles on the cover).
//
// Level M restores about 15 % of the codewords: enough to survive a smudge,
// a fold or a staple on a printed cover, while keeping the symbol smaller
// than Q or H would for the same address.
package qr

import (
	"errors"
	"fmt"
)

// MaxVersion is the largest version Encode makes: 57×57 modules, 213
// bytes at level M, room for any web address a cover prints.
const MaxVersion = 10

// ErrTooLong is returned for data that no version up to MaxVersion holds.
var ErrTooLong = errors.New("qr: data too long")

// Symbol is an encoded QR Code: Size×Size modules, (0, 0) at the top left.
type Symbol struct {
	Version int // 1 to MaxVersion
	Size    int // 17 + 4×Version modules a side, quiet zone not included
	Mask    int // 0 to 7, the pattern chosen by the penalty rules
	dark    []bool
}

// Dark reports whether the module in column x, row y is dark. Outside the
// symbol (the quiet zone) every module is light.
func (s *Symbol) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= s.Size || y >= s.Size {
		return false
	}
	return s.dark[y*s.Size+x]
}

// Encode encodes data in byte mode at level M, in the smallest version
// that holds it.
func Encode(data []byte) (*Symbol, error) {
	v := 0
	for n := 1; n <= MaxVersion; n++ {
		if len(data) <= Capacity(n) {
			v = n
			break
		}
	}
	if v == 0 {
		return nil, fmt.Errorf("%w: %d bytes, version %d at level M holds %d", ErrTooLong, len(data), MaxVersion, Capacity(MaxVersion))
	}
	codewords := interleave(v, dataCodewords(v, data))
	g := newGrid(v)
	g.drawFunctionPatterns()
	g.placeCodewords(codewords)
	best, bestScore := 0, -1
	for mask := 0; mask < 8; mask++ {
		g.applyMask(mask)
		g.drawFormat(mask)
		if score := g.penalty(); bestScore < 0 || score < bestScore {
			best, bestScore = mask, score
		}
		g.applyMask(mask) // masking is its own inverse
	}
	g.applyMask(best)
	g.drawFormat(best)
	return &Symbol{Version: v, Size: g.size, Mask: best, dark: g.dark}, nil
}

// block is the shape of a version's error correction at level M: blocks
// short blocks of data codewords, then long ones holding one more, each
// followed by ec codewords of Reed–Solomon remainder (ISO/IEC 18004
// table 9).
type block struct {
	ec, short, shortData, long int
}

var blocksM = [MaxVersion + 1]block{
	1: {10, 1, 16, 0}, 2: {16, 1, 28, 0}, 3: {26, 1, 44, 0}, 4: {18, 2, 32, 0}, 5: {24, 2, 43, 0},
	6: {16, 4, 27, 0}, 7: {18, 4, 31, 0}, 8: {22, 2, 38, 2}, 9: {22, 3, 36, 2}, 10: {26, 4, 43, 1},
}

// numData is the number of data codewords of version v at level M.
func numData(v int) int {
	b := blocksM[v]
	return b.short*b.shortData + b.long*(b.shortData+1)
}

// countBits is the width of byte mode's character count: 8 bits up to
// version 9, 16 from version 10.
func countBits(v int) int {
	if v < 10 {
		return 8
	}
	return 16
}

// Capacity is the number of bytes version v holds at level M.
func Capacity(v int) int {
	return (numData(v)*8 - 4 - countBits(v)) / 8
}

// dataCodewords is data as version v's data codewords: the byte mode
// indicator, the count, the bytes, a terminator and the standard's
// alternating pad bytes.
func dataCodewords(v int, data []byte) []byte {
	var w bitWriter
	w.put(0b0100, 4)
	w.put(len(data), countBits(v))
	for _, b := range data {
		w.put(int(b), 8)
	}
	capBits := numData(v) * 8
	w.put(0, min(4, capBits-w.n))
	w.put(0, (8-w.n%8)%8)
	for pad := 0xEC; len(w.bytes) < numData(v); pad ^= 0xEC ^ 0x11 {
		w.put(pad, 8)
	}
	return w.bytes
}

// bitWriter appends bits, most significant first.
type bitWriter struct {
	bytes []byte
	n     int // bits written
}

func (w *bitWriter) put(value, bits int) {
	for i := bits - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.bytes = append(w.bytes, 0)
		}
		if value>>i&1 == 1 {
			w.bytes[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// interleave splits data into version v's blocks, adds each block's error
// correction, and interleaves them: the first codeword of every block,
// then the second, and so on, data then error correction, so that a
// smudge spreads its damage over the blocks.
func interleave(v int, data []byte) []byte {
	b := blocksM[v]
	gen := generator(b.ec)
	var blocks, ecs [][]byte
	for i := 0; i < b.short+b.long; i++ {
		n := b.shortData
		if i >= b.short {
			n++
		}
		blocks = append(blocks, data[:n])
		ecs = append(ecs, remainder(data[:n], gen))
		data = data[n:]
	}
	var out []byte
	for i := 0; i <= b.shortData; i++ {
		for _, blk := range blocks {
			if i < len(blk) {
				out = append(out, blk[i])
			}
		}
	}
	for i := 0; i < b.ec; i++ {
		for _, e := range ecs {
			out = append(out, e[i])
		}
	}
	return out
}
