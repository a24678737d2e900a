package markdown

import (
	"strconv"

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
	var next map[string]int // the next suffix to try for a repeated paragraph
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() != ast.KindParagraph {
			continue
		}
		id := opts.IDPrefix + hashLines(n.Lines(), reader.Source())
		if seen[id] {
			if next == nil {
				next = map[string]int{}
			}
			base := id
			for i := max(next[base], 2); seen[id]; i++ {
				id = base + "-" + strconv.Itoa(i)
				next[base] = i + 1
			}
		}
		seen[id] = true
		n.SetAttributeString("id", []byte(id))
		n.SetAttributeString("data-permalink", true)
	}
}

// hashLines is the anchor of a paragraph: FNV-1a of the text of its
// lines, hashed line by line rather than copied into one slice first.
func hashLines(lines *text.Segments, src []byte) string {
	const offset32, prime32 = 2166136261, 16777619 // FNV-1a, as hash/fnv
	h := uint32(offset32)
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range seg.Value(src) {
			h ^= uint32(c)
			h *= prime32
		}
	}
	return formatParagraphID(h)
}

// formatParagraphID writes "p-" and the first six hex digits of the
// eight of h.
func formatParagraphID(h uint32) string {
	const digits = "0123456789abcdef"
	b := [8]byte{'p', '-'}
	for i := range 6 {
		b[2+i] = digits[h>>(28-4*i)&0xf]
	}
	return string(b[:])
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
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(id.([]byte)))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if permalink {
		id, _ := n.AttributeString("id")
		_, _ = w.WriteString(` <a class="pilcrow" href="#`)
		_, _ = w.Write(id.([]byte))
		_, _ = w.WriteString(`" aria-label="Link to this paragraph">¶</a>`)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
