package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"sobre"
	"sobre/build"
	"sobre/build/check"
	"sobre/build/diag"
)

type checkReport struct {
	Problems []jsonProblem      `json:"problems"`
	Pages    []check.PageReport `json:"pages"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	Notes    int                `json:"notes"` // for the publisher: never fail, even with -strict
}

type jsonProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	srcDir := fl.String("src", ".", "site `folder`")
	var f checkFlags
	fl.BoolVar(&f.strict, "strict", false, "fail on warnings too (notes for the publisher never fail)")
	fl.BoolVar(&f.json, "json", false, "print JSON for scripts")
	fl.BoolVar(&f.verbose, "v", false, "also print each page's reading ease")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	// Every read stays inside the folder, as a build's do.
	fsys, err := build.SiteFS(*srcDir)
	if err != nil {
		fmt.Fprintln(stderr, "sobre check: reading the site folder:", err)
		return 1
	}
	return runCheck(ctx, fsys, f, stdout, stderr)
}

// checkFlags are the options of sobre check besides the folder.
type checkFlags struct{ strict, json, verbose bool }

// runCheck checks the site in fsys, prints the problems and returns the
// exit code: 1 on errors (or warnings, with strict).
func runCheck(ctx context.Context, fsys fs.FS, f checkFlags, stdout, stderr io.Writer) int {
	problems, pages, err := checkSite(ctx, fsys)
	if err != nil {
		fmt.Fprintln(stderr, "sobre check:", err)
		return 1
	}
	nErr, nWarn, nNote := 0, 0, 0
	for _, p := range problems {
		switch p.Severity {
		case diag.Error:
			nErr++
		case diag.Warning:
			nWarn++
		default:
			nNote++
		}
	}
	if f.json {
		if err := printCheckJSON(stdout, problems, pages, [3]int{nErr, nWarn, nNote}); err != nil {
			fmt.Fprintln(stderr, "sobre check:", err)
			return 1
		}
	} else {
		printCheck(stdout, problems, pages, f.verbose)
		notes := ""
		if nNote > 0 {
			notes = fmt.Sprintf(", %d note(s) for the publisher", nNote)
		}
		fmt.Fprintf(stdout, "%d error(s), %d warning(s)%s in %d page(s) checked\n", nErr, nWarn, notes, len(pages))
	}
	if nErr > 0 || (f.strict && nWarn > 0) {
		return 1
	}
	return 0
}

// checkSite loads the site and, when it loads, renders it in memory, which
// checks the templates and the weight budget. It returns the problems,
// sorted, and what the content rules measured per page; err is a failure
// that no problem reports.
func checkSite(ctx context.Context, fsys fs.FS) (diag.List, []check.PageReport, error) {
	pr, err := build.LoadFS(ctx, fsys, build.Options{Defaults: sobre.Defaults})
	if pr == nil {
		return nil, nil, err
	}
	if err == nil {
		if _, err := pr.Render(ctx); err != nil && !pr.Problems.HasErrors() {
			return nil, nil, err
		}
	}
	var pages []check.PageReport
	for _, m := range pr.Measures {
		pages = append(pages, m)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
	problems := pr.Problems
	problems.Sort()
	return problems, pages, nil
}

// printCheckJSON writes the report for scripts.
func printCheckJSON(w io.Writer, problems diag.List, pages []check.PageReport, counts [3]int) error {
	if pages == nil {
		pages = []check.PageReport{} // scripts read [], not null
	}
	rep := checkReport{Pages: pages, Errors: counts[0], Warnings: counts[1], Notes: counts[2], Problems: []jsonProblem{}}
	for _, p := range problems {
		sev := [...]string{diag.Error: "error", diag.Warning: "warning", diag.Notice: "note"}[p.Severity]
		rep.Problems = append(rep.Problems, jsonProblem{File: p.File, Line: p.Line, Severity: sev, Rule: p.Rule, Message: p.Msg})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// printCheck writes the problems for a person, a blank line between files,
// and with verbose each page's reading ease.
func printCheck(w io.Writer, problems diag.List, pages []check.PageReport, verbose bool) {
	last := ""
	for _, p := range problems {
		if p.File != last && last != "" {
			fmt.Fprintln(w)
		}
		last = p.File
		where := p.File
		if p.Line > 0 {
			where += fmt.Sprintf(":%d", p.Line)
		}
		sev := [...]string{diag.Error: "", diag.Warning: " (warning)", diag.Notice: " (note)"}[p.Severity]
		fmt.Fprintf(w, "%s: %s%s: %s\n", where, p.Rule, sev, p.Msg)
	}
	if verbose {
		fmt.Fprintln(w, "\nreading ease (higher is easier):")
		for _, pg := range pages {
			if pg.Readability != nil {
				fmt.Fprintf(w, "  %-44s %s\n", pg.File, pg.Readability)
			}
		}
	}
	if len(problems) > 0 || verbose {
		fmt.Fprintln(w)
	}
}
