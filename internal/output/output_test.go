package output

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestInside(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"index.html", true},
		{"documents/a.html", true},
		{"a/../b.html", true},
		{"./a.html", true},
		{"", false},
		{".", false},
		{"..", false},
		{"../a.html", false},
		{"a/../../b.html", false},
		{"/etc/passwd", false},
		{`a\b.html`, false},
		{`..\a.html`, false},
		{"documents/..", false},
	}
	for _, tt := range tests {
		if got := Inside(tt.path); got != tt.want {
			t.Errorf("Inside(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// tree reads every file below dir by slash-separated path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || v != w {
			return false
		}
	}
	return true
}

// seed makes parent/public with an earlier build in it.
func seed(t *testing.T) (parent, out string) {
	t.Helper()
	parent = t.TempDir()
	out = filepath.Join(parent, "public")
	for p, data := range map[string]string{"index.html": "old", "gone.html": "old", "sub/x.html": "old"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(out, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, p), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return parent, out
}

func siblings(t *testing.T, parent string) []string {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteReplaces(t *testing.T) {
	parent, out := seed(t)
	static := t.TempDir()
	if err := os.MkdirAll(filepath.Join(static, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(static, "assets", "site.js"), []byte("js"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []File{{Path: "index.html", Data: []byte("new")}, {Path: "documents/a.html", Data: []byte("a")}}
	if err := Write(out, files, static); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "new", "documents/a.html": "a", "assets/site.js": "js"}
	if got := tree(t, out); !equal(got, want) {
		t.Errorf("after Write the output holds %v, want %v", got, want)
	}
	if got := siblings(t, parent); !slices.Equal(got, []string{"public"}) {
		t.Errorf("Write left %q next to the output, want only public", got)
	}
}

func TestWriteIntoNewFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a", "b", "public")
	if err := Write(out, []File{{Path: "index.html", Data: []byte("x")}}, ""); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); !equal(got, map[string]string{"index.html": "x"}) {
		t.Errorf("output holds %v", got)
	}
}

func TestWriteFailureKeepsEarlierOutput(t *testing.T) {
	tests := []struct {
		name   string
		files  []File
		static func(t *testing.T) string
		want   string // in the error
	}{
		{"path outside", []File{{Path: "ok.html"}, {Path: "../escape.html", Data: []byte("x")}}, nil, "outside the output folder"},
		{"absolute path", []File{{Path: "/tmp/escape.html"}}, nil, "outside the output folder"},
		{"file and folder of one name", []File{{Path: "a"}, {Path: "a/b.html"}}, nil, "writing a/b.html"},
		{"symbolic link in static", nil, func(t *testing.T) string {
			dir := t.TempDir()
			if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd")); err != nil {
				t.Fatal(err)
			}
			return dir
		}, "symbolic links are not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent, out := seed(t)
			before := tree(t, out)
			static := ""
			if tt.static != nil {
				static = tt.static(t)
			}
			err := Write(out, tt.files, static)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write = %v, want an error containing %q", err, tt.want)
			}
			if after := tree(t, out); !equal(before, after) {
				t.Errorf("a failed Write changed the output: %v, was %v", after, before)
			}
			if got := siblings(t, parent); !slices.Equal(got, []string{"public"}) {
				t.Errorf("a failed Write left %q next to the output, want only public", got)
			}
		})
	}
}

