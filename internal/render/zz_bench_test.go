package render_test

import (
	"os"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/site"
)

func BenchmarkZZDocPages(b *testing.B) {
	var d diag.List
	ed, err := content.Load(os.DirFS("/tmp/corp/c1000"), "/tmp/corp/c1000", &d)
	if err != nil {
		b.Fatal(err)
	}
	s := site.Build(ed, markdown.New(), &d)
	tpl, err := render.Load(os.DirFS(tdir()))
	if err != nil {
		b.Fatal(err)
	}
	var pages []*render.Page
	for _, p := range render.Pages(s, render.Options{}) {
		if p.Type == os.Getenv("ZZTYPE") {
			pages = append(pages, p)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		if _, err := render.RenderPage(tpl, p); err != nil {
			b.Fatal(err)
		}
	}
}

func tdir() string {
	if d := os.Getenv("ZZT"); d != "" {
		return d
	}
	return "../../templates"
}
