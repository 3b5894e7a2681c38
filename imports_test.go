package sobre_test

import (
	"os/exec"
	"strings"
	"testing"
)

// leaves are the packages that each make one kind of output or report from
// the site model. They never import each other: a new output is one new
// package, and changing one never ripples into another.
var leaves = []string{"sobre/build/web", "sobre/build/print", "sobre/build/search", "sobre/build/bundle", "sobre/build/status", "sobre/build/xliff"}

// selfContained packages import nothing of sobre: they implement a
// standard on their own (build/qr, ISO/IEC 18004), usable anywhere, or
// are data every stage reads (build/lang, the language profiles).
var selfContained = []string{"sobre/build/qr", "sobre/build/lang"}

// forbidden pairs: the importer never imports the imported, directly or
// through another package.
var forbidden = [][2]string{
	{"sobre/build/typeset", "sobre/build/pdf"}, // line breaking knows no PDF
	{"sobre/build/check", "sobre/build/web"},   // rules know no theme
}

// TestImportRules checks that imports point one way (DESIGN.md): no leaf
// imports another, the stages below build never import the orchestrator,
// and the pairs above stay apart.
func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string]map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		deps[f[0]] = map[string]bool{}
		for _, d := range f[1:] {
			deps[f[0]][d] = true
		}
	}
	bad := func(from, to, why string) { t.Errorf("%s imports %s: %s", from, to, why) }
	for _, a := range leaves {
		for _, b := range leaves {
			if a != b && deps[a][b] {
				bad(a, b, "outputs never import each other; move what they share below them")
			}
		}
	}
	for pkg, d := range deps {
		if strings.HasPrefix(pkg, "sobre/build/") && d["sobre/build"] {
			bad(pkg, "sobre/build", "stages never import the orchestrator")
		}
	}
	for _, p := range selfContained {
		for d := range deps[p] {
			if d == "sobre" || strings.HasPrefix(d, "sobre/") {
				bad(p, d, "a self-contained package imports nothing of sobre")
			}
		}
	}
	for _, p := range forbidden {
		if deps[p[0]][p[1]] {
			bad(p[0], p[1], "see forbidden in imports_test.go")
		}
	}
}
