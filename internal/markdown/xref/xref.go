// Package xref is a goldmark extension for the edition's cross-references:
//
//	[[doc:1949-09-24-politburo-resolution]]      link text is the target's title
//	[[person:stalin|Filippov]]                   link text is given
//	[[work:goncharov-1993-uncertain-partners|*Uncertain Partners*]]
//	[[note:59]]  [[section:impetus#p-3f9a1c]]
//
// The label may contain inline Markdown. Targets are resolved by a
// [Resolver] placed in the parser context with [SetResolver]; the
// extension itself knows nothing about the edition.
package xref

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Target is what a resolver returns for a reference.
type Target struct {
	Href  string // URL to link to, relative to the page being rendered
	Title string // default link text
}

// Reference is a cross-reference as written.
type Reference struct {
	Kind, ID string
	Label    string // the label's plain text, "" when none was given
	Offset   int    // byte offset of "[[" in the source, for reporting
}

// Resolver resolves references for one document being converted. Resolve
// is called once per reference in document order. A false result marks
// the reference as broken; the resolver is expected to report why.
type Resolver interface {
	Resolve(ref Reference) (Target, bool)
}

var resolverKey = parser.NewContextKey()

// SetResolver stores r in an existing parser context.
func SetResolver(pc parser.Context, r Resolver) { pc.Set(resolverKey, r) }

// Extension adds the syntax to a goldmark.Markdown.
var Extension goldmark.Extender = extension{}

type extension struct{}

// Extend implements goldmark.Extender. The parsers run before goldmark's
// link parser (priority 200), which would otherwise take the brackets.
func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(
			util.Prioritized(openParser{}, 150),
			util.Prioritized(closeParser{}, 150),
		),
		parser.WithASTTransformers(util.Prioritized(resolveTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{}, 100)))
}

// Walk calls fn for every resolved or broken reference under n.
func Walk(n ast.Node, fn func(*Node)) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if x, ok := n.(*Node); ok && entering {
			fn(x)
		}
		return ast.WalkContinue, nil
	})
}
