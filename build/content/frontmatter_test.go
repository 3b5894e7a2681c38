package content

import (
	"strings"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, header, body string
		bodyLine                int
		err                     string
	}{
		{"plain", "---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 4, ""},
		{"empty body", "---\ntitle: A\n---", "title: A\n", "", 4, ""},
		{"two lines", "---\ntitle: A\nweight: 2\n---\n\nText", "title: A\nweight: 2\n", "\nText", 5, ""},
		{"missing", "# Title\n", "", "", 0, "missing front matter"},
		{"unclosed", "---\ntitle: A\n", "", "", 0, "not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, b, line, err := SplitFrontMatter([]byte(tt.src))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(h) != tt.header || string(b) != tt.body || line != tt.bodyLine {
				t.Errorf("got (%q, %q, %d), want (%q, %q, %d)", h, b, line, tt.header, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name, header string
		line         int // of the first error; 0 = valid
		want         string
	}{
		{"valid", "title: A\nweight: 3\nslug: charter\n", 0, ""},
		{"ai valid", "title: A\nai:\n  what: translation\n  tool: X\n  review: reviewed\n  reviewer: Ann\n", 0, ""},
		{"no title", "weight: 3\n", 1, "no title"},
		{"unknown field", "title: A\ntitel: B\n", 3, "unknown setting titel"},
		{"bad yaml", "title: A\n  weight: [\n", 3, "YAML"},
		{"wrong type", "title: A\nweight: heavy\n", 3, "heavy"},
		{"bad slug", "title: A\nslug: ../x\n", 3, "slug"},
		{"ai what", "title: A\nai:\n  what: magic\n  tool: X\n  review: pending\n", 4, "ai.what"},
		{"ai no tool", "title: A\nai:\n  what: writing\n  review: pending\n", 3, "ai.tool"},
		{"reviewed without reviewer", "title: A\nai:\n  what: writing\n  tool: X\n  review: reviewed\n", 6, "reviewer"},
		{"translation without from", "title: A\ntranslation:\n  source: abc\n", 3, "translation.from"},
		{"lone CR", "title: A\rweight: 3\nslug: b\n", 2, "lone carriage return"},
		{"line separator", "title: A\nweight: 3\u2028slug: b\n", 3, "U+2028"},
		{"CRLF", "title: A\r\nweight: 3\r\n", 0, ""},
		{"as_of", "title: A\nas_of: 2026-12-06\n", 0, ""},
		{"as_of quoted", "title: A\nas_of: \"2026-12-06\"\n", 0, ""},
		{"as_of not a date", "title: A\nweight: 1\nas_of: December 2026\n", 4, "YYYY-MM-DD"},
		{"as_of impossible", "title: A\nas_of: 2026-02-30\n", 3, "YYYY-MM-DD"},
		{"edition", "title: A\nedition: easy-read\nof: charte.md\n", 0, ""},
		{"unknown edition", "title: A\nedition: simple\nof: charte.md\n", 3, "edition must be one of easy-read"},
		{"edition without of", "title: A\nedition: easy-read\n", 3, "needs the page it adapts"},
		{"of without edition", "title: A\nweight: 1\nof: charte.md\n", 4, "there is no edition"},
		{"of not a page", "title: A\nedition: easy-read\nof: charte.html\n", 4, "must be the .md file"},
		{"of with anchor", "title: A\nedition: easy-read\nof: charte.md#x\n", 4, "must be the .md file"},
		{"of absolute", "title: A\nedition: easy-read\nof: /charte.md\n", 4, "must be the .md file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseFrontMatter([]byte(tt.header))
			if tt.line == 0 {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs[0])
				}
				return
			}
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(errs[0].Msg, tt.want) || errs[0].Line != tt.line {
				t.Errorf("got line %d %q, want line %d containing %q", errs[0].Line, errs[0].Msg, tt.line, tt.want)
			}
		})
	}
}

// FuzzFrontMatter: no input panics, an accepted header always has a title,
// and every error points at a line of the file.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: Charte\nweight: 10\ncredit: charter\n---\n## Préambule\n"))
	f.Add([]byte("---\ntitle: Charter\nslug: charter\nai:\n  what: translation\n  tool: Claude (Anthropic)\n  review: pending\ntranslation:\n  from: fr\n  source: 1234abcd\n---\nText"))
	f.Add([]byte("---\ntitle: [a, b]\n---\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: &a x\nweight: *a\n---\n"))
	f.Add([]byte("---\ntitle: Charte facile\nedition: easy-read\nof: charte.md\n---\n## Idée {#idee}\n"))
	f.Add([]byte("---\ntitle: X\nof: ../a.md\n---\n"))
	f.Add([]byte("---\ntitle: X\nedition: [easy-read]\nof:\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		h, _, _, err := SplitFrontMatter(src)
		if err != nil {
			return
		}
		fm, errs := ParseFrontMatter(h)
		lines := strings.Count(string(src), "\n") + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines+1 {
				t.Fatalf("error line %d outside the file (%d lines): %s", e.Line, lines, e.Msg)
			}
		}
		if len(errs) == 0 && strings.TrimSpace(fm.Title) == "" {
			t.Fatal("accepted a page without a title")
		}
		if len(errs) == 0 && (fm.Edition == "") != (fm.Of == "") {
			t.Fatalf("accepted edition %q with of %q: one without the other", fm.Edition, fm.Of)
		}
	})
}
