package qr

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// slowMul multiplies in GF(256) bit by bit, without tables: an
// independent check of mul.
func slowMul(a, b byte) byte {
	var p uint16
	x, y := uint16(a), uint16(b)
	for y != 0 {
		if y&1 == 1 {
			p ^= x
		}
		y >>= 1
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11D
		}
	}
	return byte(p)
}

// slowGenerator multiplies out (x − α⁰)…(x − αⁿ⁻¹) as full polynomials,
// highest degree first, leading 1 included.
func slowGenerator(n int) []byte {
	g := []byte{1}
	root := byte(1)
	for i := 0; i < n; i++ {
		next := make([]byte, len(g)+1)
		for j, c := range g {
			next[j] ^= c                  // × x
			next[j+1] ^= slowMul(c, root) // × root (minus is plus)
		}
		g, root = next, slowMul(root, 2)
	}
	return g
}

// slowRemainder divides data × xⁿ by the full polynomial gen by long
// division.
func slowRemainder(data, gen []byte) []byte {
	n := len(gen) - 1
	r := append(append([]byte{}, data...), make([]byte, n)...)
	for i := 0; i < len(data); i++ {
		if c := r[i]; c != 0 {
			for j, g := range gen {
				r[i+j] ^= slowMul(g, c)
			}
		}
	}
	return r[len(data):]
}

func TestReedSolomon(t *testing.T) {
	// (x + 1)(x + 2) = x² + 3x + 2, by hand.
	if g := generator(2); !bytes.Equal(g, []byte{3, 2}) {
		t.Errorf("generator(2) = %v, want [3 2]", g)
	}
	// The standard's annex A lists degree 10 as α's exponents.
	want := []int{251, 67, 46, 61, 118, 70, 64, 94, 32, 45}
	for i, c := range generator(10) {
		if int(log[c]) != want[i] {
			t.Errorf("generator(10)[%d] = α^%d, want α^%d", i, log[c], want[i])
		}
	}
	for n := 1; n <= 30; n++ {
		full := slowGenerator(n)
		if !bytes.Equal(generator(n), full[1:]) {
			t.Errorf("generator(%d) = %v, slow %v", n, generator(n), full[1:])
		}
		data := []byte("https://example.org/fr/" + strings.Repeat("x", n))
		if got, want := remainder(data, generator(n)), slowRemainder(data, full); !bytes.Equal(got, want) {
			t.Errorf("remainder, degree %d = %v, slow %v", n, got, want)
		}
	}
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			if mul(byte(a), byte(b)) != slowMul(byte(a), byte(b)) {
				t.Fatalf("mul(%d, %d) = %d, slow %d", a, b, mul(byte(a), byte(b)), slowMul(byte(a), byte(b)))
			}
		}
	}
}

// slowMod is the remainder of a binary polynomial divided by gen.
func slowMod(v, gen int) int {
	deg := func(p int) int {
		d := -1
		for ; p > 0; p >>= 1 {
			d++
		}
		return d
	}
	for deg(v) >= deg(gen) {
		v ^= gen << (deg(v) - deg(gen))
	}
	return v
}

func TestFormatAndVersionBits(t *testing.T) {
	// Level M's eight format strings, as the standard's table C.1 lists.
	format := []int{0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
		0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000}
	for mask, want := range format {
		got := formatBits(mask)
		if got != want {
			t.Errorf("formatBits(%d) = %015b, want %015b", mask, got, want)
		}
		if slowMod(got^0x5412, 0x537) != 0 || (got^0x5412)>>10 != mask {
			t.Errorf("formatBits(%d) = %015b is no BCH codeword of level M, mask %d", mask, got, mask)
		}
	}
	version := map[int]int{7: 0x07C94, 8: 0x085BC, 9: 0x09A99, 10: 0x0A4D3}
	for v, want := range version {
		if got := versionBits(v); got != want || slowMod(got, 0x1F25) != 0 {
			t.Errorf("versionBits(%d) = %#05x, want %#05x", v, got, want)
		}
	}
}

