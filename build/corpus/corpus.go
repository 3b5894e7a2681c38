// Package corpus writes deterministic synthetic sites for tests and
// benchmarks: a trilingual content tree (fr source, nl and en translations)
// whose pages use every Markdown feature the build handles — headings with
// explicit and automatic ids, lists, commitment levels, tables, relative
// links with anchors, images and blanks — and a site.toml. The same
// arguments always give the same bytes, in memory (Files) or in a folder
// (Write).
package corpus

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Langs are the languages of a corpus; the first is the source.
var Langs = []string{"fr", "nl", "en"}

// Images is the number of distinct figures in each content/<lang>/img/.
const Images = 4

// Write generates a site in dir (created if needed) with pagesPerLang pages
// in the source language. Every tenth regular page is left untranslated in
// nl and en, so those trees fall back to the French page.
func Write(dir string, pagesPerLang int, seed int64) error {
	files, err := Files(pagesPerLang, seed)
	if err != nil {
		return err
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Files is the site Write writes, in memory: its files by slash path
// from the site folder.
func Files(pagesPerLang int, seed int64) (map[string][]byte, error) {
	if pagesPerLang < 1 {
		return nil, fmt.Errorf("corpus: pagesPerLang must be at least 1, not %d", pagesPerLang)
	}
	c := newCorpus(pagesPerLang, seed)
	files := map[string][]byte{"site.toml": []byte(siteTOML)}
	for _, lang := range Langs {
		for i := range c.pages {
			if lang != Langs[0] && c.pages[i].untranslated {
				continue
			}
			files[path.Join("content", lang, c.pages[i].key)] = c.render(lang, i)
		}
		for n := 1; n <= Images; n++ {
			files[path.Join("content", lang, "img", fmt.Sprintf("figure-%d.png", n))] = figure(n)
		}
	}
	return files, nil
}

// siteTOML follows the structure of the project's site.toml, without
// credits. A base_url is set so that the sitemap and canonical links are
// built too; organisation values fill the blanks of the home pages.
const siteTOML = `# Synthetic site written by sobre/build/corpus for tests and benchmarks.

base_url = "https://example.org/charte/"
default_language = "fr"

[languages.fr]
name = "Français"
weight = 1

[languages.nl]
name = "Nederlands"
weight = 2

[languages.en]
name = "English"
weight = 3

[organisation]
name = "ASBL Exemple"
date = "2026-03-15"

[budgets]
# Synthetic pages of about 700 words stay well under 14 KB gzipped.
page_gzip = 14336

[readability]
# Drawn sentences are not prose: reading ease says nothing about them.
fr = 0
nl = 0
en = 0

[outputs]
# A thousand pages would make booklets of thousands of pages, four editions
# of them: the booklets' own benchmark sets the real content instead.
booklets = false
`

// page is the language-independent plan of a page: where it lives and
// what it links to. Its text is drawn per language.
type page struct {
	key          string // path inside the language folder
	section      int    // -1 for the home page
	index        bool   // a folder's index.md
	number       int    // running number of regular pages, from 1
	weight       int
	untranslated bool
}

type corpus struct {
	seed  int64
	pages []page
	// regular[s] lists the indexes in pages of section s's regular pages.
	regular [][]int
	nsec    int
}

// Parts are the level-2 headings every page has with an explicit id, so
// any page may link to any other page's "#part-N".
const explicitParts = 3

func newCorpus(n int, seed int64) *corpus {
	c := &corpus{seed: seed}
	c.pages = append(c.pages, page{key: "index.md", section: -1, index: true, weight: 1})
	rest := n - 1
	nsec := 0
	if rest > 0 {
		nsec = min(len(sections), max(1, rest/4))
	}
	c.nsec = nsec
	c.regular = make([][]int, nsec)
	for s := range nsec {
		c.pages = append(c.pages, page{key: sections[s].dir + "/index.md", section: s, index: true, weight: 10 * (s + 1)})
	}
	for k := 1; k <= rest-nsec; k++ {
		s := (k - 1) % nsec
		c.regular[s] = append(c.regular[s], len(c.pages))
		c.pages = append(c.pages, page{
			key:          fmt.Sprintf("%s/page-%04d.md", sections[s].dir, k),
			section:      s,
			number:       k,
			weight:       10 * k,
			untranslated: k%10 == 0,
		})
	}
	return c
}

// rng returns a generator for one stream of one page: "plan" streams are
// shared by the languages, so translations link to the same places.
func (c *corpus) rng(stream string, i int) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(stream))
	return rand.New(rand.NewPCG(uint64(c.seed), h.Sum64()^uint64(i)*0x9e3779b97f4a7c15))
}

