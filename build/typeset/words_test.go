package typeset_test

import (
	"strings"
	"testing"

	"sobre/build/typeset"
)

// marked builds a paragraph and writes it back with its break points:
// "-" where a hyphen may be added, "|" where the text allows a break
// with no hyphen (after "porte-", in an address), "_" for glue that
// must not break.
func marked(t *testing.T, text, lang string) string {
	t.Helper()
	runs := []typeset.Run{{Text: text, Style: typeset.Style{Font: regular(t), Size: 10}, Lang: lang}}
	items, pieces, err := typeset.Build(runs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, it := range items[:len(items)-2] {
		switch {
		case it.Kind == typeset.Box:
			b.WriteString(pieces[i].Text)
		case it.Kind == typeset.Glue && i > 0 && items[i-1].Kind == typeset.Penalty && items[i-1].Penalty >= typeset.Infinity:
			b.WriteString("_")
		case it.Kind == typeset.Glue:
			b.WriteString(" ")
		case it.Kind == typeset.Penalty && it.Flagged:
			b.WriteString("-")
		case it.Kind == typeset.Penalty && it.Penalty < typeset.Infinity:
			b.WriteString("|")
		}
	}
	return b.String()
}

// TestWordRules checks, rule by rule, where a paragraph's words may
// break: addresses, names, capitals, short words, the minima around a
// hyphen, French compounds, spaced hyphens.
func TestWordRules(t *testing.T) {
	tests := []struct{ rule, lang, text, want string }{
		// Addresses break after "/" or ".", before "-", never hyphenated.
		{"address in brackets", "fr", "(pwablo.be/blog/charte-usage-ia-asbl)", "(pwablo.|be/|blog/|charte|-usage|-ia|-asbl)"},
		{"no break before the first dot", "fr", "(eur-lex.europa.eu/eli)", "(eur-lex.|europa.|eu/|eli)"},
		{"credit's bare domain", "fr", "Source : pwablo.be.", "Source : pwablo.be."},
		{"licence address", "fr", "CC BY 4.0 (creativecommons.org/licenses/by/4.0)", "CC BY 4.0 (creativecommons.|org/|licenses/|by/|4.0)"},
		{"scheme kept whole", "en", "https://www.w3.org/TR/WCAG22/", "https://www.|w3.|org/|TR/|WCAG22/"},
		{"e-mail", "fr", "contact@pwablo.be", "contact@pwablo.be"},
		{"www", "nl", "www.gegevensbeschermingsautoriteit.be", "www.|gegevensbeschermingsautoriteit.be"},
		{"not an address", "en", "e.g. Node 1.5", "e.g. Node 1.5"},
		{"number kept whole", "en", "example.org/v/4.0/x", "example.|org/|v/|4.0/x"},
		// Proper names, capitals, mixed case, short words.
		{"name inside a sentence", "fr", "avec Mistral", "avec Mistral"},
		{"three letters after a hyphen", "fr", "aujourd’hui", "au-jourd’hui"},
		{"capital at a sentence's start", "fr", "Fin. Certaines", "Fin. Cer-taines"},
		{"first word of a paragraph", "fr", "Certaines", "Cer-taines"},
		{"mixed case", "fr", "Les outils GenAI", "Les ou-tils GenAI"},
		{"capitals", "fr", "la FÉDÉRATION", "la FÉDÉRATION"},
		{"short words", "fr", "Cela devient, outils", "Cela de-vient, ou-tils"},
		{"three letters after", "en", "understanding", "un-der-stand-ing"},
		{"two letters before a hyphen", "fr", "intelligence", "in-tel-li-gence"},
		// Compounds with a short part stay whole.
		{"-t-il", "fr", "coûte-t-il", "coûte-t-il"},
		{"-elle", "fr", "aurait-elle", "au-rait-elle"},
		{"c'est-à-dire", "fr", "c’est-à-dire", "c’est-à-dire"},
		{"peut-être", "fr", "peut-être", "peut-être"},
		{"vis-à-vis", "fr", "vis-à-vis", "vis-à-vis"},
		{"long parts may break", "fr", "porte-parole", "porte-|pa-role"},
		{"Dutch short part", "nl", "AI-verordening", "AI-ver-or-de-ning"},
		// A spaced hyphen is a dash.
		{"spaced hyphen", "fr", "l’IA - même locale - consomme", "l’IA –_même lo-cale_– consomme"},
		{"a single dash keeps with what follows", "fr", "Durée - 40 minutes", "Durée –_40 mi-nutes"},
		{"hyphen in a word", "fr", "Saint-Gilles", "Saint-|Gilles"},
	}
	for _, tt := range tests {
		if got := marked(t, tt.text, tt.lang); got != tt.want {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.rule, tt.text, got, tt.want)
		}
	}
}

// TestAddressLines sets an address in narrow lines: no line ends with
// an added hyphen, every break is after "/" or "." or before "-", and
// the lines read back give the address.
func TestAddressLines(t *testing.T) {
	const addr = "(pwablo.be/blog/charte-usage-ia-asbl)"
	runs := []typeset.Run{{Text: "Source : " + addr, Style: typeset.Style{Font: regular(t), Size: 10}, Lang: "fr"}}
	for _, width := range []float64{60, 80, 120} {
		lines, err := typeset.Set(runs, typeset.Defaults(width))
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, l := range lines {
			var s strings.Builder
			for _, pc := range l.Pieces {
				s.WriteString(pc.Text)
			}
			text = append(text, s.String())
			if l.Hyphen {
				t.Errorf("width %v: a hyphen added in %q", width, s.String())
			}
		}
		for i := 1; i < len(text); i++ {
			prev, next := text[i-1], text[i]
			if !strings.HasSuffix(prev, "/") && !strings.HasSuffix(prev, ".") && !strings.HasPrefix(next, "-") && !strings.HasSuffix(prev, ":") {
				t.Errorf("width %v: address broken between %q and %q", width, prev, next)
			}
		}
		if got := strings.Join(text, ""); !strings.Contains(got, addr) {
			t.Errorf("width %v: lines give %q back", width, got)
		}
	}
}
