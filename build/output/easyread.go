package output

import (
	"sobre/build/diag"
	"sobre/build/i18n"
)

// EasyReadName is where the easy-to-read edition of a language is
// written, named by the string print_file_easy_read
// (fr/print/charte-ia-facile-a-lire.pdf); a string that is not a safe
// file name is an error at its line.
func EasyReadName(s *i18n.Strings) (string, diag.List) {
	var problems diag.List
	v := NamePart(s, &problems, "print_file_easy_read", "ai-charter-easy-read", "the easy-to-read booklet's file", "ai-charter-easy-read")
	return s.Lang + "/print/" + v + ".pdf", problems
}
