package output

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fake writes one file named after it, holding the names of the files
// its needs wrote, and records the order outputs ran in.
type fake struct {
	name  string
	needs []string
	file  string // "" writes name+".txt"
	log   *[]string
	mu    *sync.Mutex
}

func (f fake) Name() string    { return f.name }
func (f fake) Needs() []string { return f.needs }

func (f fake) Run(_ context.Context, _ *Model, prior Results) (*Result, error) {
	f.mu.Lock()
	*f.log = append(*f.log, f.name)
	f.mu.Unlock()
	file := f.file
	if file == "" {
		file = f.name + ".txt"
	}
	seen := slices.Sorted(func(yield func(string) bool) {
		for n := range prior.Files() {
			if !yield(n) {
				return
			}
		}
	})
	return &Result{Files: map[string][]byte{file: []byte(strings.Join(seen, ","))},
		Downloads: []Download{{Kind: Zip, Path: file}}}, nil
}

func TestRun(t *testing.T) {
	tests := []struct {
		name  string
		outs  [][]string // name, then needs
		given []string
		after map[string][]string // output -> outputs that ran before it
		sees  map[string]string   // output -> files it saw
		err   string
	}{
		{name: "needs first", outs: [][]string{{"pages", "zips", "search"}, {"zips", "booklets", "search"}, {"booklets"}, {"search"}},
			after: map[string][]string{"pages": {"zips", "search", "booklets"}, "zips": {"booklets", "search"}},
			sees:  map[string]string{"pages": "search.txt,zips.txt", "zips": "booklets.txt,search.txt", "booklets": ""}},
		{name: "every other", outs: [][]string{{"sw", All}, {"a"}, {"b", "a"}},
			after: map[string][]string{"sw": {"a", "b"}}, sees: map[string]string{"sw": "a.txt,b.txt"}},
		{name: "given", outs: [][]string{{"pages", "zips"}}, given: []string{"zips"},
			sees: map[string]string{"pages": "zips.txt"}},
		{name: "unknown need", outs: [][]string{{"pages", "zips"}}, err: `output "pages" needs "zips", which no output is`},
		{name: "cycle", outs: [][]string{{"a", "b"}, {"b", "a"}}, err: "outputs wait on each other: [a b]"},
		{name: "twice", outs: [][]string{{"a"}, {"a"}}, err: `two outputs are named "a"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var log []string
			var mu sync.Mutex
			var outs []Output
			for _, o := range tc.outs {
				outs = append(outs, fake{name: o[0], needs: o[1:], log: &log, mu: &mu})
			}
			given := Results{}
			for _, g := range tc.given {
				given[g] = &Result{Files: map[string][]byte{g + ".txt": nil}}
			}
			rs, err := Run(context.Background(), &Model{}, outs, given)
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for o, before := range tc.after {
				at := slices.Index(log, o)
				for _, b := range before {
					if i := slices.Index(log, b); i < 0 || i > at {
						t.Errorf("%s ran before %s: %v", o, b, log)
					}
				}
			}
			for o, want := range tc.sees {
				if got := string(rs[o].Files[o+".txt"]); got != want {
					t.Errorf("%s saw %q, want %q", o, got, want)
				}
			}
		})
	}
}

func TestRunOverlap(t *testing.T) {
	var log []string
	var mu sync.Mutex
	outs := []Output{fake{name: "a", file: "x", log: &log, mu: &mu}, fake{name: "b", file: "x", log: &log, mu: &mu}}
	if _, err := Run(context.Background(), &Model{}, outs, nil); err == nil || err.Error() != `outputs "a" and "b" both write x` {
		t.Errorf("err = %v", err)
	}
}

func TestKinds(t *testing.T) {
	for k, booklet := range map[Kind]bool{Charter: true, Handout: true, A5: true, A5Imposed: true, LargePrint: true, Zip: false, EPUB: false} {
		if k.Booklet() != booklet {
			t.Errorf("%v.Booklet() = %v", k, !booklet)
		}
	}
}

func TestHashedName(t *testing.T) {
	a, b := HashedName("assets/site.css", []byte("a")), HashedName("assets/site.css", []byte("b"))
	if a == b || !strings.HasPrefix(a, "assets/site.") || !strings.HasSuffix(a, ".css") || len(a) != len("assets/site..css")+10 {
		t.Errorf("HashedName = %q, %q", a, b)
	}
}
