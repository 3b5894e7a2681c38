package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Block is a paragraph-sized piece of a source page: the text between two
// blank lines. Translation records keep one short hash per block, so that
// a changed source says which of its paragraphs changed.
type Block struct {
	Line int    // file line of the block's first line
	Text string // normalised: lines trimmed, runs of spaces collapsed
	Hash string
}

// Fingerprint identifies a source page's text at one moment.
type Fingerprint struct {
	Hash   string   // of the title and the whole body
	Blocks []string // hash of each block, in order
}

func shortHash(s string, n int) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:n]
}

// Blocks splits a source's body into blocks.
func Blocks(s *Source) []Block {
	var out []Block
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			t := strings.Join(cur, " ")
			out = append(out, Block{Line: start, Text: t, Hash: shortHash(t, 8)})
			cur = nil
		}
	}
	for i, l := range strings.Split(string(s.Body), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			start = s.BodyLine + i
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// Print fingerprints a source page. Only its text counts: settings such as
// weight or slug may change without making translations outdated.
func Print(s *Source) Fingerprint {
	// The page's hash reads paragraphs, as it always has: a finer cut
	// must not make every translation outdated.
	var all strings.Builder
	all.WriteString(strings.TrimSpace(s.Front.Title))
	for _, b := range Blocks(s) {
		all.WriteString("\n\n" + b.Text)
	}
	f := Fingerprint{Hash: shortHash(all.String(), 12)}
	for _, u := range Units(s.Body, s.BodyLine) {
		f.Blocks = append(f.Blocks, u.Hash)
	}
	return f
}

// State is where a translated page stands against its source.
type State string

const (
	Original  State = "original"   // the page is in the source language
	UpToDate  State = "up-to-date" // translated from the current source
	Outdated  State = "outdated"   // the source changed since
	Untracked State = "untracked"  // no source hash recorded: cannot tell
	Missing   State = "missing"    // no translation: the source is shown
	Draft     State = "draft"      // a translation in progress, not published
	NoSource  State = "no-source"  // a page with no source-language page
)

// StateOf says where a page of a language tree stands.
func (s *Site) StateOf(p *Page) State {
	def := s.Config.DefaultLanguage
	switch {
	case p.Lang == def:
		return Original
	case p.Fallback && s.Drafts[p.Lang][p.Key] != nil:
		return Draft
	case p.Fallback:
		return Missing
	}
	src := s.ByKey[def][p.Key]
	if src == nil {
		return NoSource
	}
	t := p.Source.Front.Translation
	if t == nil || t.Source == "" {
		return Untracked
	}
	if t.Source != Print(src.Source).Hash {
		return Outdated
	}
	return UpToDate
}

// Stamp writes a translation record for source fingerprint f into the
// front matter of a translation file, replacing any record it had and
// keeping every other line as it was.
func Stamp(file []byte, from string, f Fingerprint) ([]byte, error) {
	header, body, _, err := SplitFrontMatter(bytes.ReplaceAll(file, []byte("\r\n"), []byte("\n")))
	if err != nil {
		return nil, err
	}
	if i, what := oddBreak(header); i >= 0 {
		line := 2 + bytes.Count(header[:i], []byte("\n"))
		return nil, &FrontMatterError{Line: line, Msg: "a line ends with " + what + ": save the file with LF (or CRLF) line endings, and no other line break"}
	}
	lines := strings.Split(strings.TrimSuffix(string(header), "\n"), "\n")
	if len(header) == 0 {
		lines = nil
	}
	// The settings may all be indented alike (YAML allows it): the
	// record is found, and written, at their indentation.
	base := -1
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "#") {
			base = indentOf(l)
			break
		}
	}
	pad := strings.Repeat(" ", max(base, 0))
	var kept []string
	at := -1
	for i := 0; i < len(lines); i++ {
		if isKey(lines[i], pad, "translation") {
			at = len(kept)
			// Its own lines: indented deeper, or blank before more of them.
			for i+1 < len(lines) && (deeper(lines[i+1], base) || strings.TrimSpace(lines[i+1]) == "" && nextDeeper(lines[i+1:], base)) {
				i++
			}
			continue
		}
		kept = append(kept, lines[i])
	}
	if at < 0 {
		at = len(kept)
	}
	rec := []string{pad + "translation:", pad + "  from: " + from, pad + "  source: " + f.Hash}
	if len(f.Blocks) > 0 {
		// A flow list wrapped at 80 columns keeps the header readable.
		line := pad + "  paragraphs: ["
		for i, h := range f.Blocks {
			item := h
			if i < len(f.Blocks)-1 {
				item += ","
			} else {
				item += "]"
			}
			if len(line)+len(item)+1 > 80 {
				rec = append(rec, strings.TrimRight(line, " "))
				line = pad + "    "
			}
			line += item + " "
		}
		rec = append(rec, strings.TrimRight(line, " "))
	}
	out := append(append(append([]string{}, kept[:at]...), rec...), kept[at:]...)
	var b bytes.Buffer
	b.WriteString("---\n")
	b.WriteString(strings.Join(out, "\n"))
	b.WriteString("\n---\n")
	b.Write(body)
	return b.Bytes(), nil
}

