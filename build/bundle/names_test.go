package bundle

import (
	"strings"
	"testing"
	"time"
)

func TestZipRefusesBadNames(t *testing.T) {
	for _, c := range []struct {
		name  string
		files []string
		want  string // in the error; "" when the zip is fine
	}{
		{"plain", []string{"index.html", "fr/img/a b.png", "fr/é.html"}, ""},
		{"backslash", []string{`fr\index.html`}, `"site/fr\\index.html": contains "\"`},
		{"drive letter", []string{"C:/Windows/x.html"}, `"site/C:/Windows/x.html": contains ":"`},
		{"colon inside", []string{"fr/a:b.png"}, `contains ":"`},
		{"newline", []string{"fr/a\nb.png"}, "control character U+000A"},
		{"tab", []string{"fr/a\tb.png"}, "control character U+0009"},
		{"delete", []string{"fr/a\x7fb.png"}, "control character U+007F"},
		{"C1 control", []string{"fr/a\u0085b.png"}, "control character U+0085"},
		{"dot dot", []string{"../etc/passwd"}, `contains ".."`},
		{"dot dot inside", []string{"fr/../../x"}, `contains ".."`},
		{"dot part", []string{"fr/./x.html"}, `"." part`},
		{"empty part", []string{"fr//x.html"}, `empty or "." part`},
		{"trailing slash", []string{"fr/"}, `empty or "." part`},
		{"absolute", []string{"/etc/passwd"}, `"site//etc/passwd"`},
		{"not UTF-8", []string{"fr/\xff.png"}, "UTF-8"},
		{"case duplicates", []string{"fr/A.png", "fr/a.png"}, `"site/fr/A.png" and "site/fr/a.png" would be one file`},
		{"file and folder", []string{"fr/img", "fr/img/x.png"}, `"site/fr/img" is a file and the folder of "site/fr/img/x.png"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string][]byte{}
			for _, f := range c.files {
				files[f] = []byte("x")
			}
			z, err := Zip("site", files, time.Time{})
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want == "":
				if len(z) == 0 {
					t.Fatal("no zip")
				}
			case err == nil:
				t.Fatalf("packed %q without a word", c.files)
			case !strings.Contains(err.Error(), c.want):
				t.Fatalf("error %q, want it to say %q", err, c.want)
			case z != nil:
				t.Fatal("a zip came back with the error")
			}
		})
	}
}

// The drive-letter check holds for an archive without a root folder (an
// EPUB's entries), where "C:" starts the name.
func TestCheckNameDriveLetter(t *testing.T) {
	for _, n := range []string{"C:/x", "c:x", "Z:"} {
		if err := checkName(n); err == nil || !strings.Contains(err.Error(), "drive letter") {
			t.Errorf("%q: %v", n, err)
		}
	}
	if err := checkNames([]string{"mimetype", "OEBPS/x.xhtml", "MimeType"}); err == nil {
		t.Error("an entry named like mimetype, case aside, passed")
	}
}

func TestUUIDv5(t *testing.T) {
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	for _, c := range []struct {
		space [16]byte
		name  string
		want  string
	}{
		// Python's uuid.uuid5, the reference implementation of RFC 4122.
		{dns, "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d"},
		{namespaceURL, "sobre:epub:x:fr", "ec09ad3a-cd3d-5029-a5c9-2bf5470c22bc"},
	} {
		if got := UUIDv5(c.space, c.name); got != c.want {
			t.Errorf("UUIDv5(%q) = %s, want %s", c.name, got, c.want)
		}
	}
	a, b := Book{ID: "x", Lang: "fr"}.Identifier(), Book{ID: "x", Lang: "nl"}.Identifier()
	if a == b || a != "urn:uuid:ec09ad3a-cd3d-5029-a5c9-2bf5470c22bc" {
		t.Errorf("identifiers %s and %s", a, b)
	}
}
