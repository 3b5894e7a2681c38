package output

import (
	"regexp"

	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/i18n"
)

// The toolkit's booklets are named in their language by interface
// strings, so that a site's translators, not its code, choose them:
// print_file names the toolkit ("boite-a-outils-ia") and one string per
// edition says which ("a4", "a5", "a5-a-imprimer", "grands-caracteres"),
// joined by a dash: fr/print/boite-a-outils-ia-a4.pdf. A site whose own
// message files lack these strings (written before they existed) keeps
// the names it had: outputs.name and the English editions,
// fr/print/site-a4.pdf. The charter is named after its page's slug, which
// its translators choose already: fr/print/charte-a4.pdf.

// Named is where a booklet is written, from the site root, and Old, the
// address it had when every language's booklets took outputs.name and
// English edition names ("" when that is the same address).
type Named struct {
	Path, Old string
}

// Move is a file that changed address: hosts redirect Old to New, both
// from the site root.
type Move struct {
	Old, New string
}

// edition is how one of the toolkit's editions is named: its string, and
// its name before the strings.
type edition struct {
	kind   Kind
	id     string
	legacy string
}

var editions = []edition{
	{Handout, "print_file_a4", "a4"},
	{A5, "print_file_a5", "a5"},
	{A5Imposed, "print_file_a5_imposed", "a5-imposed"},
	{LargePrint, "print_file_large_print", "large-print"},
}

// fileNameRe is a part of a booklet's name: safe on every disk, in a zip,
// in a web address and in a server's configuration without quoting.
var fileNameRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// SafeName reports whether v can name a file: lower-case letters a-z,
// digits and single dashes.
func SafeName(v string) bool { return fileNameRe.MatchString(v) }

// NamePart is the string id of s naming (part of) a file, legacy when the
// strings lack it; a value that is not a SafeName is added to problems at
// its line, naming what the file is and an example.
func NamePart(s *i18n.Strings, problems *diag.List, id, legacy, what, example string) string {
	if !s.Known(id) {
		return legacy
	}
	v := s.T(id, nil)
	if !SafeName(v) {
		file, line := s.Where(id)
		problems.Errorf(file, line, "i18n", "%s = %q names %s: use lower-case letters a-z, digits and single dashes, like %q", id, v, what, example)
	}
	return v
}

// ToolkitNames names the toolkit's editions in s's language. A string
// that is not a safe file name is an error at its line.
func ToolkitNames(cfg *config.Config, s *i18n.Strings) (map[Kind]Named, diag.List) {
	var problems diag.List
	part := func(id, legacy string) string {
		return NamePart(s, &problems, id, legacy, "the booklets' files", "ai-toolkit")
	}
	dir := s.Lang + "/print/"
	base := part("print_file", cfg.Outputs.Name)
	out := map[Kind]Named{}
	for _, e := range editions {
		n := Named{Path: dir + base + "-" + part(e.id, e.legacy) + ".pdf"}
		if old := dir + cfg.Outputs.Name + "-" + e.legacy + ".pdf"; old != n.Path {
			n.Old = old
		}
		out[e.kind] = n
	}
	return out, problems
}

// Moves lists the booklets of every language whose address changed when
// they were named in their language, for the hosts' redirects.
func Moves(cfg *config.Config, cat *i18n.Catalog) ([]Move, diag.List) {
	var moves []Move
	var problems diag.List
	for _, lang := range cfg.Codes() {
		names, p := ToolkitNames(cfg, cat.For(lang))
		problems.Add(p)
		for _, e := range editions {
			if n := names[e.kind]; n.Old != "" {
				moves = append(moves, Move{Old: n.Old, New: n.Path})
			}
		}
	}
	return moves, problems
}
