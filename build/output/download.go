package output

// Kind is what a download is. The pages name each kind in their
// reader's words and order them: the booklets to print first, then the
// zips, then the e-books.
type Kind int

// The kinds of download, in the order a page lists them for one language.
const (
	Charter    Kind = iota + 1 // the charter alone, A4, to sign
	Handout                    // the whole toolkit, A4
	A5                         // the toolkit as an A5 booklet, to read on screen
	A5Imposed                  // the A5 booklet on A4 sheets, for saddle-stitch printing
	LargePrint                 // the toolkit in large print, A4
	Pack                       // the trainer's materials pack, A4: cards, grids, forms
	PackLarge                  // the materials pack in large print, A4
	EasyRead                   // an easy-to-read edition of a page (the charter), A4, to sign
	Zip                        // an offline copy of the site
	EPUB                       // an e-book
)

// Booklet tells the PDF kinds.
func (k Kind) Booklet() bool { return k >= Charter && k <= EasyRead }

// String is the kind's name in messages and tests.
func (k Kind) String() string {
	switch k {
	case Charter:
		return "charter"
	case Handout:
		return "handout"
	case A5:
		return "a5"
	case A5Imposed:
		return "a5-imposed"
	case LargePrint:
		return "large-print"
	case Pack:
		return "pack"
	case PackLarge:
		return "pack-large-print"
	case EasyRead:
		return "easy-read"
	case Zip:
		return "zip"
	case EPUB:
		return "epub"
	}
	return "unknown"
}

// Download is a file the pages offer.
type Download struct {
	Kind Kind
	Lang string // "" for the bundle of every language
	Path string // from the site root: "downloads/site-fr.zip"
	// Old is the address the file had before it was named in its
	// language ("fr/print/site-a4.pdf"), "" when it did not move: the
	// 404 pages point it to Path.
	Old  string
	Size int // bytes
	// Pages is a PDF's page count (sides of sheets for the imposition);
	// 0 for other kinds.
	Pages int
}
