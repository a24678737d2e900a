package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/korean-war-sources/edition/internal/slug"
)

// prefixedIDs makes heading ids from their text, unique within one
// conversion and prefixed by the conversion's IDPrefix.
type prefixedIDs struct {
	prefix string
	seen   map[string]bool
	next   map[string]int // the next suffix to try for a repeated id
}

func (p *prefixedIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	return []byte(p.unique(p.prefix + base))
}

// Put records an id the source gives explicitly as taken.
func (p *prefixedIDs) Put(value []byte) { p.mark(string(value)) }

// mark records id as taken; the map is made only for fragments with
// headings, which few are.
func (p *prefixedIDs) mark(id string) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	p.seen[id] = true
}

func (p *prefixedIDs) unique(id string) string {
	if p.next == nil {
		p.next = map[string]int{}
	}
	candidate := id
	for i := max(p.next[id], 2); p.seen[candidate]; i++ {
		candidate = id + "-" + strconv.Itoa(i)
		p.next[id] = i + 1
	}
	p.mark(candidate)
	return candidate
}
