package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"html/template"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sobre/build/diag"
)

// TestTemplateStrings: the ids come from the parse tree, wherever the call
// sits (a branch, a parenthesised argument, a define); an id the template
// computes is an error at its line.
func TestTemplateStrings(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
		problem   string
	}{
		{"plain", `<p>{{t "a"}}</p>{{tn "b" 2}}`, []string{"a", "b"}, ""},
		{"nested", "{{if .X}}{{t \"a\" .Y}}{{else}}{{with .Z}}{{printf \"%s\" (t \"b\")}}{{end}}{{end}}{{define \"d\"}}{{range .}}{{t \"c\"}}{{end}}{{end}}", []string{"a", "b", "c"}, ""},
		{"not a call of t", `{{.T}} {{printf "t"}} t "x"`, nil, ""},
		{"a field as id", "<p>\n{{t .Key}}</p>", nil, `themes/default/layouts/x.html:2: {{t .Key}}: the string id is computed`},
		{"a piped id", "\n\n{{.Key | t}}", nil, `themes/default/layouts/x.html:3: {{t}}: the string id is computed`},
		{"a computed id in an argument", `{{printf "%s" (tn (printf "a%d" 1) 2)}}`, nil, `themes/default/layouts/x.html:1: {{tn (printf "a%d" 1) 2}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := template.New("").Funcs(template.FuncMap{"t": func(string, ...any) string { return "" }, "tn": func(string, int) string { return "" }})
			template.Must(root.New("x.html").Parse(c.src))
			var problems diag.List
			ids := templateStrings(root, ThemeDir+"/layouts/", &problems)
			if len(ids) != len(c.want) {
				t.Errorf("ids %v, want %v", ids, c.want)
			}
			for _, id := range c.want {
				if !ids[id] {
					t.Errorf("id %q not found in %v", id, ids)
				}
			}
			got := ""
			for _, p := range problems {
				got += p.String() + "\n"
			}
			if (c.problem == "") != (got == "") || !strings.Contains(got, c.problem) || problems.HasErrors() != (c.problem != "") {
				t.Errorf("problems:\n%s\nwant %q", got, c.problem)
			}
		})
	}
}

// TestCodeStringsListed keeps codeStrings honest both ways, from the Go
// syntax tree of the module's code: every id a call of T or N names (a
// constant, or a constant prefix joined to a value) is listed, and every
// listed id is written somewhere in the code, so the list neither misses
// a string status must count nor keeps one nothing asks for.
func TestCodeStringsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, id := range codeStrings {
		listed[id] = true
	}
	literals := map[string]bool{} // every string constant of the code
	var prefixes []string
	found := 0
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && p != "../..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				return n.Names[0].Name != "codeStrings" // the list does not vouch for itself
			case *ast.BasicLit:
				if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
					literals[s] = true
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N") || len(n.Args) != 2 {
					return true
				}
				found++
				switch id := n.Args[0].(type) {
				case *ast.BasicLit:
					if s, _ := strconv.Unquote(id.Value); !listed[s] {
						t.Errorf("%s: asks for string %q, missing from codeStrings", fset.Position(n.Pos()), s)
					}
				case *ast.BinaryExpr:
					if lit, ok := id.X.(*ast.BasicLit); ok && id.Op == token.ADD {
						s, _ := strconv.Unquote(lit.Value)
						prefixes = append(prefixes, s)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 20 {
		t.Fatalf("only %d string calls found: the walk no longer sees the code", found)
	}
	theme := &Theme{}
	for _, prefix := range prefixes {
		some := false
		for id := range theme.StringIDs() {
			some = some || strings.HasPrefix(id, prefix)
		}
		if !some {
			t.Errorf("the code asks for strings %q+…, and codeStrings lists none", prefix)
		}
	}
	for _, id := range codeStrings {
		if !literals[id] && !hasPrefix(id, prefixes) {
			t.Errorf("codeStrings lists %q, which no code asks for: strike it off", id)
		}
	}
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
