package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
)

// TestBuildMatchesRunInBatches checks that a build dropping what it no
// longer needs as it goes (the documents' texts, between batches of
// pages; each document's search item, once indexed) writes byte for byte
// what Run makes holding everything, with batches small enough that a
// generated edition makes many.
func TestBuildMatchesRunInBatches(t *testing.T) {
	defer func(n int) { releaseEvery = n }(releaseEvery)
	releaseEvery = 7
	cfg := Config{Content: "content", ContentFS: corpus.FS(40),
		Templates: filepath.Join("..", "..", "templates"), Static: filepath.Join("..", "..", "static"),
		Out: filepath.Join(t.TempDir(), "public")}
	run, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	built, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if run.Failed(false) || built.Failed(false) {
		t.Fatalf("the edition does not build:\n%s", run.Diags.String())
	}
	for _, f := range run.Files {
		b, err := os.ReadFile(filepath.Join(cfg.Out, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Error(err)
			continue
		}
		if !bytes.Equal(b, f.Data) {
			t.Errorf("%s differs between Build and Run", f.Path)
		}
	}
	if len(built.Paths) != len(run.Files) {
		t.Errorf("Build made %d files, Run %d", len(built.Paths), len(run.Files))
	}
}
