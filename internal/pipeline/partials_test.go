package pipeline_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/pipeline"
)

// TestPartialCacheMatchesPlainPath builds the real edition and a generated
// one twice, once with the partial cache and once executing every partial
// of every page afresh, and requires every file to be byte-identical: a
// cache key that missed something a partial shows would make two pages
// share markup that differs.
func TestPartialCacheMatchesPlainPath(t *testing.T) {
	generated := filepath.Join(t.TempDir(), "content")
	n := 300
	if testing.Short() {
		n = 60
	}
	if err := corpus.Write(generated, n); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, content string }{
		{"real edition", filepath.Join("..", "..", "content")},
		{"generated edition", generated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := pipeline.Config{
				Content:   tc.content,
				Templates: filepath.Join("..", "..", "templates"),
				Static:    filepath.Join("..", "..", "static"),
			}
			cached := runFiles(t, cfg)
			cfg.UncachedPartials = true
			plain := runFiles(t, cfg)
			if len(cached) != len(plain) {
				t.Errorf("cached build made %d files, plain build %d", len(cached), len(plain))
			}
			differ := 0
			for p, want := range plain {
				if got, ok := cached[p]; !ok || !bytes.Equal(got, want) {
					differ++
					if differ <= 5 {
						t.Errorf("%s differs between the cached and the plain build", p)
					}
				}
			}
			if differ > 5 {
				t.Errorf("... %d files differ in all", differ)
			}
		})
	}
}

func runFiles(t *testing.T, cfg pipeline.Config) map[string][]byte {
	t.Helper()
	res, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed(false) {
		t.Fatalf("build failed:\n%s", res.Diags.String())
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	return files
}
