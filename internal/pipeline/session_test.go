package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/pipeline"
)

// TestSessionRebuildsProseEditsAlone edits the real edition the ways a
// contributor does and checks which builds a Session makes partially, and
// that every file a partial build makes is byte for byte the file a full
// build of the same content makes.
func TestSessionRebuildsProseEditsAlone(t *testing.T) {
	const doc = "1945-06-29-zhukov-zabrodin-spravka"
	tests := []struct {
		name    string
		edit    func(front, body string) string
		partial bool
		failed  bool
	}{
		{"prose", func(f, b string) string {
			return f + strings.Replace(b, "\n\n", "\n\nA sentence added in review.\n\n", 1)
		}, true, false},
		{"prose with emphasis", func(f, b string) string { return f + b + "\nA *closing* remark.\n" }, true, false},
		{"front matter", func(f, b string) string { return strings.Replace(f, "title: ", "title: Revised ", 1) + b }, false, false},
		{"new reference", func(f, b string) string { return f + b + "\nSee [[person:stalin]].\n" }, false, false},
		{"broken reference", func(f, b string) string { return f + b + "\nSee [[doc:no-such-document]].\n" }, false, true},
		{"body emptied", func(f, b string) string { return f }, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := copyOfRealEdition(t)
			s := pipeline.NewSession(cfg)
			if _, partial, err := s.Build(nil); err != nil || partial {
				t.Fatalf("first build: partial %v, err %v", partial, err)
			}
			file := filepath.Join(cfg.Content, "documents", doc+".md")
			editFile(t, file, tt.edit)
			res, partial, err := s.Build([]string{file})
			if err != nil {
				t.Fatal(err)
			}
			if partial != tt.partial || res.Failed(false) != tt.failed {
				t.Fatalf("partial %v, failed %v; want %v, %v\n%s", partial, res.Failed(false), tt.partial, tt.failed, res.Diags.String())
			}
			if !partial {
				return
			}
			full, err := pipeline.Run(cfg)
			if err != nil || full.Failed(false) {
				t.Fatalf("full build: %v %s", err, full.Diags.String())
			}
			want := map[string][]byte{}
			for _, f := range full.Files {
				want[f.Path] = f.Data
			}
			made := map[string]bool{}
			for _, f := range res.Files {
				made[f.Path] = true
				if !bytes.Equal(f.Data, want[f.Path]) {
					t.Errorf("%s differs from a full build's", f.Path)
				}
			}
			for _, p := range []string{"documents/" + doc + ".html", "documents/" + doc + ".source.html", "search/manifest.js"} {
				if !made[p] {
					t.Errorf("partial build did not make %s", p)
				}
			}
			// Everything else a full build makes is what the first build made.
			for _, f := range full.Files {
				if !made[f.Path] && strings.Contains(string(f.Data), "A sentence added in review") {
					t.Errorf("%s shows the edit but was not made again", f.Path)
				}
			}
		})
	}
}

// TestSessionAfterFailureBuildsEverything checks that after a failed
// build, a later prose edit elsewhere does not hide the failure.
func TestSessionAfterFailureBuildsEverything(t *testing.T) {
	cfg := copyOfRealEdition(t)
	s := pipeline.NewSession(cfg)
	if _, _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(cfg.Content, "documents", "1945-09-proposal-on-korea.md")
	editFile(t, broken, func(f, b string) string { return strings.Replace(f, "date: ", "date: 1950-02-30 #", 1) + b })
	if res, _, _ := s.Build([]string{broken}); !res.Failed(false) {
		t.Fatal("an impossible date did not fail the build")
	}
	prose := filepath.Join(cfg.Content, "documents", "1945-06-29-zhukov-zabrodin-spravka.md")
	editFile(t, prose, func(f, b string) string { return f + b + "\nMore.\n" })
	res, partial, err := s.Build([]string{prose})
	if err != nil {
		t.Fatal(err)
	}
	if partial || !res.Failed(false) {
		t.Errorf("prose edit after a failure: partial %v, failed %v; want a full build that still fails", partial, res.Failed(false))
	}
}

// copyOfRealEdition copies content/ into a temporary folder and returns a
// configuration building it with the real templates and static files.
func copyOfRealEdition(t *testing.T) pipeline.Config {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	return pipeline.Config{
		Content:   content,
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       filepath.Join(dir, "public"),
	}
}

// editFile rewrites a content file through edit, which receives its
// front matter (both "---" lines included) and its body.
func editFile(t *testing.T, path string, edit func(front, body string) string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	end := strings.Index(text[4:], "\n---\n") + 4 + len("\n---\n")
	if err := os.WriteFile(path, []byte(edit(text[:end], text[end:])), 0o644); err != nil {
		t.Fatal(err)
	}
}
