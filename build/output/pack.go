package output

import (
	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/i18n"
)

// packLegacy names the materials pack of a site whose message files lack
// pack_file: in English, as the toolkit's editions were before their
// strings.
const packLegacy = "workshop-materials"

// PackNames names the trainer's materials pack in s's language, as
// ToolkitNames names the toolkit: pack_file for the A4 edition
// (fr/print/materiel-atelier-ia.pdf), with the large-print edition's
// string after it (fr/print/materiel-atelier-ia-grands-caracteres.pdf).
// A string that is not a safe file name is an error at its line.
func PackNames(cfg *config.Config, s *i18n.Strings) (map[Kind]Named, diag.List) {
	var problems diag.List
	part := func(id, legacy string) string {
		return NamePart(s, &problems, id, legacy, "the materials pack's files", "ai-workshop-materials")
	}
	dir := s.Lang + "/print/"
	base := part("pack_file", packLegacy)
	return map[Kind]Named{
		Pack:      {Path: dir + base + ".pdf"},
		PackLarge: {Path: dir + base + "-" + part("print_file_large_print", "large-print") + ".pdf"},
	}, problems
}
