package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseError is a fault in an XLIFF file, at a line and column.
type ParseError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: xliff: %s", e.File, e.Line, e.Col, e.Msg)
}

// parser reads an XLIFF 2 document token by token, knowing where it is.
type parser struct {
	name string
	data []byte
	d    *xml.Decoder
}

// Parse reads an XLIFF 2.0 or 2.1 file. Every fault is a *ParseError
// with the line and column where the reading stopped.
func Parse(name string, data []byte) (*Doc, error) {
	p := &parser{name: name, data: data, d: xml.NewDecoder(bytes.NewReader(data))}
	p.d.Strict = true
	doc, err := p.document()
	if err == nil {
		return doc, nil
	}
	var pe *ParseError
	if errors.As(err, &pe) {
		return nil, pe
	}
	line, col := p.pos(p.d.InputOffset())
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
		err = errors.New(se.Msg)
	}
	if errors.Is(err, io.EOF) {
		err = errors.New("the file ends before its last element is closed")
	}
	return nil, &ParseError{File: name, Line: line, Col: col, Msg: err.Error()}
}

func (p *parser) pos(off int64) (line, col int) {
	off = min(max(off, 0), int64(len(p.data)))
	before := p.data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return line, col
}

func (p *parser) errorf(format string, args ...any) error {
	line, col := p.d.InputPos()
	return &ParseError{File: p.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// next is the next start or end element, skipping text between them,
// comments and processing instructions.
func (p *parser) next() (xml.Token, error) {
	for {
		t, err := p.d.Token()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement, xml.EndElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return nil, p.errorf("text %q outside any element that holds text", clip(string(t)))
			}
		}
	}
}

func (p *parser) document() (*Doc, error) {
	for {
		t, err := p.next()
		if err == io.EOF {
			return nil, p.errorf("no <xliff> element: is this an XLIFF file?")
		}
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok {
			if se.Name.Local != "xliff" || se.Name.Space != nsCore && se.Name.Space != "urn:oasis:names:tc:xliff:document:2.1" {
				return nil, p.errorf("the root is <%s> (%s), not an XLIFF 2 <xliff>: export the file with sobre xliff export", se.Name.Local, se.Name.Space)
			}
			doc := &Doc{SrcLang: attrOf(se, "srcLang"), TrgLang: attrOf(se, "trgLang")}
			if err := p.files(doc); err != nil {
				return nil, err
			}
			return doc, p.end()
		}
	}
}

// end makes sure nothing but space follows the root.
func (p *parser) end() error {
	for {
		t, err := p.d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			return p.errorf("<%s> after the end of <xliff>", t.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return p.errorf("text after the end of <xliff>")
			}
		}
	}
}

func (p *parser) files(doc *Doc) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != "file" || t.Name.Space != nsCore {
				if err := p.d.Skip(); err != nil {
					return err
				}
				continue
			}
			line, _ := p.d.InputPos()
			f := File{ID: attrOf(t, "id"), Original: attrOf(t, "original"), Line: line}
			if err := p.units(&f); err != nil {
				return err
			}
			doc.Files = append(doc.Files, f)
		}
	}
}

// units reads a file's units, also inside groups.
func (p *parser) units(f *File) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch {
			case t.Name.Space == nsCore && t.Name.Local == "group":
				err = p.units(f)
			case t.Name.Space == nsCore && t.Name.Local == "unit":
				var u *Unit
				if u, err = p.unit(t); err == nil {
					f.Units = append(f.Units, *u)
				}
			default:
				err = p.d.Skip()
			}
			if err != nil {
				return err
			}
		}
	}
}

func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == nsCore) {
			return a.Value
		}
	}
	return ""
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
