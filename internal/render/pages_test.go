package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/site"
)

// TestPagesAreDeterministic builds the views of a generated edition twice,
// on all cores, and checks that both give the same files in the same
// order. Run with -race it also checks that views only read the site.
func TestPagesAreDeterministic(t *testing.T) {
	var diags diag.List
	ed, err := content.Load(corpus.FS(60), "content", &diags)
	if err != nil {
		t.Fatal(err)
	}
	s := site.Build(ed, markdown.New(), &diags)
	tpl, err := Load(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	build := func() []output.File {
		files, err := Render(tpl, Pages(s, Options{}))
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b := build(), build()
	if len(a) != len(b) {
		t.Fatalf("two builds made %d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %d differs between builds: %s, %s", i, a[i].Path, b[i].Path)
		}
	}
}
