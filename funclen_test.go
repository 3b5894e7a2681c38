package sobre_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// maxLines is the longest function a reader is asked to hold in their head.
const maxLines = 80

// TestFunctionLength keeps every function of non-test code under maxLines,
// counted from its first line to its closing brace (literals included).
func TestFunctionLength(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var body *ast.BlockStmt
			name := "func literal"
			switch d := n.(type) {
			case *ast.FuncDecl:
				body, name = d.Body, d.Name.Name
			case *ast.FuncLit:
				body = d.Body
			}
			if body == nil {
				return true
			}
			start := fset.Position(n.Pos())
			lines := fset.Position(body.Rbrace).Line - start.Line + 1
			if lines > maxLines {
				t.Errorf("%s:%d: %s is %d lines long, over %d: split it by what it decides", filepath.ToSlash(p), start.Line, name, lines, maxLines)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
