package print

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/output"
	"sobre/build/pdf/svg"
	"sobre/build/qr"
)

// coverDoc is a booklet with a cover whose address line carries code,
// and a chapter, with logo as its Logo.
func coverDoc(t *testing.T, code *qr.Symbol, logo *Logo) *Document {
	t.Helper()
	d := testDoc(t)
	d.Logo = logo
	d.AddCover(Text{Text: "Boîte à outils"}, Text{Text: "ASBL Exemple"}, Text{Text: "https://example.org/fr", QR: code})
	d.AddNote("Un chapitre.", "fr")
	if _, err := d.PDF(); err != nil {
		t.Fatal(err)
	}
	return d
}

// runs counts the runs of dark modules in s's rows.
func runs(s *qr.Symbol) int {
	n := 0
	for y := 0; y < s.Size; y++ {
		for x := 0; x < s.Size; x++ {
			if s.Dark(x, y) && !s.Dark(x-1, y) {
				n++
			}
		}
	}
	return n
}

// TestCoverCode: the cover draws the address's code under its line as
// one artifact, a rectangle per run of dark modules, modules of 0.5 mm
// or more, some 25 mm a side; the code changes nothing else on the
// page, and without it the cover has no rectangle at all.
func TestCoverCode(t *testing.T) {
	code, err := qr.Encode([]byte("https://example.org/fr/"))
	if err != nil {
		t.Fatal(err)
	}
	with, without := coverDoc(t, code, nil), coverDoc(t, nil, nil)
	page := with.drawn.contents[0]
	art := regexp.MustCompile(`(?s)/Artifact << /Type /Layout >> BDC\nq 0 g\n((?:\S+ \S+ \S+ \S+ re\n)+)f Q\nEMC\n`).FindStringSubmatch(page)
	if art == nil {
		t.Fatalf("no code drawn as an artifact on the cover:\n%s", page)
	}
	if n := strings.Count(art[1], " re\n"); n != runs(code) {
		t.Errorf("%d rectangles, want %d: one per run of dark modules", n, runs(code))
	}
	if m := qrModule(code) * 25.4 / 72; m < 0.5 || qrSide(code)*25.4/72 < 24 || qrSide(code)*25.4/72 > 30 {
		t.Errorf("module %.2f mm, side %.1f mm; want 0.5 mm or more, 25 to 30 mm", m, qrSide(code)*25.4/72)
	}
	if strings.Contains(without.drawn.contents[0], " re\n") {
		t.Errorf("a cover without code draws rectangles:\n%s", without.drawn.contents[0])
	}
	at := strings.Index(page, art[0])
	if !strings.HasPrefix(without.drawn.contents[0], page[:at]) {
		t.Errorf("the code moved the cover's lines above it:\n%s\nwithout:\n%s", page, without.drawn.contents[0])
	}
	// The code stands under its line, left-aligned with it, clear of it
	// by its quiet zone at least.
	line := regexp.MustCompile(`BT /F1 \S+ Tf (\S+) (\S+) Td`).FindAllStringSubmatch(page[:at], -1)
	rect := regexp.MustCompile(`^(\S+) (\S+) \S+ (\S+) re`).FindStringSubmatch(art[1])
	num := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	x, top := num(line[len(line)-1][1]), num(line[len(line)-1][2])
	if codeTop := num(rect[2]) + num(rect[3]); num(rect[1]) != x || codeTop > top-qrQuiet*qrModule(code) {
		t.Errorf("code's top left at (%s, %.1f), under a line at (%.1f, %.1f)", rect[1], codeTop, x, top)
	}
}

