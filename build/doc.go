// Package build is the orchestrator: it loads a site, runs the stages over
// it and hands the files to outdir, which writes them. The stages (config,
// content, i18n, markup, resolve, check, web, search, print, bundle) read
// only what they are given and return data. Only build (with outdir),
// serve and cmd/sobre touch the disk, and corpus, which writes test sites.
//
// A site comes as an fs.FS: LoadFS and BuildFS take any (a test passes an
// fstest.MapFS), and Load and Build open a folder through an os.Root
// (site.go), so no path or symbolic link reads outside it. The site's own
// themes/ and i18n/ files lie over the defaults embedded in the binary
// (overlay.go), so a folder with only content/ builds.
//
// Load (LoadFS) gives a Project, which build, check and status share:
//
//  1. config.Load: site.toml -> Config (validated)
//  2. content.Load: content/<lang>/** -> Site: pages per language tree,
//     fallbacks to the source language, static files, each file checked
//     against its budget before it is read
//  3. i18n.Load: i18n/<lang>.toml -> Catalog (go-i18n, CLDR plurals)
//  4. web.LoadTheme: theme.toml, CSS, scripts, layouts; check.Contrast
//  5. markup.Parse: each page instance's Markdown -> AST, in parallel,
//     with its search entry (search.Prepare) and content rules (check.Lint)
//  6. resolve.Links: .md links -> relative .html links; missing ones fail
//
// Project.Render makes every file in memory. It renders each page's
// Markdown once (web.RenderBody: directives' blocks in place), then hands
// the model (output.Model) to the outputs listed in outputs.go, one line
// each; output.Run calls them in the order their Needs set, independent
// ones in parallel:
//
//  7. search.Indexes: one index script per language, which pages link to
//  8. print.Booklets: the charter and the toolkit as A4, A5, imposed A5
//     and large-print PDFs, with their typed downloads
//  9. bundle.Zips and bundle.EPUBs: one zip per language and one of all,
//     one EPUB per language; their pages are rendered as bundle variants
//  10. sitePages: the site's pages (in parallel), knowing every download
//     and its size, the language chooser, assets and static files
//  11. web.NotFoundPages, web.DownloadPages (each language's downloads
//     page), web.HostFiles (robots.txt, sitemap.xml) and
//     web.ServiceWorker, which lists and hashes every other file
//
// then checks the page budgets from what each page's render says it loads
// (budget.go) and the interface strings.
//
// Build (BuildFS) then writes the files with outdir.Write, which replaces
// the output folder's files one by one, so a failed or killed build leaves
// every page whole. Preview (incremental.go) keeps a rendered site in
// memory for sobre serve and renders again only what an edit touches.
package build
