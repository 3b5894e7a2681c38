package status

import "strings"

// WordDiff marks the words that differ between two texts, as git's
// --word-diff does: [-removed-] and {+added+}, common words as they are.
func WordDiff(old, now string) string {
	a, b := strings.Fields(old), strings.Fields(now)
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out, gone, came []string
	flush := func() {
		if len(gone) > 0 {
			out = append(out, "[-"+strings.Join(gone, " ")+"-]")
		}
		if len(came) > 0 {
			out = append(out, "{+"+strings.Join(came, " ")+"+}")
		}
		gone, came = nil, nil
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			flush()
			out = append(out, a[i])
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			came = append(came, b[j])
			j++
		default:
			gone = append(gone, a[i])
			i++
		}
	}
	flush()
	return strings.Join(out, " ")
}
