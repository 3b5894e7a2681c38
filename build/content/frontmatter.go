package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FrontMatter is the YAML header of a page.
type FrontMatter struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// ShortTitle names the page in menus, breadcrumbs and pager links.
	ShortTitle string `yaml:"short_title"`
	// Weight orders pages within their folder; lower comes first.
	Weight int `yaml:"weight"`
	// Slug renames the output file (without extension) in this language.
	Slug string `yaml:"slug"`
	// Credit names an entry of [credits] in site.toml to credit on the page.
	Credit string `yaml:"credit"`
	// AI discloses help from AI tools (charter §4).
	AI *AI `yaml:"ai"`
	// Translation records what a translated page was made from.
	Translation *Translation `yaml:"translation"`
	// Draft pages are not published: the source page is shown instead.
	Draft bool `yaml:"draft"`
	// Pack marks the trainer's materials pack: cards, grids and forms
	// printed as a PDF of their own (build/print), not as a chapter of the
	// toolkit's booklets.
	Pack bool `yaml:"pack"`
	// MinReadability overrides the language's reading-ease threshold for
	// this page (site.toml [readability]), e.g. for a text whose wording
	// is not ours to change. Say why in a comment beside it.
	MinReadability *float64 `yaml:"min_readability"`
	// AsOf dates a page whose facts change (the law): "2026-12-06". The
	// page says "as of" that day, and check warns once it is a year old.
	AsOf string `yaml:"as_of"`
	// Edition marks the page as another kind of edition of the page Of
	// names: only EditionEasyRead for now. Such a page is checked by its
	// edition's rules and laid out for its readers.
	Edition string `yaml:"edition"`
	// Of is the page an edition adapts, a .md path relative to this
	// page's folder, like a link ("charte.md").
	Of string `yaml:"of"`
	// Lines gives the file line of the settings messages may point at
	// (title, short_title, description).
	Lines map[string]int `yaml:"-"`
}

// AI records how an AI tool helped make a page and whether a person checked it.
type AI struct {
	What     string `yaml:"what"`     // "translation" or "writing"
	Tool     string `yaml:"tool"`     // e.g. "Claude (Anthropic)"
	Review   string `yaml:"review"`   // "pending" or "reviewed"
	Reviewer string `yaml:"reviewer"` // who reviewed, when review is "reviewed"
}

// Translation is the provenance record of a translated page.
type Translation struct {
	From   string `yaml:"from"`   // source language
	Source string `yaml:"source"` // hash of the source at translation time
	// Paragraphs hashes each block of the source at translation time, so
	// that an outdated translation can say which paragraphs changed.
	Paragraphs []string `yaml:"paragraphs"`
}

// EditionEasyRead is the edition of a page written by the easy-to-read
// rules (FALC, makkelijk lezen, easy read).
const EditionEasyRead = "easy-read"

// Allowed values, listed in error messages so a writer knows what to type.
var (
	editions = []string{EditionEasyRead}
	aiWhat   = []string{"translation", "writing"}
	aiReview = []string{"pending", "reviewed"}
	slugRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
)

// FrontMatterError is a problem in a page header, with its line in the file.
type FrontMatterError struct {
	Line int
	Msg  string
}

func (e *FrontMatterError) Error() string { return e.Msg }

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// SplitFrontMatter separates the YAML header from the Markdown body. It
// returns the header, the body and the 1-based file line the body starts on.
func SplitFrontMatter(src []byte) (header, body []byte, bodyLine int, err error) {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return nil, nil, 0, &FrontMatterError{Line: 1, Msg: "missing front matter: start the file with a line \"---\", then \"title: …\", then \"---\""}
	}
	rest := src[4:]
	end := -1
	if bytes.HasPrefix(rest, []byte("---\n")) || bytes.Equal(rest, []byte("---")) {
		end = 0
	} else if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
		end = i + 1
	} else if bytes.HasSuffix(rest, []byte("\n---")) {
		end = len(rest) - 3
	}
	if end < 0 {
		return nil, nil, 0, &FrontMatterError{Line: 1, Msg: "front matter is not closed: add a line \"---\" after the last setting"}
	}
	header = rest[:end]
	body = rest[min(end+4, len(rest)):]
	bodyLine = 2 + bytes.Count(header, []byte("\n")) + 1
	return header, body, bodyLine, nil
}