func TestCapacity(t *testing.T) {
	want := []int{14, 26, 42, 62, 84, 106, 122, 152, 180, 213}
	for v := 1; v <= MaxVersion; v++ {
		if Capacity(v) != want[v-1] {
			t.Errorf("Capacity(%d) = %d, want %d", v, Capacity(v), want[v-1])
		}
		// Data and error correction fill exactly the modules that
		// function patterns leave.
		g := newGrid(v)
		g.drawFunctionPatterns()
		free := 0
		for _, f := range g.fixed {
			if !f {
				free++
			}
		}
		b := blocksM[v]
		if total := numData(v) + (b.short+b.long)*b.ec; total != free/8 {
			t.Errorf("version %d: %d codewords, %d free modules", v, total, free)
		}
		for _, c := range []struct{ n, v int }{{Capacity(v), v}, {Capacity(v) + 1, v + 1}} {
			s, err := Encode(bytes.Repeat([]byte("a"), c.n))
			if c.v > MaxVersion {
				if !errors.Is(err, ErrTooLong) {
					t.Errorf("%d bytes: err = %v, want ErrTooLong", c.n, err)
				}
				continue
			}
			if err != nil || s.Version != c.v || s.Size != 17+4*c.v {
				t.Errorf("%d bytes: version %d, err %v; want version %d", c.n, s.Version, err, c.v)
			}
		}
	}
}

func TestTooLong(t *testing.T) {
	for _, n := range []int{214, 1000, 1 << 16} {
		if s, err := Encode(make([]byte, n)); !errors.Is(err, ErrTooLong) || s != nil {
			t.Errorf("%d bytes: symbol %v, err %v; want ErrTooLong", n, s, err)
		}
	}
}

func FuzzEncode(f *testing.F) {
	for _, s := range []string{"", "https://example.org/fr/", "HELLO WORLD", strings.Repeat("é", 100)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Encode(data)
		if err != nil {
			if !errors.Is(err, ErrTooLong) || len(data) <= Capacity(MaxVersion) {
				t.Fatalf("%d bytes: %v", len(data), err)
			}
			return
		}
		if s.Size != 17+4*s.Version || s.Version < 1 || s.Version > MaxVersion || len(data) > Capacity(s.Version) {
			t.Fatalf("%d bytes: version %d, size %d", len(data), s.Version, s.Size)
		}
		if !s.Dark(0, 0) || s.Dark(7, 7) || s.Dark(-1, 0) || s.Dark(s.Size, 0) {
			t.Fatalf("finder or quiet zone wrong")
		}
	})
}

// render draws s at scale pixels a module, with the 4-module quiet zone the
// standard asks for.
func render(s *Symbol, scale int) []byte {
	side := (s.Size + 8) * scale
	img := image.NewGray(image.Rect(0, 0, side, side))
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			c := color.Gray{255}
			if s.Dark(x/scale-4, y/scale-4) {
				c.Y = 0
			}
			img.SetGray(x, y, c)
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// zbarimg returns the zbarimg command, failing the test when it is
// missing and the environment requires every tool (CI,
// SOBRE_REQUIRE_TOOLS), skipping it otherwise.
func zbarimg(t *testing.T) string {
	bin, err := exec.LookPath("zbarimg")
	if err == nil {
		return bin
	}
	if os.Getenv("CI") != "" || os.Getenv("SOBRE_REQUIRE_TOOLS") != "" {
		t.Fatal("zbarimg not installed (apt-get install zbar-tools), and CI or SOBRE_REQUIRE_TOOLS requires it")
	}
	t.Skip("zbarimg not installed (apt-get install zbar-tools): QR codes not decoded")
	return ""
}

// TestDecode encodes texts of every version and reads them back with
// zbar, an independent decoder.
func TestDecode(t *testing.T) {
	bin := zbarimg(t)
	dir := t.TempDir()
	texts := []string{"HELLO WORLD", "https://example.org/fr/", "https://ai.example.be/nl/?q=" + "ü"}
	for v := 1; v <= MaxVersion; v++ {
		full := "https://example.org/" + strings.Repeat(string(rune('a'+v)), Capacity(v))
		texts = append(texts, full[:Capacity(v)])
	}
	for i, text := range texts {
		s, err := Encode([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "qr.png")
		if err := os.WriteFile(file, render(s, 4), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, "--raw", "-q", "-Sbinary", file).Output()
		if got := strings.TrimSuffix(string(out), "\n"); err != nil || got != text {
			t.Errorf("%d: version %d, mask %d: zbarimg read %q (%v), want %q", i, s.Version, s.Mask, got, err, text)
		}
	}
}
