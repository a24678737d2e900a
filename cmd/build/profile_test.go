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
