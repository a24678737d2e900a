package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/pipeline"
)

// TestBuildMatchesRun checks that Build, which writes files as it makes
// them and streams edition.zip to disk, writes byte for byte what Run
// makes in memory and Write writes, and lists the same paths.
func TestBuildMatchesRun(t *testing.T) {
	dir := t.TempDir()
	res := buildReal(t, filepath.Join(dir, "run"))
	cfg := pipeline.Config{
		Content:   filepath.Join("..", "..", "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       filepath.Join(dir, "build"),
		Archive:   true,
	}
	built, err := pipeline.Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if built.Failed(false) || built.Files != nil {
		t.Fatalf("Build failed or kept its files in memory:\n%s", built.Diags.String())
	}
	if !slices.Equal(built.Paths, res.Paths) {
		t.Errorf("Build made %d paths, Run %d, or in another order", len(built.Paths), len(res.Paths))
	}
	want, wrote := readTree(t, filepath.Join(dir, "run")), readTree(t, cfg.Out)
	if len(wrote) != len(want) {
		t.Errorf("Build wrote %d files, Run and Write %d", len(wrote), len(want))
	}
	for p, w := range want {
		if !bytes.Equal(wrote[p], w) {
			t.Errorf("%s differs between Build and Run+Write", p)
		}
	}
	// The summaries differ only in the time taken.
	got, _, _ := strings.Cut(built.Summary(), " in ")
	if w, _, _ := strings.Cut(res.Summary(), " in "); got != w {
		t.Errorf("Summary of Build %q, of Run %q", built.Summary(), res.Summary())
	}
}

// TestBuildFailureKeepsEarlierOutput checks that a build failing halfway
// through writing (a static file that is a symbolic link) leaves the
// earlier output as it was and nothing next to it.
func TestBuildFailureKeepsEarlierOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	static := t.TempDir()
	if err := os.Symlink("/etc/passwd", filepath.Join(static, "passwd")); err != nil {
		t.Fatal(err)
	}
	cfg, _ := smallEdition(t)
	cfg.Static, cfg.Out, cfg.Archive = static, out, true
	if _, err := pipeline.Build(cfg); err == nil || !strings.Contains(err.Error(), "symbolic links are not allowed") {
		t.Fatalf("Build = %v, want an error about the symbolic link", err)
	}
	if got := readTree(t, out); len(got) != 1 || string(got["index.html"]) != "old" {
		t.Errorf("a failed Build changed the output: %d files", len(got))
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("a failed Build left %d entries next to the output, want only public", len(entries))
	}
}
