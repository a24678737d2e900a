package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadTextAsLoaded checks that a text read again is the one the
// loader holds, whatever the line endings and byte order mark.
func TestReadTextAsLoaded(t *testing.T) {
	long := "---\ntitle: T\n---\n" + strings.Repeat("Body text.\n", 500)
	tests := []struct {
		name, file string
	}{
		{"LF", long},
		{"CRLF", strings.ReplaceAll(long, "\n", "\r\n")},
		{"lone CR", strings.ReplaceAll(long, "\n", "\r")},
		{"byte order mark", "\uFEFF" + long},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"documents/a.md": {Data: []byte(tt.file)}}
			want, ok, err := (&loader{fsys: fsys, root: "content"}).read("documents/a.md")
			if err != nil || !ok {
				t.Fatalf("the loader cannot read the file: %v", err)
			}
			got, err := ReadText(fsys, "documents/a.md")
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("ReadText gave %d bytes, not the %d the loader read", len(got), len(want))
			}
		})
	}
}

func TestReadTextMissing(t *testing.T) {
	if _, err := ReadText(fstest.MapFS{}, "documents/a.md"); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestReadTextTooLarge(t *testing.T) {
	fsys := fstest.MapFS{"documents/a.md": {Data: make([]byte, MaxFileSize+1)}}
	if _, err := ReadText(fsys, "documents/a.md"); err == nil {
		t.Error("no error for a file larger than MaxFileSize")
	}
}
