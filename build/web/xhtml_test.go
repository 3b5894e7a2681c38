package web

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestXHTMLBlock(t *testing.T) {
	in := `<p>A &amp; B &lt;3 “x”<br>next</p><ul><li class="task"><input type="checkbox" class="task-box" id="case" checked> <label for="case">Je vérifie</label></li></ul><img src="img/a.svg" alt="Plan &quot;A&quot;" width="640"><a href="../charte.html#x" download>y</a><!-- c --><hr>`
	out, err := xhtml([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	want := `<p>A &amp; B &lt;3 “x”<br/>next</p><ul><li class="task"><input type="checkbox" class="task-box" id="case" checked="checked"/> <label for="case">Je vérifie</label></li></ul><img src="img/a.svg" alt="Plan &quot;A&quot;" width="640"/><a href="../charte.html#x" download="download">y</a><hr/>`
	if s != want {
		t.Errorf("got\n%s\nwant\n%s", s, want)
	}
	d := xml.NewDecoder(strings.NewReader("<div>" + s + "</div>"))
	for {
		if _, err := d.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v", err)
			}
			break
		}
	}
}

// html/template writes some characters as numeric references ("+" as
// "&#43;"): the e-book shows the character, not the reference.
func TestXHTMLNumericReferences(t *testing.T) {
	for in, want := range map[string]string{
		`<strong>Avancé &#43;&#43;</strong>`:      `<strong>Avancé ++</strong>`,
		`<a title="a &#43; b &#x27;c&#39;">x</a>`: `<a title="a + b 'c'">x</a>`,
		`<p>&#60;b&#62; &amp;amp;</p>`:            `<p>&lt;b&gt; &amp;amp;</p>`,
	} {
		out, err := xhtml([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != want {
			t.Errorf("xhtml(%q) = %q, want %q", in, out, want)
		}
	}
}
