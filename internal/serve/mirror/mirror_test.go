package mirror

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/output"
)

func files(kv ...string) []output.File {
	var fs []output.File
	for i := 0; i+1 < len(kv); i += 2 {
		fs = append(fs, output.File{Path: kv[i], Data: []byte(kv[i+1])})
	}
	return fs
}

func stat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFirstSyncReplacesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "stale.html")
	if err := os.WriteFile(stale, []byte("old build"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := New(dir)
	c, err := m.Sync(files("index.html", "home", "a/b.html", "b", "index.html", "home wins"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Written != 2 || c.Removed != 0 {
		t.Errorf("first sync: %+v, want 2 written", c)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("file of an older build survived the first sync: %v", err)
	}
	if got := read(t, filepath.Join(dir, "index.html")); got != "home wins" {
		t.Errorf("index.html = %q; the later of two files with one path must win", got)
	}
}

func TestSyncWritesOnlyChangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	m := New(dir)
	if _, err := m.Sync(files("same.html", "s", "edit.html", "v1", "gone/x.css", "x", "keep/y.css", "y")); err != nil {
		t.Fatal(err)
	}
	same := stat(t, filepath.Join(dir, "same.html"))
	edit := stat(t, filepath.Join(dir, "edit.html"))

	c, err := m.Sync(files("same.html", "s", "edit.html", "v2", "new/n.html", "n", "keep/y.css", "y"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Written != 2 || c.Removed != 1 || !slices.Equal(c.Paths, []string{"edit.html", "new/n.html", "gone/x.css"}) {
		t.Errorf("second sync: %+v, want edit.html and new/n.html written, gone/x.css removed", c)
	}
	// A rename gives a rewritten file a new inode; an untouched one keeps its own.
	if !os.SameFile(same, stat(t, filepath.Join(dir, "same.html"))) {
		t.Error("same.html was rewritten although its bytes did not change")
	}
	if os.SameFile(edit, stat(t, filepath.Join(dir, "edit.html"))) {
		t.Error("edit.html was not replaced by a new file")
	}
	if got := read(t, filepath.Join(dir, "edit.html")); got != "v2" {
		t.Errorf("edit.html = %q, want v2", got)
	}
	if mode := stat(t, filepath.Join(dir, "new/n.html")).Mode().Perm(); mode != 0o644 {
		t.Errorf("new file has mode %v, want 0644", mode)
	}
	if _, err := os.Stat(filepath.Join(dir, "gone")); !os.IsNotExist(err) {
		t.Errorf("folder emptied by a removal was kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "keep/y.css")); err != nil {
		t.Errorf("unchanged file in a subfolder: %v", err)
	}
	assertNoTemporaryFiles(t, dir)

	c, err = m.Sync(files("same.html", "s", "edit.html", "v2", "new/n.html", "n", "keep/y.css", "y"))
	if err != nil || c.Total() != 0 {
		t.Errorf("identical build: %+v, %v; want nothing written", c, err)
	}
}

func TestSyncRefusesPathsOutside(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"../x.html", "/etc/x", "a/../../x"} {
		if _, err := New(dir).Sync(files(p, "x")); err == nil {
			t.Errorf("Sync accepted %q", p)
		}
	}
}

func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
