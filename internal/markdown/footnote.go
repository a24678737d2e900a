package markdown

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/korean-war-sources/edition/internal/slug"
)

// Footnote anchors come from the author's labels, not from numbers, so
// that adding a footnote never changes the links of the others:
// [^ongjin] is #fn-ongjin and its references #fnref-ongjin, #fnref-ongjin-2.

// footnoteCheck runs before goldmark's footnote transformer, which silently
// drops definitions that are never referenced; references without a
// definition stay behind as plain text "[^x]".
type footnoteCheck struct{}

func (footnoteCheck) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if !hasFootnoteSyntax(src) {
		return
	}
	opts := optionsOf(pc)
	defined := map[string]bool{}
	var leaves []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Footnote:
			defined[string(n.Ref)] = true
			if n.Index < 0 {
				opts.problem(definitionOffset(src, n), "footnote [^%s] is defined but never referenced", n.Ref)
			}
		case *ast.Paragraph, *ast.Heading, *ast.TextBlock:
			leaves = append(leaves, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range leaves {
		var code [][2]int
		codeFound := false
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if !hasFootnoteSyntax(src[seg.Start:seg.Stop]) {
				continue // spare the regexp most lines
			}
			if !codeFound {
				code, codeFound = codeSpans(n), true
			}
			for _, m := range footnoteRefs(src[seg.Start:seg.Stop]) {
				label := string(src[seg.Start+m[0]+2 : seg.Start+m[1]-1])
				start := seg.Start + m[0]
				if start > 0 && src[start-1] == '\\' || inside(code, start) {
					continue // escaped, or shown as code
				}
				if !defined[label] {
					opts.problem(start, "footnote [^%s] has no definition; add a line \"[^%s]: …\" at the end", label, label)
				}
			}
		}
	}
}

// hasFootnoteSyntax reports whether src has a "[^", without which it
// has no footnote, reference or definition: most fragments have none and
// skip the walks of the footnote transformers.
func hasFootnoteSyntax(src []byte) bool {
	return bytes.Contains(src, []byte("[^"))
}

// footnoteRefs returns the start and end of every "[^label]" in line, in
// order and not overlapping, the label being one or more bytes other
// than ']' and the white space \t \n \f \r and space: the matches of the
// regular expression \[\^([^\]\s]+)\], found without one.
func footnoteRefs(line []byte) [][2]int {
	var refs [][2]int
	for i := 0; ; {
		k := bytes.Index(line[i:], []byte("[^"))
		if k < 0 {
			return refs
		}
		start := i + k
		j := start + 2
		for j < len(line) && !endsLabel(line[j]) {
			j++
		}
		if j > start+2 && j < len(line) && line[j] == ']' {
			refs = append(refs, [2]int{start, j + 1})
			i = j + 1
		} else {
			i = start + 1
		}
	}
}

// endsLabel reports whether c cannot be in a footnote label of a
// reference: ']' or white space as \s of a regular expression means it.
func endsLabel(c byte) bool {
	switch c {
	case ']', '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// codeSpans returns the byte ranges of the code spans under n.
func codeSpans(n ast.Node) [][2]int {
	var spans [][2]int
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*ast.CodeSpan); !ok || !entering {
			return ast.WalkContinue, nil
		}
		for t := c.FirstChild(); t != nil; t = t.NextSibling() {
			if txt, ok := t.(*ast.Text); ok {
				spans = append(spans, [2]int{txt.Segment.Start, txt.Segment.Stop})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return spans
}

func inside(spans [][2]int, off int) bool {
	for _, s := range spans {
		if off >= s[0] && off < s[1] {
			return true
		}
	}
	return false
}

// definitionOffset finds the "[^label]:" that starts a definition: the
// last one before the definition's first line of text, or the first one
// in src when the definition is empty.
func definitionOffset(src []byte, n *east.Footnote) int {
	marker := []byte("[^" + string(n.Ref) + "]:")
	for c := ast.Node(n); c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			start := c.Lines().At(0).Start
			if i := bytes.LastIndex(src[:start], marker); i >= 0 {
				return i
			}
			return start
		}
	}
	return max(bytes.Index(src, marker), 0)
}

// footnoteLabels runs after goldmark's footnote transformer and records
// the label of every footnote, by its number, on the document: the
// renderers of references, backlinks and footnotes look it up there. (An
// attribute on each of those nodes would cost an attribute list apiece.)
type footnoteLabels struct{}

var footnoteLabelsAttr = []byte("footnote-labels")

func (footnoteLabels) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if !hasFootnoteSyntax(reader.Source()) {
		return
	}
	prefix := optionsOf(pc).IDPrefix
	labels := map[int]string{}
	taken := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if holdsInlines(n) {
			return ast.WalkSkipChildren, nil // a footnote is a block
		}
		if fn, ok := n.(*east.Footnote); ok && entering {
			// Labels that slugify alike ([^Ongjin], [^ongjin]) or to
			// nothing ([^注]) still get distinct anchors.
			label := slug.Make(string(fn.Ref))
			if label == "" {
				label = strconv.Itoa(fn.Index)
			}
			for base, i := label, 2; taken[label]; i++ {
				label = base + "-" + strconv.Itoa(i)
			}
			taken[label] = true
			labels[fn.Index] = prefix + label
		}
		return ast.WalkContinue, nil
	})
	doc.SetAttribute(footnoteLabelsAttr, labels)
}

