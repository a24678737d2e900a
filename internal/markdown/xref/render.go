package xref

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type htmlRenderer struct{}

func (htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindXRef, render)
}

// render writes a link for a resolved reference and a marked span for a
// broken one, so a page built despite errors (in preview) shows the gap.
func render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Node)
	if n.RefKind == LangKind && n.Resolved {
		if entering {
			_, _ = w.WriteString(`<span lang="`)
			_, _ = w.WriteString(LangAttr(n.ID))
			_, _ = w.WriteString(`">`)
		} else {
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	}
	if entering {
		// The strings are written piece by piece and escaped in place
		// (the escapers copy only what they change), instead of being
		// joined or copied first, for each of many references.
		if n.Resolved {
			_, _ = w.WriteString(`<a class="xref xref-`)
			_, _ = w.WriteString(n.RefKind)
			_, _ = w.WriteString(`" href="`)
			_, _ = w.Write(util.EscapeHTML(util.URLEscape(util.StringToReadOnlyBytes(n.Target.Href), false)))
			_, _ = w.WriteString(`">`)
		} else {
			_, _ = w.WriteString(`<span class="xref-broken">`)
		}
		if !n.HasChildren() {
			title := n.Target.Title
			if title == "" {
				title = n.RefKind + ":" + n.ID
			}
			_, _ = w.Write(util.EscapeHTML(util.StringToReadOnlyBytes(title)))
		}
		return ast.WalkContinue, nil
	}
	if n.Resolved {
		_, _ = w.WriteString(`</a>`)
	} else {
		_, _ = w.WriteString(`</span>`)
	}
	return ast.WalkContinue, nil
}
