package print_test

import (
	"fmt"
	"testing"

	"sobre/build/print"
)

func TestSheets(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "[]"},
		{1, "[[0 1] [0 0]]"},
		{4, "[[4 1] [2 3]]"},
		{5, "[[0 1] [2 0] [0 3] [4 5]]"},
		{8, "[[8 1] [2 7] [6 3] [4 5]]"},
		{12, "[[12 1] [2 11] [10 3] [4 9] [8 5] [6 7]]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(print.Sheets(tt.n)); got != tt.want {
			t.Errorf("Sheets(%d) = %s, want %s", tt.n, got, tt.want)
		}
	}
	// Every page once, and facing pages of a sheet side add up to the
	// padded count plus one, for any length.
	for n := 1; n < 200; n++ {
		total := (n + 3) / 4 * 4
		seen := map[int]int{}
		for i, side := range print.Sheets(n) {
			if l, r := side[0], side[1]; l != 0 && r != 0 && l+r != total+1 {
				t.Fatalf("Sheets(%d): side %d holds %v", n, i, side)
			}
			for _, p := range side {
				seen[p]++
			}
		}
		for p := 1; p <= n; p++ {
			if seen[p] != 1 {
				t.Fatalf("Sheets(%d): page %d appears %d times", n, p, seen[p])
			}
		}
		if seen[0] != total-n {
			t.Fatalf("Sheets(%d): %d blanks, want %d", n, seen[0], total-n)
		}
	}
}
