package web

import (
	"bytes"
	"html/template"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"

	"sobre/build/content"
)

// LeavesBundle marks the links of an offline bundle that leave it on
// purpose: in a one-language bundle, the switcher's links to the other
// languages on the site at base_url. Checkers of bundles allow them,
// and only them, to point off the bundle.
const LeavesBundle = "data-leaves-bundle"

// bundleDownloads renders, for a page of an offline bundle at from, the
// booklets of its language that the bundle holds (list holds only those):
// links relative to the page, opened in place rather than downloaded, as
// the files are already on the reader's disk. more, when set, says what
// the bundle left out, without a link.
func (r *Renderer) bundleDownloads(lang, from string, list []Download, more string) (template.HTML, error) {
	s := r.strings[lang]
	d := bundleDownloadsData{More: more}
	for _, dl := range list {
		key, ok := downloadLabels[dl.Kind]
		if dl.Lang != lang || !ok || !dl.Kind.Booklet() {
			continue // a bundle does not hold bundles
		}
		d.Items = append(d.Items, downloadItem{Href: content.Rel(from, dl.Path),
			Label: s.T(key, map[string]string{"Name": LanguageName(dl.Lang, lang), "Size": FormatSize(s, dl.Size)})})
	}
	if len(d.Items) == 0 && more == "" {
		return "", nil
	}
	name := "bundle-downloads"
	if r.tmpl[lang].Lookup(name) == nil {
		name = "downloads" // a theme of its own, made before bundles listed their files
	}
	return r.fragment(lang, name, d)
}

type bundleDownloadsData struct {
	Items []downloadItem
	More  string
}

// rebase rewrites the relative addresses of an HTML fragment written for
// a page at from so that they hold for the same page at to: the home of
// a one-language bundle, shown at the bundle's root. Addresses with a
// scheme, from the root, or within the page (#id) are kept.
func rebase(src []byte, from, to string) []byte {
	if path.Dir(from) == path.Dir(to) {
		return src
	}
	var b bytes.Buffer
	l := html.NewLexer(parse.NewInputBytes(src))
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return b.Bytes()
		case html.AttributeToken:
			switch strings.ToLower(string(l.AttrKey())) {
			case "href", "src", "action", "poster", "data":
				val := l.AttrVal()
				q := byte('"')
				if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
					q, val = val[0], val[1:len(val)-1]
				}
				head := data[:bytes.IndexByte(data, '=')+1]
				b.Write(head)
				b.WriteByte(q)
				b.WriteString(rebaseURL(string(val), from, to))
				b.WriteByte(q)
				continue
			}
		}
		b.Write(data)
	}
}

// rebaseURL moves one address from a page at from to the same page at to.
func rebaseURL(u, from, to string) string {
	if u == "" || strings.HasPrefix(u, "#") || strings.HasPrefix(u, "?") || strings.HasPrefix(u, "/") {
		return u
	}
	p, rest := u, ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		p, rest = u[:i], u[i:]
	}
	if strings.Contains(p, ":") && !strings.Contains(p[:strings.Index(p, ":")], "/") {
		return u // a scheme: mailto:, https:, data:
	}
	target := path.Join(path.Dir(from), p)
	if strings.HasSuffix(p, "/") {
		target += "/"
	}
	return content.Rel(to, target) + rest
}
