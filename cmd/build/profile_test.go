package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gzipMagic starts every profile pprof writes.
var gzipMagic = []byte{0x1f, 0x8b}

func TestProfiles(t *testing.T) {
	root := setup(t, "bom-crlf") // any valid tree
	cpu, heap := filepath.Join(root, "cpu.out"), filepath.Join(root, "heap.out")
	code, _, stderr := runBuild(t, root, "-cpuprofile", cpu, "-memprofile", heap)
	if code != 0 {
		t.Fatalf("build with profiles = exit %d, stderr:\n%s", code, stderr)
	}
	for _, p := range []string{cpu, heap} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, gzipMagic) {
			t.Errorf("%s is not a profile: starts %q", filepath.Base(p), b[:min(len(b), 8)])
		}
	}
}

func TestTrace(t *testing.T) {
	root := setup(t, "bom-crlf")
	out := filepath.Join(root, "trace.out")
	if code, _, stderr := runBuild(t, root, "-trace", out); code != 0 {
		t.Fatalf("build with a trace = exit %d, stderr:\n%s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Every execution trace starts with a header such as "go 1.26 trace".
	if head := string(b[:min(len(b), 16)]); !strings.HasPrefix(head, "go 1.") || !strings.Contains(head, " trace") {
		t.Errorf("trace.out is not an execution trace: starts %q", head)
	}
	code, _, stderr := runBuild(t, root, "-trace", filepath.Join(root, "missing", "trace.out"))
	if code != 2 || !strings.Contains(stderr, "build:") {
		t.Errorf("build with an unwritable trace = exit %d, stderr:\n%s\nwant exit 2 and the error", code, stderr)
	}
}

func TestHeapProfileUnwritable(t *testing.T) {
	root := setup(t, "bom-crlf")
	code, _, stderr := runBuild(t, root, "-memprofile", filepath.Join(root, "missing", "heap.out"))
	if code != 0 || !strings.Contains(stderr, "build: heap profile:") {
		t.Errorf("build with an unwritable heap profile = exit %d, stderr:\n%s\nwant exit 0 and the error", code, stderr)
	}
}

// TestArchiveOnlyWhenAsked checks that edition.zip is the deploy's:
// written with -archive, not by a default build.
func TestArchiveOnlyWhenAsked(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{{nil, false}, {[]string{"-archive"}, true}} {
		root := setup(t, "bom-crlf")
		if code, _, stderr := runBuild(t, root, tt.args...); code != 0 {
			t.Fatalf("build %q = exit %d, stderr:\n%s", tt.args, code, stderr)
		}
		_, err := os.Stat(filepath.Join(root, "out", "edition.zip"))
		if got := err == nil; got != tt.want {
			t.Errorf("build %q wrote edition.zip: %v, want %v", tt.args, got, tt.want)
		}
	}
}
