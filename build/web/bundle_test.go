package web

import "testing"

func TestRebaseBundleRoot(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"charte.html", "nl/charte.html"},
		{"charte.html#engagement", "nl/charte.html#engagement"},
		{"modules/a.html?x=1#b", "nl/modules/a.html?x=1#b"},
		{"../assets/style.css", "assets/style.css"},
		{"img/a%20b.png", "nl/img/a%20b.png"},
		{"#main", "#main"},
		{"", ""},
		{"https://example.org/a.html", "https://example.org/a.html"},
		{"mailto:info@example.org?subject=a/b", "mailto:info@example.org?subject=a/b"},
		{"data:,", "data:,"},
		{"/abs.html", "/abs.html"},
		{"print/", "nl/print/"},
	} {
		if got := rebaseURL(c.in, "nl/index.html", "index.html"); got != c.want {
			t.Errorf("rebaseURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := rebaseURL("../charte.html", "nl/modules/a.html", "nl/b.html"); got != "charte.html" {
		t.Errorf("sibling folder: %q", got)
	}
	in := `<p class=x><a href="charte.html" title='a "b"'>C &amp; D</a> <img src='img/x.svg' alt="x"> <a href=modules/m.html>m</a> <code>href="charte.html"</code></p>`
	want := `<p class=x><a href="nl/charte.html" title='a "b"'>C &amp; D</a> <img src='nl/img/x.svg' alt="x"> <a href="nl/modules/m.html">m</a> <code>href="charte.html"</code></p>`
	if got := string(rebase([]byte(in), "nl/index.html", "index.html")); got != want {
		t.Errorf("rebase:\n%s\nwant\n%s", got, want)
	}
}
