package output

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
)

// All in Needs stands for every other output.
const All = "*"

// Run runs outputs over m: each once its needs have run, those whose
// needs are met together, in parallel. Each receives the results of its
// needs only; given are results of outputs not run again, which meet
// needs as the outputs would. Two outputs writing the same file, a need
// nothing meets or needs that wait on each other are errors, as is any
// output's error.
func Run(ctx context.Context, m *Model, outs []Output, given Results) (Results, error) {
	byName := map[string]Output{}
	for _, o := range outs {
		if byName[o.Name()] != nil {
			return nil, fmt.Errorf("two outputs are named %q", o.Name())
		}
		byName[o.Name()] = o
	}
	needs := map[string][]string{}
	for _, o := range outs {
		for _, n := range o.Needs() {
			switch {
			case n == All:
				for _, p := range outs {
					if p.Name() != o.Name() && !slices.Contains(p.Needs(), All) {
						needs[o.Name()] = append(needs[o.Name()], p.Name())
					}
				}
			case byName[n] == nil && given[n] == nil:
				return nil, fmt.Errorf("output %q needs %q, which no output is", o.Name(), n)
			default:
				needs[o.Name()] = append(needs[o.Name()], n)
			}
		}
	}
	done := Results{}
	for name, r := range given {
		if byName[name] == nil {
			done[name] = r
		}
	}
	for len(waiting(outs, done)) > 0 {
		var ready []Output
		for _, o := range outs {
			if done[o.Name()] == nil && met(needs[o.Name()], done) {
				ready = append(ready, o)
			}
		}
		if len(ready) == 0 {
			return nil, fmt.Errorf("outputs wait on each other: %v", waiting(outs, done))
		}
		if err := runAll(ctx, m, ready, needs, done); err != nil {
			return nil, err
		}
	}
	return done, overlaps(outs, done)
}

// runAll runs outputs whose needs are met, each on its own goroutine,
// and records their results in done.
func runAll(ctx context.Context, m *Model, ready []Output, needs map[string][]string, done Results) error {
	results := make([]*Result, len(ready))
	errs := make([]error, len(ready))
	var wg sync.WaitGroup
	for i, o := range ready {
		prior := Results{}
		for _, n := range needs[o.Name()] {
			prior[n] = done[n]
		}
		wg.Go(func() { results[i], errs[i] = o.Run(ctx, m, prior) })
	}
	wg.Wait()
	for i, o := range ready {
		if errs[i] != nil {
			return errs[i]
		}
		if results[i] == nil {
			results[i] = &Result{}
		}
		done[o.Name()] = results[i]
	}
	return ctx.Err()
}

func met(needs []string, done Results) bool {
	for _, n := range needs {
		if done[n] == nil {
			return false
		}
	}
	return true
}

func waiting(outs []Output, done Results) []string {
	var out []string
	for _, o := range outs {
		if done[o.Name()] == nil {
			out = append(out, o.Name())
		}
	}
	return out
}

// overlaps finds a file two outputs write: which one wins would depend on
// the order of a map.
func overlaps(outs []Output, done Results) error {
	owner := map[string]string{}
	for _, o := range outs {
		for name := range done[o.Name()].Files {
			if prev, ok := owner[name]; ok {
				return fmt.Errorf("outputs %q and %q both write %s", prev, o.Name(), name)
			}
			owner[name] = o.Name()
		}
	}
	return nil
}

// Parallel calls fn(i) for i from 0 to n-1 on every core, and returns
// when all calls have; it stops handing out work once ctx is done, and
// then returns its error.
func Parallel(ctx context.Context, n int, fn func(i int)) error {
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range work {
				fn(i)
			}
		})
	}
	for i := range n {
		if ctx.Err() != nil {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	return ctx.Err()
}
