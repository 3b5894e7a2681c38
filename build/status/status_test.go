package status

import (
	"bytes"
	"strings"
	"testing"
)

// TestJSONEmptyLists: scripts read an empty list as [] and an empty count
// as {}, never null.
func TestJSONEmptyLists(t *testing.T) {
	for _, r := range []*Report{{}, {Source: "fr", Languages: []Language{{Lang: "nl"}}}} {
		var b bytes.Buffer
		if err := r.JSON(&b); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "null") {
			t.Errorf("null in:\n%s", b.String())
		}
	}
}
