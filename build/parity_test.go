package build_test

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// webOnly are the words of pages' main content that only the web has, by
// language: the interactive forms' buttons and columns, and what the
// self-assessment's note says of the browser. Paper has no such things.
var webOnly = map[string][]string{
	"fr": {"Imprimer le résumé", "Effacer mes réponses", "Graphique",
		"Vos réponses restent dans ce navigateur, sur cet appareil. Rien n’est envoyé."},
	"nl": {"De samenvatting afdrukken", "Mijn antwoorden wissen", "Grafiek",
		"Je antwoorden blijven in deze browser, op dit toestel. Er wordt niets verstuurd."},
	"en": {"Print the summary", "Clear my answers", "Chart",
		"Your answers stay in this browser, on this device. Nothing is sent."},
}

// TestHandoutHasEveryWord checks that the A4 handout prints what the web
// shows: for every page and language, at least 99 % of the words of the
// page's main content (its article, the generated blocks included; web-only
// words aside) are found in the pages of its chapter, extracted with
// pdftotext. It reports the coverage per language.
func TestHandoutHasEveryWord(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := doBuild(t, "../", out); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fr", "nl", "en"} {
		pdf, err := exec.Command("pdftotext", "-layout", filepath.Join(out, toolkitPDF(lang, "a4")), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(pdf), "\f")
		found, total := 0, 0
		files := articles(t, filepath.Join(out, lang))
		titles, texts := make([]string, len(files)), make([]string, len(files))
		for i, file := range files {
			titles[i], texts[i] = article(t, file, webOnly[lang])
		}
		for i, file := range files {
			title, text := titles[i], texts[i]
			chapter := chapterText(pages, title)
			if chapter == "" {
				t.Errorf("%s: no chapter of the %s handout starts with %q", file, lang, title)
				continue
			}
			f, n, missing := coverage(wordsOf(text), handoutWords(chapter))
			found, total = found+f, total+n
			if f < n {
				t.Logf("%s: %d of %d words; missing: %s", file, f, n, strings.Join(missing, " "))
			}
			if n > 0 && float64(f) < 0.99*float64(n) {
				t.Errorf("%s: the %s handout has %d of its %d words (%.1f %%); missing: %s", file, lang, f, n, 100*float64(f)/float64(n), strings.Join(missing, " "))
			}
		}
		t.Logf("%s: %d of %d words of the pages in the handout (%.2f %%)", lang, found, total, 100*float64(found)/float64(max(total, 1)))
	}
}

// articles lists a language's pages that the handout prints.
func articles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "404.html" {
			return nil
		}
		b, err := os.ReadFile(p)
		// The handout leaves the A–Z index out by design: it stands in
		// for search, which paper does with its contents.
		// The materials pack and easy-to-read editions print alone, not
		// in the handout (TestPack and TestEasyReadEdition check their
		// own PDFs). The downloads page lists the files, paper among
		// them: the web's alone.
		if err == nil && !strings.Contains(string(b), `class="az-letters"`) && !strings.Contains(string(b), `class="callout callout-card"`) && !strings.Contains(string(b), `data-edition=`) && !strings.Contains(string(b), `class="dl-page"`) {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

var (
	articleRe = regexp.MustCompile(`(?s)<article[^>]*>(.*)</article>`)
	// The web's way-finding (contents, "back to top", the charter to
	// print: paper is it) and the AI notice's
	// one-line summary, which repeats the notice it opens.
	wayRe = regexp.MustCompile(`(?s)<nav class="toc".*?</nav>|<p class="to-top.*?</p>|<p class="print-action.*?</p>|<summary>.*?</summary>`)
	h1Re  = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	// The page's meta line (reading time, date of update) is the web's.
	metaRe   = regexp.MustCompile(`(?s)<p class="meta">.*?</p>`)
	scriptRe = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`)
	anyTagRe = regexp.MustCompile(`<[^>]*>`)
)

// article is a page's title and the text of its main content, web-only
// phrases taken out.
func article(t *testing.T, file string, webOnly []string) (title, text string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := articleRe.FindSubmatch(b)
	if m == nil {
		t.Fatalf("%s: no article", file)
	}
	a := string(m[1])
	if h := h1Re.FindStringSubmatch(a); h != nil {
		title = html.UnescapeString(anyTagRe.ReplaceAllString(h[1], ""))
	}
	a = metaRe.ReplaceAllString(a, " ")
	a = wayRe.ReplaceAllString(a, " ")
	a = scriptRe.ReplaceAllString(a, " ")
	text = html.UnescapeString(anyTagRe.ReplaceAllString(a, " "))
	for _, w := range webOnly {
		text = strings.ReplaceAll(text, w, " ")
	}
	return title, text
}

// chapterText is the text of the handout's pages from the one that starts
// with title to the last that has the same running footer: a chapter's
// pages name it in their footer ("Self-assessment · 53"), so a page that
// happens to start with the words of another title (a table headed
// "Self-assessment summary") does not end the chapter.
func chapterText(pages []string, title string) string {
	t := strings.Join(strings.Fields(title), " ")
	at := -1
	for i := 2; i < len(pages); i++ { // past the cover and the contents
		// The page's first lines as printed: a list item that names a
		// chapter has its bullet first.
		first := strings.Join(strings.Fields(firstLines(pages[i], 3)), " ")
		if t != "" && (first == t || strings.HasPrefix(first, t+" ")) {
			at = i
			break
		}
	}
	if at < 0 {
		return ""
	}
	end := at + 1
	for end < len(pages) && footer(pages[end]) == footer(pages[at]) {
		end++
	}
	return strings.Join(pages[at:end], "\n")
}

// footer is the chapter a page's running footer names, without the page
// number.
func footer(page string) string {
	lines := strings.Split(strings.TrimRight(page, "\n "), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	name, _, _ := strings.Cut(last, " · ")
	return name
}

func firstLines(page string, n int) string {
	lines := strings.SplitN(strings.TrimLeft(page, "\n"), "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], " ")
}

// wordsOf are a text's words, lower case, split at anything but a letter
// or a digit.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// handoutWords counts the words of extracted text; a word broken across
// two lines counts whole too (the hyphen it was broken at is not text).
func handoutWords(s string) map[string]int {
	count := map[string]int{}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		w := wordsOf(l)
		for _, x := range w {
			count[x]++
		}
		if i+1 < len(lines) && len(w) > 0 {
			if next := wordsOf(lines[i+1]); len(next) > 0 {
				count[w[len(w)-1]+next[0]]++
			}
		}
	}
	return count
}

// coverage is how many of want's words have is, each word as many times
// as want has it, and those missing.
func coverage(want []string, is map[string]int) (found, total int, missing []string) {
	for _, w := range want {
		total++
		if is[w] > 0 {
			is[w]--
			found++
		} else {
			missing = append(missing, w)
		}
	}
	if len(missing) > 40 {
		missing = append(missing[:40], fmt.Sprintf("… (%d more)", len(missing)-40))
	}
	return found, total, missing
}
