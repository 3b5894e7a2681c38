package bundle

import "strings"

// ChapterLink is a link of the site as a chapter of the e-book names it:
// a page of the site ("../charte.html#x") is the chapter "../charte.xhtml#x";
// addresses with a scheme and other files are kept. It is the EPUB's
// markup.Target link.
func ChapterLink(dest string) string {
	p, frag, hasFrag := strings.Cut(dest, "#")
	name, ok := strings.CutSuffix(p, ".html")
	if !ok || name == "" || strings.Contains(p, ":") {
		return dest
	}
	if hasFrag {
		return name + ".xhtml#" + frag
	}
	return name + ".xhtml"
}

var (
	textEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEsc = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
)

// escapeText and escapeAttr escape for XML the strings the package writes
// into its documents (titles, languages, file names).
func escapeText(s string) string { return textEsc.Replace(s) }
func escapeAttr(s string) string { return attrEsc.Replace(s) }
