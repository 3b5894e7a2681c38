package hyph

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sobre/build/lang"
)

// hyphenate shows word with "-" at its points, for readable tests.
func hyphenate(h *Hyphenator, word string) string {
	var b strings.Builder
	last := 0
	for _, p := range h.Points(word) {
		b.WriteString(word[last:p])
		b.WriteByte('-')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

func mustFor(t testing.TB, lang string) *Hyphenator {
	t.Helper()
	h, err := For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestWords checks words against the patterns' output, each also checked by
// hand against the language's dictionary division (a pattern set may miss a
// hyphen, never add a wrong one here).
func TestWords(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"fr", "intelligence", "in-tel-li-gence"},
		{"fr", "responsable", "res-pon-sable"},
		{"fr", "environnement", "en-vi-ron-ne-ment"},
		{"fr", "ASBL", "ASBL"}, // acronyms keep their letters together
		{"fr", "UNESCO", "UNESCO"},
		{"en", "GDPR-compliant", "GDPR-com-pli-ant"},
		{"fr", "accessibilité", "ac-ces-si-bi-li-té"},
		{"fr", "organisation", "or-ga-ni-sa-tion"},
		{"fr", "développement", "dé-ve-lop-pe-ment"},
		{"fr", "apprentissage", "ap-pren-tis-sage"},
		{"fr", "transparence", "trans-pa-rence"},
		{"fr", "numérique", "nu-mé-rique"},
		{"fr", "données", "don-nées"},
		// Case, apostrophes, explicit hyphens, combining marks.
		{"fr", "Intelligence", "In-tel-li-gence"},
		{"fr", "ACCESSIBILITÉ", "AC-CES-SI-BI-LI-TÉ"},
		{"fr", "l’intelligence", "l’in-tel-li-gence"},
		{"fr", "l'intelligence", "l'in-tel-li-gence"},
		{"fr", "d’environnement", "d’en-vi-ron-ne-ment"},
		{"fr", "porte-monnaie", "porte-mon-naie"},
		{"fr", "accessibilite\u0301", "ac-ces-si-bi-li-te\u0301"},
		{"fr", "de\u0301veloppement", "de\u0301-ve-lop-pe-ment"},
		// Too short, or not to be touched.
		{"fr", "le", "le"},
		{"fr", "", ""},
		{"fr", "covid19", "covid19"},
		{"fr", "intelli\u00ADgence", "intelli\u00ADgence"},
		{"fr", "intelligenceΩ", "intelligenceΩ"},
		{"fr", "λογαριασμός", "λογαριασμός"},

		{"nl", "verantwoordelijkheid", "ver-ant-woor-de-lijk-heid"},
		{"nl", "organisatie", "or-ga-ni-sa-tie"},
		{"nl", "toegankelijkheid", "toe-gan-ke-lijk-heid"},
		{"nl", "ontwikkeling", "ont-wik-ke-ling"},
		{"nl", "duurzaamheid", "duur-zaam-heid"},
		{"nl", "beoordeling", "be-oor-de-ling"},
		{"nl", "kunstmatige", "kunst-ma-ti-ge"},
		{"nl", "gegevens", "ge-ge-vens"},
		{"nl", "Toegankelijkheid", "Toe-gan-ke-lijk-heid"},

		{"en", "responsible", "re-spons-ible"},
		{"en", "accessibility", "ac-cess-ib-il-ity"},
		{"en", "organisation", "or-gan-isa-tion"},
		{"en", "hyphenation", "hy-phen-a-tion"},
		{"en", "translation", "trans-la-tion"},
		{"en", "assessment", "as-sess-ment"},
		// From the file's exceptions.
		{"en", "university", "uni-ver-sity"},
		{"en", "However", "How-ever"},
		{"en", "something", "some-thing"},
		{"en", "don't", "don't"},
		{"en-US", "intelligence", "in-tel-li-gence"},

		// German, reformed spelling (the de-1996 patterns).
		{"de", "Silbentrennung", "Sil-ben-tren-nung"},
		{"de", "Datenschutzerklärung", "Da-ten-schutz-er-klä-rung"},
		{"de", "Gemeinnützigkeit", "Ge-mein-nüt-zig-keit"},
		{"de", "Ehrenamtliche", "Eh-ren-amt-li-che"},
		{"de", "Straße", "Stra-ße"},
		{"de-AT", "künstliche", "künst-li-che"},
	}
	for _, tt := range tests {
		h := mustFor(t, tt.lang)
		if got := hyphenate(h, tt.word); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestFor(t *testing.T) {
	for lang, want := range map[string]string{
		"fr": "fr", "fr-BE": "fr", "FR": "fr", "nl": "nl", "nl_NL": "nl",
		"nl-BE": "nl", "en": "en-gb", "en-GB": "en-gb", "en-US": "en-gb",
		"de": "de", "de-AT": "de",
	} {
		h := mustFor(t, lang)
		if h.Lang() != want {
			t.Errorf("For(%q).Lang() = %q, want %q", lang, h.Lang(), want)
		}
		if h != mustFor(t, want) {
			t.Errorf("For(%q) is not the cached %s Hyphenator", lang, want)
		}
	}
	for _, lang := range []string{"", "es", "english", "x-fr"} {
		if _, err := For(lang); err == nil {
			t.Errorf("For(%q): no error", lang)
		}
	}
	if l, r := mustFor(t, "fr").Min(); l != 2 || r != 2 {
		t.Errorf("fr minima %d/%d, want 2/2 (the file's header)", l, r)
	}
	if l, r := mustFor(t, "en").Min(); l != 2 || r != 3 {
		t.Errorf("en-gb minima %d/%d, want 2/3 (the file's header)", l, r)
	}
}

func TestWithMin(t *testing.T) {
	fr := mustFor(t, "fr")
	strict := fr.WithMin(3, 5)
	if got := hyphenate(strict, "intelligence"); got != "intel-li-gence" {
		t.Errorf("WithMin(3,5) intelligence: %q", got)
	}
	if got := hyphenate(strict, "données"); got != "données" {
		t.Errorf("WithMin(3,5) données: %q", got)
	}
	if got := hyphenate(fr, "données"); got != "don-nées" {
		t.Errorf("WithMin changed the shared Hyphenator: %q", got)
	}
	if l, r := fr.WithMin(0, -1).Min(); l != 1 || r != 1 {
		t.Errorf("WithMin(0,-1).Min() = %d,%d; want 1,1", l, r)
	}
}

// TestPatternFiles checks that each file keeps a licence header and loads.
func TestPatternFiles(t *testing.T) {
	for _, p := range lang.All() {
		s := p.Hyphenation
		if s == nil {
			continue
		}
		name, file := p.Code, s.Patterns+".txt"
		data, err := s.Data()
		if err != nil {
			t.Fatal(err)
		}
		// The header is the run of "%" lines the file starts with.
		var header []byte
		for line := range bytes.Lines(data) {
			if !bytes.HasPrefix(line, []byte("%")) {
				break
			}
			header = append(header, line...)
		}
		if !bytes.Contains(bytes.ToLower(header), []byte("licen")) || !bytes.Contains(header, []byte("Copyright")) {
			t.Errorf("%s: no copyright and licence in the header", file)
		}
		h := mustFor(t, name)
		if len(h.at) < 1000 {
			t.Errorf("%s: only %d trie nodes", file, len(h.at))
		}
	}
}

// naive is a second, plain reading of Liang's rule used to check the trie:
// every substring of ".word." is looked up in a map of patterns.
type naive struct {
	patterns    map[string][]uint8
	exceptions  map[string][]int
	left, right int
}

func loadNaive(t testing.TB, name string) naive {
	s := lang.Get(name).Hyphenation
	data, err := s.Data()
	if err != nil {
		t.Fatal(err)
	}
	n := naive{map[string][]uint8{}, map[string][]int{}, s.Left, s.Right}
	exc := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "% exceptions" {
			exc = true
		}
		if line == "" || line[0] == '%' {
			continue
		}
		if exc {
			n.exceptions[strings.ReplaceAll(line, "-", "")] = nil
			continue
		}
		var letters []rune
		vals := []uint8{0}
		for _, r := range line {
			if r >= '0' && r <= '9' {
				vals[len(vals)-1] = uint8(r - '0')
			} else {
				letters = append(letters, r)
				vals = append(vals, 0)
			}
		}
		n.patterns[string(letters)] = vals
	}
	return n
}

// points hyphenates a lower-case word of letters only; ok is false for the
// exception words, which the naive reading does not handle.
func (n naive) points(word string) (pts []int, ok bool) {
	if _, exc := n.exceptions[word]; exc {
		return nil, false
	}
	w := []rune("." + word + ".")
	v := make([]uint8, len(w)+1)
	for i := range w {
		for j := i + 1; j <= len(w); j++ {
			if vals, found := n.patterns[string(w[i:j])]; found {
				for k, d := range vals {
					v[i+k] = max(v[i+k], d)
				}
			}
		}
	}
	m := len(w) - 2
	for p := n.left; p <= m-n.right; p++ {
		if v[p+1]%2 == 1 {
			pts = append(pts, len(string(w[1:p+1])))
		}
	}
	return pts, true
}

// TestAgainstNaive compares the trie with the naive reading on every word of
// the sample texts.
func TestAgainstNaive(t *testing.T) {
	for lang, text := range sampleTexts {
		h := mustFor(t, lang)
		n := loadNaive(t, h.Lang())
		checked := 0
		for _, w := range words(strings.ToLower(text)) {
			want, ok := n.points(w)
			if !ok || strings.ContainsAny(w, "'’-") {
				continue
			}
			if got := h.Points(w); !slices.Equal(got, want) {
				t.Errorf("%s %q: trie %v, naive %v", lang, w, got, want)
			}
			checked++
		}
		if checked < 100 {
			t.Errorf("%s: only %d words checked", lang, checked)
		}
	}
}

// checkPoints is the contract of Points for any input.
func checkPoints(t *testing.T, h *Hyphenator, word string) {
	pts := h.Points(word)
	if len(pts) == 0 {
		return
	}
	if strings.ContainsFunc(word, unicode.IsNumber) || strings.ContainsRune(word, '\u00AD') {
		t.Fatalf("%s %q: points %v in a word with digits or soft hyphens", h.lang, word, pts)
	}
	left, right := h.Min()
	prev := 0
	for _, p := range pts {
		if p <= prev || p >= len(word) {
			t.Fatalf("%s %q: points %v not increasing inside the word", h.lang, word, pts)
		}
		if !utf8.RuneStart(word[p]) {
			t.Fatalf("%s %q: point %d splits a rune", h.lang, word, p)
		}
		if r, _ := utf8.DecodeRuneInString(word[p:]); !unicode.IsLetter(r) {
			t.Fatalf("%s %q: point %d before %q", h.lang, word, p, r)
		}
		if r, _ := utf8.DecodeLastRuneInString(word[:p]); !unicode.IsLetter(r) && !unicode.In(r, unicode.Mn, unicode.Me) {
			t.Fatalf("%s %q: point %d after %q", h.lang, word, p, r)
		}
		if utf8.RuneCountInString(word[:p]) < left || utf8.RuneCountInString(word[p:]) < right {
			t.Fatalf("%s %q: point %d breaks the %d/%d minima", h.lang, word, p, left, right)
		}
		prev = p
	}
}

func FuzzPoints(f *testing.F) {
	for _, s := range []string{
		"intelligence", "l’intelligence", "ACCESSIBILITÉ", "accessibilite\u0301",
		"verantwoordelijkheid", "university", "e\u0301\u0301\u0301tre", "\u0301abc",
		"porte-monnaie", "covid19", "a", "", "\xff\xfe", "in\u00ADtel", "ǅemal", "ﬁnance",
	} {
		f.Add(s)
	}
	hs := []*Hyphenator{mustFor(f, "fr"), mustFor(f, "nl"), mustFor(f, "en"), mustFor(f, "fr").WithMin(1, 1)}
	f.Fuzz(func(t *testing.T, word string) {
		for _, h := range hs {
			checkPoints(t, h, word)
		}
	})
}

// TestPointsContract runs the fuzz contract over the sample texts' words.
func TestPointsContract(t *testing.T) {
	for lang, text := range sampleTexts {
		h := mustFor(t, lang)
		for _, w := range strings.Fields(text) {
			checkPoints(t, h, w)
		}
	}
}

func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.In(r, unicode.Mn, unicode.Me) && r != '\'' && r != '’' && r != '-'
	})
}

