// Package svgsafe makes an SVG file of the content safe to publish on the
// site: opened on its own, an SVG is a document that can run scripts and
// load other sites' files in the site's name. Sanitize keeps the drawing
// and drops what could act: scripts, embedded HTML, event attributes,
// links out of the site, styles that load files, style sheet instructions
// and entity declarations.
//
// The file is always written again from what the XML parser read, never
// copied as it came, so a browser reads exactly what was checked.
package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

const (
	nsSVG    = "http://www.w3.org/2000/svg"
	nsXHTML  = "http://www.w3.org/1999/xhtml"
	nsMathML = "http://www.w3.org/1998/Math/MathML"
)

// Sanitize returns the SVG without anything that could act, and what it
// removed, for a warning; an error when the file is not a well-formed SVG
// (a browser would not draw it either).
func Sanitize(data []byte) (out []byte, removed []string, err error) {
	s := &sanitizer{removed: map[string]bool{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	s.decoder = d
	s.input = data
	s.out.Grow(len(data) + len(data)/8)
	if err := s.run(); err != nil {
		return nil, nil, err
	}
	for r := range s.removed {
		removed = append(removed, r)
	}
	sort.Strings(removed)
	return s.out.Bytes(), removed, nil
}

type sanitizer struct {
	decoder *xml.Decoder
	input   []byte
	out     bytes.Buffer
	removed map[string]bool
	// scopes holds each open element's name and namespace bindings.
	scopes []scope
	// skip counts the open elements of a subtree being dropped.
	skip int
	// pending is a start tag not written yet: "/>" if its end comes next.
	pending []byte
	// style collects a <style> element's text, checked at its end.
	style    *bytes.Buffer
	rooted   bool
	doneRoot bool
	maxSize  int
}

type scope struct {
	name string // as written, with its prefix
	ns   map[string]string
}

func (s *sanitizer) run() error {
	s.maxSize = 4*len(s.input) + 64<<10
	for {
		tok, err := s.decoder.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("not a well-formed SVG file: %v", err)
		}
		if err := s.token(tok); err != nil {
			return err
		}
		if s.out.Len() > s.maxSize {
			return errors.New("the SVG grows too large once its entities are expanded")
		}
	}
	if len(s.scopes) > 0 {
		return fmt.Errorf("not a well-formed SVG file: <%s> is never closed", s.scopes[len(s.scopes)-1].name)
	}
	if !s.rooted {
		return errors.New("not an SVG image: it has no <svg> element")
	}
	return nil
}

func (s *sanitizer) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return s.start(t)
	case xml.EndElement:
		return s.end(t)
	}
	if s.skip > 0 {
		return nil
	}
	switch t := tok.(type) {
	case xml.CharData:
		if len(t) == 0 {
			return nil // an empty entity: writing nothing keeps "/>" possible
		}
		if s.style != nil {
			s.style.Write(t)
			return nil
		}
		if len(s.scopes) == 0 {
			if len(bytes.TrimSpace(t)) > 0 {
				return errors.New("not a well-formed SVG file: text outside the <svg> element")
			}
			// Outside the root only white space may stand, and as it is:
			// a character reference there is not well-formed.
			s.out.Write(t)
			return nil
		}
		s.flush(false)
		escapeText(&s.out, t)
	case xml.Comment:
		if bytes.Contains(t, []byte("--")) {
			return nil // cannot be written back as a comment; it says nothing the drawing needs
		}
		s.flush(false)
		s.out.WriteString("<!--")
		s.out.Write(t)
		s.out.WriteString("-->")
	case xml.ProcInst:
		if t.Target == "xml-stylesheet" {
			s.removed["an <?xml-stylesheet?> instruction"] = true
			return nil
		}
		if strings.EqualFold(t.Target, "xml") && s.out.Len() > 0 {
			return nil
		}
		if bytes.Contains(t.Inst, []byte("?>")) {
			return nil
		}
		s.flush(false)
		s.out.WriteString("<?" + t.Target)
		if len(t.Inst) > 0 {
			s.out.WriteByte(' ')
			s.out.Write(t.Inst)
		}
		s.out.WriteString("?>")
	case xml.Directive:
		return s.directive(t)
	}
	return nil
}

