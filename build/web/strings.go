package web

import (
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"

	"sobre/build/diag"
)

// translators are the template functions that look up an interface
// string, their first argument being its id.
var translators = map[string]bool{"t": true, "tn": true, "tp": true}

// templateStrings walks the parse trees of every template in root for the
// calls of a translator and returns the ids they name. An id the template
// computes ({{t .Key}}, {{.Key | t}}) is a problem at its line: the build
// and status could neither check that every language has it nor list it,
// so a missing string would pass unseen. dir prefixes the layouts' names
// in messages.
func templateStrings(root *template.Template, dir string, problems *diag.List) map[string]bool {
	ids := map[string]bool{}
	for _, tm := range root.Templates() {
		if tm.Tree == nil || tm.Tree.Root == nil {
			continue
		}
		tree := tm.Tree
		walkPipes(tree.Root, func(p *parse.PipeNode) {
			for i, cmd := range p.Cmds {
				fn := translator(cmd)
				if fn == "" {
					continue
				}
				if i == 0 && len(cmd.Args) > 1 {
					if s, ok := cmd.Args[1].(*parse.StringNode); ok {
						ids[s.Text] = true
						continue
					}
				}
				file, line := nodeLine(tree, cmd)
				problems.Errorf(dir+file, line, "theme", "{{%s}}: the string id is computed, not written: write it quoted ({{%s \"id\"}}) so the build can check that every language has it", cmd, fn)
			}
		})
	}
	return ids
}

// translator returns the name of the translator cmd calls, or "".
func translator(cmd *parse.CommandNode) string {
	if len(cmd.Args) == 0 {
		return ""
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && translators[id.Ident] {
		return id.Ident
	}
	return ""
}

// nodeLine is where n was parsed: its layout's name and line.
func nodeLine(tree *parse.Tree, n parse.Node) (string, int) {
	loc, _ := tree.ErrorContext(n) // "page.html:12:5"
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return tree.ParseName, 0
	}
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		line = 0 // the location is always name:line:col; 0 reports the file alone
	}
	return strings.Join(parts[:len(parts)-2], ":"), line
}

// walkPipes calls visit on every pipeline below n, parenthesised ones in
// arguments included.
func walkPipes(n parse.Node, visit func(*parse.PipeNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkPipes(c, visit)
		}
	case *parse.ActionNode:
		walkPipes(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.TemplateNode:
		walkPipes(n.Pipe, visit)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		visit(n)
		for _, c := range n.Cmds {
			for _, a := range c.Args {
				walkPipes(a, visit)
			}
		}
	case *parse.ChainNode:
		walkPipes(n.Node, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(*parse.PipeNode)) {
	walkPipes(b.Pipe, visit)
	walkPipes(b.List, visit)
	walkPipes(b.ElseList, visit)
}
