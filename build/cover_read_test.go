package build_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
	"sobre/build/pdf"
)

// requireTool returns the path of a command the test reads its output
// with: missing, the test fails where the environment asks for every
// tool (CI, SOBRE_REQUIRE_TOOLS), and is skipped elsewhere.
func requireTool(t *testing.T, name, pkg string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err == nil {
		return bin
	}
	if os.Getenv("CI") != "" || os.Getenv("SOBRE_REQUIRE_TOOLS") != "" {
		t.Fatalf("%s not installed (apt-get install %s), and CI or SOBRE_REQUIRE_TOOLS requires it", name, pkg)
	}
	t.Skipf("%s not installed (apt-get install %s)", name, pkg)
	return ""
}

// TestCoverLogoAndCode builds a small site whose site.toml has a
// base_url and a logo, and reads every booklet's first page back: the QR
// code drawn on the toolkit's covers opens the language's home page (zbar decodes a
// rendering of the page), and the logo is a figure whose alternative
// text names the organisation. The PNGs stay in the test's folder
// (-run TestCoverLogoAndCode -v prints it) to look at.
func TestCoverLogoAndCode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site")
	}
	pdftoppm := requireTool(t, "pdftoppm", "poppler-utils")
	zbarimg := requireTool(t, "zbarimg", "zbar-tools")
	files, err := corpus.Files(4, 2)
	if err != nil {
		t.Fatal(err)
	}
	mem := fstest.MapFS{}
	for name, data := range files {
		mem[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	toml := strings.Replace(string(files["site.toml"]), "booklets = false", "booklets = true", 1)
	// A page of the corpus stands in for the charter, for its booklet.
	toml = strings.Replace(toml, "default_language", "charter = \"modules/page-0001.md\"\ndefault_language", 1)
	toml = strings.Replace(toml, "[organisation]\n", "[organisation]\nlogo = \"img/logo.png\"\n", 1)
	mem["site.toml"].Data = []byte(toml)
	mem["img/logo.png"] = &fstest.MapFile{Data: logoPNG(), Mode: 0o644}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.BuildFS(context.Background(), mem, build.Options{Out: out, Defaults: sobre.Defaults}); err != nil {
		t.Fatal(err)
	}
	alt := map[string]string{"fr": "Logo\u00a0: ASBL Exemple", "nl": "Logo van ASBL Exemple", "en": "ASBL Exemple logo"}
	for _, lang := range []string{"fr", "nl", "en"} {
		booklets, _ := filepath.Glob(filepath.Join(out, lang, "print", "*.pdf"))
		if len(booklets) != 5 {
			t.Fatalf("%s: booklets %v, want the charter and four of the toolkit", lang, booklets)
		}
		for _, file := range booklets {
			if filepath.Base(file) == filepath.Base(toolkitPDF(lang, "a5-imposed")) {
				continue // its first sheet holds the back and front covers
			}
			name := lang + "/" + filepath.Base(file)
			if err := api.ValidateFile(file, nil); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			if !bytes.Contains(inflate(t, file), []byte("/Alt "+pdf.Text(alt[lang]))) {
				t.Errorf("%s: no figure with the alternative text %q", name, alt[lang])
			}
			if strings.HasPrefix(filepath.Base(file), "page-0001") {
				// The charter has no cover: its address closes it, with
				// no code, to keep it to three pages.
				text, err := exec.Command("pdftotext", file, "-").Output()
				if want := "example.org/charte/" + lang; err != nil || !bytes.Contains(text, []byte(want)) {
					t.Errorf("%s: the charter does not end with its address %q (%v)", name, want, err)
				}
				continue
			}
			img := filepath.Join(filepath.Dir(out), strings.TrimSuffix(filepath.Base(file), ".pdf")+"-"+lang)
			if err := exec.Command(pdftoppm, "-r", "100", "-f", "1", "-l", "1", "-singlefile", "-png", file, img).Run(); err != nil {
				t.Fatalf("%s: pdftoppm: %v", name, err)
			}
			got, err := exec.Command(zbarimg, "--raw", "-q", img+".png").Output()
			if want := "https://example.org/charte/" + lang + "/\n"; err != nil || string(got) != want {
				t.Errorf("%s: the cover's code reads %q (%v), want %q", name, got, err, want)
			}
		}
	}
	t.Logf("first pages in %s", filepath.Dir(out))
}

// logoPNG is a logo as an organisation may have one: a raster, wider
// than high, a dark mark on white.
func logoPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 300, 120))
	for y := 0; y < 120; y++ {
		for x := 0; x < 300; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if dx, dy := x-60, y-60; dx*dx+dy*dy < 50*50 || x > 130 && x < 290 && y%40 < 24 {
				c = color.RGBA{26, 94, 154, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}
