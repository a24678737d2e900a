package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// next waits generously for a batch holding want, skipping batches that
// only report the folders being created.
func next(t *testing.T, out <-chan []string, want string) []string {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case b := <-out:
			if slices.Contains(b, want) {
				return b
			}
		case <-deadline:
			t.Fatalf("no batch with %s", want)
		}
	}
}

func TestWatchReportsChangesBelowNewFolders(t *testing.T) {
	root := t.TempDir()
	w, err := New([]string{root, filepath.Join(root, "missing")}, 20*time.Millisecond, func(err error) { t.Error(err) })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan []string)
	done := make(chan error)
	go func() { done <- w.Run(ctx, out) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()

	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	next(t, out, filepath.Join(root, "a"))
	// b was created along with a, before a was watched: it must have been
	// found by walking a, so a file written in it is seen.
	file := filepath.Join(sub, "doc.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	next(t, out, file)
}

func TestWatchIgnoresEditorFiles(t *testing.T) {
	for name, want := range map[string]bool{".doc.md.swp": true, "doc.md~": true, "4913": true, "doc.md": false, ".": true} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestMergeKeepsEveryPathOnce(t *testing.T) {
	got := merge([]string{"b", "a"}, map[string]bool{"a": true, "c": true})
	if !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("merge = %v", got)
	}
}
