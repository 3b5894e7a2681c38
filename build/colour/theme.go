package colour

// Palette maps colour names to CSS colours ("#1d1d1f").
type Palette map[string]string

// Pair is two colours of a palette that must reach a contrast ratio.
type Pair struct {
	Fg  string  `toml:"fg"`
	Bg  string  `toml:"bg"`
	Min float64 `toml:"min"`
}

// Theme is a theme's declared colours (theme.toml): a palette for the
// light scheme and one for the dark, and the pairs build/check holds to
// their contrast ratio.
type Theme struct {
	File  string
	Light Palette `toml:"light"`
	Dark  Palette `toml:"dark"`
	Pairs []Pair  `toml:"pair"`
	// Line of each "name =" in the file, per scheme ("light.text"), for
	// messages.
	Lines map[string]int `toml:"-"`
}
