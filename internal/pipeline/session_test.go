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

// TestSessionRebuildsWhatChanged edits the real edition the ways a
// contributor does and checks which builds a Session makes partially,
// that a partial build makes every file whose bytes the edit changed, and
// that each file it makes is byte for byte what a full build makes.
func TestSessionRebuildsWhatChanged(t *testing.T) {
	const doc = "documents/1945-06-29-zhukov-zabrodin-spravka.md"
	tests := []struct {
		name    string
		file    string
		edit    func(front, body string) string
		partial bool
		failed  bool
		made    []string // files the build must make, besides those that changed
	}{
		{"prose", doc, func(f, b string) string {
			return f + strings.Replace(b, "\n\n", "\n\nA sentence added in review.\n\n", 1)
		}, true, false,
			[]string{"documents/1945-06-29-zhukov-zabrodin-spravka.html", "documents/1945-06-29-zhukov-zabrodin-spravka.source.html", "search/manifest.js"}},
		{"prose with emphasis", doc, func(f, b string) string { return f + b + "\nA *closing* remark.\n" }, true, false, nil},
		{"title", doc, func(f, b string) string { return strings.Replace(f, "title: ", "title: Revised ", 1) + b }, true, false, nil},
		{"date", doc, func(f, b string) string { return strings.Replace(f, "date: 1945-06-29", "date: 1950-06-29", 1) + b }, true, false, nil},
		{"new reference", doc, func(f, b string) string { return f + b + "\nSee [[person:stalin]].\n" }, true, false, nil},
		{"broken reference", doc, func(f, b string) string { return f + b + "\nSee [[doc:no-such-document]].\n" }, false, true, nil},
		{"body emptied", doc, func(f, b string) string { return f }, true, false, nil},
		{"person renamed", "persons/stalin.md", func(f, b string) string { return strings.Replace(f, "name: ", "name: Comrade ", 1) + b }, true, false, nil},
		{"note edited", "essay/impetus.md", func(f, b string) string { return strings.Replace(f, "context: ", "context: Revised ", 1) + b }, true, false, nil},
		{"conflict retitled", "conflicts/date-of-stalins-approval.md", func(f, b string) string { return strings.Replace(f, "title: ", "title: Revised ", 1) + b }, true, false, nil},
		{"person on a distribution list renamed", "persons/molotov.md", func(f, b string) string { return strings.Replace(f, "name: ", "name: Comrade ", 1) + b }, true, false, nil},
		{"conflict of a disagreement retitled", "conflicts/may-1950-telegram-sender.md", func(f, b string) string { return strings.Replace(f, "title: ", "title: Revised ", 1) + b }, true, false, nil},
		{"summary edited", "documents/1950-05-14-stalin-to-mao.md", func(f, b string) string {
			return strings.Replace(f, "The Soviet Foreign Ministry's cipher office", "The cipher office", 1) + b
		}, true, false, nil},
		{"packet retitled", "packets/stalin-january-1950.yaml", func(f, b string) string { return strings.Replace(f+b, "title: ", "title: Revised ", 1) }, true, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := copyOfRealEdition(t)
			s := pipeline.NewSession(cfg)
			first, partial, err := s.Build(nil)
			if err != nil || partial {
				t.Fatalf("first build: partial %v, err %v", partial, err)
			}
			before := filesOf(first)
			file := filepath.Join(cfg.Content, filepath.FromSlash(tt.file))
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
			want, made := filesOf(full), filesOf(res)
			for p, data := range made {
				if !bytes.Equal(data, want[p]) {
					t.Errorf("%s differs from a full build's", p)
				}
			}
			changed := 0
			for p, data := range want {
				if !bytes.Equal(data, before[p]) {
					changed++
					if _, ok := made[p]; !ok {
						t.Errorf("%s changed but the partial build did not make it", p)
					}
				}
			}
			if changed == 0 {
				t.Error("the edit changed no file")
			}
			for _, p := range tt.made {
				if _, ok := made[p]; !ok {
					t.Errorf("partial build did not make %s", p)
				}
			}
			if !slices.Equal(res.Paths, full.Paths[:len(res.Paths)]) {
				t.Errorf("partial build lists its paths in another order than a full build")
			}
		})
	}
}

// filesOf maps the files of a build by path.
func filesOf(res *pipeline.Result) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range res.Files {
		m[f.Path] = f.Data
	}
	return m
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
	end := 0 // a YAML file: all of it is "front matter"
	if strings.HasPrefix(text, "---\n") {
		end = strings.Index(text[4:], "\n---\n") + 4 + len("\n---\n")
	}
	if err := os.WriteFile(path, []byte(edit(text[:end], text[end:])), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSessionNewAndRemovedPages checks that a page that comes or goes
// makes a full build, with the page made or gone.
func TestSessionNewAndRemovedPages(t *testing.T) {
	cfg := copyOfRealEdition(t)
	s := pipeline.NewSession(cfg)
	if _, _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(cfg.Content, "documents", "1945-06-29-zhukov-zabrodin-spravka.md")
	copied := filepath.Join(cfg.Content, "documents", "1945-06-30-copy.md")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(copied, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res, partial, err := s.Build([]string{copied})
	if err != nil || partial || res.Failed(false) {
		t.Fatalf("new page: partial %v, err %v\n%s", partial, err, res.Diags.String())
	}
	if _, ok := filesOf(res)["documents/1945-06-30-copy.html"]; !ok {
		t.Error("the new document's page was not made")
	}
	if err := os.Remove(copied); err != nil {
		t.Fatal(err)
	}
	res, partial, err = s.Build([]string{copied})
	if err != nil || partial || res.Failed(false) {
		t.Fatalf("removed page: partial %v, err %v", partial, err)
	}
	if _, ok := filesOf(res)["documents/1945-06-30-copy.html"]; ok {
		t.Error("the removed document's page is still made")
	}
}

// TestSessionRegistryEdit checks that an edit of a registry builds
// everything again with the registry read anew.
func TestSessionRegistryEdit(t *testing.T) {
	cfg := copyOfRealEdition(t)
	s := pipeline.NewSession(cfg)
	if _, _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	events := filepath.Join(cfg.Content, "events.yaml")
	editFile(t, events, func(f, b string) string { return strings.Replace(f+b, "title: ", "title: Revised ", 1) })
	res, partial, err := s.Build([]string{events})
	if err != nil || partial || res.Failed(false) {
		t.Fatalf("partial %v, err %v\n%s", partial, err, res.Diags.String())
	}
	full, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	got, want := filesOf(res), filesOf(full)
	for p, data := range want {
		if !bytes.Equal(got[p], data) {
			t.Errorf("%s differs from a fresh build's", p)
		}
	}
	if !bytes.Contains(want["timeline/index.html"], []byte("Revised ")) {
		t.Error("the timeline does not show the edited event")
	}
}
