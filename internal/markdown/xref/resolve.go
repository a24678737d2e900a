package xref

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type resolveTransformer struct{}

// Transform resolves every reference and turns unclosed openers back into
// the text they were written as, telling the resolver about them if it has
// an Unclosed(offset int) method. A "[[kind:" that is not a reference at
// all stays text; the resolver hears of it through Unclosed when its line
// has no "]]", and otherwise through Malformed(offset int, text string)
// if it has that method.
func (resolveTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	r, _ := pc.Get(resolverKey).(Resolver)
	bad, _ := pc.Get(malformedKey).([]malformed)
	pc.Set(openersKey, nil)
	pc.Set(malformedKey, nil)
	for _, m := range bad {
		if u, ok := r.(interface{ Unclosed(offset int) }); ok && m.text == "" {
			u.Unclosed(m.offset)
		}
		if u, ok := r.(interface{ Malformed(offset int, text string) }); ok && m.text != "" {
			u.Malformed(m.offset, m.text)
		}
	}
	if !bytes.Contains(reader.Source(), []byte("[[")) {
		return // no reference or opener: spare most fragments the walks
	}
	var open []*opener
	var outer []*Node // every reference, for unlink below
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Node:
			if n.RefKind == LangKind {
				n.Resolved = validLang(n.ID)
				if !n.Resolved && r != nil {
					r.Resolve(Reference{Kind: n.RefKind, ID: n.ID, Offset: n.Offset})
				}
				return ast.WalkContinue, nil
			}
			if r != nil {
				ref := Reference{Kind: n.RefKind, ID: n.ID, Label: plainText(n, reader.Source()), Offset: n.Offset}
				n.Target, n.Resolved = r.Resolve(ref)
			}
			outer = append(outer, n)
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
	// Links do not nest: as CommonMark does for links in links, a link
	// or reference inside a reference's label is reduced to its text, so
	// that no <a> is ever inside another.
	for _, n := range outer {
		unlink(n, reader.Source())
	}
}

// unlink replaces every link below n by its text.
func unlink(n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		switch l := c.(type) {
		case *Node:
			if l.RefKind == LangKind || l.HasChildren() {
				unlink(l, source)
				if l.RefKind != LangKind {
					hoist(n, l)
				}
				break
			}
			title := l.Target.Title
			if title == "" {
				title = l.RefKind + ":" + l.ID
			}
			n.ReplaceChild(n, l, ast.NewString([]byte(title)))
		case *ast.Link:
			unlink(l, source)
			hoist(n, l)
		case *ast.AutoLink:
			n.ReplaceChild(n, l, ast.NewString(l.Label(source)))
		default:
			unlink(c, source)
		}
		c = next
	}
}

// hoist puts the children of c in its place under parent.
func hoist(parent, c ast.Node) {
	for gc := c.FirstChild(); gc != nil; {
		next := gc.NextSibling()
		parent.InsertBefore(parent, c, gc)
		gc = next
	}
	parent.RemoveChild(parent, c)
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

// LangKind marks a span of text in another language rather than a
// reference: [[lang:ru|Zapis' besedy]] renders <span lang="ru-Latn">, so
// screen readers pronounce transliterations properly. Latin script is
// assumed, since the edition prints transliterations.
const LangKind = "lang"

// validLang accepts a primary language subtag of two or three letters,
// optionally with a script subtag: ru, zh, ko, ru-Latn.
func validLang(id string) bool {
	primary, script, hasScript := strings.Cut(id, "-")
	if len(primary) < 2 || len(primary) > 3 || strings.Trim(primary, "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	return !hasScript || (len(script) == 4 && strings.Trim(script, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == "")
}

// LangAttr is the lang attribute for a [[lang:…]] span.
func LangAttr(id string) string {
	if strings.Contains(id, "-") {
		return id
	}
	return id + "-Latn"
}