// holdsInlines reports whether n is a block whose children are inline
// (text, emphasis, links…), among which no block such as a footnote can
// be: walks looking for blocks skip them, which spares them most nodes.
func holdsInlines(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
		return true
	}
	return n.Type() == ast.TypeInline
}

// labelOf returns the label of the footnote numbered index, to which n
// (a reference, backlink or footnote) belongs.
func labelOf(n ast.Node, index int) string {
	for n.Parent() != nil {
		n = n.Parent()
	}
	v, _ := n.Attribute(footnoteLabelsAttr)
	labels, _ := v.(map[int]string)
	return labels[index]
}

// refID names the k-th reference (from 0) to a footnote.
func refID(label string, k int) string {
	if k == 0 {
		return "fnref-" + label
	}
	return "fnref-" + label + "-" + strconv.Itoa(k+1)
}

type footnoteRenderer struct{}

func (footnoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, renderFootnoteLink)
	reg.Register(east.KindFootnoteBacklink, renderBacklink)
	reg.Register(east.KindFootnote, renderFootnote)
	reg.Register(east.KindFootnoteList, renderFootnoteList)
}

func renderFootnoteLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteLink)
		label, num := labelOf(n, n.Index), strconv.Itoa(n.Index)
		_, _ = w.WriteString(`<sup class="fnref"><a id="` + refID(label, n.RefIndex) + `" href="#fn-` + label +
			`" role="doc-noteref" aria-label="Annotation ` + num + `">` + num + `</a></sup>`)
	}
	return ast.WalkContinue, nil
}

// renderBacklink writes the return arrow as text (U+21A9 with the text
// presentation selector U+FE0E, so no platform draws it as an emoji) and
// names its destination for screen readers.
func renderBacklink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteBacklink)
		label, num := labelOf(n, n.Index), strconv.Itoa(n.Index)
		aria := "Back to reference " + num
		mark := ""
		if n.RefCount > 1 {
			aria += " (use " + strconv.Itoa(n.RefIndex+1) + " of " + strconv.Itoa(n.RefCount) + ")"
			mark = "<sup>" + strconv.Itoa(n.RefIndex+1) + "</sup>"
		}
		_, _ = w.WriteString(` <a href="#` + refID(label, n.RefIndex) + `" class="backref" role="doc-backlink" aria-label="` +
			aria + `">↩︎` + mark + `</a>`)
	}
	return ast.WalkContinue, nil
}

func renderFootnote(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<li id="fn-` + labelOf(node, node.(*east.Footnote).Index) + `">` + "\n")
	} else {
		_, _ = w.WriteString("</li>\n")
	}
	return ast.WalkContinue, nil
}

func renderFootnoteList(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<section class="footnotes" role="doc-endnotes" aria-label="Annotations">` + "\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</section>\n")
	}
	return ast.WalkContinue, nil
}
