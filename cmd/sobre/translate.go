package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"sobre"
	"sobre/build"
	"sobre/build/config"
	"sobre/build/content"
	"sobre/build/status"
)

// locate finds a file's language and key inside SRC/content/<lang>/.
func locate(src, file string) (lang, key string, err error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", "", err
	}
	root, err := filepath.Abs(filepath.Join(src, content.Dir))
	if err != nil {
		return "", "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", "", fmt.Errorf("%s is not inside %s", file, filepath.Join(src, content.Dir))
	}
	lang, key, ok := strings.Cut(filepath.ToSlash(rel), "/")
	if !ok || !strings.HasSuffix(key, ".md") {
		return "", "", fmt.Errorf("%s is not a page of a language folder (content/<lang>/….md)", file)
	}
	return lang, key, nil
}

func readSource(src, lang, key string) (*content.Source, error) {
	file := filepath.ToSlash(filepath.Join(content.Dir, lang, key))
	data, err := readSite(src, file)
	if err != nil {
		return nil, err
	}
	s, probs := content.ParseSource(lang, key, file, data)
	if probs.HasErrors() {
		return nil, probs.Err()
	}
	return s, nil
}

// readSite reads a file of the site folder (a slash path inside it), never
// one outside it through a symbolic link: what new and stamp read, they
// write into the content.
func readSite(src, file string) ([]byte, error) {
	fsys, err := build.SiteFS(src)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(fsys, file)
}

func loadConfig(src string) (*config.Config, error) {
	fsys, err := build.SiteFS(src)
	if err != nil {
		return nil, err
	}
	cfg, probs := config.Load(fsys)
	if cfg == nil {
		return nil, probs.Err()
	}
	return cfg, nil
}

// writeFile replaces a file through a temporary file, so an interrupted
// write never leaves half a page.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".sobre-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	srcDir := fl.String("src", ".", "site `folder`")
	lang := fl.String("lang", "", "`language` to translate into (required)")
	ids := fl.Bool("ids", false, "first write an explicit id after each heading of the source that has none ({#id}, the id it has today), so the translation keeps the same ids")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: sobre new -lang LANG [-ids] [-src DIR] content/<source lang>/PAGE.md\n\nStarts a translation: writes content/LANG/PAGE.md with the source text, its provenance record and draft: true.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *lang == "" || fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	cfg, err := loadConfig(*srcDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cfg.Language(*lang) == nil {
		fmt.Fprintf(stderr, "sobre new: %q is not a language of the site (%s)\n", *lang, strings.Join(cfg.Codes(), ", "))
		return 1
	}
	from, key, err := locate(*srcDir, fl.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "sobre new:", err)
		return 1
	}
	if from == *lang {
		fmt.Fprintf(stderr, "sobre new: %s is already in %s\n", fl.Arg(0), *lang)
		return 1
	}
	out := filepath.Join(*srcDir, content.Dir, *lang, filepath.FromSlash(key))
	if _, err := os.Stat(out); err == nil {
		fmt.Fprintf(stderr, "sobre new: %s exists; nothing written (to record an updated translation, run sobre stamp %s)\n", out, out)
		return 1
	}
	if err := sourceIDs(*srcDir, from, key, *ids, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "sobre new:", err)
		return 1
	}
	src, err := readSource(*srcDir, from, key)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	draft, err := content.Scaffold(src, *lang)
	if err != nil {
		fmt.Fprintln(stderr, "sobre new:", err)
		return 1
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := writeFile(out, draft); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := keepSource(*srcDir, *lang, key, src.Body); err != nil {
		fmt.Fprintln(stderr, "sobre new:", err)
		return 1
	}
	fmt.Fprintf(stdout, "created %s from %s\ntranslate it, remove \"draft: true\" when done, then check with: sobre status\n", out, src.File)
	return 0
}

func cmdStamp(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("stamp", flag.ContinueOnError)
	fl.SetOutput(stderr)
	srcDir := fl.String("src", ".", "site `folder`")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: sobre stamp [-src DIR] content/<lang>/PAGE.md…\n\nRecords that each translation now matches the current source page (after you updated it).")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	cfg, err := loadConfig(*srcDir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	code := 0
	for _, file := range fl.Args() {
		lang, key, err := locate(*srcDir, file)
		if err == nil && lang == cfg.DefaultLanguage {
			err = fmt.Errorf("%s is in the source language: only translations are stamped", file)
		}
		var src *content.Source
		if err == nil {
			src, err = readSource(*srcDir, cfg.DefaultLanguage, key)
		}
		var data []byte
		if err == nil {
			data, err = readSite(*srcDir, path.Join(content.Dir, lang, key))
		}
		if err == nil {
			data, err = content.Stamp(data, cfg.DefaultLanguage, content.Print(src))
			if fe, ok := err.(*content.FrontMatterError); ok {
				err = fmt.Errorf("%s:%d: %s", file, fe.Line, fe.Msg)
			}
		}
		if err == nil {
			err = writeFile(file, data)
		}
		if err == nil {
			// The source as translated, for status to show what changes
			// in it later, word by word.
			err = keepSource(*srcDir, lang, key, src.Body)
		}
		if err != nil {
			fmt.Fprintln(stderr, "sobre stamp:", err)
			code = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: recorded as translated from %s (source %s)\n", file, src.File, content.Print(src).Hash)
	}
	return code
}

func cmdStatus(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("status", flag.ContinueOnError)
	fl.SetOutput(stderr)
	srcDir := fl.String("src", ".", "site `folder`")
	asJSON := fl.Bool("json", false, "print JSON for scripts")
	strict := fl.Bool("strict", false, "exit 1 when a page is missing, outdated, untracked or a draft, or a string is missing")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	pr, err := build.Load(ctx, build.Options{Src: *srcDir, Defaults: sobre.Defaults})
	if pr == nil || pr.Site == nil || pr.Catalog == nil || pr.Theme == nil {
		if pr != nil {
			for _, p := range pr.Problems.Errors() {
				fmt.Fprintln(stderr, p)
			}
		}
		if err == nil {
			err = errors.New("the site could not be loaded")
		}
		fmt.Fprintln(stderr, "sobre status:", firstLine(err))
		return 1
	}
	rep := status.Compute(pr.Site, pr.Catalog, pr.Theme.StringIDs(), os.DirFS(*srcDir))
	if *asJSON {
		if err := rep.JSON(stdout); err != nil {
			fmt.Fprintln(stderr, "sobre status:", err)
			return 1
		}
	} else {
		rep.Text(stdout)
	}
	if *strict && rep.Incomplete() {
		return 1
	}
	return 0
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// keepSource writes the body of the source a translation was stamped
// from under content.StampDir, replacing the one kept before.
func keepSource(srcDir, lang, key string, body []byte) error {
	file := filepath.Join(srcDir, filepath.FromSlash(content.StampPath(lang, key)))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return writeFile(file, body)
}
