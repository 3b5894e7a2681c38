package hosting

import (
	"fmt"
	"regexp"
	"strings"
)

// nginx writes a location block. nginx drops every add_header of an
// enclosing block as soon as a block has one of its own, so each block
// repeats the security headers with its Cache-Control.
func nginx(b *strings.Builder, s *Site) {
	b.WriteString("# nginx set-up of a site built by sobre.\n")
	s.where(b, "#")
	b.WriteString(`#
# 1. Copy public/ into that folder under the server's root.
# 2. Paste this block inside the server { } block that serves the host, in
#    place of any location block for the same folder.
# 3. Check and reload: nginx -t && nginx -s reload
#
# Every block repeats the headers: nginx forgets those of the enclosing
# block as soon as a block sets its own.
`)
	headers := func(indent, cache string) {
		for _, h := range security() {
			fmt.Fprintf(b, "%sadd_header %s \"%s\" always;\n", indent, h[0], h[1])
		}
		fmt.Fprintf(b, "%sadd_header Cache-Control \"%s\" always;\n", indent, cache)
	}
	fmt.Fprintf(b, "location ^~ %s {\n", s.Base)
	b.WriteString(`    charset utf-8;
    charset_types text/css text/plain text/xml application/javascript text/javascript;
    gzip on;
    gzip_types text/css text/plain text/xml application/javascript text/javascript image/svg+xml application/xml;
`)
	fmt.Fprintf(b, "    # Unknown addresses: the 404 page of their language, else the one in\n    # every language.\n    error_page 404 %s404.html;\n", s.Base)
	b.WriteString("    # Pages, sw.js, PDFs: checked with the server on every use.\n")
	headers("    ", CacheRevalidate)
	b.WriteString("\n    # Content-hashed names: a new version is a new address, kept forever.\n")
	fmt.Fprintf(b, "    location ^~ %sassets/ {\n", s.Base)
	headers("        ", CacheForever)
	b.WriteString("    }\n\n    # nginx's own list of types lacks .epub: name both kinds of download.\n")
	fmt.Fprintf(b, "    location ^~ %sdownloads/ {\n", s.Base)
	b.WriteString("        types {\n            application/zip zip;\n            application/epub+zip epub;\n        }\n")
	headers("        ", CacheRevalidate)
	b.WriteString("    }\n")
	for _, l := range s.Langs {
		fmt.Fprintf(b, "\n    location ^~ %s%s/ {\n", s.Base, l)
		fmt.Fprintf(b, "        error_page 404 %s%s/404.html;\n", s.Base, l)
		s.nginxMoves(b, l)
		headers("        ", CacheRevalidate)
		b.WriteString("    }\n")
	}
	b.WriteString("}\n")
}

