// Package resolve checks and rewrites the links and images of parsed pages:
// a link to another Markdown file becomes a relative link to the page it
// builds in the same language tree, so the site works from disk and from any
// sub-folder; a link to a missing page, anchor or file is an error.
package resolve

import (
	"bytes"
	"image"
	_ "image/gif" // registers the decoders Size relies on
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/markup"
	"sobre/build/pdf/svg"
)

// Links resolves every link and image of every page instance.
func Links(site *content.Site, docs map[*content.Page]*markup.Doc) diag.List {
	var problems diag.List
	statics := map[string]map[string]bool{}
	files := map[string]map[string]*content.Static{}
	for lang, list := range site.Statics {
		statics[lang] = map[string]bool{}
		files[lang] = map[string]*content.Static{}
		for _, s := range list {
			statics[lang][s.Key] = true
			files[lang][s.Key] = s
		}
	}
	for _, lang := range site.Config.Codes() {
		for _, p := range site.Pages[lang] {
			d := docs[p]
			if d == nil {
				continue
			}
			file := p.Source.File
			for _, l := range d.Links {
				if isGlossary(l.Node) {
					if msg := glossary(site, docs, p, string(l.Node.Destination)); msg != "" {
						problems.Errorf(file, l.Line, "glossary", "%s", msg)
						continue
					}
				}
				dest, msg := resolve(site, docs, statics, p, d, string(l.Node.Destination), false)
				if msg != "" {
					problems.Errorf(file, l.Line, "link", "%s", msg)
					continue
				}
				l.Node.Destination = []byte(dest)
			}
			for _, im := range d.Images {
				dest, msg := resolve(site, docs, statics, p, d, string(im.Node.Destination), true)
				if msg != "" {
					problems.Errorf(file, im.Line, "image", "%s", msg)
					continue
				}
				im.Node.Destination = []byte(dest)
				if u, err := url.Parse(dest); err == nil && u.Scheme == "" {
					key := path.Clean(path.Join(path.Dir(p.Key), u.Path))
					if f := files[p.Lang][key]; f != nil {
						if w, h, ok := Size(f.Data); ok {
							// Reserved space: the page does not jump as images load.
							im.Node.SetAttributeString("width", []byte(strconv.Itoa(w)))
							im.Node.SetAttributeString("height", []byte(strconv.Itoa(h)))
						}
					}
				}
			}
		}
	}
	return problems
}

func resolve(site *content.Site, docs map[*content.Page]*markup.Doc, statics map[string]map[string]bool, p *content.Page, d *markup.Doc, dest string, image bool) (string, string) {
	what := "link"
	if image {
		what = "image"
	}
	if dest == "" {
		return "", "empty " + what + " address: write the file it points to"
	}
	if strings.HasPrefix(dest, "//") {
		return "", what + " " + dest + " has no scheme: write https://…"
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", what + " " + dest + " is not a valid address: " + err.Error()
	}
	if u.Scheme != "" {
		if image {
			return "", "image " + dest + " is on another host; pages never load anything from elsewhere: copy the file into content/" + p.Source.Lang + "/ and link it relatively"
		}
		switch u.Scheme {
		case "http", "https", "mailto", "tel":
			return dest, ""
		}
		return "", "link " + dest + ": scheme " + u.Scheme + ": is not allowed; use https:, mailto: or a relative link"
	}
	if strings.HasPrefix(u.Path, "/") {
		return "", what + " " + dest + " starts at the root, which breaks on a USB stick and in sub-folders: write it relative to this file, like ../" + strings.TrimPrefix(u.Path, "/")
	}
	if u.Path == "" {
		if !image && u.Fragment != "" && !d.Anchors()[u.Fragment] {
			return "", "link to #" + u.Fragment + ": no heading of this page has that id" + known(d)
		}
		return dest, ""
	}
	key := path.Clean(path.Join(path.Dir(p.Key), u.Path))
	if key == ".." || strings.HasPrefix(key, "../") {
		return "", what + " " + dest + " leaves the language folder content/" + p.Source.Lang + "/: link to pages of the same language (the language switcher links the others)"
	}
	if strings.HasSuffix(u.Path, ".md") {
		if image {
			return "", "image " + dest + " is a Markdown file"
		}
		target := site.ByKey[p.Lang][key]
		if target == nil {
			return "", "link to " + u.Path + ": content/" + p.Source.Lang + "/" + key + " does not exist; fix the path or create the page"
		}
		if u.Fragment != "" {
			if td := docs[target]; td != nil && !td.Anchors()[u.Fragment] {
				return "", "link to " + u.Path + "#" + u.Fragment + ": that page has no heading with id " + u.Fragment + known(td)
			}
		}
		out := content.Rel(p.Out, target.Out)
		if u.Fragment != "" {
			out += "#" + u.Fragment
		}
		return out, ""
	}
	if strings.HasSuffix(u.Path, ".html") && !statics[p.Lang][key] {
		return "", "link to " + u.Path + ": link to the Markdown file (" + strings.TrimSuffix(u.Path, ".html") + ".md) so the build can check it and give the right name in every language"
	}
	if !statics[p.Lang][key] {
		return "", what + " " + dest + ": content/" + p.Source.Lang + "/" + key + " does not exist; add the file or fix the path"
	}
	return dest, ""
}

func isGlossary(n ast.Node) bool {
	v, ok := n.AttributeString("class")
	b, _ := v.([]byte)
	return ok && string(b) == markup.GlossaryClass
}

// glossary explains a "[[term]]" link whose entry is missing, in a
// glossary writer's words rather than a link checker's.
func glossary(site *content.Site, docs map[*content.Page]*markup.Doc, p *content.Page, dest string) string {
	_, id, _ := strings.Cut(dest, "#")
	key := site.Config.Glossary
	g := site.ByKey[p.Lang][key]
	if g == nil {
		return "glossary term [[…|" + id + "]]: there is no glossary page content/" + site.Config.DefaultLanguage + "/" + key + "; create it"
	}
	if d := docs[g]; d != nil && !d.Anchors()[id] {
		return "glossary term [[…|" + id + "]]: " + g.Source.File + " has no entry with id " + id + "; add \"## Term {#" + id + "}\" there, or link another id with [[text|id]]"
	}
	return ""
}

func known(d *markup.Doc) string {
	if len(d.Headings) == 0 {
		return ""
	}
	var ids []string
	for i, h := range d.Headings {
		if i == 8 {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, h.ID)
	}
	return " (ids here: " + strings.Join(ids, ", ") + ")"
}

// Size reads an image's intrinsic size, in pixels: PNG, JPEG and GIF
// from their headers, SVG from its root element (svg.Size: width and
// height, or the viewBox), rounded.
func Size(data []byte) (w, h int, ok bool) {
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
		return cfg.Width, cfg.Height, cfg.Width > 0 && cfg.Height > 0
	}
	fw, fh, err := svg.Size(data)
	if err != nil {
		return 0, 0, false
	}
	w, h = int(fw+0.5), int(fh+0.5)
	return w, h, w > 0 && h > 0
}
