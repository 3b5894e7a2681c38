package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
)

// Book is an EPUB 3 publication in one language.
type Book struct {
	Lang, Title string
	// Publisher is the organisation that publishes the book, and so
	// vouches for its accessibility (a11y:certifiedBy); empty when unknown.
	Publisher string
	ID        string // a stable name of the site: the identifier is derived from it and Lang
	Modified  time.Time
	Summary   string // schema:accessibilitySummary, in Lang
	Chapters  []Chapter
	// Files are the stylesheet and images, by path inside the book.
	Files map[string][]byte
	CSS   string // path of the stylesheet among Files
	// Rights is the licence line of dc:rights.
	Rights string
	// Labels name the navigation document's parts, in Lang.
	TOCTitle, LandmarksTitle string
}

// Chapter is one page: its path inside the book ("modules/milieu.xhtml"),
// title, language, depth in the table of contents and XHTML body.
type Chapter struct {
	Path, Title, Lang string
	Depth             int
	Body              []byte
	// Notices come before the text, in the book's language: how the
	// page was made, an outdated translation (generated.Notices).
	Notices []string
}

// EPUB packs a book as EPUB 3: mimetype first and stored, the container,
// the package document with EPUB Accessibility 1.1 metadata, a navigation
// document, one XHTML document per chapter. Same book, same bytes.
func EPUB(bk Book) ([]byte, error) {
	mod := bk.Modified
	if mod.IsZero() || mod.Before(Epoch) {
		mod = Epoch
	}
	files := map[string][]byte{}
	files["META-INF/container.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`)
	for _, c := range bk.Chapters {
		files["OEBPS/"+c.Path] = chapterDoc(bk, c)
	}
	files["OEBPS/nav.xhtml"] = navDoc(bk)
	for p, data := range bk.Files {
		files["OEBPS/"+p] = data
	}
	files["OEBPS/package.opf"] = packageDoc(bk, mod)

	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	w.RegisterCompressor(zip.Deflate, deflater)
	// The mimetype entry comes first, uncompressed, with no extra field:
	// reading systems sniff it at a fixed offset.
	mh := &zip.FileHeader{Name: "mimetype", Method: zip.Store}
	f, err := w.CreateHeader(mh)
	if err != nil {
		return nil, err
	}
	f.Write([]byte("application/epub+zip"))
	if err := writeSorted(w, "", files, mod, "mimetype"); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func x(s string) string { return escapeAttr(s) }

func rel(from, to string) string {
	fd := path.Dir(from)
	if fd == "." {
		return to
	}
	up := strings.Count(fd, "/") + 1
	return strings.Repeat("../", up) + to
}

func chapterDoc(bk Book, c Chapter) []byte {
	lang := c.Lang
	if lang == "" {
		lang = bk.Lang
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="` + x(lang) + `" xml:lang="` + x(lang) + `">
<head><meta charset="UTF-8"/><title>` + escapeText(c.Title) + `</title>`)
	if bk.CSS != "" {
		b.WriteString(`<link rel="stylesheet" type="text/css" href="` + x(rel(c.Path, bk.CSS)) + `"/>`)
	}
	b.WriteString("</head>\n<body>\n<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"chapter-title\">\n<h1 id=\"chapter-title\">" + escapeText(c.Title) + "</h1>\n")
	if len(c.Notices) > 0 {
		lang := ""
		if bk.Lang != c.Lang {
			lang = ` lang="` + x(bk.Lang) + `" xml:lang="` + x(bk.Lang) + `"`
		}
		b.WriteString(`<div class="notice" role="note"` + lang + ">")
		for _, n := range c.Notices {
			b.WriteString("<p>" + escapeText(n) + "</p>")
		}
		b.WriteString("</div>\n")
	}
	b.Write(c.Body)
	b.WriteString("\n</section>\n</body>\n</html>\n")
	return []byte(b.String())
}

func navDoc(bk Book) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="` + x(bk.Lang) + `" xml:lang="` + x(bk.Lang) + `">
<head><meta charset="UTF-8"/><title>` + escapeText(bk.Title) + `</title></head>
<body>
<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title"><h1 id="toc-title">` + escapeText(bk.TOCTitle) + "</h1>\n<ol>")
	// Chapters nest by depth: a folder's pages under its index page.
	depth := 0
	for i, c := range bk.Chapters {
		d := c.Depth
		if i > 0 {
			switch {
			case d > depth:
				b.WriteString("<ol>")
			case d < depth:
				b.WriteString(strings.Repeat("</li></ol>", depth-d) + "</li>")
			default:
				b.WriteString("</li>")
			}
		}
		depth = d
		lang := ""
		if c.Lang != "" && c.Lang != bk.Lang {
			lang = ` lang="` + x(c.Lang) + `" xml:lang="` + x(c.Lang) + `"`
		}
		b.WriteString(`<li><a href="` + x(c.Path) + `"` + lang + `>` + escapeText(c.Title) + `</a>`)
	}
	b.WriteString(strings.Repeat("</li></ol>", depth) + "</li></ol>\n</nav>\n")
	if len(bk.Chapters) > 0 {
		b.WriteString(`<nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-labelledby="landmarks-title"><h2 id="landmarks-title">` + escapeText(bk.LandmarksTitle) + `</h2>
<ol><li><a epub:type="bodymatter" href="` + x(bk.Chapters[0].Path) + `">` + escapeText(bk.Chapters[0].Title) + "</a></li></ol>\n</nav>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

// a11yMeta is the discovery metadata of EPUB Accessibility 1.1 §2.2
// (https://www.w3.org/TR/epub-a11y-11/#sec-discovery), schema.org terms:
// how the content is perceived (accessMode: text, and images when there
// are some, each with a text alternative, so text alone suffices), what
// helps (structure, contents, reading order, alternatives), no hazard,
// and a summary in the book's language. Then the conformance statement,
// vouched for by the publisher when the site names one.
func a11yMeta(bk Book) string {
	var b strings.Builder
	meta := func(prop, val string) {
		b.WriteString(`<meta property="` + prop + `">` + escapeText(val) + "</meta>\n")
	}
	meta("schema:accessMode", "textual")
	images := false
	for p := range bk.Files {
		if strings.HasPrefix(mediaType(p), "image/") {
			images = true
		}
	}
	if images {
		meta("schema:accessMode", "visual")
	}
	meta("schema:accessModeSufficient", "textual")
	for _, f := range []string{"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"} {
		meta("schema:accessibilityFeature", f)
	}
	meta("schema:accessibilityHazard", "none")
	meta("schema:accessibilitySummary", bk.Summary)
	meta("dcterms:conformsTo", ConformsTo)
	if bk.Publisher != "" {
		meta("a11y:certifiedBy", bk.Publisher)
	}
	return b.String()
}

func mediaType(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".xhtml":
		return "application/xhtml+xml"
	case ".css":
		return "text/css"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	}
	return "application/octet-stream"
}

// namespaceURL is the RFC 4122 name space for URLs (appendix C).
var namespaceURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// UUIDv5 is the name-based UUID of RFC 4122 §4.3 (SHA-1, version 5): the
// same name always gives the same identifier, so that a rebuilt book is
// the same publication to a reading system, and the build stays
// byte-identical.
func UUIDv5(space [16]byte, name string) string {
	h := sha1.New()
	h.Write(space[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // the RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// Identifier is the book's dc:identifier: a UUID named after the site
// and the language, as a URN.
func (bk Book) Identifier() string {
	return "urn:uuid:" + UUIDv5(namespaceURL, "sobre:epub:"+bk.ID+":"+bk.Lang)
}

// ConformsTo is the conformance statement of EPUB Accessibility 1.1,
// §2.1 "Conformance reporting" (https://www.w3.org/TR/epub-a11y-11/#sec-conf-reporting):
// the value must read "EPUB Accessibility 1.1 - WCAG 2.X Level (A|AA|AAA)".
// The site is built to WCAG 2.2 AA (its build refuses what it can check).
const ConformsTo = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

// a11yPrefix declares the accessibility vocabulary: it is reserved in EPUB
// 3.3, but epubcheck 4 (EPUB 3.2 rules) wants it declared.
const a11yPrefix = "a11y: http://www.idpf.org/epub/vocab/package/a11y/#"

func packageDoc(bk Book, mod time.Time) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="` + x(bk.Lang) + `" prefix="` + a11yPrefix + `">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">` + bk.Identifier() + `</dc:identifier>
<dc:title>` + escapeText(bk.Title) + `</dc:title>
<dc:language>` + x(bk.Lang) + `</dc:language>
`)
	if bk.Publisher != "" {
		b.WriteString("<dc:publisher>" + escapeText(bk.Publisher) + "</dc:publisher>\n")
	}
	if bk.Rights != "" {
		b.WriteString("<dc:rights>" + escapeText(bk.Rights) + "</dc:rights>\n")
	}
	b.WriteString(`<meta property="dcterms:modified">` + mod.UTC().Format("2006-01-02T15:04:05Z") + "</meta>\n")
	b.WriteString(a11yMeta(bk))
	b.WriteString(`</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
`)
	ids := map[string]string{}
	for i, c := range bk.Chapters {
		id := fmt.Sprintf("c%d", i+1)
		ids[c.Path] = id
		b.WriteString(`<item id="` + id + `" href="` + x(c.Path) + `" media-type="application/xhtml+xml"/>` + "\n")
	}
	var other []string
	for p := range bk.Files {
		other = append(other, p)
	}
	sort.Strings(other)
	for i, p := range other {
		b.WriteString(fmt.Sprintf(`<item id="f%d" href="%s" media-type="%s"/>`+"\n", i+1, x(p), mediaType(p)))
	}
	b.WriteString("</manifest>\n<spine>\n")
	for _, c := range bk.Chapters {
		b.WriteString(`<itemref idref="` + ids[c.Path] + `"/>` + "\n")
	}
	b.WriteString("</spine>\n</package>\n")
	return []byte(b.String())
}
