// Package testpng makes PNG files that claim to be huge, for tests of the
// input budgets: a few hundred bytes whose header declares w×h pixels, what
// a decoder sizes its memory by before it reads a row.
package testpng

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
)

// Of returns a PNG of w×h 8-bit RGBA pixels holding its first rows only
// (rows > 0), or no picture data at all (rows == 0): all that
// image.DecodeConfig reads, and a full decoder would fail after
// allocating the whole picture.
func Of(w, h uint32, rows int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := append([]byte(kind), data...)
		b.Write(c)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(c))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	chunk("IHDR", append(ihdr, 8, 6, 0, 0, 0))
	if rows > 0 {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(make([]byte, rows*(1+4*int(w)))) // a filter byte, then transparent pixels
		zw.Close()
		chunk("IDAT", z.Bytes())
	}
	chunk("IEND", nil)
	return b.Bytes()
}
