package build

import (
	"context"
	"testing"

	"sobre"
	"sobre/build/print"
)

// BenchmarkBooklets measures the time to produce every booklet of every
// language of the repository's content: per language the charter (A4),
// and the toolkit as an A4 handout, an A5 booklet, the A5 booklet imposed
// on A4 sheets and in large print. The target is under a second in all.
//
//	go test -run '^$' -bench BenchmarkBooklets -benchtime 5x ./build/
func BenchmarkBooklets(b *testing.B) {
	pr, err := Load(context.Background(), Options{Src: "..", Defaults: sobre.Defaults})
	if err != nil {
		b.Fatal(err)
	}
	pages, bytes := 0, 0
	for b.Loop() {
		res, err := print.Booklets{}.Run(context.Background(), pr.model(), nil)
		if err != nil || len(res.Downloads) == 0 {
			b.Fatalf("no booklets: %v %v", err, res)
		}
		out := res.Files
		bytes = 0
		for _, d := range out {
			bytes += len(d)
		}
		pages = len(out)
	}
	b.ReportMetric(float64(pages), "files")
	b.ReportMetric(float64(bytes)/1024, "KB")
}
