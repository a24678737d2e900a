package search

import (
	"bytes"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

// TestIndexerWritesBuildsFiles checks that items added to an Indexer,
// one at a time, all at once or some of each, which keeps only the beginnings of their texts, give the
// files Build writes for the same items, on the edition and on a
// generated one, and with a layout whose snippets cut most texts.
func TestIndexerWritesBuildsFiles(t *testing.T) {
	short := DefaultLayout()
	short.SnippetRunes = 7
	for _, tt := range []struct {
		name   string
		items  func(t *testing.T) []Item
		layout Layout
	}{
		{"edition", func(t *testing.T) []Item { return mustRealItems(t) }, DefaultLayout()},
		{"generated", func(t *testing.T) []Item { return Items(sitetest.Build(t, corpus.FS(300))) }, DefaultLayout()},
		{"short snippets", func(t *testing.T) []Item { return Items(sitetest.Build(t, corpus.FS(50))) }, short},
	} {
		t.Run(tt.name, func(t *testing.T) {
			items := tt.items(t)
			want, err := Build(items, tt.layout)
			if err != nil {
				t.Fatal(err)
			}
			// The first added one at a time, the rest all at once.
			for _, one := range []int{len(items), len(items) / 2, 0} {
				x := NewIndexer(tt.layout)
				for _, it := range items[:one] {
					x.Add(it)
				}
				x.AddAll(items[one:])
				got, err := x.Build()
				if err != nil {
					t.Fatal(err)
				}
				if len(got.Files) != len(want.Files) {
					t.Fatalf("Indexer of %d items one at a time wrote %d files, Build %d", one, len(got.Files), len(want.Files))
				}
				for i, f := range want.Files {
					if got.Files[i].Path != f.Path || !bytes.Equal(got.Files[i].Data, f.Data) {
						t.Errorf("Indexer of %d items one at a time: file %d: wrote %s (%d bytes), Build %s (%d bytes)", one, i, got.Files[i].Path, len(got.Files[i].Data), f.Path, len(f.Data))
					}
				}
			}
		})
	}
}

func TestSnippetSource(t *testing.T) {
	for _, text := range []string{"", "a", "Stalin to Mao", "Шифртелеграмма Сталина Мао Цзэдуну", strings.Repeat("word ", 50)} {
		for n := range 12 {
			src := snippetSource(text, n)
			if !strings.HasPrefix(text, src) {
				t.Errorf("snippetSource(%q, %d) = %q, not a beginning of the text", text, n, src)
			}
			if got, want := Snippet(src, n), Snippet(text, n); got != want {
				t.Errorf("Snippet of snippetSource(%q, %d) = %q, want %q", text, n, got, want)
			}
		}
	}
}
