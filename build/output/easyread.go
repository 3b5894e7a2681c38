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
	v := s.T("print_file_easy_read", nil)
	if !fileNameRe.MatchString(v) {
		file, line := s.Where("print_file_easy_read")
		problems.Errorf(file, line, "i18n", "print_file_easy_read = %q names the easy-to-read booklet's file: use lower-case letters a-z, digits and single dashes, like \"ai-charter-easy-read\"", v)
	}
	return s.Lang + "/print/" + v + ".pdf", problems
}
