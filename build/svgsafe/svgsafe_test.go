package svgsafe

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const head = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`

func TestSanitize(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     string   // the output, when given
		removed  []string // substrings, one per removal expected
		keep     []string // substrings the output keeps
		drop     []string // substrings the output loses
	}{
		{name: "clean drawing kept", in: head + `<title>A &amp; B</title><rect width="5" height="5" fill="url(#g)"/><use href="#r"/></svg>`,
			want: head + `<title>A &amp; B</title><rect width="5" height="5" fill="url(#g)"/><use href="#r"/></svg>`},
		{name: "script", in: head + `<script>alert(1)</script><rect/></svg>`, removed: []string{"<script>"}, drop: []string{"alert"}, keep: []string{"<rect/>"}},
		{name: "prefixed script", in: `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`, removed: []string{"<script>"}, drop: []string{"alert"}},
		{name: "foreignObject", in: head + `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject></svg>`, removed: []string{"<foreignObject>"}, drop: []string{"onerror", "img"}},
		{name: "xhtml script anywhere", in: head + `<g><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></g></svg>`, removed: []string{"embedded HTML"}, drop: []string{"alert"}},
		{name: "script inside unknown namespace", in: head + `<x:meta xmlns:x="urn:x"><script>alert(1)</script></x:meta></svg>`, removed: []string{"<script>"}, keep: []string{"<x:meta"}, drop: []string{"alert"}},
		{name: "event attributes", in: head + `<rect onclick="alert(1)" ONLOAD="x" width="1"/></svg>`, removed: []string{"onclick", "onload"}, drop: []string{"alert", "ONLOAD"}, keep: []string{`width="1"`}},
		{name: "javascript link", in: head + `<a href="java&#x09;script:alert(1)"><text>x</text></a></svg>`, removed: []string{"to a script"}, drop: []string{"alert"}, keep: []string{"<text>x</text>"}},
		{name: "xlink external", in: head + `<a xlink:href="https://evil.example/"><text>x</text></a><image xlink:href="//evil.example/a.png"/></svg>`, removed: []string{"xlink:href to an address outside", "xlink:href to an address outside"}, drop: []string{"evil"}},
		{name: "relative and data image links kept", in: head + `<image href="img/a.png"/><image href="data:image/png;base64,AAAA"/><a href="../page.html#x"><text>x</text></a></svg>`, keep: []string{`href="img/a.png"`, "data:image/png", `href="../page.html#x"`}},
		{name: "data svg refused", in: head + `<image href="data:image/svg+xml,&lt;svg/&gt;"/></svg>`, removed: []string{"outside the site"}},
		{name: "root-relative and backslash", in: head + `<image href="/\evil.example/a.png"/><image href="/etc/passwd"/></svg>`, removed: []string{"outside the site"}, drop: []string{"evil", "passwd"}},
		{name: "xml:base", in: head + `<g xml:base="https://evil.example/"><image href="a.png"/></g></svg>`, removed: []string{"xml:base"}, drop: []string{"evil"}},
		{name: "animate href", in: head + `<a href="#x"><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a></svg>`, removed: []string{"animation of the href"}, drop: []string{"alert", "<set"}},
		{name: "animate colour kept", in: head + `<rect><animate attributeName="fill" from="red" to="blue" dur="1s"/></rect></svg>`, keep: []string{"<animate"}},
		{name: "style import", in: head + `<style>@import url(https://evil.example/a.css); rect{fill:red}</style><rect/></svg>`, removed: []string{"imports a style sheet"}, drop: []string{"evil", "<style"}},
		{name: "style external url", in: head + `<style>rect{fill:url(http://evil.example/#g)}</style></svg>`, removed: []string{"loads a file"}, drop: []string{"evil"}},
		{name: "style escapes", in: head + `<style>rect{background:\75rl(x)}</style></svg>`, removed: []string{"CSS escapes"}},
		{name: "style kept", in: head + `<style>.a > .b{fill:url(#g)} @media print{.a{fill:#000}}</style></svg>`, keep: []string{"<style>.a &gt; .b{fill:url(#g)}"}},
		{name: "style attribute", in: head + `<rect style="fill:url('https://evil.example/x')"/></svg>`, removed: []string{"style attribute"}, drop: []string{"evil"}},
		{name: "presentation url", in: head + `<rect filter="url(https://evil.example/f#x)"/></svg>`, removed: []string{"filter attribute"}, drop: []string{"evil"}},
		{name: "stylesheet instruction", in: `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>` + head + `</svg>`, removed: []string{"xml-stylesheet"}, drop: []string{"evil"}, keep: []string{`<?xml version="1.0"?>`}},
		{name: "entity expanded", in: `<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg"><!ENTITY t "Plan">]><svg xmlns="&ns_svg;"><title>&t;</title></svg>`,
			want: `<svg xmlns="http://www.w3.org/2000/svg"><title>Plan</title></svg>`, removed: []string{"<!ENTITY>"}},
		{name: "plain doctype kept", in: `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + head + `</svg>`, keep: []string{"<!DOCTYPE svg PUBLIC"}},
		{name: "comment kept", in: head + `<!-- made by hand --></svg>`, keep: []string{"<!-- made by hand -->"}},
		{name: "bom", in: "\xef\xbb\xbf" + head + `</svg>`, want: strings.TrimSuffix(head, ">") + "/>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, removed, err := Sanitize([]byte(c.in))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if c.want != "" && string(out) != c.want {
				t.Errorf("got\n%s\nwant\n%s", out, c.want)
			}
			all := strings.Join(removed, "\n")
			for _, r := range c.removed {
				if !strings.Contains(all, r) {
					t.Errorf("removed %q, want a mention of %q", removed, r)
				}
			}
			if len(c.removed) == 0 && len(removed) > 0 {
				t.Errorf("removed %q from a safe drawing", removed)
			}
			for _, k := range c.keep {
				if !strings.Contains(string(out), k) {
					t.Errorf("lost %q:\n%s", k, out)
				}
			}
			for _, d := range c.drop {
				if strings.Contains(string(out), d) {
					t.Errorf("kept %q:\n%s", d, out)
				}
			}
		})
	}
}

func TestSanitizeRefuses(t *testing.T) {
	laughs := `<!DOCTYPE svg [<!ENTITY a "` + strings.Repeat("ha", 5000) + `">]>` + head + `<text>` + strings.Repeat("&a;", 5000) + `</text></svg>`
	for _, c := range []struct{ name, in, want string }{
		{"not xml", `<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>`, "well-formed"},
		{"html", `<html><script>alert(1)</script></html>`, "not an SVG image"},
		{"empty", ``, "no <svg> element"},
		{"nested entities", `<!DOCTYPE svg [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>` + head + `</svg>`, "holds markup"},
		{"markup entity", `<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>">]>` + head + `&s;</svg>`, "holds markup"},
		{"external entity", `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + head + `<text>&x;</text></svg>`, "does not read"},
		{"parameter entity", `<!DOCTYPE svg [<!ENTITY % p "x">]>` + head + `</svg>`, "does not read"},
		{"undeclared entity", head + `<text>&nbsp;</text></svg>`, "well-formed"},
		{"billion laughs", laughs, "too large"},
		{"two roots", head + `</svg>` + head + `</svg>`, "second root"},
		{"unclosed", head + `<g>`, "well-formed"},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?>` + head + `</svg>`, "well-formed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Sanitize([]byte(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one saying %q", err, c.want)
			}
		})
	}
}