func BenchmarkPoints(b *testing.B) {
	for _, lang := range []string{"fr", "nl", "en"} {
		h := mustFor(b, lang)
		ws := words(sampleTexts[lang])
		b.Run(lang, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, w := range ws {
					n += len(h.Points(w))
				}
			}
			b.ReportMetric(float64(len(ws)), "words/op")
		})
	}
}

// sampleTexts are long enough to exercise the patterns and the benchmark.
var sampleTexts = map[string]string{
	"fr": `L’intelligence artificielle transforme la manière dont les associations
travaillent, communiquent et accompagnent leurs publics. Cette charte propose un
cadre d’usage responsable : transparence envers les personnes concernées,
protection des données personnelles, attention à l’accessibilité numérique et
à l’environnement, vérification humaine des contenus produits. Chaque
organisation adapte ces principes à sa réalité, forme ses équipes, évalue
régulièrement ses pratiques et rend compte de ses choix. Les outils génératifs
consomment beaucoup d’énergie ; leur utilisation doit rester proportionnée aux
besoins réels. Les biais des modèles reproduisent parfois des discriminations :
une relecture attentive et diversifiée permet de les repérer. L’autoévaluation
aide à mesurer le chemin parcouru et à identifier les priorités. Les
bénévoles, les salariés et les administrateurs participent ensemble à
l’élaboration des règles internes, dans un esprit de coopération,
d’apprentissage continu et de responsabilité partagée. La confidentialité des
échanges, le consentement éclairé et la minimisation des données collectées
constituent des exigences fondamentales. Anticonstitutionnellement,
extraordinairement, particulièrement, incompréhensible, développement durable,
renseignements, établissement, interopérabilité, reconnaissance vocale.`,
	"nl": `Kunstmatige intelligentie verandert de manier waarop verenigingen werken,
communiceren en hun publiek begeleiden. Dit handvest biedt een kader voor
verantwoord gebruik: transparantie tegenover de betrokken personen,
bescherming van persoonsgegevens, aandacht voor digitale toegankelijkheid en
voor het milieu, menselijke controle van de geproduceerde inhoud. Elke
organisatie past deze beginselen aan haar werkelijkheid aan, leidt haar teams
op, beoordeelt regelmatig haar werkwijze en legt verantwoording af over haar
keuzes. Generatieve hulpmiddelen verbruiken veel energie; het gebruik ervan
moet in verhouding blijven tot de werkelijke behoeften. Vooroordelen in
modellen leiden soms tot discriminatie: een zorgvuldige en diverse
nalezing helpt om ze op te sporen. De zelfevaluatie helpt om de afgelegde weg
te meten en prioriteiten te bepalen. Vrijwilligers, medewerkers en
bestuurders werken samen aan de ontwikkeling van interne regels, in een geest
van samenwerking, voortdurend leren en gedeelde verantwoordelijkheid.
Vertrouwelijkheid, geïnformeerde toestemming en gegevensminimalisatie zijn
fundamentele vereisten. Arbeidsongeschiktheidsverzekering, ziekenhuisopname,
duurzaamheidsverslag, gebruiksvriendelijkheid, beschikbaarheid.`,
	"en": `Artificial intelligence is changing the way associations work,
communicate and support the people they serve. This charter proposes a
framework for responsible use: transparency towards the people concerned,
protection of personal data, attention to digital accessibility and to the
environment, human verification of the content produced. Each organisation
adapts these principles to its own reality, trains its teams, regularly
assesses its practices and accounts for its choices. Generative tools consume
a great deal of energy; their use must remain proportionate to real needs.
The biases of models sometimes reproduce discrimination: careful and diverse
proofreading helps to spot them. The self-assessment helps to measure the
distance travelled and to identify priorities. Volunteers, employees and
board members take part together in drawing up internal rules, in a spirit of
cooperation, continuous learning and shared responsibility. Confidentiality of
exchanges, informed consent and the minimisation of collected data are
fundamental requirements. Incomprehensibility, internationalisation,
characteristically, acknowledgement, interoperability, recognition.`,
}

