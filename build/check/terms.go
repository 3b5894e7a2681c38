package check

import (
	"sobre/build/content"
	"sobre/build/diag"
	"sobre/build/terms"
)

// Terms warns where a translation avoids a fixed term (i18n/terms.toml):
// a unit of the source uses the term's words and the translation's unit
// for it does not use the words fixed for its language. Units pair up
// by rank, when the translation has as many as its source (else parity
// says so first); the titles pair up too.
func Terms(list *terms.List, src, tr *content.Source) diag.List {
	var problems diag.List
	if list == nil || len(list.Terms) == 0 {
		return nil
	}
	def, lang := src.Lang, tr.Lang
	warn := func(line int, where, text, own string) {
		for _, t := range list.In(text, def) {
			w := t.Words[lang]
			if w == "" || terms.Uses(own, w) {
				continue
			}
			problems.Warnf(tr.File, line, "terms", "the source (%s) says %q, which %s fixes as %q in %s: use it, or say why not in %s:%d",
				where, t.Words[def], terms.File, w, lang, terms.File, t.Line)
		}
	}
	warn(1, src.File+": title", src.Front.Title, tr.Front.Title)
	a, b := content.Units(src.Body, src.BodyLine), content.Units(tr.Body, tr.BodyLine)
	if len(a) != len(b) {
		return problems
	}
	for i := range a {
		warn(b[i].Line, src.File+":"+itoa(a[i].Line), a[i].Text, b[i].Text)
	}
	return problems
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}
