package web

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// xmlVoids are the HTML elements without content, self-closed in XHTML.
var xmlVoids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// xhtml rewrites a generated block, HTML from the theme's templates, as
// well-formed XML for an EPUB chapter (goldmark writes the rest of the
// body as XHTML itself): void elements self-closed, every attribute with
// a quoted value, text and values escaped for XML. It expects the HTML of
// html/template, not arbitrary tag soup.
func xhtml(src []byte) ([]byte, error) {
	var b bytes.Buffer
	l := phtml.NewLexer(parse.NewInputBytes(src))
	open := ""
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken:
			if err := l.Err(); err != nil && err.Error() != "EOF" {
				return nil, err
			}
			return b.Bytes(), nil
		case phtml.StartTagToken:
			open = strings.ToLower(string(l.Text()))
			b.WriteByte('<')
			b.WriteString(open)
		case phtml.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := l.AttrVal()
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			if len(val) == 0 && isBoolean(key) {
				val = []byte(key)
			}
			fmt.Fprintf(&b, " %s=\"%s\"", key, xmlAttr(xmlUnescape(val)))
		case phtml.StartTagCloseToken, phtml.StartTagVoidToken:
			if xmlVoids[open] || tt == phtml.StartTagVoidToken {
				b.WriteString("/>")
			} else {
				b.WriteByte('>')
			}
		case phtml.EndTagToken:
			name := strings.ToLower(string(l.Text()))
			if xmlVoids[name] {
				continue // already closed
			}
			b.WriteString("</" + name + ">")
		case phtml.TextToken:
			b.WriteString(xmlText(xmlUnescape(data)))
		case phtml.CommentToken, phtml.DoctypeToken:
			// dropped: the package writes its own prologue
		default:
			b.Write(data) // SVG or MathML islands are XML already
		}
	}
}

func isBoolean(key string) bool {
	switch key {
	case "checked", "disabled", "hidden", "download", "selected", "readonly", "required", "multiple", "open", "novalidate", "autofocus":
		return true
	}
	return false
}

// xmlUnescape reads every character reference html/template and goldmark
// write (html/template writes "+" as "&#43;"), so the XML escaping after it
// escapes each character once.
func xmlUnescape(b []byte) string { return html.UnescapeString(string(b)) }

var (
	xmlTextEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	xmlAttrEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
)

func xmlText(s string) string { return xmlTextEsc.Replace(s) }
func xmlAttr(s string) string { return xmlAttrEsc.Replace(s) }
