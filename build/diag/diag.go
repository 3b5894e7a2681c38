// Package diag carries build problems with their position, so that every stage
// reports "file:line: what is wrong and what to do" the same way and a build can
// collect all problems before it stops.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
	// Notice is for the publisher, not the authors: a setting of
	// site.toml only the organisation can fill (its contact address).
	// It is printed but never fails a build, even with check -strict.
	Notice
)

// Problem is one finding at one place. Line is 1-based; 0 means the whole file.
type Problem struct {
	File     string
	Line     int
	Severity Severity
	Rule     string // short machine name, e.g. "link", "frontmatter"
	Msg      string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	switch p.Severity {
	case Warning:
		b.WriteString("warning: ")
	case Notice:
		b.WriteString("note: ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// List collects problems. The zero value is ready to use.
type List []Problem

// Errorf records an error at file:line.
func (l *List) Errorf(file string, line int, rule, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Severity: Error, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:line.
func (l *List) Warnf(file string, line int, rule, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Severity: Warning, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

// Notef records a notice for the publisher at file:line.
func (l *List) Notef(file string, line int, rule, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Severity: Notice, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

// Add appends other lists.
func (l *List) Add(others ...List) {
	for _, o := range others {
		*l = append(*l, o...)
	}
}

// Errors returns only the problems that stop a build.
func (l List) Errors() List {
	var out List
	for _, p := range l {
		if p.Severity == Error {
			out = append(out, p)
		}
	}
	return out
}

// HasErrors reports whether any problem stops the build.
func (l List) HasErrors() bool { return len(l.Errors()) > 0 }

// Sort orders problems by file, line and message so output is stable
// whatever order parallel stages found them in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
}

// Err returns the list as an error when it holds errors, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &BuildError{Problems: l.Errors()}
}

// BuildError is returned by a build that found errors.
type BuildError struct{ Problems List }

func (e *BuildError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Lines maps byte offsets of a text to 1-based line numbers.
type Lines struct{ starts []int }

// NewLines indexes the line starts of src.
func NewLines(src []byte) Lines {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return Lines{starts}
}

// Line returns the 1-based line holding byte offset off.
func (l Lines) Line(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}