// apache writes an .htaccess. It uses only directives that
// "AllowOverride FileInfo" permits (a directive the host forbids turns the
// whole folder into an error 500), with the headers under mod_headers.
func apache(b *strings.Builder, s *Site) {
	b.WriteString("# Apache set-up of a site built by sobre.\n")
	s.where(b, "#")
	fmt.Fprintf(b, `#
# 1. Copy public/ into that folder of the web space.
# 2. Save this file as .htaccess in it:
#      sobre hosting -server apache > public/.htaccess
#    (the build never overwrites it). It needs "AllowOverride FileInfo"
#    and mod_headers, which most hosts allow; without mod_headers the site
#    works, without the cache rules and security headers.

AddDefaultCharset utf-8
AddCharset utf-8 .css .js
AddType text/javascript .js
AddType application/epub+zip .epub
AddType application/zip .zip

# Unknown addresses: the 404 page of their language, else the one in
# every language.
ErrorDocument 404 %s404.html
`, s.Base)
	for _, l := range s.Langs {
		fmt.Fprintf(b, "<If \"%%{REQUEST_URI} =~ m#^%s%s/#\">\n    ErrorDocument 404 %s%s/404.html\n</If>\n", s.regexpPath(), l, s.Base, l)
	}
	if len(s.Moves) > 0 {
		// The pattern takes the folder from the address itself, so the
		// rules hold in whatever folder the site is put.
		b.WriteString("\n# Booklets renamed in their language: the old addresses lead to the new\n# files, in whatever folder the site is.\n<IfModule mod_alias.c>\n")
		for _, m := range s.Moves {
			fmt.Fprintf(b, "    RedirectMatch 301 ^(.*/)%s$ $1%s\n", regexp.QuoteMeta(m.Old), m.New)
		}
		b.WriteString("</IfModule>\n")
	}
	b.WriteString("\n<IfModule mod_headers.c>\n")
	for _, h := range security() {
		fmt.Fprintf(b, "    Header always set %s \"%s\"\n", h[0], h[1])
	}
	fmt.Fprintf(b, `    # Pages, sw.js, PDFs: checked with the server on every use.
    Header set Cache-Control "%s"
    # Content-hashed names: a new version is a new address, kept forever.
    <If "%%{REQUEST_URI} =~ m#^%sassets/#">
        Header set Cache-Control "%s"
    </If>
</IfModule>
`, CacheRevalidate, s.regexpPath(), CacheForever)
}

// headersFile writes the _headers format Netlify and Cloudflare Pages share.
// Both already send "Cache-Control: public, max-age=0, must-revalidate"
// by default, which is right for pages and sw.js; a second rule for the
// same header would be joined to the first with a comma, so only assets/
// and sw.js get one.
func headersFile(b *strings.Builder, s *Site) {
	fmt.Fprintf(b, "%s*\n", s.Base)
	for _, h := range security() {
		fmt.Fprintf(b, "  %s: %s\n", h[0], h[1])
	}
	fmt.Fprintf(b, "\n# Content-hashed names: a new version is a new address, kept forever.\n%sassets/*\n  Cache-Control: %s\n", s.Base, CacheForever)
	fmt.Fprintf(b, "\n# The service worker: checked with the server on every use.\n%ssw.js\n  Cache-Control: %s\n", s.Base, CacheRevalidate)
}

func netlifyHeaders(b *strings.Builder, s *Site) {
	b.WriteString("# Netlify set-up of a site built by sobre: the _headers file.\n")
	s.where(b, "#")
	b.WriteString(`#
# Save it as _headers at the root of the folder Netlify publishes (public/
# when the site is at the root): sobre hosting -server netlify > public/_headers
# The build never overwrites it. Netlify checks pages with the server on
# every use by default; .epub and .js get their right types already.
# For a 404 page per language, add _redirects too:
#   sobre hosting -server netlify-redirects > public/_redirects

`)
	headersFile(b, s)
}

// netlifyRedirects writes Netlify's _redirects: a rule with status 404
// applies only when no file matches, so every existing page is served.
func netlifyRedirects(b *strings.Builder, s *Site) {
	b.WriteString("# Netlify set-up of a site built by sobre: the _redirects file.\n")
	s.where(b, "#")
	b.WriteString(`#
# Save it as _redirects beside _headers:
#   sobre hosting -server netlify-redirects > public/_redirects
# A rule with status 404 applies only where no file exists: unknown
# addresses get the 404 page of their language, else the one in every
# language. Rules apply in order: the renamed booklets' come first.

`)
	s.redirectMoves(b)
	for _, l := range s.Langs {
		fmt.Fprintf(b, "%s%s/*  %s%s/404.html  404\n", s.Base, l, s.Base, l)
	}
	fmt.Fprintf(b, "%s*  %s404.html  404\n", s.Base, s.Base)
}

