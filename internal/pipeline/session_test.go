package pipeline_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/korean-war-sources/edition/internal/pipeline"
)

// sessionEdit is an edit of one content file and what a Session must
// make of it.
type sessionEdit struct {
	name    string
	file    string // slash-separated, below the content folder
	edit    func(front, body string) string
	partial bool
	failed  bool
	made    []string // files the build must make, besides those that changed
}

// TestSessionRebuildsWhatChanged edits a small edition the ways a
// contributor does and checks which builds a Session makes partially,
// that a partial build makes every file whose bytes the edit changed, and
// that each file it makes is byte for byte what a full build makes.
func TestSessionRebuildsWhatChanged(t *testing.T) {
	const doc = "documents/1945-06-29-spravka.md"
	tests := []sessionEdit{
		{"prose", doc, func(f, b string) string {
			return f + strings.Replace(b, "\n\n", "\n\nA sentence added in review.\n\n", 1)
		}, true, false,
			[]string{"documents/1945-06-29-spravka.html", "documents/1945-06-29-spravka.source.html", "search/manifest.js"}},
		{"prose of a document in a packet", "documents/1949-09-24-resolution.md", func(f, b string) string { return f + b + "\nA sentence added in review.\n" }, true, false,
			[]string{"packets/caution-in-1949-print.html"}},
		{"prose with emphasis", doc, func(f, b string) string { return f + b + "\nA *closing* remark.\n" }, true, false, nil},
		{"title", doc, func(f, b string) string { return strings.Replace(f, "title: ", "title: Revised ", 1) + b }, true, false, nil},
		{"date", doc, func(f, b string) string { return strings.Replace(f, "date: 1945-06-29", "date: 1950-06-29", 1) + b }, true, false, nil},
		{"new reference", doc, func(f, b string) string { return f + b + "\nSee [[person:shtykov]].\n" }, true, false, nil},
		{"broken reference", doc, func(f, b string) string { return f + b + "\nSee [[doc:no-such-document]].\n" }, false, true, nil},
		{"body emptied", doc, func(f, b string) string { return f }, true, false, nil},
		{"person renamed", "persons/stalin.md", func(f, b string) string { return strings.Replace(f, "name: ", "name: Comrade ", 1) + b }, true, false, nil},
		{"note edited", "essay/context.md", func(f, b string) string { return strings.Replace(f, "context: ", "context: Revised ", 1) + b }, true, false, nil},
		// The resolution's disagreement names this conflict: its page shows the title.
		{"conflict retitled", "conflicts/date-of-the-resolution.md", func(f, b string) string { return strings.Replace(f, "title: ", "title: Revised ", 1) + b }, true, false, nil},
		{"person on a distribution list renamed", "persons/molotov.md", func(f, b string) string { return strings.Replace(f, "name: ", "name: Comrade ", 1) + b }, true, false, nil},
		{"summary edited", "documents/1949-09-24-resolution.md", func(f, b string) string {
			return strings.Replace(f, "The Politburo tells the ambassador", "The Politburo instructs the ambassador", 1) + b
		}, true, false, nil},
		{"packet retitled", "packets/caution-in-1949.yaml", func(f, b string) string { return strings.Replace(f+b, "title: ", "title: Revised ", 1) }, true, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, fsys := smallEdition(t)
			checkSessionEdit(t, cfg, fsys, tt)
		})
	}
}

// TestSessionOnTheRealEdition makes one edit of the real edition, whose
// subjects have many more neighbours than the small edition's: a person
// named on many pages is renamed.
func TestSessionOnTheRealEdition(t *testing.T) {
	cfg, fsys := realEdition(t)
	checkSessionEdit(t, cfg, fsys, sessionEdit{
		name: "person renamed", file: "persons/stalin.md", partial: true,
		edit: func(f, b string) string { return strings.Replace(f, "name: ", "name: Comrade ", 1) + b },
	})
}

// checkSessionEdit builds cfg in a Session, makes the edit to fsys and
// checks the build that follows against a full build.
func checkSessionEdit(t *testing.T, cfg pipeline.Config, fsys fstest.MapFS, tt sessionEdit) {
	t.Helper()
	s := pipeline.NewSession(cfg)
	first, partial, err := s.Build(nil)
	if err != nil || partial {
		t.Fatalf("first build: partial %v, err %v", partial, err)
	}
	if first.Failed(false) {
		t.Fatalf("first build failed:\n%s", first.Diags.String())
	}
	before := filesOf(first)
	res, partial, err := s.Build([]string{editFile(t, cfg, fsys, tt.file, tt.edit)})
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
	cfg, fsys := smallEdition(t)
	s := pipeline.NewSession(cfg)
	if _, _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	broken := editFile(t, cfg, fsys, "documents/1949-09-24-resolution.md", func(f, b string) string {
		return strings.Replace(f, "date: ", "date: 1950-02-30 #", 1) + b
	})
	if res, _, _ := s.Build([]string{broken}); !res.Failed(false) {
		t.Fatal("an impossible date did not fail the build")
	}
	prose := editFile(t, cfg, fsys, "documents/1945-06-29-spravka.md", func(f, b string) string { return f + b + "\nMore.\n" })
	res, partial, err := s.Build([]string{prose})
	if err != nil {
		t.Fatal(err)
	}
	if partial || !res.Failed(false) {
		t.Errorf("prose edit after a failure: partial %v, failed %v; want a full build that still fails", partial, res.Failed(false))
	}
}