// title is a page's title in a language.
func (c *corpus) title(lang string, i int) string {
	w := words[lang]
	p := c.pages[i]
	switch {
	case p.section < 0:
		return w.home
	case p.index:
		return sections[p.section].title[lang]
	}
	return fmt.Sprintf(w.titleFmt, p.number, w.themes[(p.number*7+p.section)%len(w.themes)])
}

// heading is the text of part k (1-based) of page i, and of its sub-part.
func heading(lang string, i, k int) string {
	h := words[lang].headings
	return h[(i*3+k*5)%len(h)]
}

func subheading(lang string, i, k int) string {
	h := words[lang].subheadings
	return h[(i*5+k*3)%len(h)]
}

// rel is the relative link from the page at key from to the file at key to.
func rel(from, to string) string {
	fd := path.Dir(from)
	if fd == "." {
		return to
	}
	if path.Dir(to) == fd {
		return path.Base(to)
	}
	return strings.Repeat("../", strings.Count(fd, "/")+1) + to
}

// render writes page i in lang: front matter, then about 700 words.
func (c *corpus) render(lang string, i int) []byte {
	pw := &pageWriter{c: c, lang: lang, i: i, p: c.pages[i], w: words[lang], plan: c.rng("plan", i), txt: c.rng("text-"+lang, i)}
	pw.frontMatter()
	pw.para(3)
	pw.contents()
	pw.parts()
	return pw.b.Bytes()
}

// pageWriter writes one page. Its methods draw from the two streams in a
// fixed order: the same arguments always give the same bytes.
type pageWriter struct {
	c         *corpus
	lang      string
	i         int
	p         page
	w         *lexicon
	plan, txt *rand.Rand // plan: shared by the languages (links, figures); txt: the words
	b         bytes.Buffer
}

// frontMatter writes the title, description and weight; a translation
// says it was made by a (synthetic) AI tool, not yet reviewed.
func (pw *pageWriter) frontMatter() {
	b := &pw.b
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %s\n", strconv.Quote(pw.c.title(pw.lang, pw.i)))
	fmt.Fprintf(b, "description: %s\n", strconv.Quote(pw.w.sentence(pw.txt)))
	fmt.Fprintf(b, "weight: %d\n", pw.p.weight)
	if pw.lang != Langs[0] {
		b.WriteString("ai:\n  what: translation\n  tool: \"synthetic\"\n  review: pending\ntranslation:\n  from: fr\n")
	}
	b.WriteString("---\n\n")
}

// contents lists the sections on the home page and some of its pages on
// a section's index.
func (pw *pageWriter) contents() {
	c, p, lang, b := pw.c, pw.p, pw.lang, &pw.b
	if p.section < 0 && len(c.pages) > 1 {
		b.WriteString(pw.w.sectionsIntro + "\n\n")
		for s := range c.nsec {
			fmt.Fprintf(b, "- [%s](%s)\n", sections[s].title[lang], sections[s].dir+"/index.md")
		}
		b.WriteString("\n")
	}
	if p.index && p.section >= 0 {
		reg := c.regular[p.section]
		for k, j := range reg {
			if k == 8 {
				break
			}
			fmt.Fprintf(b, "- [%s](%s)\n", c.title(lang, j), rel(p.key, c.pages[j].key))
		}
		b.WriteString("\n")
	}
}

