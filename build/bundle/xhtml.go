package bundle

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// voids are the HTML elements without content, self-closed in XHTML.
var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// XHTML rewrites an HTML fragment as well-formed XML, as EPUB content
// documents must be: void elements self-closed, every attribute with a
// quoted value, text and values escaped for XML. It expects the HTML this
// project writes (goldmark's and the theme's), not arbitrary tag soup.
func XHTML(src []byte) ([]byte, error) {
	var b bytes.Buffer
	l := html.NewLexer(parse.NewInputBytes(src))
	open := ""
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			if err := l.Err(); err != nil && err.Error() != "EOF" {
				return nil, err
			}
			return b.Bytes(), nil
		case html.StartTagToken:
			open = strings.ToLower(string(l.Text()))
			b.WriteByte('<')
			b.WriteString(open)
		case html.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := l.AttrVal()
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
				val = val[1 : len(val)-1]
			}
			if len(val) == 0 && isBoolean(key) {
				val = []byte(key)
			}
			fmt.Fprintf(&b, " %s=\"%s\"", key, escapeAttr(unescape(val)))
		case html.StartTagCloseToken, html.StartTagVoidToken:
			if voids[open] || tt == html.StartTagVoidToken {
				b.WriteString("/>")
			} else {
				b.WriteByte('>')
			}
		case html.EndTagToken:
			name := strings.ToLower(string(l.Text()))
			if voids[name] {
				continue // already closed
			}
			b.WriteString("</" + name + ">")
		case html.TextToken:
			b.WriteString(escapeText(unescape(data)))
		case html.CommentToken, html.DoctypeToken:
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

var entities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#34;", "\"", "&#39;", "'", "&nbsp;", "\u00a0", "&#x27;", "'")

func unescape(b []byte) string { return entities.Replace(string(b)) }

var (
	textEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
)

func escapeText(s string) string { return textEsc.Replace(s) }
func escapeAttr(s string) string { return attrEsc.Replace(s) }
