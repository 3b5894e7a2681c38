package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"sobre"
	"sobre/build"
	"sobre/build/config"
	"sobre/build/diag"
	"sobre/build/hosting"
)

// cmdHosting prints a host's set-up (a server snippet) for the site of -src,
// or the list of hosts. It writes no file: .htaccess, _headers and the like
// belong to the host, who redirects the output where it goes.
func cmdHosting(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("hosting", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site `folder` holding site.toml")
	server := fl.String("server", "", "host to print the set-up for: `NAME`, one of "+strings.Join(hosting.Names(), ", "))
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "sobre hosting: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	// Confined to the folder, as a build's reads are: a site.toml or a
	// fallback font linked from elsewhere is refused, not followed.
	fsys, err := build.SiteFS(*src)
	if err != nil {
		fmt.Fprintln(stderr, "sobre hosting: reading the site folder:", err)
		return 1
	}
	cfg, problems := config.Load(fsys)
	data, err := fs.ReadFile(fsys, config.FileName)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(stderr, "sobre hosting:", err)
		return 1
	}
	var site *hosting.Site
	if cfg != nil {
		var more diag.List
		site, more = hosting.New(cfg, data)
		problems.Add(more)
		// The booklets renamed in their language, from the site's strings.
		moves, p := build.Moves(fsys, sobre.Defaults, cfg)
		problems.Add(p.Errors())
		if site != nil && !p.HasErrors() {
			site.Moves = moves
		} else {
			site = nil
		}
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if site == nil {
		return 1
	}
	if *server == "" {
		fmt.Fprint(stdout, site.List())
		return 0
	}
	out, err := site.Snippet(*server)
	if err != nil {
		fmt.Fprintln(stderr, "sobre hosting:", err)
		return 2
	}
	fmt.Fprint(stdout, out)
	return 0
}
