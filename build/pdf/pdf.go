// Package pdf writes PDF files: numbered objects, streams, the
// cross-reference table and the trailer (pdf.go); fonts build/font parsed,
// embedded as subsets (font.go); images (image.go); and the structure of
// a tagged document as typed builders, so that callers never write
// dictionary syntax: the structure tree with its marked content and link
// annotations (structure.go, content.go), pages, catalog, outline and
// XMP metadata (document.go), and a text dump of the tree for tests
// (dump.go). It knows nothing of Markdown or of line breaking:
// build/typeset decides where things go, this package writes them down.
package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
)

// Ref is an indirect object's number.
type Ref int

func (r Ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// Writer collects a document's objects. Object bodies are PDF syntax.
type Writer struct {
	objs   [][]byte
	stream []bool // objs[i] is a stream: it cannot go in an object stream
}

// Alloc reserves an object number, for objects that refer to each other.
func (w *Writer) Alloc() Ref {
	w.objs = append(w.objs, nil)
	w.stream = append(w.stream, false)
	return Ref(len(w.objs))
}

// Set writes the body of a reserved object.
func (w *Writer) Set(r Ref, body string) { w.objs[r-1] = []byte(body) }

// Add writes a new object and returns its number.
func (w *Writer) Add(body string) Ref {
	r := w.Alloc()
	w.Set(r, body)
	return r
}

// AddStream writes a stream object, compressed unless raw; dict holds
// the dictionary's entries other than /Length and /Filter.
func (w *Writer) AddStream(dict string, data []byte, raw bool) Ref {
	filter := ""
	if !raw {
		data = deflate(data)
		filter = " /Filter /FlateDecode"
	}
	r := w.Alloc()
	w.objs[r-1] = append([]byte(fmt.Sprintf("<< %s /Length %d%s >>\nstream\n", dict, len(data), filter)), append(data, []byte("\nendstream")...)...)
	w.stream[r-1] = true
	return r
}

// zlibs keeps compressors for reuse: making one allocates some 800 KB,
// more than most streams of a booklet weigh.
var zlibs = sync.Pool{New: func() any {
	z, _ := zlib.NewWriterLevel(nil, compression)
	return z
}}

// compression is the deflate level: on the handout's streams, level 5
// gives files 1 % larger than level 9 in half its time; level 6, 0.3 %
// smaller than 5 for a third more time.
const compression = 5

func deflate(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/4 + 64) // page operators deflate to a fifth or so
	z := zlibs.Get().(*zlib.Writer)
	z.Reset(&b)
	z.Write(data)
	z.Close()
	zlibs.Put(z)
	return b.Bytes()
}

// Deflate compresses a stream's data as AddStream does, for a stream
// written in more than one file (AddDeflated).
func Deflate(data []byte) []byte { return deflate(data) }

