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
	Lang, Title, Publisher string
	ID                     string // a stable name: the identifier is derived from it
	Modified               time.Time
	Summary                string // schema:accessibilitySummary, in Lang
	Chapters               []Chapter
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
	if err := writeSorted(w, "", files, mod); err != nil {
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

func packageDoc(bk Book, mod time.Time) []byte {
	sum := sha1.Sum([]byte("sobre:" + bk.ID + ":" + bk.Lang))
	uuid := fmt.Sprintf("%x-%x-5%x-%x-%x", sum[0:4], sum[4:6], sum[6:8][1:], append([]byte{sum[8]&0x3f | 0x80}, sum[9]), sum[10:16])
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="` + x(bk.Lang) + `">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:` + uuid + `</dc:identifier>
<dc:title>` + escapeText(bk.Title) + `</dc:title>
<dc:language>` + x(bk.Lang) + `</dc:language>
`)
	if bk.Publisher != "" {
		b.WriteString("<dc:publisher>" + escapeText(bk.Publisher) + "</dc:publisher>\n")
	}
	if bk.Rights != "" {
		b.WriteString("<dc:rights>" + escapeText(bk.Rights) + "</dc:rights>\n")
	}
	b.WriteString(`<meta property="dcterms:modified">` + mod.UTC().Format("2006-01-02T15:04:05Z") + `</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessMode">visual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityFeature">readingOrder</meta>
<meta property="schema:accessibilityFeature">alternativeText</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">` + escapeText(bk.Summary) + `</meta>
</metadata>
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
