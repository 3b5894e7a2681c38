// Package typeset sets paragraphs in lines for print, in three steps:
//
//   - Build (paragraph.go) turns runs of styled text into Knuth and
//     Plass's boxes, glue and penalties: each word is shaped with
//     go-text's HarfBuzz shaper (shape.go, which caches the words of a
//     font) and cut at the hyphenation points of its language
//     (package hyph, Liang's patterns), at the breaks UAX #14 allows
//     inside it, and, as a last resort (Params.Anywhere), between any two
//     characters; a character the font lacks becomes a placeholder box.
//     words.go says which words are never hyphenated (addresses, names,
//     capitals, short words) and where addresses and compounds break.
//   - Break (linebreak.go) chooses the breaks with the total-fit
//     algorithm: first without hyphens (TeX's \pretolerance), then with
//     them, at most two in a row, with a fallback to overfull lines
//     where nothing fits.
//   - Set places each piece of each line at its x offset, the glue set
//     at the line's ratio, justified or ragged; a paragraph that could
//     only be justified with spaces past the tolerance is set ragged.
//
// Items keeps built paragraphs so that documents setting the same text
// at another size scale them instead of building them again.
//
// It knows nothing of Markdown nor of pages: build/print turns the AST
// into runs, fills pages with the lines and paints them.
package typeset
