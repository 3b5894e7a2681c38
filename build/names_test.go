package build_test

// toolkitNames are the toolkit's file names the built-in strings give
// (i18n/<lang>.toml, print_file and print_file_<edition>), by language
// and by the edition's name of before (outputs.name-<edition>.pdf).
var toolkitNames = map[string]map[string]string{
	"fr": {"a4": "boite-a-outils-ia-a4.pdf", "a5": "boite-a-outils-ia-a5.pdf", "a5-imposed": "boite-a-outils-ia-a5-a-imprimer.pdf", "large-print": "boite-a-outils-ia-grands-caracteres.pdf"},
	"nl": {"a4": "gereedschapskist-ai-a4.pdf", "a5": "gereedschapskist-ai-a5.pdf", "a5-imposed": "gereedschapskist-ai-a5-drukklaar.pdf", "large-print": "gereedschapskist-ai-grote-letters.pdf"},
	"en": {"a4": "ai-toolkit-a4.pdf", "a5": "ai-toolkit-a5.pdf", "a5-imposed": "ai-toolkit-a5-for-printing.pdf", "large-print": "ai-toolkit-large-print.pdf"},
}

// toolkitPDF is where the toolkit's edition is written in lang, from the
// site root: toolkitPDF("fr", "a4") is "fr/print/boite-a-outils-ia-a4.pdf".
func toolkitPDF(lang, edition string) string {
	name, ok := toolkitNames[lang][edition]
	if !ok {
		panic("no toolkit edition " + lang + " " + edition)
	}
	return lang + "/print/" + name
}