// directive keeps a plain DOCTYPE and drops one with an internal subset,
// expanding its plain-text entities as the parser meets them; an entity
// holding markup or naming a file is refused.
func (s *sanitizer) directive(t xml.Directive) error {
	if s.rooted {
		return errors.New("not a well-formed SVG file: a declaration inside the drawing")
	}
	i := bytes.IndexByte(t, '[')
	if i < 0 {
		if !bytes.HasPrefix(t, []byte("DOCTYPE")) || bytes.ContainsAny(t, "<>") {
			return nil
		}
		s.out.WriteString("<!")
		s.out.Write(t)
		s.out.WriteString(">")
		return nil
	}
	subset := t[i+1:]
	if j := bytes.LastIndexByte(subset, ']'); j >= 0 {
		subset = subset[:j]
	}
	entities, err := parseEntities(subset)
	if err != nil {
		return err
	}
	if len(entities) > 0 {
		s.removed["an <!ENTITY> declaration (its text is written out)"] = true
	} else {
		s.removed["a DOCTYPE declaration with an internal subset"] = true
	}
	// The expanded size is known before anything expands: refuse a file
	// that would grow past the bound rather than build it.
	grown := 0
	for name, v := range entities {
		grown += bytes.Count(s.input, []byte("&"+name+";")) * len(v)
	}
	if grown > s.maxSize {
		return errors.New("the SVG grows too large once its entities are expanded")
	}
	s.decoder.Entity = entities
	return nil
}

var (
	entityDecl = regexp.MustCompile(`^<!ENTITY\s+([A-Za-z_][A-Za-z0-9_.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>`)
	otherDecl  = regexp.MustCompile(`^<!(?:ELEMENT|ATTLIST|NOTATION)\b(?:[^>"']|"[^"]*"|'[^']*')*>`)
	commentRe  = regexp.MustCompile(`^<!--(?s:.*?)-->`)
)

// parseEntities reads the general entities of an internal subset whose
// values are plain text; anything else (parameter or external entities,
// markup inside a value) is refused.
func parseEntities(subset []byte) (map[string]string, error) {
	out := map[string]string{}
	rest := bytes.TrimSpace(subset)
	for len(rest) > 0 {
		switch {
		case entityDecl.Match(rest):
			m := entityDecl.FindSubmatch(rest)
			v := string(m[2]) + string(m[3])
			if strings.ContainsAny(v, "<&%") {
				return nil, fmt.Errorf("the entity %q holds markup or other entities, which sobre does not expand: write its text in the drawing and remove the DOCTYPE", m[1])
			}
			out[string(m[1])] = v
			rest = rest[len(m[0]):]
		case otherDecl.Match(rest):
			rest = rest[len(otherDecl.Find(rest)):]
		case commentRe.Match(rest):
			rest = rest[len(commentRe.Find(rest)):]
		default:
			n := min(len(rest), 40)
			return nil, fmt.Errorf("a DOCTYPE declaration sobre does not read (%q…): remove the DOCTYPE from the file", rest[:n])
		}
		rest = bytes.TrimSpace(rest)
	}
	return out, nil
}

