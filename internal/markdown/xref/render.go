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
			_, _ = w.WriteString(`<span lang="` + LangAttr(n.ID) + `">`)
		} else {
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	}
	if entering {
		if n.Resolved {
			_, _ = w.WriteString(`<a class="xref xref-` + n.RefKind + `" href="`)
			_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(n.Target.Href), false)))
			_, _ = w.WriteString(`">`)
		} else {
			_, _ = w.WriteString(`<span class="xref-broken">`)
		}
		if !n.HasChildren() {
			title := n.Target.Title
			if title == "" {
				title = n.RefKind + ":" + n.ID
			}
			_, _ = w.Write(util.EscapeHTML([]byte(title)))
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
