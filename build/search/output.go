package search

import (
	"context"
	"strings"
	"sync"

	"sobre/build/output"
)

// Indexes is the output of each language's search index, a script every
// page of the language loads when its reader searches:
// assets/search-<lang>.<hash>.js.
type Indexes struct {
	// Entries are a language's pages, prepared in reading order.
	Entries func(lang string) []Prepared
}

// Name is the output's name.
func (Indexes) Name() string { return "search" }

// Needs nothing but the parsed pages.
func (Indexes) Needs() []string { return nil }

// Run builds the languages' indexes in parallel.
func (x Indexes) Run(ctx context.Context, m *output.Model, _ output.Results) (*output.Result, error) {
	res := &output.Result{Files: map[string][]byte{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, lang := range m.Config.Codes() {
		wg.Go(func() {
			path, js := IndexFile(x.Entries(lang), lang)
			mu.Lock()
			res.Files[path] = js
			mu.Unlock()
		})
	}
	wg.Wait()
	return res, ctx.Err()
}

// IndexFile is the index of a language's pages and its path.
func IndexFile(entries []Prepared, lang string) (path string, js []byte) {
	js = BuildPrepared(entries, lang).Script(lang)
	return output.HashedName("assets/search-"+lang+".js", js), js
}

// IndexPaths finds each language's index among files.
func IndexPaths(files map[string][]byte, langs []string) map[string]string {
	out := map[string]string{}
	for name := range files {
		for _, lang := range langs {
			if strings.HasPrefix(name, "assets/search-"+lang+".") {
				out[lang] = name
			}
		}
	}
	return out
}
