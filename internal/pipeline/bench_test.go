package pipeline_test

import (
	"strconv"
	"testing"

	"github.com/korean-war-sources/edition/internal/pipeline"
)

// BenchmarkBuild times a whole build, pipeline.Build as cmd/build runs it, of
// generated editions of 100, 1,000 and 10,000 documents, as the deploy
// builds them (cmd/build -archive: edition.zip included). Each corpus is generated
// once, outside the timing. Run one size with
//
//	go test ./internal/pipeline -run '^$' -bench 'Build/1000$' -benchtime 3x
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			cfg, _ := generatedEdition(b, n)
			cfg.Archive = true
			files := 0
			for b.Loop() {
				res, err := pipeline.Build(cfg)
				if err != nil {
					b.Fatal(err)
				}
				// Not strict: the corpus's base_url is a placeholder, which warns.
				if res.Failed(false) {
					b.Fatalf("corpus of %d documents does not build:\n%s", n, res.Diags.String())
				}
				files = len(res.Paths)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N)/float64(n), "ms/doc")
			b.ReportMetric(float64(files), "files")
		})
	}
}