// ParseFrontMatter decodes and validates a header. Line numbers in errors
// count from the file's first line (the opening "---").
func ParseFrontMatter(header []byte) (FrontMatter, []*FrontMatterError) {
	var fm FrontMatter
	var errs []*FrontMatterError
	// YAML ends a line at a lone carriage return (old Mac line endings)
	// and at Unicode's line separators, the rest of the build at a line
	// feed only: the two would disagree on which line a setting is, and
	// on which settings there are.
	if i, what := oddBreak(header); i >= 0 {
		line := 2 + bytes.Count(header[:i], []byte("\n"))
		return fm, []*FrontMatterError{{Line: line, Msg: "a line ends with " + what + ": save the file with LF (or CRLF) line endings, and no other line break"}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(header))
	dec.KnownFields(true)
	// An empty header decodes to io.EOF; it is then reported as "no title".
	if err := dec.Decode(&fm); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				errs = append(errs, yamlErr(e))
			}
		} else {
			errs = append(errs, yamlErr(err.Error()))
		}
		return fm, errs
	}
	lineOf := func(key string) int {
		for i, l := range strings.Split(string(header), "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), key+":") {
				return i + 2
			}
		}
		return 1
	}
	fm.Lines = map[string]int{}
	for _, k := range []string{"title", "short_title", "description", "as_of", "edition", "of"} {
		fm.Lines[k] = lineOf(k)
	}
	if strings.TrimSpace(fm.Title) == "" {
		errs = append(errs, &FrontMatterError{Line: 1, Msg: "the page has no title: add \"title: …\" to the front matter"})
	}
	if fm.Slug != "" && !slugRe.MatchString(fm.Slug) {
		errs = append(errs, &FrontMatterError{Line: lineOf("slug"), Msg: "slug " + strconv.Quote(fm.Slug) + " must be a file name without extension: lower-case letters, digits, dots and dashes"})
	}
	if a := fm.AI; a != nil {
		if !oneOf(a.What, aiWhat) {
			errs = append(errs, &FrontMatterError{Line: lineOf("what"), Msg: "ai.what must be one of " + strings.Join(aiWhat, ", ") + " (say what the AI did)"})
		}
		if strings.TrimSpace(a.Tool) == "" {
			errs = append(errs, &FrontMatterError{Line: lineOf("ai"), Msg: "ai.tool is empty: name the AI tool used, e.g. \"Claude (Anthropic)\""})
		}
		if !oneOf(a.Review, aiReview) {
			errs = append(errs, &FrontMatterError{Line: lineOf("review"), Msg: "ai.review must be one of " + strings.Join(aiReview, ", ")})
		}
		if a.Review == "reviewed" && strings.TrimSpace(a.Reviewer) == "" {
			errs = append(errs, &FrontMatterError{Line: lineOf("review"), Msg: "ai.review is \"reviewed\" but ai.reviewer is empty: name who checked the text, or set review: pending"})
		}
	}
	if _, err := fm.AsOfDate(); err != nil {
		errs = append(errs, &FrontMatterError{Line: lineOf("as_of"), Msg: "as_of " + strconv.Quote(fm.AsOf) + " must be a date written YYYY-MM-DD, like 2026-12-06: the day the page's facts were last checked"})
	}
	if t := fm.Translation; t != nil && t.From == "" {
		errs = append(errs, &FrontMatterError{Line: lineOf("translation"), Msg: "translation.from is empty: give the language translated from, e.g. fr"})
	}
	return fm, append(errs, editionErrs(fm, lineOf)...)
}

// editionErrs checks edition and of together: an edition says what it
// adapts, and of means nothing without an edition. Whether the page of
// names exists is known only with the whole tree (Load).
func editionErrs(fm FrontMatter, lineOf func(string) int) []*FrontMatterError {
	switch {
	case fm.Edition == "" && fm.Of == "":
		return nil
	case fm.Edition == "":
		return []*FrontMatterError{{Line: lineOf("of"), Msg: "of names the page this one adapts, but there is no edition: add \"edition: " + EditionEasyRead + "\" or remove of"}}
	case !oneOf(fm.Edition, editions):
		return []*FrontMatterError{{Line: lineOf("edition"), Msg: "edition must be one of " + strings.Join(editions, ", ")}}
	case strings.TrimSpace(fm.Of) == "":
		return []*FrontMatterError{{Line: lineOf("edition"), Msg: "an edition needs the page it adapts: add \"of: page.md\" (relative to this page, e.g. of: charte.md)"}}
	case !strings.HasSuffix(fm.Of, ".md") || strings.ContainsAny(fm.Of, "#?\\") || path.IsAbs(fm.Of):
		return []*FrontMatterError{{Line: lineOf("of"), Msg: "of " + strconv.Quote(fm.Of) + " must be the .md file of a page, relative to this one, e.g. charte.md"}}
	}
	return nil
}

// AsOfDate is AsOf as a time; the zero time when the page is not dated.
func (fm FrontMatter) AsOfDate() (time.Time, error) {
	if fm.AsOf == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", fm.AsOf)
}

func yamlErr(msg string) *FrontMatterError {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		text := m[2]
		if strings.Contains(text, "not found in type") {
			f := strings.Fields(text)
			if len(f) > 1 {
				text = "unknown setting " + f[1] + ": check its spelling (known: title, short_title, description, weight, slug, credit, ai, translation, draft, min_readability, as_of, pack, edition, of)"
			}
		} else {
			text += ": fix the YAML syntax (indent with spaces, quote text holding a colon)"
		}
		return &FrontMatterError{Line: n + 1, Msg: text}
	}
	return &FrontMatterError{Line: 1, Msg: msg + ": fix the YAML syntax"}
}

// oddBreak returns the offset of the first line break YAML sees that is
// not a line feed (a carriage return alone, NEL, LS, PS) and its name,
// or -1.
func oddBreak(b []byte) (int, string) {
	for i, r := range string(b) {
		switch {
		case r == '\r' && (i+1 == len(b) || b[i+1] != '\n'):
			return i, "a lone carriage return (CR)"
		case r == '\u0085' || r == '\u2028' || r == '\u2029':
			return i, fmt.Sprintf("an invisible line separator (U+%04X)", r)
		}
	}
	return -1, ""
}

func oneOf(s string, set []string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}