func TestReadTree(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.css", "a/z.js", "a/b/c.svg"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := ReadTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := selfNamedPaths(t, "ReadTree", files)
	if want := []string{"a/b/c.svg", "a/z.js", "b.css"}; !slices.Equal(paths, want) {
		t.Errorf("ReadTree paths = %q, want %q", paths, want)
	}
	if files, err := ReadTree(filepath.Join(dir, "missing")); err != nil || files != nil {
		t.Errorf("ReadTree(missing) = %v, %v, want nothing and no error", files, err)
	}
	link := filepath.Join(t.TempDir(), "static")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadTree(link); err == nil {
		t.Errorf("ReadTree of a symbolic link to a folder succeeded, want an error")
	}
}

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"b.css":     {Data: []byte("b.css")},
		"a/b/c.svg": {Data: []byte("a/b/c.svg")},
	}
	files, err := ReadFS(fsys, "static")
	if err != nil {
		t.Fatal(err)
	}
	paths := selfNamedPaths(t, "ReadFS", files)
	if want := []string{"a/b/c.svg", "b.css"}; !slices.Equal(paths, want) {
		t.Errorf("ReadFS paths = %q, want %q", paths, want)
	}
	fsys["a/link"] = &fstest.MapFile{Data: []byte("/etc"), Mode: fs.ModeSymlink}
	if _, err := ReadFS(fsys, "static"); err == nil || !strings.Contains(err.Error(), filepath.Join("static", "a", "link")) {
		t.Errorf("ReadFS with a symbolic link: %v, want an error naming static/a/link", err)
	}
}

func TestZip(t *testing.T) {
	files := []File{{Path: "index.html", Data: []byte("<p>x</p>")}, {Path: "a/b.css", Data: []byte("b{}")}}
	one, err := Zip("edition", files)
	if err != nil {
		t.Fatal(err)
	}
	two, _ := Zip("edition", files)
	if !bytes.Equal(one, two) {
		t.Errorf("Zip of the same files differs between calls")
	}
	r, err := zip.NewReader(bytes.NewReader(one), int64(len(one)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		got = append(got, f.Name+"="+string(b))
	}
	if want := []string{"edition/index.html=<p>x</p>", "edition/a/b.css=b{}"}; !slices.Equal(got, want) {
		t.Errorf("archive holds %q, want %q", got, want)
	}
}

// selfNamedPaths returns the paths of files read from a tree in which
// every file holds its own path, and reports a file that does not.
func selfNamedPaths(t *testing.T, what string, files []File) []string {
	t.Helper()
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		if string(f.Data) != f.Path {
			t.Errorf("%s: %s holds %q", what, f.Path, f.Data)
		}
	}
	return paths
}

// TestWriteBytes checks that writeBytes writes the bytes given, replaces
// a longer file's whole content, and reports a missing folder as
// os.WriteFile does.
func TestWriteBytes(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "page.html")
	for _, data := range []string{"a longer first version", "short", ""} {
		if err := writeBytes(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != data {
			t.Errorf("file holds %q, want %q", got, data)
		}
	}
	if fi, err := os.Stat(name); err != nil || fi.Mode().Perm()&0o600 != 0o600 {
		t.Errorf("file mode %v (%v), want readable and writable by its owner", fi.Mode(), err)
	}
	missing := filepath.Join(dir, "no", "page.html")
	err := writeBytes(missing, nil)
	want := os.WriteFile(missing, nil, 0o644)
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("writing into a missing folder: %v, want %v", err, want)
	}
}

// TestQueueOnWritesEveryFile checks that a queue writing on several
// goroutines adds every file once and reports a failure.
func TestQueueOnWritesEveryFile(t *testing.T) {
	for _, n := range []int{1, 3} {
		d, err := Create(filepath.Join(t.TempDir(), "site"))
		if err != nil {
			t.Fatal(err)
		}
		q := NewQueueOn(d, n)
		for i := range 500 {
			q.Add(File{Path: fmt.Sprintf("d%d/f%d.html", i%7, i), Data: []byte(strconv.Itoa(i))})
		}
		if err := q.Close(); err != nil {
			t.Fatal(err)
		}
		for i := range 500 {
			got, err := os.ReadFile(filepath.Join(d.tmp, fmt.Sprintf("d%d", i%7), fmt.Sprintf("f%d.html", i)))
			if err != nil || string(got) != strconv.Itoa(i) {
				t.Errorf("%d writers: file %d holds %q (%v)", n, i, got, err)
			}
		}
		d.Abort()
		q = NewQueueOn(d, n)
		q.Add(File{Path: "../outside.html"})
		q.Add(File{Path: "inside.html"})
		if err := q.Close(); err == nil {
			t.Errorf("%d writers: a file outside the folder was queued without error", n)
		}
	}
}
