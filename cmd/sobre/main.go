// Command sobre builds the trilingual, accessible, offline-ready site of a
// responsible-AI charter and its training material.
//
// Usage:
//
//	sobre build [-src DIR] [-out DIR] [-v]
//	sobre serve [-src DIR] [-addr 127.0.0.1:1313]
//	sobre check [-src DIR] [-strict] [-json] [-v]
//	sobre status [-src DIR] [-strict] [-json]
//	sobre new -lang LANG [-ids] [-src DIR] content/fr/PAGE.md
//	sobre stamp [-src DIR] content/LANG/PAGE.md…
//	sobre xliff export -lang LANG [-src DIR] [-o FILE]
//	sobre xliff import [-src DIR] [-n] FILE
//	sobre hosting [-src DIR] [-server NAME]
//	sobre version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"sobre"
	"sobre/build"
	"sobre/build/diag"
	"sobre/serve"
)

// version is set at link time (-ldflags "-X main.version=…"); otherwise the
// module's build information is used.
var version = ""

const usage = `sobre turns a charter and its training material into a trilingual,
accessible static site that works offline.

Usage:
  sobre build [-src DIR] [-out DIR] [-v]   build the site into DIR/public (or -out)
  sobre serve [-src DIR] [-addr ADDR]      preview with live reload (default 127.0.0.1:1313)
  sobre check [-src DIR] [-strict] [-json] run every quality rule without writing the site
  sobre status [-src DIR] [-strict] [-json]
                                           what each translation lacks: missing, outdated pages, strings
  sobre new -lang LANG content/fr/PAGE.md  start a translation of a page
  sobre stamp content/LANG/PAGE.md…        record that translations match their current source
  sobre xliff export -lang LANG [-o FILE]  write a translation as XLIFF 2.0 for translation tools
  sobre xliff import FILE                  write an XLIFF file's translations back into the pages and strings
  sobre hosting [-src DIR] [-server NAME]  print a web server's set-up (cache, headers, 404 pages)
  sobre version                            print the version

Run "sobre <command> -h" for a command's options.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	// SIGTERM (a service manager, kill) stops as Ctrl+C does: the deferred
	// clean-ups run.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch args[0] {
	case "build":
		return cmdBuild(ctx, args[1:], stdout, stderr)
	case "serve":
		return cmdServe(ctx, args[1:], stdout, stderr)
	case "check":
		return cmdCheck(ctx, args[1:], stdout, stderr)
	case "status":
		return cmdStatus(ctx, args[1:], stdout, stderr)
	case "new":
		return cmdNew(args[1:], stdout, stderr)
	case "stamp":
		return cmdStamp(args[1:], stdout, stderr)
	case "hosting":
		return cmdHosting(args[1:], stdout, stderr)
	case "xliff":
		return cmdXliff(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "sobre", versionString())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "sobre: unknown command %q\n\n%s", args[0], usage)
	return 2
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		v := bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
		return v + " (" + bi.GoVersion + ")"
	}
	return "(unknown)"
}

// sourceDate reads SOURCE_DATE_EPOCH, the only clock a build may use.
func sourceDate() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

func cmdBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site `folder` holding content/ (and optionally site.toml, i18n/, themes/)")
	out := fl.String("out", "", "output `folder` (default: SRC/public)")
	verbose := fl.Bool("v", false, "list each file written")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "sobre build: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	updated, err := sourceDate()
	if err != nil {
		fmt.Fprintln(stderr, "sobre build:", err)
		return 1
	}
	opts := build.Options{Src: *src, Out: *out, Defaults: sobre.Defaults, Updated: updated}
	if *verbose {
		opts.Verbose = func(p string) { fmt.Fprintln(stdout, "  ", filepath.Join(*out, p)) }
	}
	res, err := build.Build(ctx, opts)
	return report(res, err, *out, stdout, stderr)
}

// report prints warnings, errors and the summary; it returns the exit code.
func report(res *build.Result, err error, out string, stdout, stderr io.Writer) int {
	if res != nil {
		for _, p := range res.Problems {
			fmt.Fprintln(stderr, p)
		}
	}
	if err != nil {
		var be *diag.BuildError
		if errors.As(err, &be) {
			fmt.Fprintf(stderr, "sobre: build failed with %d error(s); %s was left as it was\n", len(be.Problems), out)
		} else {
			fmt.Fprintln(stderr, "sobre:", err)
		}
		return 1
	}
	pages, fallbacks := 0, 0
	for _, l := range res.Langs {
		fmt.Fprintf(stdout, "%-4s %4d %s, %d %s, %s\n", l.Lang, l.Pages, plural(l.Pages, "page"), l.Fallbacks, plural(l.Fallbacks, "fallback"), ms(l.Time))
		pages += l.Pages
		fallbacks += l.Fallbacks
	}
	fmt.Fprintf(stdout, "total %d pages (%d fallbacks), %d files, %.1f KB in %s -> %s\n",
		pages, fallbacks, res.Files, float64(res.Bytes)/1024, ms(res.Duration), out)
	if len(res.Heaviest) > 0 {
		fmt.Fprintf(stdout, "heaviest pages (HTML + CSS, gzip; budget %.1f KB):", float64(res.Budget)/1024)
		for i, w := range res.Heaviest {
			if i == 3 {
				break
			}
			fmt.Fprintf(stdout, " %s %.1f KB (%.1f KB with scripts and images);", w.Path, float64(w.Total())/1024, float64(w.All)/1024)
		}
		fmt.Fprintln(stdout)
	}
	return 0
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site `folder`")
	addr := fl.String("addr", "127.0.0.1:1313", "`address` to listen on; loopback unless you say otherwise")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	err := serve.Run(ctx, serve.Options{
		Src: *src, Addr: *addr, Defaults: sobre.Defaults,
		Report: func(e serve.Event) { reportPreview(e, stdout, stderr) },
		Log:    stderr,
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "sobre serve:", err)
		return 1
	}
	return 0
}

// reportPreview prints the outcome of a preview build or update.
func reportPreview(e serve.Event, stdout, stderr io.Writer) {
	for _, p := range e.Problems {
		fmt.Fprintln(stderr, p)
	}
	if e.Err != nil {
		var be *diag.BuildError
		if errors.As(e.Err, &be) {
			fmt.Fprintf(stderr, "sobre serve: %d error(s); the last good version stays on show\n", len(be.Problems))
		} else {
			fmt.Fprintln(stderr, "sobre serve:", e.Err)
		}
		return
	}
	what := fmt.Sprintf("%d %s re-rendered", e.Pages, plural(e.Pages, "page"))
	if e.Full {
		pages := 0
		for _, l := range e.Langs {
			pages += l.Pages
		}
		what = fmt.Sprintf("%d %s rendered", pages, plural(pages, "page"))
	}
	fmt.Fprintf(stdout, "%s in %s\n", what, ms(e.Duration))
}
