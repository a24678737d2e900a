package pipeline

import (
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
)

// TestSessionKeepsNoFiles checks that a session hands the files of each
// build to its caller without holding on to them: remembered with the
// build, a whole site would stay in memory until the next edit.
func TestSessionKeepsNoFiles(t *testing.T) {
	fsys := corpus.FS(20)
	cfg := Config{Content: "content", ContentFS: fsys,
		Templates: filepath.Join("..", "..", "templates"), Static: filepath.Join("..", "..", "static"),
		Out: filepath.Join(t.TempDir(), "public")}
	first := func(dir string) string {
		var names []string
		for name := range fsys {
			if path.Dir(name) == dir && strings.HasSuffix(name, ".md") {
				names = append(names, name)
			}
		}
		if len(names) == 0 {
			t.Fatalf("no %s in the generated edition", dir)
		}
		return slices.Min(names)
	}
	doc, person := first("documents"), first("persons")
	edit := func(name, old, new string) []string {
		f := fsys[name]
		f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
		return []string{filepath.Join(cfg.Content, filepath.FromSlash(name))}
	}
	s := NewSession(cfg)
	for _, step := range []struct {
		name    string
		changed func() []string
		partial bool
	}{
		{"whole site", func() []string { return nil }, false},
		{"prose of a document", func() []string { return edit(doc, "\n\n", "\n\nA sentence added.\n\n") }, true},
		{"name of a person", func() []string { return edit(person, "name: '", "name: 'Renamed ") }, true},
	} {
		res, partial, err := s.Build(step.changed())
		if err != nil || res.Failed(false) {
			t.Fatalf("%s: %v\n%s", step.name, err, res.Diags.String())
		}
		if partial != step.partial || len(res.Files) == 0 {
			t.Fatalf("%s: partial %v with %d files; want partial %v with files", step.name, partial, len(res.Files), step.partial)
		}
		if s.last == nil || s.last.Site != res.Site {
			t.Fatalf("%s: the session did not remember the build", step.name)
		}
		if s.last.Files != nil {
			t.Errorf("%s: the session keeps the build's %d files", step.name, len(s.last.Files))
		}
	}
}