// The project's own diagrams come out as they went in, but for the
// empty elements written shorter, and draw the same.
func TestSanitizeProjectDiagrams(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/img/*.svg")
	if len(files) == 0 {
		t.Skip("no diagrams")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, removed, err := Sanitize(data)
		if err != nil || len(removed) > 0 {
			t.Errorf("%s: removed %q, error %v", f, removed, err)
		}
		if a, b := tokens(t, data), tokens(t, out); a != b {
			t.Errorf("%s: the drawing changed:\n%s\n%s", f, a, b)
		}
	}
}

// tokens lists a document's elements, attributes and text, so two
// spellings of one drawing compare equal.
func tokens(t *testing.T, data []byte) string {
	t.Helper()
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tt := tok.(type) {
		case xml.StartElement:
			b.WriteString("<" + tt.Name.Space + " " + tt.Name.Local)
			for _, a := range tt.Attr {
				b.WriteString(" " + a.Name.Space + ":" + a.Name.Local + "=" + a.Value)
			}
		case xml.EndElement:
			b.WriteString("</")
		case xml.CharData:
			b.Write(tt)
		}
	}
}

// FuzzSanitize holds Sanitize to its promise on any input: no panic, and
// what it writes is a well-formed SVG that a second pass leaves alone (in
// meaning: an emptied element may be written shorter) and in which no
// element runs code.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		head + `<script>alert(1)</script><rect onclick="x"/></svg>`,
		`<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>`,
		head + `<a xlink:href="javascript:1"><set attributeName="href" to="javascript:1"/></a><style>a{fill:url(//x)}</style></svg>`,
		head + `<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject><!--c--><?pi x?></svg>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, _, err := Sanitize(data)
		if err != nil {
			return
		}
		again, removed, err := Sanitize(out)
		if err != nil {
			t.Fatalf("the output does not read again: %v\n%s", err, out)
		}
		if len(removed) > 0 || tokens(t, again) != tokens(t, out) {
			t.Fatalf("a second pass changed the output (removed %q):\n%s\n%s", removed, out, again)
		}
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				l := strings.ToLower(se.Name.Local)
				if l == "script" || l == "foreignobject" {
					t.Fatalf("<%s> kept:\n%s", se.Name.Local, out)
				}
				for _, a := range se.Attr {
					if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
						t.Fatalf("%s kept:\n%s", a.Name.Local, out)
					}
				}
			}
		}
	})
}

// TestSanitizeLineBreaks keeps line breaks as they are: a character
// reference after the root element is not well-formed XML (epubcheck
// refused every diagram of the e-books for it).
func TestSanitizeLineBreaks(t *testing.T) {
	in := "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">\n<text>a &amp; b\n</text>\n</svg>\n"
	out, _, err := Sanitize([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(out); strings.Contains(s, "&#x") || !strings.HasSuffix(s, "</svg>\n") || !strings.Contains(s, "a &amp; b\n</text>") {
		t.Errorf("got %q", s)
	}
}
