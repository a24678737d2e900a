package markdown

import (
	"slices"
	"strings"

	"github.com/korean-war-sources/edition/internal/markdown/xref"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Glossary links terms to their explanation where they occur: the first
// occurrence of each term in a fragment becomes a link, later ones stay
// plain so the text does not turn into a field of links.
type Glossary struct {
	terms []glossaryTerm // longest first, so "F." does not shadow "Fond"
	// byFirst lists, for each byte, the indexes in terms of the terms that
	// start with it, in order: a text is scanned once, looking up only
	// the terms that can start at each word start, instead of searched
	// once per term.
	byFirst [256][]int
	// starts tells the bytes that start a term, which the scan for one
	// looks up for every byte of every text.
	starts [256]bool
	hrefs  int // the number of distinct hrefs
}

type glossaryTerm struct {
	text, href string
	hrefIndex  int // terms linking to the same entry share it
}

// NewGlossary builds a glossary from term texts and their link targets.
func NewGlossary(links map[string]string) *Glossary {
	g := &Glossary{}
	for t, href := range links {
		if len(t) >= 3 {
			g.terms = append(g.terms, glossaryTerm{text: t, href: href})
		}
	}
	slices.SortFunc(g.terms, func(a, b glossaryTerm) int {
		if d := len(b.text) - len(a.text); d != 0 {
			return d
		}
		return strings.Compare(a.text, b.text)
	})
	hrefIndex := map[string]int{}
	for i := range g.terms {
		t := &g.terms[i]
		k, ok := hrefIndex[t.href]
		if !ok {
			k = len(hrefIndex)
			hrefIndex[t.href] = k
		}
		t.hrefIndex = k
		g.byFirst[t.text[0]] = append(g.byFirst[t.text[0]], i)
		g.starts[t.text[0]] = true
	}
	g.hrefs = len(hrefIndex)
	return g
}

type glossaryLinks struct{}

func (glossaryLinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	g := optionsOf(pc).Glossary
	if g == nil || len(g.terms) == 0 {
		return
	}
	src := reader.Source()
	used := make([]bool, g.hrefs) // by hrefIndex
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink, *ast.CodeSpan, *ast.Heading, *ast.CodeBlock, *ast.FencedCodeBlock, *xref.Node:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		g.link(t, src, used)
	}
}

// link turns the first unused term found in t into a link, splitting the
// text node around it, and goes on in the text after it. The terms are
// tried in order: an earlier term wins even if a later one occurs
// earlier in the text.
func (g *Glossary) link(t *ast.Text, src []byte, used []bool) {
	value := t.Segment.Value(src)
	k, i := g.find(value, used)
	if k < 0 {
		return
	}
	term := &g.terms[k]
	used[term.hrefIndex] = true
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
}

// find returns the index of the first term in g.terms whose entry is not
// used yet and that occurs in s as a whole word, and the offset of its
// first such occurrence; or -1, -1.
func (g *Glossary) find(s []byte, used []bool) (term, at int) {
	term, at = -1, -1
	for i, c := range s {
		if !g.starts[c] || i > 0 && isWordByte(s[i-1]) {
			continue // a whole word starts at 0 or after a non-word byte
		}
		for _, k := range g.byFirst[c] {
			if term >= 0 && k >= term {
				break // an earlier term already matched before i
			}
			t := &g.terms[k]
			if used[t.hrefIndex] || len(s)-i < len(t.text) || string(s[i:i+len(t.text)]) != t.text {
				continue
			}
			if end := i + len(t.text); end == len(s) || !isWordByte(s[end]) {
				term, at = k, i
				break
			}
		}
	}
	return term, at
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}