// smallEdition returns a configuration building the edition of
// testdata/small.txtar, held in memory in the returned fsys (which tests
// edit), with the real templates and static files.
func smallEdition(t *testing.T) (pipeline.Config, fstest.MapFS) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "small.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return editionConfig(fsys), fsys
}

// realEdition returns a configuration building the real edition, its
// content read into memory, where the returned fsys can be edited.
func realEdition(t *testing.T) (pipeline.Config, fstest.MapFS) {
	t.Helper()
	fsys := inMemory(t, os.DirFS(filepath.Join("..", "..", "content")))
	return editionConfig(fsys), fsys
}

// inMemory returns a copy of the files of root.
func inMemory(t *testing.T, root fs.FS) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// TestConfigFileSystems checks that a build reads its templates and
// static files from Config's file systems when they are set.
func TestConfigFileSystems(t *testing.T) {
	cfg, _ := smallEdition(t)
	templates := inMemory(t, os.DirFS(cfg.Templates))
	cfg.TemplatesFS = templates
	cfg.StaticFS = fstest.MapFS{"assets/only-in-memory.txt": {Data: []byte("in memory")}}
	res, err := pipeline.Run(cfg)
	if err != nil || res.Failed(false) {
		t.Fatalf("Run: %v %s", err, res.Diags.String())
	}
	if got := string(filesOf(res)["assets/only-in-memory.txt"]); got != "in memory" {
		t.Errorf("the static file of StaticFS holds %q, want %q", got, "in memory")
	}
	if _, err := os.Stat(filepath.Join(cfg.Static, "favicon.svg")); err != nil {
		t.Fatal(err)
	}
	if _, ok := filesOf(res)["favicon.svg"]; ok {
		t.Error("favicon.svg was read from the static folder, not from StaticFS")
	}
	templates["document.html"] = &fstest.MapFile{Data: append(slices.Clone(templates["document.html"].Data), "{{if}}\n"...)}
	if _, err := pipeline.Run(cfg); err == nil {
		t.Error("a template broken in TemplatesFS did not fail the build")
	}
}

// editionConfig builds the content in fsys with the real templates and
// static files. Nothing is written: the tests use Run and Session.
func editionConfig(fsys fs.FS) pipeline.Config {
	return pipeline.Config{
		Content:   "content",
		ContentFS: fsys,
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       "public",
	}
}

// editFile rewrites the content file rel in fsys through edit, which
// receives its front matter (both "---" lines included) and its body, and
// returns the path a file watcher would report for it.
func editFile(t *testing.T, cfg pipeline.Config, fsys fstest.MapFS, rel string, edit func(front, body string) string) string {
	t.Helper()
	f, ok := fsys[rel]
	if !ok {
		t.Fatalf("no file %s to edit", rel)
	}
	text := string(f.Data)
	end := 0 // a YAML file: all of it is "front matter"
	if strings.HasPrefix(text, "---\n") {
		end = strings.Index(text[4:], "\n---\n") + 4 + len("\n---\n")
	}
	fsys[rel] = &fstest.MapFile{Data: []byte(edit(text[:end], text[end:])), Mode: 0o644}
	return watched(cfg, rel)
}

// watched returns the path a file watcher reports for the content file rel.
func watched(cfg pipeline.Config, rel string) string {
	return filepath.Join(cfg.Content, filepath.FromSlash(path.Clean(rel)))
}

// TestSessionNewAndRemovedPages checks that a page that comes or goes
// makes a full build, with the page made or gone.
func TestSessionNewAndRemovedPages(t *testing.T) {
	cfg, fsys := smallEdition(t)
	s := pipeline.NewSession(cfg)
	if _, _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	const copied = "documents/1945-06-30-copy.md"
	fsys[copied] = &fstest.MapFile{Data: fsys["documents/1945-06-29-spravka.md"].Data, Mode: 0o644}
	res, partial, err := s.Build([]string{watched(cfg, copied)})
	if err != nil || partial || res.Failed(false) {
		t.Fatalf("new page: partial %v, err %v\n%s", partial, err, res.Diags.String())
	}
	if _, ok := filesOf(res)["documents/1945-06-30-copy.html"]; !ok {
		t.Error("the new document's page was not made")
	}
	delete(fsys, copied)
	res, partial, err = s.Build([]string{watched(cfg, copied)})
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
	cfg, fsys := smallEdition(t)
	s := pipeline.NewSession(cfg)
	if _, _, err := s.Build(nil); err != nil {
		t.Fatal(err)
	}
	events := editFile(t, cfg, fsys, "events.yaml", func(f, b string) string { return strings.Replace(f+b, "title: ", "title: Revised ", 1) })
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
