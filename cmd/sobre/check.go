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
	pr, err := build.Load(ctx, build.Options{Src: *srcDir, Defaults: sobre.Defaults})
	var problems diag.List
	var pages []check.PageReport
	if pr != nil {
		if err == nil {
			// Rendering checks the templates and the weight budget.
			pr.Render(ctx)
		}
		problems = pr.Problems
		for _, m := range pr.Measures {
			pages = append(pages, m)
		}
	} else if err != nil {
		fmt.Fprintln(stderr, "sobre check:", err)
		return 1
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].File < pages[j].File })
	problems.Sort()
	nErr, nWarn := 0, 0
	for _, p := range problems {
		if p.Severity == diag.Error {
			nErr++
		} else {
			nWarn++
		}
	}
	if *asJSON {
		rep := checkReport{Pages: pages, Errors: nErr, Warnings: nWarn, Problems: []jsonProblem{}}
		for _, p := range problems {
			sev := "error"
			if p.Severity == diag.Warning {
				sev = "warning"
			}
			rep.Problems = append(rep.Problems, jsonProblem{File: p.File, Line: p.Line, Severity: sev, Rule: p.Rule, Message: p.Msg})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		last := ""
		for _, p := range problems {
			if p.File != last && last != "" {
				fmt.Fprintln(stdout)
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
			fmt.Fprintf(stdout, "%s: %s%s: %s\n", where, p.Rule, sev, p.Msg)
		}
		if *verbose {
			fmt.Fprintln(stdout, "\nreading ease (higher is easier):")
			for _, pg := range pages {
				if pg.Readability != nil {
					fmt.Fprintf(stdout, "  %-44s %s\n", pg.File, pg.Readability)
				}
			}
		}
		if len(problems) > 0 || *verbose {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%d error(s), %d warning(s) in %d page(s) checked\n", nErr, nWarn, len(pages))
	}
	if nErr > 0 || (*strict && nWarn > 0) {
		return 1
	}
	return 0
}
