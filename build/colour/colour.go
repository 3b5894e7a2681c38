// Package colour reads the colours sobre's inputs write, with one
// grammar wherever they come from: the theme's palette (theme.toml, which
// build/check judges for contrast) and the fill and stroke of the SVG
// drawings the print booklets draw. It accepts #rgb, #rrggbb,
// rgb(r, g, b) with numbers from 0 to 255 or percentages, and a few CSS
// colour names; it also holds the types of a theme's declared colours.
package colour

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is an opaque sRGB colour, 8 bits a channel.
type RGB struct{ R, G, B uint8 }

// Channels returns the colour's channels from 0 to 1.
func (c RGB) Channels() (r, g, b float64) {
	return float64(c.R) / 255, float64(c.G) / 255, float64(c.B) / 255
}

// Hex writes the colour as #rrggbb.
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// names are the CSS colour names accepted: the plain ones a hand-written
// drawing uses.
var names = map[string]RGB{
	"black":  {0, 0, 0},
	"white":  {255, 255, 255},
	"red":    {255, 0, 0},
	"green":  {0, 128, 0},
	"blue":   {0, 0, 255},
	"gray":   {128, 128, 128},
	"grey":   {128, 128, 128},
	"silver": {192, 192, 192},
	"navy":   {0, 0, 128},
}

// Parse reads a colour: #rgb, #rrggbb, rgb(r, g, b) (numbers 0–255 or
// percentages, separated by commas or spaces, clamped to the range) or a
// name among black, white, red, green, blue, gray, grey, silver and navy.
// Case and surrounding white space do not matter.
func Parse(s string) (RGB, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := names[s]; ok {
		return c, nil
	}
	var c RGB
	ok := false
	switch {
	case strings.HasPrefix(s, "#"):
		c, ok = hex(s[1:])
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		c, ok = function(s[4 : len(s)-1])
	}
	if !ok {
		return RGB{}, fmt.Errorf("malformed colour %q: write #rgb, #rrggbb, rgb(r, g, b) or a name such as black or white", s)
	}
	return c, nil
}

// hex reads the digits of #rgb or #rrggbb.
func hex(h string) (RGB, bool) {
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return RGB{}, false
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// function reads the arguments of rgb(…): three numbers or percentages,
// separated by commas or by white space.
func function(args string) (RGB, bool) {
	parts := strings.Split(args, ",")
	if len(parts) != 3 {
		parts = strings.Fields(args)
	}
	if len(parts) != 3 {
		return RGB{}, false
	}
	var c [3]uint8
	for i, p := range parts {
		p = strings.TrimSpace(p)
		pc := false
		if strings.HasSuffix(p, "%") {
			p, pc = p[:len(p)-1], true
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || math.IsNaN(v) {
			return RGB{}, false
		}
		if pc {
			v = v * 255 / 100
		}
		c[i] = uint8(math.Round(math.Max(0, math.Min(255, v))))
	}
	return RGB{c[0], c[1], c[2]}, true
}
