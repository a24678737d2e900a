package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/diag"
)

// TestDirFSLoadsAsOSDirFS loads folders from disk through DirFS and
// through os.DirFS: the editions' files and every diagnostic must be the
// same, whichever way the files are read.
func TestDirFSLoadsAsOSDirFS(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		size  int64  // if set, persons/big.md is made this large, sparse
		link  string // if set, persons/link.md is a symbolic link to it
		want  string // a diagnostic both loads must report
	}{
		{name: "valid", files: map[string]string{"persons/stalin.md": person}},
		{name: "byte order mark and CRLF", files: map[string]string{"persons/stalin.md": "\uFEFF" + strings.ReplaceAll(person, "\n", "\r\n")}},
		{name: "empty", files: map[string]string{"persons/stalin.md": ""}, want: "content/persons/stalin.md:1:1: error: file is empty"},
		{name: "invalid UTF-8", files: map[string]string{"persons/stalin.md": person + "Ŏngjin \xff\n"}, want: "content/persons/stalin.md:7:8: error: file is not valid UTF-8 (byte 0xff); save it as UTF-8"},
		{name: "too large", size: MaxFileSize + 1, want: "content/persons/big.md:1:1: error: file is too large (4.0 MB; content files may be at most 4 MB)"},
		{name: "largest allowed", size: MaxFileSize, want: "content/persons/big.md:1:1: error: missing front matter: the file must start with a line \"---\", then YAML, then a closing \"---\" line"},
		{name: "symbolic link", files: map[string]string{"stalin.txt": person, "persons/stalin.md": person}, link: "../stalin.txt", want: "content/persons/link.md:1:1: error: symbolic links are not allowed in content; copy the file into content/persons instead"},
		{name: "packet", files: map[string]string{"packets/p.yaml": "title: P\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"site.yaml": siteYAML}
			for k, v := range tt.files {
				files[k] = v
			}
			for name, data := range files {
				write(t, filepath.Join(dir, name), data)
			}
			if tt.size > 0 {
				p := filepath.Join(dir, "persons", "big.md")
				write(t, p, "x")
				if err := os.Truncate(p, tt.size); err != nil {
					t.Fatal(err)
				}
			}
			if tt.link != "" {
				if err := os.Symlink(tt.link, filepath.Join(dir, "persons", "link.md")); err != nil {
					t.Fatal(err)
				}
			}
			want := loadDir(t, os.DirFS(dir))
			got := loadDir(t, DirFS(dir))
			if !slices.Equal(got, want) {
				t.Errorf("through DirFS:\n%s\nthrough os.DirFS:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("through DirFS:\n%s\nwant among them %s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// loadDir loads fsys and lists its diagnostics, then its entries with
// their texts.
func loadDir(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	var diags diag.List
	ed, err := LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatalf("LoadCached: %v", err)
	}
	var out []string
	for _, d := range diags.Items() {
		out = append(out, d.String())
	}
	for _, p := range ed.Persons {
		out = append(out, "person "+p.ID+" "+p.Name+": "+p.Body.Raw)
	}
	for _, p := range ed.Packets {
		out = append(out, "packet "+p.ID+" "+p.Title)
	}
	return out
}

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDirFSMissingFile: a file that cannot be opened is an error of the
// file system, reported with its path.
func TestDirFSMissingFile(t *testing.T) {
	_, _, err := readSized(DirFS(t.TempDir()), "persons/none.md")
	if err == nil || !strings.Contains(err.Error(), "none.md") {
		t.Errorf("readSized of a missing file: %v, want an error naming it", err)
	}
}
