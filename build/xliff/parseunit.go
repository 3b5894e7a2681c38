package xliff

import (
	"encoding/hex"
	"encoding/xml"
	"strings"
)

// unitReader holds what a unit's inline codes refer to.
type unitReader struct {
	data  map[string]string // originalData: id -> Markdown
	srcPh map[string]string // the source's placeholders: id -> Markdown
	inSrc bool
}

// stateRank orders segment states; a unit cut into several segments by a
// tool is as far along as its least advanced segment.
var stateRank = map[string]int{"initial": 0, "translated": 1, "reviewed": 2, "final": 3}

func (p *parser) unit(se xml.StartElement) (*Unit, error) {
	line, _ := p.d.InputPos()
	u := &Unit{ID: attrOf(se, "id"), Name: attrOf(se, "name"), Line: line, State: "final"}
	r := &unitReader{data: map[string]string{}, srcPh: map[string]string{}}
	segments := 0
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.EndElement:
			if segments == 0 {
				return nil, p.errorf("unit %s has no <segment>", u.ID)
			}
			return u, nil
		case xml.StartElement:
			switch {
			case t.Name.Space != nsCore:
				err = p.d.Skip()
			case t.Name.Local == "originalData":
				err = p.originalData(r)
			case t.Name.Local == "segment" || t.Name.Local == "ignorable":
				segments++
				err = p.segment(t, u, r)
			default:
				err = p.d.Skip()
			}
			if err != nil {
				return nil, err
			}
		}
	}
}

func (p *parser) originalData(r *unitReader) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != "data" {
				return p.errorf("<%s> inside <originalData>: only <data> belongs there", t.Name.Local)
			}
			var b strings.Builder
			if err := p.inline(&b, nil, r, "data"); err != nil {
				return err
			}
			r.data[attrOf(t, "id")] = b.String()
		}
	}
}

func (p *parser) segment(se xml.StartElement, u *Unit, r *unitReader) error {
	if se.Name.Local == "segment" {
		st := attrOf(se, "state")
		if st == "" {
			st = "initial"
		}
		if _, ok := stateRank[st]; !ok {
			return p.errorf("state %q: XLIFF 2 knows initial, translated, reviewed and final", st)
		}
		if stateRank[st] < stateRank[u.State] {
			u.State = st
		}
		if s := attrOf(se, "subState"); s != "" {
			u.SubState = s
		}
	}
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			var dst *[]piece
			switch t.Name.Local {
			case "source":
				dst, r.inSrc = &u.Source, true
			case "target":
				dst, r.inSrc, u.HasTarget = &u.Target, false, true
			default:
				return p.errorf("<%s> inside <%s>: only <source> and <target> belong there", t.Name.Local, se.Name.Local)
			}
			if err := p.inline(nil, dst, r, t.Name.Local); err != nil {
				return err
			}
		}
	}
}

// inline reads inline content up to the end of the element it is in:
// into pieces (dst), or as plain text (b, for original data).
func (p *parser) inline(b *strings.Builder, dst *[]piece, r *unitReader, in string) error {
	for {
		t, err := p.d.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			if b != nil {
				b.Write(t)
			} else {
				*dst = addText(*dst, string(t))
			}
		case xml.StartElement:
			if err := p.inlineElement(t, b, dst, r, in); err != nil {
				return err
			}
		}
	}
}

func (p *parser) inlineElement(t xml.StartElement, b *strings.Builder, dst *[]piece, r *unitReader, in string) error {
	if t.Name.Local == "cp" {
		raw, err := hex.DecodeString(attrOf(t, "hex"))
		if err != nil || len(raw) == 0 || len(raw) > 4 {
			return p.errorf("<cp hex=%q> is no code point", attrOf(t, "hex"))
		}
		var cp rune
		for _, c := range raw {
			cp = cp<<8 | rune(c)
		}
		if b != nil {
			b.WriteRune(cp)
		} else {
			*dst = addText(*dst, string(cp))
		}
		return p.d.Skip()
	}
	if b != nil {
		return p.errorf("<%s> inside <%s>", t.Name.Local, in)
	}
	switch t.Name.Local {
	case "ph", "sc", "ec":
		code, err := p.code(t, attrOf(t, "dataRef"), r)
		if err != nil {
			return err
		}
		*dst = append(*dst, piece{Text: code, Code: true})
		return p.d.Skip()
	case "pc":
		start, err := p.code(t, attrOf(t, "dataRefStart"), r)
		if err != nil {
			return err
		}
		end, err := p.code(t, attrOf(t, "dataRefEnd"), r)
		if err != nil {
			return err
		}
		*dst = append(*dst, piece{Text: start, Code: true})
		if err := p.inline(nil, dst, r, "pc"); err != nil {
			return err
		}
		*dst = append(*dst, piece{Text: end, Code: true})
		return nil
	case "mrk":
		return p.inline(nil, dst, r, "mrk")
	}
	return p.d.Skip() // sm, em: annotations, no text
}

// code is the Markdown a placeholder stands for: its original data, or
// in a target the source's placeholder of the same id.
func (p *parser) code(t xml.StartElement, ref string, r *unitReader) (string, error) {
	id := attrOf(t, "id")
	if c, ok := r.data[ref]; ok && ref != "" {
		if r.inSrc {
			r.srcPh[id] = c
		}
		return c, nil
	}
	if c, ok := r.srcPh[id]; ok && !r.inSrc && ref == "" {
		return c, nil
	}
	if ref != "" {
		return "", p.errorf("<%s id=%q> refers to data %q, which the unit's <originalData> does not hold", t.Name.Local, id, ref)
	}
	return "", p.errorf("<%s id=%q> has no dataRef and no placeholder of the source has its id", t.Name.Local, id)
}
