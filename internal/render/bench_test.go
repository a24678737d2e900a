package render_test

import (
	"os"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

// BenchmarkRender executes the pages of a generated edition of 1,000
// documents, by page type, with the partial cache as a build uses it:
// warm after the first pass, as it is for all but the first pages of a
// build. The views are made once, outside the timing. Run one type with
//
//	go test ./internal/render -run '^$' -bench 'Render/document$'
func BenchmarkRender(b *testing.B) {
	s := sitetest.Build(b, corpus.FS(1000))
	load := render.Load
	if os.Getenv("UNCACHED") != "" {
		load = render.LoadUncached
	}
	tpl, err := load(os.DirFS("../../templates"))
	if err != nil {
		b.Fatal(err)
	}
	byType := map[string][]*render.Page{}
	for _, p := range render.Pages(s, render.Options{}) {
		byType[p.Type] = append(byType[p.Type], p)
	}
	for _, typ := range []string{"document", "source", "note", "section", "person", "documents", "timeline", "about"} {
		pages := byType[typ]
		b.Run(typ, func(b *testing.B) {
			b.ReportAllocs()
			bytes := 0
			for b.Loop() {
				bytes = 0
				for _, p := range pages {
					f, err := render.RenderPage(tpl, p)
					if err != nil {
						b.Fatal(err)
					}
					bytes += len(f.Data)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
			b.ReportMetric(float64(bytes)/float64(len(pages)), "B/page")
		})
	}
}
