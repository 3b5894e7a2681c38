// Package build turns a site folder into the public/ folder. It wires the
// stages and is, with cmd/sobre, the only code that touches the disk.
//
// Steps:
//
//  1. config.Load       site.toml -> Config (validated)
//  2. content.Load      content/<lang>/**.md -> Site: pages per language tree,
//     translation sets, fallbacks to the source language
//  3. i18n.Load         i18n/<lang>.toml -> Catalog (go-i18n, CLDR plurals)
//  4. web.LoadTheme     theme.toml, layouts, CSS and scripts; check.Contrast
//  5. markup.Parse      each page instance's Markdown -> AST (in parallel)
//  6. resolve.Links     .md links -> relative .html links; missing ones fail
//  7. web.Renderer      AST -> minified HTML pages, chooser, 404, sitemap
//  8. write             everything into a temporary folder, then swapped in
//
// The site's own themes/ and i18n/ files override the defaults embedded in
// the binary, so a folder with only content/ builds.
package build
