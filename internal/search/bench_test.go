package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// corpusSite builds the site of a synthetic edition of n documents as
// pipeline.prepare does. SEARCH_CORPUS names a folder already written by
// cmd/gencorpus, to spare the generation; otherwise the corpus is written
// into a temporary folder.
func corpusSite(tb testing.TB, n int) *site.Site {
	tb.Helper()
	dir := os.Getenv("SEARCH_CORPUS")
	if dir == "" {
		dir = filepath.Join(tb.TempDir(), "content")
		if err := corpus.Write(dir, n); err != nil {
			tb.Fatal(err)
		}
	}
	var diags diag.List
	ed, err := content.LoadCached(os.DirFS(dir), dir, nil, &diags)
	if err != nil {
		tb.Fatal(err)
	}
	s := site.BuildCached(ed, markdown.New(), nil, &diags)
	if diags.HasErrors(false) {
		tb.Fatalf("the corpus does not build:\n%s", diags.String())
	}
	return s
}

// BenchmarkIndex times what a build spends on search: collecting the
// items of a site and writing their index, together and apart. SEARCH_N
// sets the number of documents (1,000 unless set).
func BenchmarkIndex(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("SEARCH_N")); err == nil {
		n = v
	}
	s := corpusSite(b, n)
	items := Items(s)
	b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			if _, err := Files(Items(s)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(fmt.Sprintf("docs=%d/items", n), func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			Items(s)
		}
	})
	b.Run(fmt.Sprintf("docs=%d/files", n), func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			if _, err := Files(items); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// reportCPU starts measuring the CPU time of the process, which on a
// shared machine varies less than the elapsed time; the function it
// returns reports it per operation.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
