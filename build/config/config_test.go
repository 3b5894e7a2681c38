package config

import (
	"io/fs"
	"sobre/build/diag"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	c, probs := Load(fstest.MapFS{})
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	if got := strings.Join(c.Codes(), ","); got != "fr,nl,en" {
		t.Errorf("languages = %s, want fr,nl,en", got)
	}
	if c.DefaultLanguage != "fr" || c.Budgets.PageGzip != 14*1024 {
		t.Errorf("defaults wrong: %+v", c)
	}
}

func TestParse(t *testing.T) {
	c, probs := Parse([]byte(`
base_url = "https://example.org/charte"
default_language = "nl"
[languages.nl]
name = "Nederlands"
weight = 1
[languages.fr]
name = "Français"
weight = 2
[organisation]
name = "Vzw De Brug"
date = 2026-03-15
`))
	if probs.HasErrors() {
		t.Fatalf("problems: %v", probs)
	}
	if c.BaseURL != "https://example.org/charte/" {
		t.Errorf("base_url = %q, want a trailing slash added", c.BaseURL)
	}
	if got := strings.Join(c.Codes(), ","); got != "nl,fr" {
		t.Errorf("order = %s, want nl,fr (by weight)", got)
	}
	if d, ok := c.SigningDate(); !ok || d.Day() != 15 {
		t.Errorf("date = %v %v", d, ok)
	}
	if b := c.Budgets; b.ImagePixels != 16_000_000 || b.Markdown != 256*1024 || b.File != 5*1024*1024 {
		t.Errorf("input budgets %+v, want the defaults", b)
	}
	c, probs = Parse([]byte("[budgets]\nimage_pixels = 4000000\nmarkdown = 1000\nfile = 0\n"))
	if probs.HasErrors() || c.Budgets.ImagePixels != 4_000_000 || c.Budgets.Markdown != 1000 || c.Budgets.File != 0 {
		t.Errorf("input budgets %+v, problems %v", c.Budgets, probs)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		want      string
	}{
		{"syntax", "base_url = \"x\nfoo", 1, "TOML"},
		{"unknown key", "titel = \"x\"", 1, "unknown setting \"titel\""},
		{"bad base_url", "\nbase_url = \"/charte/\"", 2, "absolute http(s)"},
		{"bad date", "[organisation]\ndate = \"15/03/2026\"", 2, "YYYY-MM-DD"},
		{"bad language", "[languages.\"not a tag!\"]\nname = \"x\"", 1, "not a language tag"},
		{"no name", "[languages.fr]\nweight = 1", 1, "has no name"},
		{"default missing", "default_language = \"de\"", 1, "not among the languages"},
		{"bad contact", "contact = \"ftp://x\"", 1, "mailto: or https:"},
		{"credit incomplete", "[credits.x]\nwork = \"W\"", 1, "needs at least work and license"},
		{"negative budget", "[budgets]\npage_gzip = -1", 2, "positive"},
		{"negative file budget", "[budgets]\nfile = -1", 2, "budgets.file must be a positive"},
		{"pixel budget off", "[budgets]\nimage_pixels = 0", 2, "keeps a huge image from exhausting"},
		{"negative pixel budget", "[budgets]\n\nimage_pixels = -5", 3, "budgets.image_pixels must be a positive"},
		{"markdown budget off", "[budgets]\nmarkdown = 0", 2, "keeps a huge page from exhausting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Parse([]byte(tt.src))
			if c != nil {
				t.Fatalf("config accepted: %+v", c)
			}
			for _, p := range probs {
				if strings.Contains(p.Msg, tt.want) {
					if p.File != FileName || p.Line != tt.line {
						t.Errorf("position %s:%d, want %s:%d", p.File, p.Line, FileName, tt.line)
					}
					return
				}
			}
			t.Errorf("no problem mentions %q; got %v", tt.want, probs)
		})
	}
}

// FuzzParse: any input gives a config or problems, never a panic, and a
// rejected config always says why.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`default_language = "fr"` + "\n[languages.fr]\nname = \"Français\"\n"))
	f.Add([]byte("[organisation]\nname = \"A\"\ndate = 2026-01-02\n"))
	f.Add([]byte("base_url = \"https://x.org\"\n[credits.c]\nwork=\"w\"\nlicense=\"l\"\n[credits.c.context]\nfr=\"x\""))
	f.Add([]byte("[[languages]]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, probs := Parse(data)
		if c == nil && !probs.HasErrors() {
			t.Fatal("rejected without an error")
		}
		if c != nil && c.Language(c.DefaultLanguage) == nil {
			t.Fatal("accepted a config whose default language is missing")
		}
	})
}

