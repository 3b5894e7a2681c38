package build_test

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestPageRefsRead reads the toolkit's booklets back (the French A4
// handout, A5 and large print, the Dutch and English handouts): every
// page reference printed ("(p. 14)", ", p. 14") is the end of a link
// annotation's text; its number is the page the link leads to, whose
// footer prints that number, and that page holds the heading the link
// leads to (the bookmark at the same place names it).
func TestPageRefsRead(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, "../", out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{toolkitPDF("fr", "a4"), toolkitPDF("fr", "a5"), toolkitPDF("fr", "large-print"), toolkitPDF("nl", "a4"), toolkitPDF("en", "a4")} {
		checkPageRefs(t, out, name)
	}
}

// checkPageRefs checks the page references of a booklet (TestPageRefsRead).
func checkPageRefs(t *testing.T, out, name string) {
	t.Helper()
	file := filepath.Join(out, name)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	objects := pdfObjects(data)
	pages := map[string]int{} // page object -> its number, from 1
	if m := regexp.MustCompile(`/Type /Pages /Kids \[([^\]]*)\]`).FindSubmatch(objects); m != nil {
		for i, ref := range regexp.MustCompile(`\d+ 0 R`).FindAll(m[1], -1) {
			pages[string(ref)] = i + 1
		}
	}
	dest := `\[(\d+ 0 R) /XYZ 0 ([-\d.]+) null\]`
	heads := map[string]string{} // place -> the heading's title, from the bookmarks
	for _, m := range regexp.MustCompile(`/Title (\((?:[^\\)]|\\.)*\)|<[0-9A-F]+>) /Parent \d+ 0 R /Dest `+dest).FindAllSubmatch(objects, -1) {
		heads[string(m[2])+" "+string(m[3])] = pdfText(m[1])
	}
	texts := map[int]string{}
	pageText := func(n int) string {
		if _, ok := texts[n]; !ok {
			text, err := exec.Command("pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-enc", "UTF-8", file, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			texts[n] = strings.Join(strings.Fields(string(text)), " ")
		}
		return texts[n]
	}
	ref := regexp.MustCompile(`(?:\(|, )p\.[\s\x{a0}](\d+)\)?$`)
	links, named := 0, 0
	for _, m := range regexp.MustCompile(`/A << /S /GoTo /D `+dest+` >> /Contents (\((?:[^\\)]|\\.)*\)|<[0-9A-F]+>)`).FindAllSubmatch(objects, -1) {
		contents := pdfText(m[3])
		r := ref.FindStringSubmatch(contents)
		if r == nil {
			continue
		}
		links++
		n, _ := strconv.Atoi(r[1])
		if to := pages[string(m[1])]; n != to {
			t.Errorf("%s: %q leads to page %d", name, contents, to)
			continue
		}
		if !strings.Contains(pageText(n), " · "+r[1]) {
			t.Errorf("%s: %q: page %d's footer does not number it so", name, contents, n)
		}
		if title, ok := heads[string(m[1])+" "+string(m[2])]; ok {
			named++
			if !strings.Contains(pageText(n), strings.Join(strings.Fields(title), " ")) {
				t.Errorf("%s: %q: page %d does not hold %q", name, contents, n, title)
			}
		}
	}
	whole, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	printed := len(regexp.MustCompile(`(?:\(|, )p\.\s\d+`).FindAll(whole, -1))
	t.Logf("%s: %d page references printed, %d links end with one, %d of them to a bookmarked heading", name, printed, links, named)
	if links < 50 || printed != links {
		t.Errorf("%s: %d page references printed, %d links end with one: want as many, 50 at least", name, printed, links)
	}
	if named < links*9/10 {
		t.Errorf("%s: only %d of %d references lead to a bookmarked heading: the check reads too few", name, named, links)
	}
}

// pdfObjects is a PDF's objects as text, its streams inflated (the
// object streams hold the dictionaries).
func pdfObjects(data []byte) []byte {
	all := append([]byte(nil), data...)
	for _, m := range regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`).FindAllSubmatch(data, -1) {
		z, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		plain, _ := io.ReadAll(z)
		all = append(all, plain...)
	}
	return all
}

// pdfText decodes a PDF text string: a literal, or UTF-16 in hex.
func pdfText(s []byte) string {
	if s[0] == '(' {
		return strings.NewReplacer(`\(`, "(", `\)`, ")", `\\`, `\`).Replace(string(s[1 : len(s)-1]))
	}
	b, err := hex.DecodeString(strings.TrimPrefix(string(s[1:len(s)-1]), "FEFF"))
	if err != nil {
		return ""
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}