// lookup finds the namespace a prefix stands for in the open elements.
func (s *sanitizer) lookup(prefix string, own map[string]string) string {
	if ns, ok := own[prefix]; ok {
		return ns
	}
	for i := len(s.scopes) - 1; i >= 0; i-- {
		if ns, ok := s.scopes[i].ns[prefix]; ok {
			return ns
		}
	}
	if prefix == "xml" {
		return "http://www.w3.org/XML/1998/namespace"
	}
	return ""
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// dropped are the SVG elements that run code or embed a document.
var dropped = map[string]string{
	"script": "<script>", "foreignobject": "<foreignObject>",
	"handler": "<handler>", "listener": "<listener>",
}

var animations = map[string]bool{"set": true, "animate": true, "animatetransform": true, "animatemotion": true, "animatecolor": true}

func (s *sanitizer) start(t xml.StartElement) error {
	own := map[string]string{}
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			own[""] = a.Value
		case a.Name.Space == "xmlns":
			own[a.Name.Local] = a.Value
		}
	}
	name := qname(t.Name)
	if len(s.scopes) == 0 && s.doneRoot {
		return errors.New("not a well-formed SVG file: a second root element")
	}
	s.scopes = append(s.scopes, scope{name: name, ns: own})
	if s.skip > 0 {
		s.skip++
		return nil
	}
	if s.style != nil {
		s.removed["markup inside a <style>"] = true
		s.skip = 1
		return nil
	}
	ns := s.lookup(t.Name.Space, own)
	local := strings.ToLower(t.Name.Local)
	if !s.rooted {
		if local != "svg" || (ns != nsSVG && ns != "") {
			return fmt.Errorf("not an SVG image: its first element is <%s>", name)
		}
		s.rooted = true
	}
	switch {
	case ns == nsXHTML || ns == nsMathML:
		s.removed["embedded HTML or MathML (<"+name+">)"] = true
		s.skip = 1
		return nil
	case dropped[local] != "":
		s.removed[dropped[local]] = true
		s.skip = 1
		return nil
	case animations[local]:
		for _, a := range t.Attr {
			if a.Name.Local != "attributeName" {
				continue
			}
			target := strings.ToLower(a.Value)
			if i := strings.IndexByte(target, ':'); i >= 0 {
				target = target[i+1:]
			}
			target = strings.TrimSpace(target)
			if target == "href" || strings.HasPrefix(target, "on") || target == "style" {
				s.removed["an animation of the "+target+" attribute"] = true
				s.skip = 1
				return nil
			}
		}
	}
	s.flush(false)
	var b bytes.Buffer
	b.WriteString("<" + name)
	for _, a := range t.Attr {
		if !s.keepAttr(a) {
			continue
		}
		b.WriteString(" " + qname(a.Name) + `="`)
		xml.EscapeText(&b, []byte(a.Value))
		b.WriteByte('"')
	}
	s.pending = b.Bytes()
	if local == "style" {
		s.style = &bytes.Buffer{}
	}
	return nil
}

func (s *sanitizer) end(t xml.EndElement) error {
	if len(s.scopes) == 0 {
		return fmt.Errorf("not a well-formed SVG file: </%s> closes nothing", qname(t.Name))
	}
	top := s.scopes[len(s.scopes)-1]
	if top.name != qname(t.Name) {
		return fmt.Errorf("not a well-formed SVG file: </%s> closes <%s>", qname(t.Name), top.name)
	}
	s.scopes = s.scopes[:len(s.scopes)-1]
	if len(s.scopes) == 0 {
		s.doneRoot = true
	}
	if s.skip > 0 {
		s.skip--
		return nil
	}
	if s.style != nil {
		css := s.style.Bytes()
		s.style = nil
		if reason := unsafeCSS(string(css)); reason != "" {
			s.removed["a <style> "+reason] = true
			s.pending = nil // the whole element goes
			return nil
		}
		s.flush(false)
		xml.EscapeText(&s.out, css)
	}
	if s.pending != nil {
		s.flush(true)
		return nil
	}
	s.out.WriteString("</" + top.name + ">")
	return nil
}

// flush writes the pending start tag, closed as an empty element if its
// end tag comes right after it.
func (s *sanitizer) flush(empty bool) {
	if s.pending == nil {
		return
	}
	s.out.Write(s.pending)
	if empty {
		s.out.WriteString("/>")
	} else {
		s.out.WriteString(">")
	}
	s.pending = nil
}

