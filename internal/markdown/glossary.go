package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Glossary links terms to their explanation where they occur: the first
// occurrence of each term in a fragment becomes a link, later ones stay
// plain so the text does not turn into a field of links.
type Glossary struct {
	terms []glossaryTerm // longest first, so "F." does not shadow "Fond"
}

type glossaryTerm struct {
	text, href string
}

// NewGlossary builds a glossary from term texts and their link targets.
func NewGlossary(links map[string]string) *Glossary {
	g := &Glossary{}
	for t, href := range links {
		if len(t) >= 3 {
			g.terms = append(g.terms, glossaryTerm{t, href})
		}
	}
	slices.SortFunc(g.terms, func(a, b glossaryTerm) int {
		if d := len(b.text) - len(a.text); d != 0 {
			return d
		}
		return strings.Compare(a.text, b.text)
	})
	return g
}

type glossaryLinks struct{}

func (glossaryLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	g := optionsOf(pc).Glossary
	if g == nil || len(g.terms) == 0 {
		return
	}
	src := reader.Source()
	used := map[string]bool{}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.CodeSpan, *ast.Heading, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		if n.Kind().String() == "XRef" {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		g.link(t, src, used)
	}
}

// link turns the first unused term found in t into a link, splitting the
// text node around it.
func (g *Glossary) link(t *ast.Text, src []byte, used map[string]bool) {
	value := string(t.Segment.Value(src))
	for _, term := range g.terms {
		if used[term.href] {
			continue
		}
		i := wordIndex(value, term.text)
		if i < 0 {
			continue
		}
		used[term.href] = true
		seg := t.Segment
		before := ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+i))
		inner := ast.NewTextSegment(text.NewSegment(seg.Start+i, seg.Start+i+len(term.text)))
		after := ast.NewTextSegment(text.NewSegment(seg.Start+i+len(term.text), seg.Stop))
		after.SetSoftLineBreak(t.SoftLineBreak())
		after.SetHardLineBreak(t.HardLineBreak())
		link := ast.NewLink()
		link.Destination = []byte(term.href)
		link.SetAttributeString("class", []byte("term"))
		link.AppendChild(link, inner)
		parent := t.Parent()
		parent.InsertBefore(parent, t, before)
		parent.InsertBefore(parent, t, link)
		parent.ReplaceChild(parent, t, after)
		g.link(after, src, used)
		return
	}
}

// wordIndex finds term in s as a whole word.
func wordIndex(s, term string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], term)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(term)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return i
		}
		off = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