// parts writes the four parts, which between them use every Markdown
// feature the build handles.
func (pw *pageWriter) parts() {
	b, lang, i, w := &pw.b, pw.lang, pw.i, pw.w
	// Part 1: text, a bullet list, a sub-part with a numbered list.
	fmt.Fprintf(b, "## %s {#part-1}\n\n", heading(lang, i, 1))
	pw.para(3)
	pw.link(false)
	pw.para(2)
	pw.list(false, 4)
	fmt.Fprintf(b, "### %s {#part-1-1}\n\n", subheading(lang, i, 1))
	pw.para(3)
	pw.list(true, 3)
	pw.para(2)

	// Part 2: a table and a figure, links with anchors.
	fmt.Fprintf(b, "## %s {#part-2}\n\n", heading(lang, i, 2))
	pw.para(2)
	pw.table()
	pw.link(true)
	pw.para(2)
	pw.img()
	pw.para(2)

	// Part 3: two sub-parts, one with an automatic id, a link to this page's
	// first part.
	fmt.Fprintf(b, "## %s {#part-3}\n\n", heading(lang, i, 3))
	pw.para(3)
	fmt.Fprintf(b, "### %s {#part-3-1}\n\n", subheading(lang, i, 3))
	pw.para(3)
	pw.link(true)
	fmt.Fprintf(b, w.backTo+"\n\n", heading(lang, i, 1), "#part-1")
	fmt.Fprintf(b, "### %s\n\n", subheading(lang, i, 4))
	pw.list(false, 3)
	pw.para(2)

	// Part 4: automatic id; the home page leaves blanks to fill.
	fmt.Fprintf(b, "## %s\n\n", heading(lang, i, 4))
	pw.para(3)
	pw.link(false)
	pw.para(2)
	if pw.p.section < 0 {
		b.WriteString(w.blanks + "\n")
	}
}

// para writes a paragraph of n sentences.
func (pw *pageWriter) para(n int) {
	for s := range n {
		if s > 0 {
			pw.b.WriteByte(' ')
		}
		pw.b.WriteString(pw.w.sentence(pw.txt))
	}
	pw.b.WriteString("\n\n")
}

// link writes a sentence holding a link to another page of the corpus, to
// one of its parts when anchor is set.
func (pw *pageWriter) link(anchor bool) {
	c, i, lang := pw.c, pw.i, pw.lang
	j := pw.plan.IntN(len(c.pages))
	if j == i {
		j = 0
		if i == 0 {
			j = len(c.pages) - 1
		}
	}
	dest := rel(pw.p.key, c.pages[j].key)
	text := c.title(lang, j)
	if j == i { // a one-page corpus links to its own parts
		dest, text = "", heading(lang, i, 1)
		anchor = true
	}
	if anchor {
		k := 1 + pw.plan.IntN(explicitParts)
		dest += "#part-" + strconv.Itoa(k)
		text = fmt.Sprintf(pw.w.partOf, heading(lang, j, k), c.title(lang, j))
	}
	fmt.Fprintf(&pw.b, pw.w.seeAlso, text, dest)
	pw.b.WriteString(" ")
}

// img writes one of the figures, with its alt text.
func (pw *pageWriter) img() {
	n := 1 + pw.plan.IntN(Images)
	dest := rel(pw.p.key, fmt.Sprintf("img/figure-%d.png", n))
	fmt.Fprintf(&pw.b, "![%s](%s)\n\n", pw.w.figures[n-1], dest)
}

// list writes n items, some of a bullet list marked with a commitment
// level.
func (pw *pageWriter) list(ordered bool, n int) {
	for k := range n {
		if ordered {
			fmt.Fprintf(&pw.b, "%d. ", k+1)
		} else {
			pw.b.WriteString("- ")
			if pw.plan.IntN(4) == 0 {
				pw.b.WriteString(pw.w.levels[pw.plan.IntN(len(pw.w.levels))] + " ")
			}
		}
		pw.b.WriteString(pw.w.sentence(pw.txt))
		pw.b.WriteByte('\n')
	}
	pw.b.WriteByte('\n')
}

// table writes a table of tools, uses and a right-aligned number.
func (pw *pageWriter) table() {
	w := pw.w
	fmt.Fprintf(&pw.b, "| %s | %s | %s |\n| --- | --- | ---: |\n", w.table[0], w.table[1], w.table[2])
	for range 4 {
		fmt.Fprintf(&pw.b, "| %s | %s | %d |\n", w.tools[pw.txt.IntN(len(w.tools))], w.uses[pw.txt.IntN(len(w.uses))], 1+pw.plan.IntN(90))
	}
	pw.b.WriteByte('\n')
}

