package highlight

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
)

// BenchmarkHighlight highlights every real document and those of a
// generated corpus of a thousand; ns/doc is the figure to hold against
// the build's budget for a source view.
func BenchmarkHighlight(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	srcs := readSources(b, "../../../content/documents/*.md", filepath.Join(dir, "documents", "*.md"))
	h := New()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, src := range srcs {
			h.HTML(src)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(srcs)), "ns/doc")
}

// readSources reads the files the patterns match.
func readSources(tb testing.TB, patterns ...string) []string {
	var srcs []string
	for _, pat := range patterns {
		names, err := filepath.Glob(pat)
		if err != nil {
			tb.Fatal(err)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				tb.Fatal(err)
			}
			srcs = append(srcs, string(data))
		}
	}
	if len(srcs) == 0 {
		tb.Fatal("no documents to highlight")
	}
	return srcs
}
