package render_test

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

// BenchmarkRender executes the pages of a generated edition of 1,000
// documents, by page type, as a build does: every pass starts with an
// empty partial cache, so each partial is executed once and then reused
// by later pages. The views are made once, outside the timing. As other
// processes share the machine, it also reports the process's CPU time
// per page (the collector's included). Run one type with
//
//	go test ./internal/render -run '^$' -bench 'Render/document$'
func BenchmarkRender(b *testing.B) {
	s := sitetest.Build(b, corpus.FS(1000))
	tpl, err := render.Load(os.DirFS("../../templates"))
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
			start := cpuTime(b)
			for b.Loop() {
				tpl.ForgetPartials()
				bytes = 0
				for _, p := range pages {
					f, err := render.RenderPage(tpl, p)
					if err != nil {
						b.Fatal(err)
					}
					bytes += len(f.Data)
				}
			}
			perPage := float64(b.N * len(pages))
			b.ReportMetric(float64((cpuTime(b)-start).Microseconds())/perPage, "cpu-µs/page")
			b.ReportMetric(float64(bytes)/float64(len(pages)), "B/page")
		})
	}
}

// cpuTime is the user and system time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// BenchmarkRenderBuild executes every page of a generated edition of
// 1,000 documents in the order a build makes them, with the partial cache
// as a build keeps it: emptied before each pass, its pages' own partials
// dropped every 512 pages (a build drops them every 256 views). Unlike
// BenchmarkRender, a partial executed for one type of page is reused by
// the others: a document's link line on the pages of the documents that
// refer to it, a timeline entry on its people's pages.
func BenchmarkRenderBuild(b *testing.B) {
	s := sitetest.Build(b, corpus.FS(1000))
	tpl, err := render.Load(os.DirFS("../../templates"))
	if err != nil {
		b.Fatal(err)
	}
	pages := render.Pages(s, render.Options{})
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		tpl.ForgetPartials()
		for i, p := range pages {
			if _, err := render.RenderPage(tpl, p); err != nil {
				b.Fatal(err)
			}
			if (i+1)%512 == 0 {
				tpl.ForgetPagePartials()
			}
		}
	}
	perPage := float64(b.N * len(pages))
	b.ReportMetric(float64((cpuTime(b)-start).Microseconds())/perPage, "cpu-µs/page")
}
