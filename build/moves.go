package build

import (
	"io/fs"

	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/i18n"
	"sobre/build/output"
)

// Moves lists the booklets of the site in src whose address changed
// when they were named in their language (output.Moves), from its
// configuration and interface strings alone (over defaults, as a build
// reads them): what the hosts' redirects need, without building.
func Moves(src, defaults fs.FS, cfg *config.Config) ([]output.Move, diag.List) {
	if !cfg.Outputs.Booklets {
		return nil, nil
	}
	cat, problems := i18n.Load(overlay{top: src, base: defaults}, cfg.Codes(), cfg.DefaultLanguage)
	if problems.HasErrors() {
		return nil, problems
	}
	moves, p := output.Moves(cfg, cat)
	problems.Add(p)
	return moves, problems
}
