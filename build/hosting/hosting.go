// Package hosting writes the set-up a web host needs to serve a built site
// well: cache rules, security headers, MIME types and the 404 pages, for
// nginx, Apache, Netlify, Cloudflare Pages and GitHub Pages.
//
// The snippets are printed, never written into the output folder: files
// such as .htaccess and _headers belong to the host, and the build keeps
// them (see docs/HOSTING.md).
package hosting

import (
	"fmt"
	"regexp"
	"strings"

	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/output"
	"sobre/build/web"
)

// Headers every response of the site gets. The CSP is the one the pages
// declare in their meta tag, plus what only a header can say:
// frame-ancestors (no other site may frame the pages).
var (
	CSP               = web.CSP + "; frame-ancestors 'none'"
	PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"
)

// Cache-Control values: files in assets/ carry a hash of their content in
// their name, so a new version is a new address and the old one may be kept
// forever; anything else (pages, sw.js, PDFs) is checked with the server on
// every use, cheaply (304 Not Modified).
const (
	CacheForever    = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// security lists the headers of every response, in a stable order.
func security() [][2]string {
	return [][2]string{
		{"Content-Security-Policy", CSP},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "no-referrer"},
		{"Permissions-Policy", PermissionsPolicy},
	}
}

// Site is what a snippet needs to know of the site.
type Site struct {
	// Base is the site's folder on its host, "/" or "/asbl/charte/".
	Base string
	// BaseURL is base_url, empty when not set.
	BaseURL string
	// Langs are the language codes, each with its own 404 page.
	Langs []string
	// Moves are the booklets renamed in their language (build.Moves):
	// the snippets redirect their old addresses to the new ones.
	Moves []output.Move
}

// safePath is what a base path may hold to be pasted into any server's
// configuration without quoting: no spaces, quotes, semicolons, braces or
// percent-escapes (servers match decoded paths differently).
var (
	safePath = regexp.MustCompile(`^/([A-Za-z0-9._~-]+/)*$`)
	safeLang = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
)

// New reads the site from its configuration. siteTOML, the file's text,
// only serves to name the line of base_url in a problem.
func New(cfg *config.Config, siteTOML []byte) (*Site, diag.List) {
	var problems diag.List
	s := &Site{Base: cfg.BasePath(), BaseURL: cfg.BaseURL}
	if !safePath.MatchString(s.Base) {
		problems.Errorf(config.FileName, lineOf(siteTOML, "base_url"), "hosting",
			"base_url's path %q cannot go into a server's configuration as it is: name the folder with letters, digits, '.', '_', '~' and '-' only", s.Base)
	}
	for _, l := range cfg.Codes() {
		if !safeLang.MatchString(l) {
			problems.Errorf(config.FileName, lineOf(siteTOML, "[languages."+l), "hosting", "language code %q cannot go into a server's configuration: use letters, digits and '-'", l)
			continue
		}
		s.Langs = append(s.Langs, l)
	}
	if problems.HasErrors() {
		return nil, problems
	}
	return s, problems
}

// lineOf finds the first line starting with key, or 0.
func lineOf(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), key) {
			return i + 1
		}
	}
	return 0
}

// Server is a kind of host the command writes a snippet for.
type Server struct {
	Name    string
	Summary string // what the snippet is and where it goes
	write   func(b *strings.Builder, s *Site)
}

// Servers lists the hosts, in the order the command shows them.
var Servers = []Server{
	{"nginx", "a block to paste inside nginx's server { }", nginx},
	{"apache", "the .htaccess of the site's folder: sobre hosting -server apache > public/.htaccess", apache},
	{"netlify", "Netlify's _headers: sobre hosting -server netlify > public/_headers", netlifyHeaders},
	{"netlify-redirects", "Netlify's _redirects (a 404 page per language, renamed booklets): sobre hosting -server netlify-redirects > public/_redirects", netlifyRedirects},
	{"cloudflare", "Cloudflare Pages' _headers: sobre hosting -server cloudflare > public/_headers", cloudflare},
	{"cloudflare-redirects", "Cloudflare Pages' _redirects (renamed booklets): sobre hosting -server cloudflare-redirects > public/_redirects", cloudflareRedirects},
	{"github", "what GitHub Pages can and cannot do, and its 404.html and .nojekyll set-up", github},
}

// Snippet returns the set-up for the named server.
func (s *Site) Snippet(server string) (string, error) {
	for _, sv := range Servers {
		if sv.Name == server {
			var b strings.Builder
			sv.write(&b, s)
			return b.String(), nil
		}
	}
	return "", fmt.Errorf("unknown server %q: choose one of %s", server, strings.Join(Names(), ", "))
}

// Names lists the servers' names.
func Names() []string {
	var out []string
	for _, sv := range Servers {
		out = append(out, sv.Name)
	}
	return out
}

// List describes every server, for the command run without -server.
func (s *Site) List() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Set-up for the host serving the site at %s", s.Base)
	if s.BaseURL == "" {
		b.WriteString(" (base_url is not set in site.toml: the site is taken to be at the host's root)")
	}
	b.WriteString(".\nsobre hosting -server NAME prints one of:\n\n")
	w := 0
	for _, sv := range Servers {
		w = max(w, len(sv.Name))
	}
	for _, sv := range Servers {
		fmt.Fprintf(&b, "  %-*s  %s\n", w, sv.Name, sv.Summary)
	}
	b.WriteString("\nThe steps for each are in docs/HOSTING.md.\n")
	return b.String()
}

// where says in a comment which folder the snippet is for.
func (s *Site) where(b *strings.Builder, comment string) {
	if s.BaseURL == "" {
		fmt.Fprintf(b, "%s For the site at the root of its host: base_url is not set in site.toml.\n", comment)
		fmt.Fprintf(b, "%s Set it (e.g. \"https://example.org/asbl/charte/\") and run this again if the\n", comment)
		fmt.Fprintf(b, "%s site lives in a sub-folder; it also makes the 404 pages work at any depth.\n", comment)
		return
	}
	fmt.Fprintf(b, "%s For the site at %s (base_url in site.toml), in the folder %s.\n", comment, s.BaseURL, s.Base)
}

// regexpPath is the base path as a regular expression.
func (s *Site) regexpPath() string { return regexp.QuoteMeta(s.Base) }