// AddDeflated writes a stream object whose data Deflate compressed.
func (w *Writer) AddDeflated(dict string, data []byte) Ref {
	r := w.Alloc()
	w.objs[r-1] = append([]byte(fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n", dict, len(data))), append(data, []byte("\nendstream")...)...)
	w.stream[r-1] = true
	return r
}

// Bytes writes the file. The document ID is a hash of its content, so the
// same document gives the same bytes (no date, no random ID).
func (w *Writer) Bytes(root Ref) []byte { return w.BytesInfo(root, 0) }

// BytesInfo is Bytes with a document information dictionary.
//
// Objects that are not streams (the structure tree's thousands of small
// dictionaries above all) go into compressed object streams, indexed by
// a cross-reference stream (PDF 1.5): a tagged booklet is then a quarter
// of its size with a plain cross-reference table.
func (w *Writer) BytesInfo(root, info Ref) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	n := len(w.objs)
	type loc struct{ kind, a, b int } // 1: offset; 2: object stream, index
	locs := make([]loc, n+1)
	h := sha256.New()
	for _, body := range w.objs {
		h.Write(body)
	}
	id := hex.EncodeToString(h.Sum(nil)[:16])
	write := func(num int, body []byte) {
		locs[num] = loc{1, b.Len(), 0}
		fmt.Fprintf(&b, "%d 0 obj\n", num)
		b.Write(body)
		b.WriteString("\nendobj\n")
	}
	for i, body := range w.objs {
		if w.stream[i] {
			write(i+1, body)
		}
	}
	// Object streams of up to 200 objects each, numbered after the rest.
	next := n + 1
	var packed []int
	for i := range w.objs {
		if !w.stream[i] {
			packed = append(packed, i+1)
		}
	}
	var objStms [][]byte
	for start := 0; start < len(packed); start += 200 {
		group := packed[start:min(start+200, len(packed))]
		var head, body bytes.Buffer
		for k, num := range group {
			fmt.Fprintf(&head, "%d %d ", num, body.Len())
			body.Write(w.objs[num-1])
			body.WriteByte('\n')
			locs = append(locs, loc{})
			locs[num] = loc{2, next, k}
		}
		data := append(head.Bytes(), body.Bytes()...)
		z := deflate(data)
		objStms = append(objStms, []byte(fmt.Sprintf("<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(group), head.Len(), len(z), z)))
		next++
	}
	for len(locs) < next+1 { // room for the cross-reference stream itself
		locs = append(locs, loc{})
	}
	locs = locs[:next+1]
	for k, o := range objStms {
		write(n+1+k, o)
	}
	xrefNum := next
	xrefAt := b.Len()
	locs[xrefNum] = loc{1, xrefAt, 0}
	var x bytes.Buffer
	for num := 0; num <= xrefNum; num++ {
		l := locs[num]
		switch {
		case num == 0:
			x.Write([]byte{0, 0, 0, 0, 0, 0xff, 0xff})
		case l.kind == 1:
			x.Write([]byte{1, byte(l.a >> 24), byte(l.a >> 16), byte(l.a >> 8), byte(l.a), 0, 0})
		default:
			x.Write([]byte{2, byte(l.a >> 24), byte(l.a >> 16), byte(l.a >> 8), byte(l.a), byte(l.b >> 8), byte(l.b)})
		}
	}
	infoEntry := ""
	if info > 0 {
		infoEntry = " /Info " + info.String()
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %s%s /ID [<%s> <%s>] /Length %d >>\nstream\n", xrefNum, xrefNum+1, root, infoEntry, id, id, x.Len())
	b.Write(x.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return b.Bytes()
}

// Name writes a PDF name, escaping what names cannot hold.
func Name(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '!' || c > '~' || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// literal escapes a literal string; built once, as making a replacer
// costs more than using it, and Text writes every tag of a booklet.
var literal = strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)

// Text writes a text string: plain when ASCII, else UTF-16BE with its
// byte order mark, as PDF asks for text outside PDFDocEncoding.
func Text(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			ascii = false
		}
	}
	if ascii {
		return "(" + literal.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(hexDigits[u>>12])
		b.WriteByte(hexDigits[u>>8&15])
		b.WriteByte(hexDigits[u>>4&15])
		b.WriteByte(hexDigits[u&15])
	}
	b.WriteString(">")
	return b.String()
}

// Num writes a number with at most three decimals and no trailing zeros:
// PDF has no exponents, and fewer digits make smaller, stable files.
func Num(f float64) string {
	// Most numbers of a page are whole or have few decimals: written
	// from an integer count of thousandths, without the float formatter.
	if m := math.Round(f * 1000); math.Abs(m) < 1e15 {
		n := int64(m)
		neg := n < 0
		if neg {
			n = -n
		}
		whole, frac := n/1000, n%1000
		var b [24]byte
		out := b[:0]
		if neg && n != 0 {
			out = append(out, '-')
		}
		out = strconv.AppendInt(out, whole, 10)
		if frac != 0 {
			d := [3]byte{byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
			k := 3
			for d[k-1] == '0' {
				k--
			}
			out = append(out, '.')
			out = append(out, d[:k]...)
		}
		return string(out)
	}
	s := strconv.FormatFloat(f, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
