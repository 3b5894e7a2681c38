package font

// standIns are characters print fonts commonly lack (Atkinson Hyperlegible
// Next among them) and what is drawn for them: a narrow no-break space is
// a thin space, hyphens are the hyphen-minus, subscript digits ("CO₂")
// are digits, which read the same set on the line. (A soft hyphen,
// U+00AD, is no glyph at all: the typesetter breaks at it, see
// build/typeset.)
var standIns = map[rune]rune{
	'\u202f': '\u2009', // narrow no-break space
	'\u2010': '-',      // hyphen
	'\u2011': '-',      // non-breaking hyphen
	'₀':      '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9',
}

// StandIn returns the character drawn for r where fonts commonly lack
// it, and whether it has one. The typesetter, the booklets' running text
// and the diagrams share it.
func StandIn(r rune) (rune, bool) {
	s, ok := standIns[r]
	return s, ok
}