// sentence draws one sentence of about 10 words.
func (w *lexicon) sentence(r *rand.Rand) string {
	s := w.subjects[r.IntN(len(w.subjects))] + " " + w.verbs[r.IntN(len(w.verbs))] + " " +
		w.objects[r.IntN(len(w.objects))]
	// Plain-language sentences: short, a complement only now and then.
	if r.IntN(5) < 3 {
		s += " " + w.complements[r.IntN(len(w.complements))]
	}
	if r.IntN(5) == 0 {
		s += w.tails[r.IntN(len(w.tails))]
	} else {
		s += "."
	}
	return s
}

// figure draws figure n: a small bar chart in its own colours.
func figure(n int) []byte {
	const wd, ht = 48, 32
	img := image.NewPaletted(image.Rect(0, 0, wd, ht), color.Palette{
		color.RGBA{0xff, 0xff, 0xff, 0xff},
		color.RGBA{uint8(40 * n), 0x50, uint8(0xc0 - 30*n), 0xff},
		color.RGBA{0x22, 0x22, 0x22, 0xff},
	})
	for x := range wd {
		img.SetColorIndex(x, ht-1, 2)
	}
	for bar := range 5 {
		h := 4 + (bar*7+n*5)%(ht-6)
		for x := 2 + bar*9; x < 2+bar*9+6; x++ {
			for y := ht - 1 - h; y < ht-1; y++ {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

type section struct {
	dir   string
	title map[string]string
}

var sections = []section{
	{"modules", map[string]string{"fr": "Modules de formation", "nl": "Opleidingsmodules", "en": "Training modules"}},
	{"fiches", map[string]string{"fr": "Fiches pratiques", "nl": "Praktische fiches", "en": "Practical sheets"}},
	{"ateliers", map[string]string{"fr": "Ateliers", "nl": "Workshops", "en": "Workshops"}},
	{"ressources", map[string]string{"fr": "Ressources", "nl": "Hulpbronnen", "en": "Resources"}},
	{"cas", map[string]string{"fr": "Études de cas", "nl": "Casestudy’s", "en": "Case studies"}},
}

// lexicon is the invented text of one language.
type lexicon struct {
	home, titleFmt, partOf, seeAlso, backTo, sectionsIntro, blanks string
	themes, headings, subheadings, figures, levels                 []string
	subjects, verbs, objects, complements, tails                   []string
	table                                                          [3]string
	tools, uses                                                    []string
}

var words = map[string]*lexicon{
	"fr": {
		home:          "Une IA responsable dans nos ASBL",
		titleFmt:      "Fiche %d : %s",
		partOf:        "la partie « %s » de la page « %s »",
		seeAlso:       "Pour en savoir plus, lisez [%s](%s).",
		backTo:        "Revenez au besoin à [la partie « %s » de cette page](%s).",
		sectionsIntro: "Le site est organisé en plusieurs rubriques :",
		blanks:        "Notre association {{organisation}} s’engage à appliquer ces principes. Date : {{date}}. Signature : {{signature}}",
		themes: []string{"l’énergie des modèles", "la protection des données", "la traduction automatique", "les biais des algorithmes",
			"la transparence envers le public", "l’inclusion numérique", "le choix d’un outil sobre", "la relecture humaine",
			"la gouvernance de l’IA", "la formation des bénévoles", "les images générées", "la confiance des partenaires"},
		headings: []string{"Pourquoi c’est important", "Mettre en pratique", "Exemples du terrain", "Points d’attention",
			"Pour aller plus loin", "Questions fréquentes", "Outils et ressources", "Étapes clés", "Bonnes pratiques", "Ce qu’il faut éviter", "En résumé"},
		subheadings: []string{"Un exemple concret", "Ce que dit la charte", "Pour l’animateur", "Une question à se poser",
			"Le point de vue des bénéficiaires", "Les erreurs fréquentes", "Un exercice en équipe"},
		figures: []string{"Diagramme en barres de la consommation d’énergie de cinq outils d’IA",
			"Histogramme du nombre de textes relus par mois dans une association",
			"Graphique comparant le temps gagné et le temps de relecture par tâche",
			"Diagramme des usages de l’IA déclarés par les bénévoles lors d’une enquête"},
		levels: []string{"(Avancé)", "(Avancé ++)"},
		subjects: []string{"L’équipe", "Notre association", "Chaque bénévole", "Le conseil d’administration", "La formatrice",
			"Le coordinateur du projet", "Une travailleuse sociale", "Le groupe de pilotage", "Toute personne accompagnée", "La direction"},
		verbs: []string{"vérifie", "documente", "discute", "choisit", "explique", "évalue", "partage", "limite", "relit", "présente"},
		objects: []string{"les réponses produites par l’outil", "la consommation d’énergie des modèles", "les données personnelles des bénéficiaires",
			"le texte traduit automatiquement", "les règles d’usage de l’intelligence artificielle", "les résultats d’une recherche",
			"le choix d’un outil sobre", "les biais possibles des algorithmes", "la charte signée par l’équipe", "les besoins réels du public"},
		complements: []string{"avant toute diffusion", "lors de la réunion mensuelle", "avec les partenaires du réseau", "dans un langage clair",
			"pour garder la confiance du public", "sans exposer la vie privée de quiconque", "au moment de choisir un nouvel outil",
			"en tenant compte des personnes handicapées", "chaque trimestre", "à l’aide d’une grille simple"},
		tails: []string{" ; c’est une question de confiance.", " : personne ne s’en charge seul.", " ! C’est une « bonne pratique » reconnue.",
			". Pourquoi ? Parce que le public le mérite."},
		table: [3]string{"Outil", "Usage", "Minutes par semaine"},
		tools: []string{"Assistant de rédaction", "Traducteur automatique", "Moteur de recherche", "Transcription audio", "Générateur d’images", "Correcteur"},
		uses:  []string{"relire une lettre", "traduire une affiche", "résumer une réunion", "préparer un atelier", "répondre à un courriel", "illustrer un dépliant"},
	},
	"nl": {
		home:          "Verantwoorde AI in onze vzw’s",
		titleFmt:      "Fiche %d: %s",
		partOf:        "het deel ‘%s’ van de pagina ‘%s’",
		seeAlso:       "Meer weten? Lees [%s](%s).",
		backTo:        "Ga zo nodig terug naar [het deel ‘%s’ van deze pagina](%s).",
		sectionsIntro: "De site bestaat uit verschillende rubrieken:",
		blanks:        "Onze vzw {{organisation}} verbindt zich ertoe deze principes toe te passen. Datum: {{date}}. Handtekening: {{signature}}",
		themes: []string{"het energieverbruik van modellen", "de bescherming van gegevens", "automatische vertaling", "vooroordelen in algoritmes",
			"transparantie tegenover het publiek", "digitale inclusie", "de keuze voor een sober hulpmiddel", "menselijke controle",
			"het bestuur van AI", "de opleiding van vrijwilligers", "gegenereerde beelden", "het vertrouwen van partners"},
		headings: []string{"Waarom het belangrijk is", "In de praktijk", "Voorbeelden uit het veld", "Aandachtspunten",
			"Verder lezen", "Veelgestelde vragen", "Hulpmiddelen en bronnen", "Belangrijke stappen", "Goede praktijken", "Wat je beter vermijdt", "Samengevat"},
		subheadings: []string{"Een concreet voorbeeld", "Wat het charter zegt", "Voor de begeleider", "Een vraag om te stellen",
			"Het standpunt van de begunstigden", "Veelgemaakte fouten", "Een oefening in team"},
		figures: []string{"Staafdiagram van het energieverbruik van vijf AI-hulpmiddelen",
			"Histogram van het aantal nagelezen teksten per maand in een vzw",
			"Grafiek die de gewonnen tijd en de naleestijd per taak vergelijkt",
			"Diagram van het AI-gebruik dat vrijwilligers in een bevraging opgaven"},
		levels: []string{"(Gevorderd)", "(Gevorderd ++)"},
		subjects: []string{"Het team", "Onze vzw", "Elke vrijwilliger", "Het bestuur", "De trainer",
			"De projectleider", "Een sociaal werker", "De stuurgroep", "Elke deelnemer", "De staf"},
		verbs: []string{"checkt", "noteert", "bespreekt", "kiest", "test", "deelt", "beperkt", "leest", "toont", "volgt"},
		objects: []string{"de antwoorden van de tool", "het stroomverbruik van de tools", "de gegevens van de deelnemers",
			"de vertaalde tekst", "de regels voor AI", "de zoekresultaten",
			"een zuinige tool", "de fouten van de tool", "het charter van het team", "wat het publiek echt nodig heeft"},
		complements: []string{"voor we iets delen", "op de vergadering", "met de partners", "in klare taal",
			"om het vertrouwen te houden", "en houdt de gegevens privé", "bij de keuze van een tool",
			"met oog voor mensen met een beperking", "elk kwartaal", "met een eenvoudig rooster"},
		tails: []string{"; het gaat om vertrouwen.", ": niemand doet dat alleen.", "! Dat is een goede gewoonte.",
			". Waarom? Omdat het publiek dat nodig heeft."},
		table: [3]string{"Hulpmiddel", "Gebruik", "Minuten per week"},
		tools: []string{"Schrijfassistent", "Automatische vertaler", "Zoekmachine", "Audiotranscriptie", "Beeldgenerator", "Spellingcontrole"},
		uses:  []string{"een brief nalezen", "een affiche vertalen", "een vergadering samenvatten", "een workshop voorbereiden", "een e-mail beantwoorden", "een folder illustreren"},
	},
	"en": {
		home:          "Responsible AI in our non-profits",
		titleFmt:      "Sheet %d: %s",
		partOf:        "the part “%s” of the page “%s”",
		seeAlso:       "To learn more, read [%s](%s).",
		backTo:        "Go back if needed to [the part “%s” of this page](%s).",
		sectionsIntro: "The site has several sections:",
		blanks:        "Our organisation {{organisation}} commits to applying these principles. Date: {{date}}. Signature: {{signature}}",
		themes: []string{"the energy of models", "data protection", "machine translation", "algorithmic bias",
			"transparency towards the public", "digital inclusion", "choosing a frugal tool", "human review",
			"governance of AI", "training volunteers", "generated images", "the trust of partners"},
		headings: []string{"Why it matters", "Putting it into practice", "Examples from the field", "Points of attention",
			"Going further", "Frequently asked questions", "Tools and resources", "Key steps", "Good practices", "What to avoid", "In short"},
		subheadings: []string{"A concrete example", "What the charter says", "For the facilitator", "A question to ask",
			"The beneficiaries’ point of view", "Common mistakes", "A team exercise"},
		figures: []string{"Bar chart of the energy use of five AI tools",
			"Histogram of the number of texts reviewed per month in a non-profit",
			"Chart comparing the time saved and the review time per task",
			"Diagram of the uses of AI reported by volunteers in a survey"},
		levels: []string{"(Advanced)", "(Advanced ++)"},
		subjects: []string{"The team", "Our group", "Each volunteer", "The board", "The trainer",
			"The project lead", "A social worker", "The steering group", "Each person we help", "The staff"},
		verbs: []string{"checks", "writes down", "talks about", "picks", "tests", "reads", "shares", "limits", "looks at", "shows"},
		objects: []string{"the answers of the tool", "the power the models use", "the data of the people we help",
			"the text a machine translated", "the rules for AI", "the results of a search",
			"a tool that needs less power", "the bias of the tools", "the charter the team signed", "what the public really needs"},
		complements: []string{"before we share it", "at the monthly meeting", "with our partners", "in plain words",
			"to keep the trust of the public", "and keeps all data private", "when we pick a new tool",
			"with disabled people in mind", "each quarter", "with a simple grid"},
		tails: []string{"; it is a matter of trust.", ": nobody does it alone.", "! It is a good habit.",
			". Why? Because the public needs it."},
		table: [3]string{"Tool", "Use", "Minutes per week"},
		tools: []string{"Writing assistant", "Machine translator", "Search engine", "Audio transcription", "Image generator", "Spell checker"},
		uses:  []string{"proofread a letter", "translate a poster", "summarise a meeting", "prepare a workshop", "answer an email", "illustrate a leaflet"},
	},
}
