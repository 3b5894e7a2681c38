package build

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"sobre/build/markup"
)

// A workshop plan is a table whose first column is a start time ("9 h 00",
// "9.00 uur", "9:00") and second a duration ("15 min"), under a heading
// that announces the plan's length ("(3 h 30)", "(3 u 30)", "(3 hours 30
// minutes)"); its last row
// is the end ("12 h 30 | — | Fin").
var (
	clockRe    = regexp.MustCompile(`^(\d{1,2})` + sp + `(?:h|u|uur|:|\.)` + sp + `(\d{2})(?:` + sp + `(?:u|uur))?$`)
	durationRe = regexp.MustCompile(`^(\d+)\s*min$`)
	lengthRe   = regexp.MustCompile(`\((\d+)` + sp + `(?:h|u|uur|hours?)(?:` + sp + `(\d{2})(?:` + sp + `min(?:utes)?)?)?\)`)
)

// sp is the space a time may hold: none, a space, or a no-break space that
// keeps "9 h 00" on one line of a narrow table.
const sp = `[\s\x{a0}\x{202f}]*`

// clock reads a start time as minutes after midnight.
func clock(s string) (int, bool) {
	m := clockRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	return h*60 + min, true
}

// plan is one plan table as read from the page.
type plan struct {
	heading string
	length  int // announced, in minutes; -1 when the heading says none
	line    int
	rows    [][2]string // start, duration
}

// plans finds the plan tables of a page.
func plans(src []byte) []plan {
	d := markup.Parse(src, markup.Options{Lang: "fr", File: "guide.md"})
	var out []plan
	heading := ""
	for n := d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			heading = markup.PlainText(n, src)
		case *east.Table:
			p := plan{heading: heading, length: -1, line: d.Line(n)}
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				if _, ok := r.(*east.TableRow); !ok {
					continue // the header
				}
				c := r.FirstChild()
				if c == nil || c.NextSibling() == nil {
					break
				}
				p.rows = append(p.rows, [2]string{markup.PlainText(c, src), strings.TrimSpace(markup.PlainText(c.NextSibling(), src))})
			}
			if len(p.rows) == 0 {
				continue
			}
			if _, ok := clock(p.rows[0][0]); !ok || !durationRe.MatchString(p.rows[0][1]) {
				continue // not a plan
			}
			if m := lengthRe.FindStringSubmatch(heading); m != nil {
				h, _ := strconv.Atoi(m[1])
				min, _ := strconv.Atoi(m[2])
				p.length = h*60 + min
			}
			out = append(out, p)
		}
	}
	return out
}

// check says what does not add up in a plan: a start that is not the
// previous start plus its duration, a missing end row, a total that is
// not the length its heading announces.
func (p plan) check() []string {
	var errs []string
	at := func(i int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("table at line %d (%q), row %d: ", p.line, p.heading, i+1)+fmt.Sprintf(format, args...))
	}
	first, _ := clock(p.rows[0][0])
	t, total := first, 0
	for i, r := range p.rows {
		start, ok := clock(r[0])
		if !ok {
			at(i, "%q is not a start time like 9 h 00", r[0])
			return errs
		}
		if start != t {
			at(i, "starts at %s, but the row before ends at %d h %02d", r[0], t/60, t%60)
			return errs
		}
		if i == len(p.rows)-1 {
			if r[1] != "—" && r[1] != "-" {
				at(i, "the last row must be the end, with duration \"—\", not %q", r[1])
			}
			break
		}
		m := durationRe.FindStringSubmatch(r[1])
		if m == nil {
			at(i, "%q is not a duration like 15 min", r[1])
			return errs
		}
		d, _ := strconv.Atoi(m[1])
		t += d
		total += d
	}
	switch {
	case p.length < 0:
		errs = append(errs, fmt.Sprintf("table at line %d: its heading %q announces no length such as (3 h 30)", p.line, p.heading))
	case total != p.length:
		errs = append(errs, fmt.Sprintf("table at line %d: the durations add up to %d h %02d, the heading %q announces %d h %02d", p.line, total/60, total%60, p.heading, p.length/60, p.length%60))
	}
	return errs
}

// TestPlanCheck: the rules on small plans.
func TestPlanCheck(t *testing.T) {
	for _, c := range []struct {
		name, md, want string // want: part of the first problem; "" for none
	}{
		{"adds up", "## Matin (1 h 00)\n\n| Heure | Durée | Activité |\n|---|---|---|\n| 9 h 00 | 15 min | A |\n| 9 h 15 | 45 min | B |\n| 10 h 00 | — | Fin |\n", ""},
		{"dutch", "## Ochtend (1 u 00)\n\n| Uur | Duur | Activiteit |\n|---|---|---|\n| 9.00 uur | 60 min | A |\n| 10.00 uur | — | Einde |\n", ""},
		{"english", "## Morning (0 hours 30 minutes)\n\n| Time | Length | Activity |\n|---|---|---|\n| 9:00 | 30 min | A |\n| 9:30 | — | End |\n", ""},
		{"no-break spaces", "## Matin (1\u00a0h\u00a000)\n\n| Heure | Durée | Activité |\n|---|---|---|\n| 9\u00a0h\u00a000 | 60 min | A |\n| 10\u00a0h\u00a000 | — | Fin |\n", ""},
		{"gap", "## Matin (1 h 00)\n\n| Heure | Durée | Activité |\n|---|---|---|\n| 9 h 00 | 15 min | A |\n| 9 h 20 | 40 min | B |\n| 10 h 00 | — | Fin |\n", "row 2: starts at 9 h 20, but the row before ends at 9 h 15"},
		{"no end", "## Matin (0 h 30)\n\n| Heure | Durée | Activité |\n|---|---|---|\n| 9 h 00 | 15 min | A |\n| 9 h 15 | 15 min | B |\n", "the last row must be the end"},
		{"wrong length", "## Matin (2 h 00)\n\n| Heure | Durée | Activité |\n|---|---|---|\n| 9 h 00 | 60 min | A |\n| 10 h 00 | — | Fin |\n", "add up to 1 h 00"},
		{"no length", "## Matin\n\n| Heure | Durée | Activité |\n|---|---|---|\n| 9 h 00 | 60 min | A |\n| 10 h 00 | — | Fin |\n", "announces no length"},
	} {
		ps := plans([]byte(c.md))
		if len(ps) != 1 {
			t.Fatalf("%s: %d plans found, want 1", c.name, len(ps))
		}
		errs := ps[0].check()
		if c.want == "" && len(errs) > 0 || c.want != "" && (len(errs) == 0 || !strings.Contains(errs[0], c.want)) {
			t.Errorf("%s: problems %q, want %q", c.name, errs, c.want)
		}
	}
	if ps := plans([]byte("| Mot | Sens |\n|---|---|\n| IA | intelligence artificielle |\n")); len(ps) != 0 {
		t.Errorf("a table that is not a plan was read as one: %v", ps)
	}
}

// TestGuidePlansAddUp: every plan of the facilitator's guide, in every
// language, adds up to the length it announces, and the guide has both a
// half-day and a full-day plan.
func TestGuidePlansAddUp(t *testing.T) {
	for _, lang := range []string{"fr", "nl", "en"} {
		f := "../content/" + lang + "/guide-animation.md"
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ps := plans(src)
		if len(ps) < 2 {
			t.Errorf("%s: %d workshop plans, want a half day and a full day", f, len(ps))
		}
		for _, p := range ps {
			for _, e := range p.check() {
				t.Errorf("%s: %s", f, e)
			}
		}
	}
}