// indentOf is the number of spaces a line starts with.
func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// isKey reports whether line sets key at the settings' indentation pad.
func isKey(line, pad, key string) bool {
	rest, ok := strings.CutPrefix(line, pad+key+":")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// deeper reports whether a line belongs to the setting above it: it is
// indented deeper than the settings (base).
func deeper(l string, base int) bool {
	return strings.TrimSpace(l) != "" && (indentOf(l) > base || strings.HasPrefix(l[indentOf(l):], "\t"))
}

// nextDeeper reports whether the first line of lines that is not blank
// belongs to the setting above.
func nextDeeper(lines []string, base int) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return deeper(l, base)
		}
	}
	return false
}

// Scaffold starts the translation of src into lang: the front matter with
// its provenance record and a draft flag, then the source text to translate.
// It fails when the source's titles make front matter Stamp refuses (a
// line break other than LF in them).
func Scaffold(src *Source, lang string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	b.WriteString("# Translate the titles, the description and the text below, then\n")
	b.WriteString("# remove \"draft: true\" to publish. Keep {#ids}, links and [[terms|ids]].\n")
	b.WriteString("title: " + yamlString(src.Front.Title) + "\n")
	if src.Front.ShortTitle != "" {
		b.WriteString("short_title: " + yamlString(src.Front.ShortTitle) + "\n")
	}
	if src.Front.Description != "" {
		b.WriteString("description: " + yamlString(src.Front.Description) + "\n")
	}
	// Settings a translation keeps from its source, with the comments
	// that say why (a lowered reading-ease threshold must give its
	// reason), as the source writes them.
	fm := src.Front
	for _, k := range []struct {
		key, value string
	}{{"weight", strconv.Itoa(fm.Weight)}, {"credit", fm.Credit}, {"min_readability", readability(fm.MinReadability)}, {"edition", fm.Edition}, {"of", fm.Of}} {
		switch line := carried(src.Header, k.key); {
		case line != "":
			b.WriteString(line)
		case k.value != "" && k.value != "0":
			b.WriteString(k.key + ": " + k.value + "\n") // a source built in memory
		}
	}
	b.WriteString("draft: true\n")
	out, err := Stamp(append(b.Bytes(), []byte("---\n")...), src.Lang, Print(src))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src.File, err)
	}
	return append(out, src.Body...), nil
}

func readability(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// carried is setting key's line in a front matter, with the comment lines
// just above it; "" when the front matter has no such top-level setting.
func carried(header []byte, key string) string {
	lines := strings.Split(string(header), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, key+":") {
			continue
		}
		from := i
		for from > 0 && strings.HasPrefix(strings.TrimSpace(lines[from-1]), "#") {
			from--
		}
		return strings.Join(lines[from:i+1], "\n") + "\n"
	}
	return ""
}

func yamlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
