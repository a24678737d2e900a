package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/pipeline"
)

func TestOptionsWithDefaults(t *testing.T) {
	var out, errs bytes.Buffer
	tests := []struct {
		name       string
		in         Options
		wantStdout any
		wantStderr any
	}{
		{"nil writers", Options{}, os.Stdout, os.Stderr},
		{"given writers", Options{Stdout: &out, Stderr: &errs, Quiet: 5}, &out, &errs},
	}
	for _, tt := range tests {
		got := tt.in.withDefaults()
		if got.Stdout != tt.wantStdout || got.Stderr != tt.wantStderr {
			t.Errorf("%s: withDefaults() writers = %v, %v; want %v, %v", tt.name, got.Stdout, got.Stderr, tt.wantStdout, tt.wantStderr)
		}
		if got.Quiet <= 0 || (tt.in.Quiet > 0 && got.Quiet != tt.in.Quiet) {
			t.Errorf("%s: withDefaults().Quiet = %v, want %v or DefaultQuiet", tt.name, got.Quiet, tt.in.Quiet)
		}
	}
}

// TestRunWithNilWriters holds Run to its documentation: nil writers mean
// standard output and standard error (Run once wrote to a nil Stdout).
func TestRunWithNilWriters(t *testing.T) {
	root := t.TempDir()
	cfg := pipeline.Config{
		Content:   filepath.Join(root, "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       filepath.Join(root, "public"),
	}
	if err := corpus.Write(cfg.Content, 3); err != nil {
		t.Fatal(err)
	}
	ln, err := Listen(0)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Run builds, prints where it serves, and stops at once.
	if err := Run(ctx, ln, Options{Config: cfg}); err != nil {
		t.Fatalf("Run with nil writers: %v", err)
	}
}
