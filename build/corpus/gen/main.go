// Command gen writes the synthetic benchmark corpus (sobre/build/corpus)
// to a folder, for benchmarks outside Go's testing, such as the search
// latency measured in a browser by test/browser/bench-search.mjs.
//
//	go run ./build/corpus/gen -pages 1000 -out .bench/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"sobre/build/corpus"
)

func main() {
	pages := flag.Int("pages", 1000, "pages per language")
	out := flag.String("out", ".bench/corpus", "folder to write (must not exist)")
	seed := flag.Int64("seed", 1, "random seed: same seed, same corpus")
	flag.Parse()
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gen: %s exists; remove it first\n", *out)
		os.Exit(1)
	}
	if err := corpus.Write(*out, *pages, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
