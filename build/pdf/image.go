package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders for NewImage
	"image/jpeg"
	_ "image/png"
)

// Image is a raster picture ready to embed: a JPEG as it is (PDF reads
// its DCT data), anything else as 8-bit samples, compressed, with its
// transparency as a soft mask.
type Image struct {
	Width, Height int
	dict          string // /ColorSpace, /BitsPerComponent, /Filter
	data          []byte
	mask          *Image
}

// NewImage reads a JPEG, PNG or GIF file.
func NewImage(data []byte) (*Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: image: %w", err)
	}
	if format == "jpeg" && (cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) {
		space := "/DeviceRGB"
		if cfg.ColorModel == color.GrayModel {
			space = "/DeviceGray"
		}
		// Checked whole once, so a truncated file fails here, not in a reader.
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("pdf: image: %w", err)
		}
		return &Image{Width: cfg.Width, Height: cfg.Height, dict: "/ColorSpace " + space + " /BitsPerComponent 8 /Filter /DCTDecode", data: data}, nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: image: %w", err)
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	rgb := make([]byte, 0, w*h*3)
	alpha := make([]byte, 0, w*h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			rgb = append(rgb, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	im := &Image{Width: w, Height: h, dict: "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode", data: deflate(rgb)}
	if !opaque {
		im.mask = &Image{Width: w, Height: h, dict: "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", data: deflate(alpha)}
	}
	return im, nil
}

// AddImage writes an image XObject (and its mask) and returns it.
func (w *Writer) AddImage(im *Image) Ref {
	smask := ""
	if im.mask != nil {
		smask = " /SMask " + w.AddImage(im.mask).String()
	}
	r := w.Alloc()
	w.objs[r-1] = append([]byte(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d %s%s /Length %d >>\nstream\n", im.Width, im.Height, im.dict, smask, len(im.data))), append(im.data, []byte("\nendstream")...)...)
	w.stream[r-1] = true
	return r
}
