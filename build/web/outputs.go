package web

import (
	"context"

	"sobre/build/output"
)

// HostFiles is the output of the files a host reads and an offline copy
// does without: robots.txt, and sitemap.xml when base_url is set.
type HostFiles struct{}

// Name is the output's name.
func (HostFiles) Name() string { return "host" }

// Needs nothing but the site's model.
func (HostFiles) Needs() []string { return nil }

// Run writes robots.txt and sitemap.xml.
func (HostFiles) Run(_ context.Context, m *output.Model, _ output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{"robots.txt": Robots(m.Config)}}
	if sm := Sitemap(m.Site); sm != nil {
		res.Files["sitemap.xml"] = sm
	}
	return res, nil
}

// NotFoundPages is the output of the root 404.html and one per language
// (fr/404.html), which the hosting snippets make the host serve for
// unknown addresses. With base_url their links are root-relative (see
// Rebase): a host serves them at any address.
type NotFoundPages struct {
	R *Renderer
	// Offered names the outputs whose downloads the pages offer; the
	// search indexes are needed too (the pages have the search form).
	Offered []string
}

// Name is the output's name.
func (NotFoundPages) Name() string { return "404" }

// Needs the search indexes and the downloads.
func (o NotFoundPages) Needs() []string { return append([]string{"search"}, o.Offered...) }

// Run renders the pages. A page of the content at that address would be
// hidden: it is an error.
func (o NotFoundPages) Run(_ context.Context, m *output.Model, prior output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{}}
	taken := takenPaths(m)
	downloads := prior.Downloads(o.Offered...)
	for _, lang := range append([]string{""}, m.Config.Codes()...) {
		name := NotFoundPath(lang)
		if src, ok := taken[name]; ok {
			res.Problems.Errorf(src, 0, "render", "%s is the address of the not-found page: rename the page or give it another slug", name)
			continue
		}
		b, err := o.R.NotFound(lang, downloads)
		if err != nil {
			res.Problems.Errorf(ThemeDir, 0, "render", "%v", err)
			continue
		}
		if m.Config.BaseURL != "" {
			b = Rebase(b, m.Config.BasePath()+NotFoundDir(lang))
		}
		res.Files[name] = b
	}
	return res, nil
}

// NotFoundDir is the folder of lang's 404 page, from the site root: "" or "fr/".
func NotFoundDir(lang string) string {
	if lang == "" {
		return ""
	}
	return lang + "/"
}