// keepAttr drops event handlers, xml:base, links out of the site and
// values that load other files.
func (s *sanitizer) keepAttr(a xml.Attr) bool {
	local := strings.ToLower(a.Name.Local)
	switch {
	case strings.HasPrefix(local, "on"):
		s.removed["the "+local+" attribute"] = true
		return false
	case local == "base" && a.Name.Space == "xml":
		s.removed["the xml:base attribute"] = true
		return false
	case local == "href":
		if reason := unsafeURL(a.Value); reason != "" {
			s.removed[qname(a.Name)+" "+reason] = true
			return false
		}
	case local == "style":
		if reason := unsafeCSS(a.Value); reason != "" {
			s.removed["a style attribute "+reason] = true
			return false
		}
	}
	if strings.Contains(strings.ToLower(a.Value), "url(") {
		if reason := unsafeCSS(a.Value); reason != "" {
			s.removed["the "+qname(a.Name)+" attribute "+reason] = true
			return false
		}
	}
	return true
}

// unsafeURL says why an address may not stay, or "" when it points into
// the drawing or to a file beside it. Browsers ignore tabs and new lines
// in addresses, and read a backslash as a slash: so does this.
func unsafeURL(u string) string {
	t := strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u)
	lower := strings.ToLower(t)
	switch {
	case t == "" || strings.HasPrefix(t, "#"):
		return ""
	case strings.HasPrefix(lower, "data:image/png") || strings.HasPrefix(lower, "data:image/jpeg") ||
		strings.HasPrefix(lower, "data:image/gif") || strings.HasPrefix(lower, "data:image/webp"):
		return ""
	case strings.HasPrefix(lower, "javascript:") || strings.HasPrefix(lower, "vbscript:"):
		return "to a script (" + short(u) + ")"
	case strings.HasPrefix(t, "/") || strings.HasPrefix(t, `\`) || strings.Contains(t, `\`):
		return "to an address outside the site (" + short(u) + ")"
	}
	end := strings.IndexAny(t, "/?#")
	if end < 0 {
		end = len(t)
	}
	if strings.Contains(t[:end], ":") {
		return "to an address outside the site (" + short(u) + ")"
	}
	return ""
}

var cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// unsafeCSS says why a style may not stay: it imports a style sheet,
// loads a file from outside the site, or hides its words behind escapes.
func unsafeCSS(css string) string {
	lower := strings.ToLower(cssComment.ReplaceAllString(css, " "))
	switch {
	case strings.Contains(lower, `\`):
		return "with CSS escapes"
	case strings.Contains(lower, "@import"):
		return "that imports a style sheet"
	case strings.Contains(lower, "expression(") || strings.Contains(lower, "image-set(") || strings.Contains(lower, "image("):
		return "that loads files"
	}
	for rest := lower; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return ""
		}
		rest = strings.TrimLeft(rest[i+4:], " \t\r\n\f")
		end := strings.IndexAny(rest, ")")
		if end < 0 {
			end = len(rest)
		}
		u := strings.Trim(strings.TrimSpace(rest[:end]), `"'`)
		if r := unsafeURL(u); r != "" {
			return "that loads a file " + r
		}
		rest = rest[end:]
	}
}

func short(s string) string {
	if len(s) > 60 {
		return s[:57] + "…"
	}
	return s
}

// escapeText writes text as character data, keeping line breaks and tabs
// as they are (xml.EscapeText writes them as references, which the
// drawing does not need and a reader of the file would rather not see).
func escapeText(w *bytes.Buffer, t []byte) {
	for _, c := range t {
		switch c {
		case '&':
			w.WriteString("&amp;")
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '\r':
			w.WriteString("&#xD;")
		default:
			w.WriteByte(c)
		}
	}
}