func cloudflare(b *strings.Builder, s *Site) {
	b.WriteString("# Cloudflare Pages set-up of a site built by sobre: the _headers file.\n")
	s.where(b, "#")
	b.WriteString(`#
# Save it as _headers at the root of the folder Pages publishes (public/
# when the site is at the root): sobre hosting -server cloudflare > public/_headers
# The build never overwrites it. Pages checks pages with the server on
# every use by default, and answers an unknown address with the nearest
# 404.html up the folders: the 404 page of its language. Nothing else to do.

`)
	headersFile(b, s)
}

// cloudflareRedirects writes the _redirects of Cloudflare Pages, which
// finds each language's 404 page by itself and takes no status 404 rule:
// only the renamed booklets.
func cloudflareRedirects(b *strings.Builder, s *Site) {
	b.WriteString("# Cloudflare Pages set-up of a site built by sobre: the _redirects file.\n")
	s.where(b, "#")
	b.WriteString(`#
# Save it as _redirects beside _headers:
#   sobre hosting -server cloudflare-redirects > public/_redirects
# The build never overwrites it. Booklets renamed in their language: the
# old addresses lead to the new files.

`)
	s.redirectMoves(b)
}

// redirectMoves writes the renamed booklets' rules of a _redirects file
// (Netlify, Cloudflare Pages), which needs addresses from the host's
// root: the folder of base_url.
func (s *Site) redirectMoves(b *strings.Builder) {
	for _, m := range s.Moves {
		fmt.Fprintf(b, "%s%s  %s%s  301\n", s.Base, m.Old, s.Base, m.New)
	}
}

// nginxMoves writes, inside lang's location block, the rewrites of its
// renamed booklets: nginx does not pass an enclosing block's rewrites
// down to the blocks inside it.
func (s *Site) nginxMoves(b *strings.Builder, lang string) {
	for _, m := range s.Moves {
		if strings.HasPrefix(m.Old, lang+"/") {
			fmt.Fprintf(b, "        rewrite ^%s$ %s%s permanent;\n", regexp.QuoteMeta(s.Base+m.Old), s.Base, m.New)
		}
	}
}

// github explains GitHub Pages, which takes no configuration of headers.
func github(b *strings.Builder, s *Site) {
	b.WriteString("GitHub Pages set-up of a site built by sobre.\n")
	if s.BaseURL == "" {
		b.WriteString("base_url is not set in site.toml. Set it to the address GitHub gives the site,\n" +
			"\"https://USER.github.io/REPOSITORY/\" (or your own domain), then build again.\n")
	} else {
		fmt.Fprintf(b, "For the site at %s (base_url in site.toml).\n", s.BaseURL)
	}
	b.WriteString(`
GitHub Pages takes no server configuration, so it cannot:
- keep the content-hashed files of assets/ in the browser's cache for long:
  it serves every file with "Cache-Control: max-age=600", so pages may be
  up to ten minutes old after a deployment;
- send a Content-Security-Policy header. The pages' own CSP (a meta tag)
  still applies, but a meta tag cannot forbid framing (frame-ancestors):
  another site may show the pages in a frame;
- send Referrer-Policy (the pages ask for no-referrer in a meta tag) or
  Permissions-Policy;
- serve a 404 page per language: every unknown address gets the site's
  root 404.html, which says it in every language and links each home;
- redirect the booklets renamed in their language: their old address gets
  that 404.html, which shows the link to the new file (with JavaScript).

Set-up:
1. Build with base_url set, so that the 404 page's links work at any depth.
2. Publish the contents of public/ as the site: from a branch (Settings >
   Pages > Deploy from a branch, the branch holding the files at its root or
   in docs/), or with the actions/upload-pages-artifact and
   actions/deploy-pages workflow.
3. From a branch, add an empty .nojekyll file beside index.html
   (touch public/.nojekyll; the build keeps it): GitHub then publishes the
   files as they are instead of running Jekyll, which would drop any file
   or folder whose name starts with "_" or ".".
4. 404.html at the root of what is published is GitHub's 404 page: sobre
   writes it there already.
5. With your own domain, a CNAME file holding it (echo charte.example.org >
   public/CNAME; the build keeps it).
`)
}
