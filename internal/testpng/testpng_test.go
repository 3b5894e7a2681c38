package testpng

import (
	"bytes"
	"image"
	_ "image/png"
	"testing"
)

func TestOf(t *testing.T) {
	for _, rows := range []int{0, 4} {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(Of(30000, 20000, rows)))
		if err != nil || format != "png" || cfg.Width != 30000 || cfg.Height != 20000 {
			t.Errorf("rows %d: %v %s %dx%d", rows, err, format, cfg.Width, cfg.Height)
		}
	}
	if _, _, err := image.Decode(bytes.NewReader(Of(3, 2, 2))); err != nil {
		t.Errorf("a complete small picture does not decode: %v", err)
	}
}
