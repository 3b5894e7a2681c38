package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sobre/build"
	"sobre/build/terms"
	"sobre/build/xliff"
)

const xliffUsage = `usage:
  sobre xliff export -lang LANG [-src DIR] [-o FILE]
        write LANG's translation as XLIFF 2.0 (default: LANG.xlf) for a translation tool
  sobre xliff import [-src DIR] [-n] FILE
        write the translations of FILE back into content/LANG/ and i18n/LANG.toml
`

func cmdXliff(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, xliffUsage)
		return 2
	}
	switch args[0] {
	case "export":
		return xliffExport(args[1:], stdout, stderr)
	case "import":
		return xliffImport(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, xliffUsage)
		return 0
	}
	fmt.Fprintf(stderr, "sobre xliff: unknown command %q\n\n%s", args[0], xliffUsage)
	return 2
}

func xliffExport(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("xliff export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	srcDir := fl.String("src", ".", "site `folder`")
	lang := fl.String("lang", "", "the translation's `language` (nl, en…)")
	out := fl.String("o", "", "the XLIFF `file` to write (default: LANG.xlf; - for standard output)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *lang == "" || fl.NArg() > 0 {
		fmt.Fprint(stderr, xliffUsage)
		return 2
	}
	s, fsys, err := build.LoadSite(*srcDir)
	var glossary *terms.List
	if err == nil {
		glossary, err = terms.Load(fsys, s.Config.DefaultLanguage)
	}
	var doc *xliff.Doc
	if err == nil {
		doc, err = xliff.Export(s, fsys, *lang, glossary)
	}
	if err != nil {
		fmt.Fprintln(stderr, "sobre xliff export:", err)
		return 1
	}
	var b strings.Builder
	doc.Write(&b)
	if *out == "-" {
		io.WriteString(stdout, b.String())
		return 0
	}
	if *out == "" {
		*out = *lang + ".xlf"
	}
	if err := writeFile(*out, []byte(b.String())); err != nil {
		fmt.Fprintln(stderr, "sobre xliff export:", err)
		return 1
	}
	n := 0
	for _, f := range doc.Files {
		n += len(f.Units)
	}
	fmt.Fprintf(stdout, "wrote %s: %d units in %d files; translate it, then: sobre xliff import %s\n", *out, n, len(doc.Files), *out)
	return 0
}

func xliffImport(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("xliff import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	srcDir := fl.String("src", ".", "site `folder`")
	dry := fl.Bool("n", false, "say what would change, write nothing")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 {
		fmt.Fprint(stderr, xliffUsage)
		return 2
	}
	data, err := os.ReadFile(fl.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "sobre xliff import:", err)
		return 1
	}
	s, fsys, err := build.LoadSite(*srcDir)
	var res *xliff.Result
	if err == nil {
		res, err = xliff.Import(s, fsys, fl.Arg(0), data)
	}
	if err != nil {
		// One problem a line, each with its place; nothing was written.
		fmt.Fprintln(stderr, err)
		fmt.Fprintln(stderr, "sobre xliff import: nothing was written")
		return 1
	}
	for _, w := range res.Files {
		if *dry {
			break
		}
		p := filepath.Join(*srcDir, filepath.FromSlash(w.Path))
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = writeFile(p, w.Data)
		}
		if err != nil {
			fmt.Fprintln(stderr, "sobre xliff import:", err)
			return 1
		}
	}
	for _, l := range res.Log {
		if *dry {
			l = "would write " + l
		}
		fmt.Fprintln(stdout, l)
	}
	if len(res.Log) == 0 {
		fmt.Fprintln(stdout, "nothing to change: every translation in the file is already in the site")
	}
	return 0
}