// TestFallbackFonts: each fallback font must be a TrueType file of the
// site; a wrong one is reported on its line of site.toml.
func TestFallbackFonts(t *testing.T) {
	ttf := string([]byte{0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}) + "glyf" + strings.Repeat("\x00", 12)
	toml := "[print]\nfallback_fonts = [\n  \"fonts/a.ttf\",\n  \"fonts/absent.ttf\",\n  \"fonts/b.otf\",\n  \"../x.ttf\",\n]\n"
	fsys := fstest.MapFS{
		"site.toml":   {Data: []byte(toml)},
		"fonts/a.ttf": {Data: []byte(ttf)},
		"fonts/b.otf": {Data: []byte("OTTO" + strings.Repeat("\x00", 20))},
	}
	c, probs := Load(fsys)
	if c != nil {
		t.Fatal("bad fallback fonts accepted")
	}
	want := map[int]string{4: "fonts/absent.ttf is not a file of the site", 5: "fonts/b.otf is not a TrueType font", 6: "must be a path inside the site folder"}
	if len(probs) != len(want) {
		t.Fatalf("problems: %v", probs)
	}
	for _, p := range probs {
		if !strings.Contains(p.Msg, want[p.Line]) || p.File != "site.toml" {
			t.Errorf("%s:%d %s, want %q there", p.File, p.Line, p.Msg, want[p.Line])
		}
	}
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("[print]\nfallback_fonts = [\"fonts/a.ttf\"]\n")}
	if c, probs := Load(fsys); c == nil || len(probs) > 0 || c.Print.FallbackFonts[0] != "fonts/a.ttf" {
		t.Errorf("a good fallback font refused: %v", probs)
	}
}

// TestLogo: the organisation's logo must be an SVG, PNG or JPEG file of
// the site, not too big; a wrong one is reported on its line of
// site.toml, saying what to do.
func TestLogo(t *testing.T) {
	fsys := fstest.MapFS{
		"img/logo.svg":  {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>`)},
		"img/logo.png":  {Data: []byte("\x89PNG\r\n\x1a\n....")},
		"img/fake.png":  {Data: []byte("GIF89a")},
		"img/logo.gif":  {Data: []byte("GIF89a")},
		"img/big.jpg":   {Data: append([]byte{0xFF, 0xD8, 0xFF}, make([]byte, maxLogo)...)},
		"img/photo.jpg": {Data: []byte{0xFF, 0xD8, 0xFF, 0xE0}},
		"img":           {Mode: fs.ModeDir},
	}
	for _, c := range []struct{ logo, want string }{
		{"img/logo.svg", ""},
		{"img/logo.png", ""},
		{"img/photo.jpg", ""},
		{"img/absent.svg", "img/absent.svg is not a file of the site: put the logo there"},
		{"img", "must be an SVG, PNG or JPEG file"},
		{"../logo.svg", "must be a path inside the site folder"},
		{"public/logo.svg", "must be a path inside the site folder"},
		{"img/logo.gif", "must be an SVG, PNG or JPEG file"},
		{"img/fake.png", "img/fake.png is not what its name says"},
		{"img/big.jpg", "over 1024 KB"},
	} {
		fsys["site.toml"] = &fstest.MapFile{Data: []byte("# logo = \"a comment\"\n[organisation]\nname = \"Asbl\"\nlogo = \"" + c.logo + "\"\n")}
		cfg, probs := Load(fsys)
		if c.want == "" {
			if cfg == nil || len(probs) > 0 || cfg.Organisation.Logo != c.logo {
				t.Errorf("%s refused: %v", c.logo, probs)
			}
			continue
		}
		if cfg != nil || len(probs) != 1 || probs[0].Line != 4 || !strings.Contains(probs[0].Msg, "organisation.logo: ") || !strings.Contains(probs[0].Msg, c.want) {
			t.Errorf("%s: problems %v, want one on line 4 saying %q", c.logo, probs, c.want)
		}
	}
}

// TestContactNote: the shipped contact, or none, is a note for the
// publisher on contact's line; a real channel is not.
func TestContactNote(t *testing.T) {
	for _, c := range []struct {
		toml string
		line int // 0: no note
	}{
		{"base_url = \"\"\n", 0 + 0},
		{"base_url = \"\"\ncontact = \"transparence.md#signaler\"\n", 2},
		{"contact = \"mailto:info@example.org\"\n", -1},
		{"contact = \"https://example.org/contact\"\n", -1},
		{"contact = \"contact.md\"\n", -1},
	} {
		cfg, probs := Load(fstest.MapFS{"site.toml": {Data: []byte(c.toml)}})
		if cfg == nil || len(probs) > 0 {
			t.Fatalf("%q: %v", c.toml, probs)
		}
		notes := cfg.Notes()
		if c.line < 0 {
			if len(notes) != 0 {
				t.Errorf("%q: notes %v, want none", c.toml, notes)
			}
			continue
		}
		if len(notes) != 1 || notes[0].Severity != diag.Notice || notes[0].Line != c.line || !strings.Contains(notes[0].Msg, "mailto: or https:") {
			t.Errorf("%q: notes %v, want one on line %d", c.toml, notes, c.line)
		}
	}
}
