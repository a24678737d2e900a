package xref

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindXRef is the node kind of a cross-reference.
var KindXRef = ast.NewNodeKind("XRef")

// Node is a cross-reference. Its children are the label given after "|";
// a reference without a label has no children and is rendered with the
// target's title.
type Node struct {
	ast.BaseInline
	RefKind string
	ID      string
	Offset  int // byte offset of "[[" in the source

	Target   Target
	Resolved bool
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindXRef }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Ref":      n.RefKind + ":" + n.ID,
		"Resolved": fmt.Sprint(n.Resolved),
	}, nil)
}

// opener marks an open "[[kind:id|" while its label is being parsed. It
// never survives parsing: the closer replaces it, and the transformer turns
// an unclosed one back into text.
type opener struct {
	ast.BaseInline
	kind, id string
	offset   int
	raw      []byte
	bottom   ast.Node
}

var kindOpener = ast.NewNodeKind("XRefOpener")

func (n *opener) Kind() ast.NodeKind { return kindOpener }

func (n *opener) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.kind + ":" + n.id}, nil)
}
