package bundle

import "testing"

func TestChapterLink(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"charte.html", "charte.xhtml"},
		{"../modules/climat.html#gaz", "../modules/climat.xhtml#gaz"},
		{"#engagements", "#engagements"},
		{".html", ".html"},
		{"https://example.org/a.html", "https://example.org/a.html"},
		{"img/plan.svg", "img/plan.svg"},
		{"a.html?x=1", "a.html?x=1"},
		{"../print/charte.pdf", "../print/charte.pdf"},
	} {
		if got := ChapterLink(tc.in); got != tc.want {
			t.Errorf("ChapterLink(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
