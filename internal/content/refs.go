package content

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/subject"
	"go.yaml.in/yaml/v3"
)

// Ref is an id written in front matter, with its position so that an
// unknown id can be reported where it was written.
type Ref struct {
	ID  string
	Pos diag.Position
}

// DecodeNode implements yamlx.NodeDecoder.
func (r *Ref) DecodeNode(n *yaml.Node, at diag.Position) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want an id, found a %s", nodeKind(n))
	}
	r.ID, r.Pos = n.Value, at
	return nil
}

// NoteRef is a note number of the article, with its position.
type NoteRef struct {
	N   int
	Pos diag.Position
}

// DecodeNode implements yamlx.NodeDecoder.
func (r *NoteRef) DecodeNode(n *yaml.Node, at diag.Position) error {
	i, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || i < 1 {
		return fmt.Errorf("want a note number such as 17, found %q", n.Value)
	}
	r.N, r.Pos = i, at
	return nil
}

// Target is a typed reference "kind:id" written in front matter, the
// same form as the [[kind:id]] cross-references of Markdown. A kind that
// references cannot name decodes to subject.None, with the text kept
// for the check that reports it.
type Target struct {
	subject.Subject
	Text string // as written
	Pos  diag.Position
}

// DecodeNode implements yamlx.NodeDecoder.
func (t *Target) DecodeNode(n *yaml.Node, at diag.Position) error {
	s, err := subject.Parse(n.Value)
	if n.Kind != yaml.ScalarNode || errors.Is(err, subject.ErrSyntax) {
		return fmt.Errorf("want a reference such as doc:1949-09-24-politburo-resolution, found %q", n.Value)
	}
	t.Subject, t.Text, t.Pos = s, n.Value, at
	return nil
}

// String returns the reference as written.
func (t Target) String() string { return t.Text }

// WrittenKind is the kind as written, known to references or not.
func (t Target) WrittenKind() string {
	kind, _, _ := strings.Cut(t.Text, ":")
	return kind
}

// Text is a Markdown string in front matter. It remembers where it starts
// so that problems inside it are reported at the right line.
type Text struct {
	Src string
	Pos diag.Position
	// Block is set for literal and folded scalars, whose text starts on
	// the line after the indicator.
	Block bool
}

// DecodeNode implements yamlx.NodeDecoder.
func (t *Text) DecodeNode(n *yaml.Node, at diag.Position) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want text, found a %s", nodeKind(n))
	}
	t.Src, t.Pos = n.Value, at
	t.Block = n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	return nil
}

// PosAt returns the file position of byte offset off in the text. Lines are
// exact for block scalars and single-line strings; columns are exact on
// the first line of flow scalars and approximate elsewhere.
func (t Text) PosAt(off int) diag.Position {
	off = min(max(off, 0), len(t.Src))
	before := t.Src[:off]
	lines := strings.Count(before, "\n")
	p := t.Pos
	if t.Block {
		p.Line += 1 + lines
		p.Col = off - strings.LastIndexByte(before, '\n')
		return p
	}
	if lines == 0 {
		p.Col += off
		return p
	}
	p.Line += lines
	p.Col = off - strings.LastIndexByte(before, '\n')
	return p
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}
