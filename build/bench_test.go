package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
)

// BenchmarkBuild measures a full build to disk of synthetic trilingual
// sites (sobre/build/corpus): pages=LxN is N pages in each of L languages.
// Each iteration writes into a new empty folder, as a first build does.
//
//	go test -run '^$' -bench BenchmarkBuild -benchtime 5x ./build/
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000} {
		for _, outputs := range []string{"site", "all"} {
			benchBuild(b, n, outputs)
		}
	}
}

// withoutBundles turns the offline bundles off in a corpus (its site.toml
// ends with [outputs], booklets off): outputs=site measures the web site
// alone, outputs=all adds the zips and e-books.
func withoutBundles(b *testing.B, src string) {
	f, err := os.OpenFile(filepath.Join(src, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("\nbundles = false\n"); err != nil {
		b.Fatal(err)
	}
}

func benchBuild(b *testing.B, n int, outputs string) {
	{
		langs := len(corpus.Langs)
		b.Run(fmt.Sprintf("pages=%dx%d/outputs=%s", langs, n, outputs), func(b *testing.B) {
			// The corpus and outputs live beside the code, as a real site and
			// its public/ do: on this machine creating files under /tmp costs
			// ten times what it costs in the work tree, which would measure
			// the sandbox rather than sobre.
			work, err := os.MkdirTemp(".", ".bench-")
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.RemoveAll(work) })
			src := filepath.Join(work, "site")
			if err := corpus.Write(src, n, 1); err != nil {
				b.Fatal(err)
			}
			if outputs == "site" {
				withoutBundles(b, src)
			}
			outs := filepath.Join(work, "out")
			if err := os.Mkdir(outs, 0o755); err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			pages := 0
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				// Earlier outputs are kept until the end: this disk is mounted
				// with "discard", and deleting thousands of files between runs
				// slows the next run's file creation several times over.
				dir := filepath.Join(outs, fmt.Sprintf("run-%d", i))
				if err := os.Mkdir(dir, 0o755); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				res, err := build.Build(ctx, build.Options{Src: src, Out: filepath.Join(dir, "public"), Defaults: sobre.Defaults})
				if err != nil {
					b.Fatal(err)
				}
				pages = 0
				for _, l := range res.Langs {
					pages += l.Pages
				}
			}
			if pages != langs*n {
				b.Fatalf("built %d pages, want %d", pages, langs*n)
			}
			nsPerOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(nsPerOp/float64(pages)/1e6, "ms/page")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// BenchmarkRender times the same work without the disk: loading, parsing,
// checking and rendering every page in memory. The difference with
// BenchmarkBuild is the cost of creating the files, which on a virtual
// machine's rate-limited disk can outweigh everything else.
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{100, 1000} {
		for _, outputs := range []string{"site", "all"} {
			benchRender(b, n, outputs)
		}
	}
}

func benchRender(b *testing.B, n int, outputs string) {
	{
		langs := len(corpus.Langs)
		b.Run(fmt.Sprintf("pages=%dx%d/outputs=%s", langs, n, outputs), func(b *testing.B) {
			work, err := os.MkdirTemp(".", ".bench-")
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.RemoveAll(work) })
			if err := corpus.Write(work, n, 1); err != nil {
				b.Fatal(err)
			}
			if outputs == "site" {
				withoutBundles(b, work)
			}
			ctx := context.Background()
			files := 0
			for b.Loop() {
				pr, err := build.Load(ctx, build.Options{Src: work, Defaults: sobre.Defaults})
				if err != nil {
					b.Fatal(err)
				}
				out, err := pr.Render(ctx)
				if err != nil {
					b.Fatal(err)
				}
				files = len(out.Files)
			}
			if files < langs*n {
				b.Fatalf("rendered %d files, want at least %d", files, langs*n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(langs*n)/1e6, "ms/page")
		})
	}
}
