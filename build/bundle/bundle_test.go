package bundle

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestZipIsReproducible(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("<p>hi</p>"), "fr/a.html": []byte("a"), "img/x.png": []byte("PNG")}
	a, err := Zip("site-fr", files, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	again := map[string][]byte{}
	for k, v := range files { // same files, built in another order
		again[k] = append([]byte(nil), v...)
	}
	b, _ := Zip("site-fr", again, time.Time{})
	if !bytes.Equal(a, b) {
		t.Fatal("two zips of the same files differ")
	}
	r, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"site-fr/fr/a.html", "site-fr/img/x.png", "site-fr/index.html"}
	for i, f := range r.File {
		if f.Name != want[i] {
			t.Errorf("entry %d = %s, want %s", i, f.Name, want[i])
		}
		if !f.Modified.Equal(Epoch) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		if !bytes.Equal(data, files[f.Name[len("site-fr/"):]]) {
			t.Errorf("%s content differs", f.Name)
		}
	}
	if r.File[1].Method != zip.Store {
		t.Error("PNG should be stored, not deflated")
	}
	when := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	c, _ := Zip("site-fr", files, when)
	r2, _ := zip.NewReader(bytes.NewReader(c), int64(len(c)))
	if !r2.File[0].Modified.Equal(when) {
		t.Errorf("SOURCE_DATE_EPOCH time not used: %v", r2.File[0].Modified)
	}
}

func TestEPUB(t *testing.T) {
	bk := Book{Lang: "fr", Title: "Titre", ID: "x", Publisher: "Asbl & co", Summary: "Résumé", TOCTitle: "Table", LandmarksTitle: "Repères",
		Chapters: []Chapter{
			{Path: "index.xhtml", Title: "Accueil", Body: []byte("<p>Bonjour</p>")},
			{Path: "modules/index.xhtml", Title: "Modules", Body: []byte("<p>M</p>")},
			{Path: "modules/a.xhtml", Title: "A", Depth: 1, Lang: "en", Body: []byte(`<p><a href="../index.xhtml">home</a></p>`)},
		},
		Files: map[string][]byte{"style.css": []byte("p{}"), "img/x.svg": []byte("<svg/>")}, CSS: "style.css"}
	a, err := EPUB(bk)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := EPUB(bk)
	if !bytes.Equal(a, b) {
		t.Fatal("two EPUBs of one book differ")
	}
	if !bytes.HasPrefix(a[30:], []byte("mimetypeapplication/epub+zip")) {
		t.Errorf("mimetype must come first, stored, without extra field: %q", a[:70])
	}
	r, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		for _, f := range r.File {
			if f.Name == name {
				rc, _ := f.Open()
				d, _ := io.ReadAll(rc)
				return string(d)
			}
		}
		t.Fatalf("%s missing", name)
		return ""
	}
	opf := read("OEBPS/package.opf")
	for _, want := range []string{`<meta property="schema:accessibilityHazard">none</meta>`, `<meta property="schema:accessModeSufficient">textual</meta>`,
		`<meta property="schema:accessibilitySummary">Résumé</meta>`, `properties="nav"`,
		`<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>`,
		`<meta property="schema:accessMode">visual</meta>`, `<meta property="a11y:certifiedBy">Asbl &amp; co</meta>`,
		`prefix="a11y: http://www.idpf.org/epub/vocab/package/a11y/#"`, `<dc:identifier id="uid">` + bk.Identifier() + `</dc:identifier>`, `href="img/x.svg" media-type="image/svg+xml"`, `<itemref idref="c3"/>`} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	if !regexp.MustCompile(`<dc:identifier id="uid">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}</dc:identifier>`).MatchString(opf) {
		t.Errorf("the identifier is no RFC 4122 version 5 UUID: %s", opf)
	}
	nav := read("OEBPS/nav.xhtml")
	if !strings.Contains(nav, `<li><a href="modules/index.xhtml">Modules</a><ol><li><a href="modules/a.xhtml" lang="en" xml:lang="en">A</a></li></ol></li></ol>`) {
		t.Errorf("nav does not nest the folder's pages: %s", nav)
	}
	ch := read("OEBPS/modules/a.xhtml")
	if !strings.Contains(ch, `lang="en" xml:lang="en"`) || !strings.Contains(ch, `href="../style.css"`) {
		t.Errorf("chapter: %s", ch)
	}
	for _, f := range []string{nav, ch, opf} {
		d := xml.NewDecoder(strings.NewReader(f))
		for {
			if _, err := d.Token(); err != nil {
				if err != io.EOF {
					t.Fatalf("not well-formed: %v", err)
				}
				break
			}
		}
	}
}