// TestRules checks the typesetter's limits on top of the patterns: short
// parts, capitals and mixed case, proper names, each alone.
func TestRules(t *testing.T) {
	fr, en := mustFor(t, "fr"), mustFor(t, "en")
	all := Rules{Shortest: 6, Cased: true, Names: true}
	tests := []struct {
		h          *Hyphenator
		rules      Rules
		word, want string
	}{
		{fr, Rules{}, "Cela", "Ce-la"},
		{fr, Rules{Shortest: 6}, "Cela", "Cela"},
		{fr, Rules{Shortest: 6}, "dessin", "des-sin"},
		{fr, Rules{Shortest: 6}, "l’usage", "l’usage"}, // five letters after the apostrophe
		{fr, Rules{}, "GenAI", "Ge-nAI"},
		{fr, Rules{Cased: true}, "GenAI", "GenAI"},
		{en, Rules{Cased: true}, "understanding", "un-der-stand-ing"},
		{fr, Rules{Cased: true}, "INTELLIGENCE", "INTELLIGENCE"},
		{fr, Rules{}, "Mistral", "Mis-tral"},
		{fr, Rules{Names: true}, "Mistral", "Mistral"},
		{fr, Rules{Cased: true}, "Mistral", "Mis-tral"}, // a capital at the start is not mixed case
		{fr, all, "intelligence", "in-tel-li-gence"},
		{fr, all, "l’Europe", "l’Europe"},
		{fr, all, "Bruxelles-Capitale", "Bruxelles-Capitale"},
		{fr, all, "porte-parole", "porte-pa-role"},
	}
	for _, tt := range tests {
		if got := hyphenate(tt.h.With(tt.rules), tt.word); got != tt.want {
			t.Errorf("%s %+v %q = %q, want %q", tt.h.Lang(), tt.rules, tt.word, got, tt.want)
		}
	}
}
