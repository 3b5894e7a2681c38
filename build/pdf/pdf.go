// Package pdf writes PDF files: numbered objects, streams, the
// cross-reference table and the trailer, and TrueType fonts embedded as
// subsets. It knows nothing of Markdown or of line breaking: build/typeset
// decides where things go, this package writes them down.
package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Ref is an indirect object's number.
type Ref int

func (r Ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// Writer collects a document's objects. Object bodies are PDF syntax.
type Writer struct {
	objs [][]byte
}

// Alloc reserves an object number, for objects that refer to each other.
func (w *Writer) Alloc() Ref {
	w.objs = append(w.objs, nil)
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
		var b bytes.Buffer
		z, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
		z.Write(data)
		z.Close()
		data = b.Bytes()
		filter = " /Filter /FlateDecode"
	}
	r := w.Alloc()
	w.objs[r-1] = append([]byte(fmt.Sprintf("<< %s /Length %d%s >>\nstream\n", dict, len(data), filter)), append(data, []byte("\nendstream")...)...)
	return r
}

// Bytes writes the file. The document ID is a hash of its content, so the
// same document gives the same bytes (no date, no random ID).
func (w *Writer) Bytes(root Ref) []byte { return w.BytesInfo(root, 0) }

// BytesInfo is Bytes with a document information dictionary.
func (w *Writer) BytesInfo(root, info Ref) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.objs))
	h := sha256.New()
	for i, body := range w.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(body)
		b.WriteString("\nendobj\n")
		h.Write(body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	id := hex.EncodeToString(h.Sum(nil)[:16])
	infoEntry := ""
	if info > 0 {
		infoEntry = " /Info " + info.String()
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %s%s /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, infoEntry, id, id, xref)
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
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// Num writes a number with at most three decimals and no trailing zeros:
// PDF has no exponents, and fewer digits make smaller, stable files.
func Num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
