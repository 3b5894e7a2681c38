// Package sobre holds the defaults compiled into the sobre command: the
// default theme and the interface strings, so that a folder holding only
// content/ builds. Files of the same name in a site folder override them.
package sobre

import "embed"

// Defaults holds themes/default/ and i18n/ under those names.
//
//go:embed themes/default i18n
var Defaults embed.FS