// TestCoverLogo: the logo heads the cover, left, 22 mm high, a figure
// first in the structure tree with its text alternative; the title stays
// a quarter down the page, where it is without a logo. A booklet without
// a cover (the charter) starts with it above its title.
func TestCoverLogo(t *testing.T) {
	drawing, err := svg.Parse([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80"><circle cx="40" cy="40" r="38" fill="#1a5e9a"/><rect x="90" y="20" width="100" height="40"/></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	logo := &Logo{Drawing: drawing, Alt: "Logo : ASBL Exemple"}
	with, without := coverDoc(t, nil, logo), coverDoc(t, nil, nil)
	tree := with.drawn.tree.Dump()
	if !strings.HasPrefix(tree, "Document lang=\"fr\"\n  Figure alt=\"Logo : ASBL Exemple\" page=1\n  H1 title=\"Boîte à outils\" page=1\n") {
		t.Errorf("structure tree:\n%s", tree)
	}
	fig, title := with.pages[0][0], with.pages[0][1]
	f := with.Format
	if fig.x != f.Left || fig.y != f.Height-f.Top || fig.h < logoHeight-0.01 || fig.h > logoHeight+0.01 {
		t.Errorf("logo at x %.1f y %.1f, %.1f high; want %.1f, %.1f, %.1f", fig.x, fig.y, fig.h, f.Left, f.Height-f.Top, logoHeight)
	}
	if title.y != without.pages[0][0].y {
		t.Errorf("title's baseline at %.1f with a logo, %.1f without", title.y, without.pages[0][0].y)
	}
	if len(with.pages) != len(without.pages) {
		t.Errorf("%d pages with a logo, %d without", len(with.pages), len(without.pages))
	}
	charter := testDoc(t)
	charter.Logo = logo
	charter.AddTitle(Text{Text: "Charte"})
	charter.AddNote("Un engagement.", "fr")
	if _, err := charter.PDF(); err != nil {
		t.Fatal(err)
	}
	if tree := charter.drawn.tree.Dump(); !strings.Contains(tree, "\n  Figure alt=\"Logo : ASBL Exemple\" page=1\n  H1 title=\"Charte\" page=1\n") {
		t.Errorf("charter's structure tree:\n%s", tree)
	}
	if !strings.Contains(charter.drawn.contents[0], "/Subtype /Footer") {
		t.Errorf("the charter's first page lost its footer:\n%s", charter.drawn.contents[0])
	}
}

// TestCoverCodeReads renders a cover with its code and reads it with
// zbar: the address comes back.
func TestCoverCodeReads(t *testing.T) {
	code, err := qr.Encode([]byte("https://example.org/fr/"))
	if err != nil {
		t.Fatal(err)
	}
	d := coverDoc(t, code, nil)
	zbarimg, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("SOBRE_REQUIRE_TOOLS") != "" {
			t.Fatal("zbarimg not installed (apt-get install zbar-tools), and CI or SOBRE_REQUIRE_TOOLS requires it")
		}
		t.Skip("zbarimg not installed (apt-get install zbar-tools)")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("poppler-utils not installed")
	}
	dir := t.TempDir()
	data, _ := d.PDF()
	file := filepath.Join(dir, "cover.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-singlefile", "-png", file, filepath.Join(dir, "cover")).Run(); err != nil {
		t.Fatal(err)
	}
	got, err := exec.Command(zbarimg, "--raw", "-q", filepath.Join(dir, "cover.png")).Output()
	if string(got) != "https://example.org/fr/\n" || err != nil {
		t.Errorf("zbarimg read %q (%v)", got, err)
	}
}

// TestCheckCover: a logo the engine cannot draw is an error naming its
// file; an address too long for a QR code a warning on site.toml, the
// cover printing it alone.
func TestCheckCover(t *testing.T) {
	cfg := config.Default()
	cfg.Organisation.Logo = "img/logo.svg"
	cfg.BaseURL = "https://example.org/" + strings.Repeat("x", 200) + "/"
	m := &output.Model{Config: cfg, Files: fstest.MapFS{"img/logo.svg": {Data: []byte("<svg")}}}
	var problems diag.List
	checkCover(m, &problems)
	if len(problems) != 4 || problems[0].File != "img/logo.svg" || problems[0].Severity != diag.Error || !strings.Contains(problems[0].Msg, "print no logo") {
		t.Fatalf("problems: %v", problems)
	}
	for _, p := range problems[1:] {
		if p.File != "site.toml" || p.Severity != diag.Warning || !strings.Contains(p.Msg, "without its QR code") {
			t.Errorf("problem %v, want a warning on site.toml", p)
		}
	}
	cfg.BaseURL = "https://example.org/"
	m.Files = fstest.MapFS{"img/logo.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1"/>`)}}
	problems = nil
	if checkCover(m, &problems); len(problems) > 0 {
		t.Errorf("problems with a good logo and address: %v", problems)
	}
}
