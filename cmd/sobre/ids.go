package main

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"

	"github.com/yuin/goldmark/ast"

	"sobre/build/content"
	"sobre/build/markup"
	"sobre/build/web"
)

// headingIDs returns a page file (front matter and body) with an explicit
// id written after every heading that has none ("## Payer {#payer}"), the
// id the build gives it today, so that links to it keep working and a
// translation made from the page keeps the same ids. Every other byte is
// kept. n is the number of ids written. The result is parsed again and
// refused if its ids differ from the page's.
func headingIDs(file, lang string, data []byte) (out []byte, n int, err error) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.Contains(data, []byte("\r\n")) {
		return nil, 0, fmt.Errorf("%s: has a byte-order mark or Windows line ends; save it as UTF-8 with LF line ends first", file)
	}
	_, body, _, err := content.SplitFrontMatter(data)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %v", file, err)
	}
	if !bytes.HasSuffix(data, body) {
		return nil, 0, fmt.Errorf("%s: cannot find where its body starts", file)
	}
	head := data[:len(data)-len(body)]
	parse := func(b []byte) *markup.Doc {
		return markup.Parse(b, markup.Options{Lang: lang, File: file, ReservedIDs: web.ReservedIDs})
	}
	doc := parse(body)
	var at []int // where to insert, in body
	var ids []string
	_ = ast.Walk(doc.Root, func(nd ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := nd.(*ast.Heading)
		if !entering || !ok || h.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		id, _ := h.AttributeString("id")
		b, _ := id.([]byte)
		end := h.Lines().At(h.Lines().Len() - 1).Stop
		eol := len(body)
		if i := bytes.IndexByte(body[end:], '\n'); i >= 0 {
			eol = end + i
		}
		if len(b) == 0 || bytes.Contains(body[end:eol], []byte("{")) {
			return ast.WalkSkipChildren, nil // explicit already, or none to give
		}
		at = append(at, len(bytes.TrimRight(body[:eol], " \t")))
		ids = append(ids, string(b))
		return ast.WalkSkipChildren, nil
	})
	if len(at) == 0 {
		return data, 0, nil
	}
	var nb []byte
	last := 0
	for i, p := range at {
		nb = append(nb, body[last:p]...)
		nb = append(nb, " {#"+ids[i]+"}"...)
		last = p
	}
	nb = append(nb, body[last:]...)
	if before, after := parse(body).IDs(), parse(nb).IDs(); !slices.Equal(before, after) {
		return nil, 0, fmt.Errorf("%s: writing heading ids would change them (%v, then %v): write them by hand", file, before, after)
	}
	return append(append([]byte{}, head...), nb...), len(at), nil
}

// sourceIDs gives the headings of a source page explicit ids before it is
// translated: with write, it writes them into the file in place (keeping
// every other byte); without, it only says how many are missing, as
// translated headings without ids would get ids from the translated text.
func sourceIDs(srcDir, lang, key string, write bool, stdout, stderr io.Writer) error {
	file := path.Join(content.Dir, lang, key)
	data, err := readSite(srcDir, file)
	if err != nil {
		return err
	}
	out, n, err := headingIDs(file, lang, data)
	if err != nil || n == 0 {
		return err
	}
	if !write {
		fmt.Fprintf(stderr, "note: %d heading(s) of %s have no explicit id, so the translation's would be made from its own words and links to them (#…) would differ between languages; run sobre new -ids to write them into %s first\n", n, file, file)
		return nil
	}
	if err := writeFile(filepath.Join(srcDir, filepath.FromSlash(file)), out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d heading id(s) into %s\n", n, file)
	return nil
}
