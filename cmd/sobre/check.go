package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
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
	strict := fl.Bool("strict", false, "fail on warnings too")
	asJSON := fl.Bool("json", false, "print JSON for scripts")
	verbose := fl.Bool("v", false, "also print each page's reading ease")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	problems, pages, err := checkSite(ctx, *srcDir)
	if err != nil {
		fmt.Fprintln(stderr, "sobre check:", err)
		return 1
	}
	nErr, nWarn := 0, 0
	for _, p := range problems {
		if p.Severity == diag.Error {
			nErr++
		} else {
			nWarn++
		}
	}
	if *asJSON {
		if err := printCheckJSON(stdout, problems, pages, nErr, nWarn); err != nil {
			fmt.Fprintln(stderr, "sobre check:", err)
			return 1
		}
	} else {
		printCheck(stdout, problems, pages, *verbose)
		fmt.Fprintf(stdout, "%d error(s), %d warning(s) in %d page(s) checked\n", nErr, nWarn, len(pages))
	}
	if nErr > 0 || (*strict && nWarn > 0) {
		return 1
	}
	return 0
}

// checkSite loads the site and, when it loads, renders it in memory, which
// checks the templates and the weight budget. It returns the problems,
// sorted, and what the content rules measured per page; err is a failure
// that no problem reports (a folder that cannot be read).
func checkSite(ctx context.Context, src string) (diag.List, []check.PageReport, error) {
	pr, err := build.Load(ctx, build.Options{Src: src, Defaults: sobre.Defaults})
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
func printCheckJSON(w io.Writer, problems diag.List, pages []check.PageReport, nErr, nWarn int) error {
	rep := checkReport{Pages: pages, Errors: nErr, Warnings: nWarn, Problems: []jsonProblem{}}
	for _, p := range problems {
		sev := "error"
		if p.Severity == diag.Warning {
			sev = "warning"
		}
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
		sev := ""
		if p.Severity == diag.Warning {
			sev = " (warning)"
		}
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
