package serve

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/pipeline"
)

// BenchmarkPreviewEdit times what a contributor waits for in the preview:
// from saving one document's prose to its page being updated on disk,
// the watcher's quiet period included, in generated editions of 1,000 and
// 10,000 documents. Run one with
//
//	go test ./internal/serve -run '^$' -bench 'PreviewEdit/10000$' -benchtime 20x
func BenchmarkPreviewEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchPreviewEdit(b, n) })
	}
}

func benchPreviewEdit(b *testing.B, n int) {
	root := b.TempDir()
	cfg := pipeline.Config{
		Content:   filepath.Join(root, "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       filepath.Join(root, "public"),
	}
	if err := corpus.Write(cfg.Content, n); err != nil {
		b.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(cfg.Content, "documents", "*.md"))
	if err != nil || len(docs) == 0 {
		b.Fatal("no documents", err)
	}
	file := docs[len(docs)/2]
	page := filepath.Join(cfg.Out, "documents", filepath.Base(file[:len(file)-len(".md")])+".html")
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	ln, err := Listen(0)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, ln, Options{Config: cfg, Stdout: io.Discard, Stderr: io.Discard}) }()
	defer func() {
		cancel()
		<-done
	}()
	// The folders are watched once the server answers.
	base := "http://" + ln.Addr().String() + "/"
	for deadline := time.Now().Add(5 * time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if resp, err := http.Get(base); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			b.Fatal("the preview never answered")
		}
	}
	waitFor(b, page, nil)
	for i := 0; b.Loop(); i++ {
		marker := []byte("Revision" + strconv.Itoa(i) + "marker")
		edited := append(append(bytes.Clone(original), "\n"...), append(marker, ".\n"...)...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		waitFor(b, page, marker)
	}
}

// waitFor polls until the file exists and, if want is not nil, holds it.
func waitFor(b *testing.B, file string, want []byte) {
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(file); err == nil && (want == nil || bytes.Contains(data, want)) {
			return
		}
		time.Sleep(time.Millisecond)
	}
	b.Fatalf("%s never showed %q", file, want)
}
