package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadTextAsLoaded checks that a text read again is the one the
// loader holds, whatever the line endings, byte order mark and size hint.
func TestReadTextAsLoaded(t *testing.T) {
	long := "---\ntitle: T\n---\n" + strings.Repeat("Body text.\n", 500)
	tests := []struct {
		name, file string
		size       int
	}{
		{"exact size", long, len(long)},
		{"no hint", long, 0},
		{"hint too small", long, 10},
		{"hint too large", long, 2 * len(long)},
		{"CRLF", strings.ReplaceAll(long, "\n", "\r\n"), len(long)},
		{"lone CR", strings.ReplaceAll(long, "\n", "\r"), len(long)},
		{"byte order mark", "\uFEFF" + long, len(long)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"documents/a.md": {Data: []byte(tt.file)}}
			want, ok, err := (&loader{fsys: fsys, root: "content"}).read("documents/a.md")
			if err != nil || !ok {
				t.Fatalf("the loader cannot read the file: %v", err)
			}
			got, err := ReadText(fsys, "documents/a.md", tt.size)
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
	if _, err := ReadText(fstest.MapFS{}, "documents/a.md", 10); err == nil {
		t.Error("no error for a missing file")
	}
}
