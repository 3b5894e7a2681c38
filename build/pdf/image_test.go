package pdf_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"sobre/build/pdf"
)

func encoded(t *testing.T, format string, gray, transparent bool) []byte {
	t.Helper()
	var img image.Image
	if gray {
		g := image.NewGray(image.Rect(0, 0, 8, 4))
		for i := range g.Pix {
			g.Pix[i] = byte(i * 8)
		}
		img = g
	} else {
		m := image.NewNRGBA(image.Rect(0, 0, 8, 4))
		for y := range 4 {
			for x := range 8 {
				a := uint8(255)
				if transparent && x < 4 {
					a = 0
				}
				m.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 30), G: uint8(y * 60), B: 200, A: a})
			}
		}
		img = m
	}
	var b bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImage(t *testing.T) {
	tests := []struct {
		name               string
		data               []byte
		want               []string // in the written objects
		mask, passedAsJPEG bool
	}{
		{"jpeg", encoded(t, "jpeg", false, false), []string{"/DCTDecode", "/DeviceRGB"}, false, true},
		{"gray jpeg", encoded(t, "jpeg", true, false), []string{"/DCTDecode", "/DeviceGray"}, false, true},
		{"png", encoded(t, "png", false, false), []string{"/FlateDecode", "/DeviceRGB"}, false, false},
		{"png with transparency", encoded(t, "png", false, true), []string{"/SMask", "/DeviceGray"}, true, false},
	}
	for _, tt := range tests {
		im, err := pdf.NewImage(tt.data)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if im.Width != 8 || im.Height != 4 {
			t.Errorf("%s: %d×%d, want 8×4", tt.name, im.Width, im.Height)
		}
		var w pdf.Writer
		ref := w.AddImage(im)
		out := string(w.Bytes(ref))
		for _, s := range tt.want {
			if !strings.Contains(out, s) {
				t.Errorf("%s: no %s in the file", tt.name, s)
			}
		}
		if got := strings.Contains(out, "/SMask"); got != tt.mask {
			t.Errorf("%s: soft mask %v, want %v", tt.name, got, tt.mask)
		}
		if tt.passedAsJPEG && !strings.Contains(out, string(tt.data[:64])) {
			t.Errorf("%s: the JPEG data is not passed through as it is", tt.name)
		}
	}
	for _, bad := range [][]byte{nil, []byte("GIF89a"), encoded(t, "jpeg", false, false)[:100]} {
		if _, err := pdf.NewImage(bad); err == nil {
			t.Errorf("%q…: no error for a broken image", bad[:min(len(bad), 8)])
		}
	}
}
