package xref

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Scan reads the head of a reference at the start of b: "[[kind:id]]" or
// "[[kind:id|". It returns the parts, the number of bytes read and whether
// a label follows. Kinds are lowercase letters; ids are letters, digits,
// '-', '.', '_' with an optional "#fragment".
func Scan(b []byte) (kind, id string, n int, labelled, ok bool) {
	if len(b) < 5 || b[0] != '[' || b[1] != '[' {
		return "", "", 0, false, false
	}
	i := 2
	for i < len(b) && b[i] >= 'a' && b[i] <= 'z' {
		i++
	}
	if i == 2 || i >= len(b) || b[i] != ':' {
		return "", "", 0, false, false
	}
	kind = string(b[2:i])
	i++
	start := i
	for i < len(b) && isIDByte(b[i]) {
		i++
	}
	if i == start {
		return "", "", 0, false, false
	}
	id = string(b[start:i])
	switch {
	case i+1 < len(b) && b[i] == ']' && b[i+1] == ']':
		return kind, id, i + 2, false, true
	case i < len(b) && b[i] == '|':
		return kind, id, i + 1, true, true
	}
	return "", "", 0, false, false
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '#'
}

var (
	openersKey   = parser.NewContextKey()
	malformedKey = parser.NewContextKey()
)

// malformed is a "[[kind:" that Scan does not accept: an id with other
// characters, or no "]]" or "|" after the id.
type malformed struct {
	offset int
	text   string // up to and including "]]", or "" when no "]]" follows before the next "[["
}

// headLen returns the length of "[[kind:" at the start of b, or 0.
func headLen(b []byte) int {
	if len(b) < 3 || b[0] != '[' || b[1] != '[' {
		return 0
	}
	i := 2
	for i < len(b) && b[i] >= 'a' && b[i] <= 'z' {
		i++
	}
	if i == 2 || i >= len(b) || b[i] != ':' {
		return 0
	}
	return i + 1
}

type openParser struct{}

func (openParser) Trigger() []byte { return []byte{'['} }

func (openParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	kind, id, n, labelled, ok := Scan(line)
	if !ok {
		if headLen(line) > 0 {
			m := malformed{offset: seg.Start}
			end := bytes.Index(line[2:], []byte("]]"))
			if next := bytes.Index(line[2:], []byte("[[")); end >= 0 && (next < 0 || end < next) {
				m.text = string(line[:end+4])
			}
			bad, _ := pc.Get(malformedKey).([]malformed)
			pc.Set(malformedKey, append(bad, m))
		}
		return nil
	}
	block.Advance(n)
	if !labelled {
		return &Node{RefKind: kind, ID: id, Offset: seg.Start}
	}
	o := &opener{kind: kind, id: id, offset: seg.Start, raw: line[:n], bottom: pc.LastDelimiter()}
	stack, _ := pc.Get(openersKey).([]*opener)
	pc.Set(openersKey, append(stack, o))
	return o
}

type closeParser struct{}

func (closeParser) Trigger() []byte { return []byte{']'} }

// Parse closes the innermost open reference. Emphasis inside the label is
// settled first, as goldmark does for link labels, so that delimiters do
// not pair across the reference's boundary.
func (closeParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || line[1] != ']' {
		return nil
	}
	stack, _ := pc.Get(openersKey).([]*opener)
	if len(stack) == 0 {
		return nil
	}
	o := stack[len(stack)-1]
	if o.Parent() != parent {
		return nil
	}
	pc.Set(openersKey, stack[:len(stack)-1])
	block.Advance(2)
	parser.ProcessDelimiters(o.bottom, pc)
	x := &Node{RefKind: o.kind, ID: o.id, Offset: o.offset}
	for c := o.NextSibling(); c != nil; {
		next := c.NextSibling()
		x.AppendChild(x, c)
		c = next
	}
	parent.RemoveChild(parent, o)
	return x
}
