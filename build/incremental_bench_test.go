package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"sobre"
	"sobre/build"
	"sobre/build/corpus"
)

// BenchmarkServeEdit times what sobre serve does between a save and the
// reload: one page's body edited on disk, then the preview updated until
// the new HTML is ready. The corpus is loaded once; bundles stay on, built
// on demand as in the preview. The search index, rebuilt just after the
// reload is sent (Settle), is timed apart: settle-ms/op. cpu-ms/op is the
// process's CPU time for the update, which a loaded machine leaves as is
// while it stretches ns/op.
//
//	go test -run '^$' -bench BenchmarkServeEdit ./build/
func BenchmarkServeEdit(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("%dx%d", len(corpus.Langs), n), func(b *testing.B) {
			work, err := os.MkdirTemp(".", ".bench-")
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { os.RemoveAll(work) })
			if err := corpus.Write(work, n, 1); err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			p, err := build.NewPreview(ctx, build.Options{Src: work, Defaults: sobre.Defaults, LiveReload: "/__sobre/reload.js"})
			if err != nil {
				b.Fatal(err)
			}
			const page = "content/fr/modules/page-0001.md"
			file := filepath.Join(work, filepath.FromSlash(page))
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			rendered := 0
			var settle, cpu time.Duration
			for i := 0; b.Loop(); i++ {
				edit := fmt.Appendf(append([]byte(nil), orig...), "\nUn mot neuf : %s.\n", word(i))
				if err := os.WriteFile(file, edit, 0o644); err != nil {
					b.Fatal(err)
				}
				c0 := cpuTime()
				ch, err := p.Update(ctx, []string{page})
				cpu += cpuTime() - c0
				if err != nil || ch.Full || len(ch.Changed) == 0 {
					b.Fatalf("update: %+v, %v", ch, err)
				}
				rendered = ch.Pages
				b.StopTimer()
				t := time.Now()
				if len(p.Settle(ctx)) == 0 {
					b.Fatal("the search index did not change")
				}
				settle += time.Since(t)
				b.StartTimer()
			}
			if err := p.Err(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(rendered), "pages/op")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(settle.Microseconds())/1000/float64(b.N), "settle-ms/op")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// word is a made-up word, different for each i: a new term for the index.
func word(i int) string {
	w := []byte("zq")
	for ; i > 0; i /= 26 {
		w = append(w, byte('a'+i%26))
	}
	return string(w)
}
