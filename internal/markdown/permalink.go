package markdown

import (
	"fmt"
	"hash/fnv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Paragraph anchors are a hash of the paragraph's own text, so they stay
// the same across rebuilds, and across edits of other paragraphs; an
// instructor's "read from here" link breaks only if that very paragraph
// is rewritten.
type permalinks struct{}

func (permalinks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	opts := optionsOf(pc)
	if !opts.Permalinks {
		return
	}
	seen := map[string]bool{}
	next := map[string]int{} // the next suffix to try for a repeated paragraph
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() != ast.KindParagraph {
			continue
		}
		id := opts.IDPrefix + ParagraphID(n.Lines().Value(reader.Source()))
		base := id
		for i := max(next[base], 2); seen[id]; i++ {
			id = fmt.Sprintf("%s-%d", base, i)
			next[base] = i + 1
		}
		seen[id] = true
		n.SetAttributeString("id", []byte(id))
		n.SetAttributeString("data-permalink", true)
	}
}

// ParagraphID is the anchor of a paragraph with the given source text.
func ParagraphID(src []byte) string {
	h := fnv.New32a()
	_, _ = h.Write(src)
	return fmt.Sprintf("p-%08x", h.Sum32())[:8]
}

type paragraphRenderer struct{}

func (paragraphRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, renderParagraph)
}

// renderParagraph matches goldmark's own paragraph output, adding a ¶ link
// after the text of paragraphs that carry a permalink.
func renderParagraph(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	_, permalink := n.AttributeString("data-permalink")
	if entering {
		_, _ = w.WriteString("<p")
		if id, ok := n.AttributeString("id"); ok {
			_, _ = fmt.Fprintf(w, ` id="%s"`, util.EscapeHTML(id.([]byte)))
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if permalink {
		id, _ := n.AttributeString("id")
		_, _ = fmt.Fprintf(w, ` <a class="pilcrow" href="#%s" aria-label="Link to this paragraph">¶</a>`, id.([]byte))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
