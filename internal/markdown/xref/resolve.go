package xref

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type resolveTransformer struct{}

// Transform resolves every reference and turns unclosed openers back into
// the text they were written as, telling the resolver about them if it has
// an Unclosed(offset int) method.
func (resolveTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	r, _ := pc.Get(resolverKey).(Resolver)
	pc.Set(openersKey, nil)
	var open []*opener
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Node:
			if r != nil {
				ref := Reference{Kind: n.RefKind, ID: n.ID, Label: plainText(n, reader.Source()), Offset: n.Offset}
				n.Target, n.Resolved = r.Resolve(ref)
			}
		case *opener:
			open = append(open, n)
		}
		return ast.WalkContinue, nil
	})
	for _, o := range open {
		if u, ok := r.(interface{ Unclosed(offset int) }); ok {
			u.Unclosed(o.offset)
		}
		t := ast.NewString(o.raw)
		t.SetCode(true)
		o.Parent().ReplaceChild(o.Parent(), o, t)
	}
}

// plainText is the text of n's descendants without markup.
func plainText(n ast.Node, source []byte) string {
	var b []byte
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b = append(b, c.Segment.Value(source)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, c.Value...)
		}
		return ast.WalkContinue, nil
	})
	return string(b)
}
