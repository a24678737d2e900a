package pipeline_test

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/pipeline"
)

// folder is what a deferring Session handed out so far, as the preview's
// output folder holds it.
type folder map[string][]byte

// write puts files in the folder.
func (f folder) write(files []output.File) error {
	for _, file := range files {
		f[file.Path] = file.Data
	}
	return nil
}

// served returns what the preview serves at path: what Lookup makes, or
// else what the folder holds.
func served(t *testing.T, s *pipeline.Session, f folder, path string) ([]byte, bool) {
	t.Helper()
	data, found, err := s.Lookup(path)
	if err != nil {
		t.Fatalf("Lookup(%s): %v", path, err)
	}
	switch found {
	case pipeline.Made:
		return data, true
	case pipeline.Gone:
		return nil, false
	}
	data, ok := f[path]
	return data, ok
}

// checkServed compares every file a full build of cfg makes, and every
// file of the folder, as the preview serves it, with the full build's;
// it returns how many files of the folder were stale, which the preview
// must have made anew.
func checkServed(t *testing.T, cfg pipeline.Config, s *pipeline.Session, f folder) (stale int) {
	t.Helper()
	full, err := pipeline.Run(cfg)
	if err != nil || full.Failed(false) {
		t.Fatalf("full build: %v %s", err, full.Diags.String())
	}
	want := filesOf(full)
	paths := slices.Concat(slices.Collect(maps.Keys(want)), slices.Collect(maps.Keys(f)))
	slices.Sort(paths)
	for _, p := range slices.Compact(paths) {
		got, ok := served(t, s, f, p)
		w, wok := want[p]
		if ok != wok || !bytes.Equal(got, w) {
			t.Errorf("%s served (%v) differs from a full build's (%v)", p, ok, wok)
		}
		if old, ok := f[p]; !bytes.Equal(old, w) || ok != wok {
			stale++
		}
	}
	return stale
}

// generatedEdition writes a generated edition of n documents and returns
// its configuration and its persons' files.
func generatedEdition(t testing.TB, n int) (pipeline.Config, []string) {
	t.Helper()
	dir := t.TempDir()
	cfg := pipeline.Config{
		Content:   filepath.Join(dir, "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       filepath.Join(dir, "public"),
	}
	if err := corpus.Write(cfg.Content, n); err != nil {
		t.Fatal(err)
	}
	persons, err := filepath.Glob(filepath.Join(cfg.Content, "persons", "*.md"))
	if err != nil || len(persons) < 2 {
		t.Fatal("too few persons", err)
	}
	return cfg, persons
}

// rename prefixes the name of the person of file and returns file.
func rename(t *testing.T, file, prefix string) string {
	t.Helper()
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(text), "name: '", "name: '"+prefix+" ", 1)
	if edited == string(text) {
		t.Fatalf("%s has no name to change", file)
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// build builds after the change of the files in a deferring session and
// writes what it made to f.
func build(t *testing.T, s *pipeline.Session, f folder, changed ...string) {
	t.Helper()
	res, partial, err := s.Build(changed)
	if err != nil || res.Failed(false) {
		t.Fatalf("build: %v\n%s", err, res.Diags.String())
	}
	if changed != nil && !partial {
		t.Fatalf("the build after %v was not partial", changed)
	}
	if !partial {
		clear(f)
	}
	f.write(res.Files)
}

// flush hands out up to batches batches of what s left, all if batches
// is negative.
func flush(t *testing.T, s *pipeline.Session, f folder, batches int) {
	t.Helper()
	for more := true; more && batches != 0; batches-- {
		var err error
		if more, err = s.Flush(8, f.write); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDeferredPagesServedAsBuilt renames persons of a generated edition
// in a Session that defers pages, as the preview does, and checks that
// every file the preview serves (Lookup, or else what was handed out)
// is byte for byte what a full build makes: right after the rename,
// after part of what was left is handed out and another person is
// renamed, after a prose edit, and once everything is handed out.
func TestDeferredPagesServedAsBuilt(t *testing.T) {
	cfg, persons := generatedEdition(t, 120)
	s := pipeline.NewSession(cfg)
	s.DeferPages()
	f := folder{}
	build(t, s, f)

	build(t, s, f, rename(t, persons[0], "Renamed"))
	if stale := checkServed(t, cfg, s, f); stale == 0 {
		t.Fatal("the rename left no stale file in the folder: the test checks nothing")
	}

	flush(t, s, f, 2)
	build(t, s, f, rename(t, persons[1], "Also renamed"))
	checkServed(t, cfg, s, f)

	docs, err := filepath.Glob(filepath.Join(cfg.Content, "documents", "*.md"))
	if err != nil || len(docs) == 0 {
		t.Fatal("no documents", err)
	}
	text, err := os.ReadFile(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(docs[0], append(text, "\nA sentence added in review.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, s, f, docs[0])
	checkServed(t, cfg, s, f)

	flush(t, s, f, -1)
	if stale := checkServed(t, cfg, s, f); stale != 0 {
		t.Errorf("%d files of the folder are stale once everything is handed out", stale)
	}
}

// TestDeferredLookupWhileFlushing asks for pages on several goroutines
// while the pages left are handed out and the next edit is built, as
// the preview's requests do while its rebuild loop runs; run with -race.
func TestDeferredLookupWhileFlushing(t *testing.T) {
	cfg, persons := generatedEdition(t, 60)
	s := pipeline.NewSession(cfg)
	s.DeferPages()
	f := folder{}
	build(t, s, f)
	paths := slices.Collect(maps.Keys(f))
	slices.Sort(paths)
	var mu sync.Mutex // the folder is written by the loop, read by requests
	write := func(files []output.File) error {
		mu.Lock()
		defer mu.Unlock()
		return f.write(files)
	}
	build(t, s, f, rename(t, persons[0], "Renamed"))
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Go(func() {
			for i := g; i < len(paths); i += 3 {
				if _, _, err := s.Lookup(paths[i]); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	for more, round := true, 0; more; round++ {
		var err error
		if more, err = s.Flush(4, write); err != nil {
			t.Fatal(err)
		}
		if round == 3 {
			res, _, err := s.Build([]string{rename(t, persons[1], "Renamed")})
			if err != nil || res.Failed(false) {
				t.Fatalf("build: %v", err)
			}
			write(res.Files)
			more = true
		}
	}
	wg.Wait()
	if stale := checkServed(t, cfg, s, f); stale != 0 {
		t.Errorf("%d files of the folder are stale once everything is handed out", stale)
	}
}

// TestDeferredEditsServedAsBuilt edits a generated edition in a Session
// that defers pages, one edit after another as a contributor makes them,
// and checks after each that every file the preview serves is what a
// full build makes. The edits change what the rebuild's reused parts of
// the site graph (site.Rebuild) are derived from: references in bodies
// and notes, dates, front matter, a person's id; a part reused when its
// inputs changed shows as a page that differs.
func TestDeferredEditsServedAsBuilt(t *testing.T) {
	cfg, _ := generatedEdition(t, 120)
	docs, err := filepath.Glob(filepath.Join(cfg.Content, "documents", "*.md"))
	if err != nil || len(docs) < 2 {
		t.Fatal("too few documents", err)
	}
	a, b := docs[0], docs[len(docs)/2]
	idOf := func(file string) string { return strings.TrimSuffix(filepath.Base(file), ".md") }
	named := mostLinkedPerson(t, docs)
	person := filepath.Join(cfg.Content, "persons", named+".md")
	essay := filepath.Join(cfg.Content, "essay", "part-01.md")
	s := pipeline.NewSession(cfg)
	s.DeferPages()
	f := folder{}
	build(t, s, f)
	steps := []struct {
		name string
		edit func() []string // returns the changed files
		full bool            // whether pages come or go, which needs a full build
	}{
		{"a body links to a person", func() []string { return appendTo(t, a, "\nAs [[person:"+named+"]] said.\n") }, false},
		{"a body links to a document", func() []string { return appendTo(t, a, "\nSee also [[doc:"+idOf(b)+"]].\n") }, false},
		{"rename a person named in bodies", func() []string { return []string{rename(t, person, "Renamed")} }, false},
		{"a note cites a document", func() []string {
			return editText(t, essay, "    text: |-\n      ", "    text: |-\n      [[doc:"+idOf(b)+"|Also this]]; ")
		}, false},
		{"a document's date moves", func() []string { return replaceIn(t, b, `(?m)^date: '[^']*'$`, "date: '1953-12-31'") }, false},
		{"a document mentions another person", func() []string { return editText(t, a, "mentions: [", "mentions: ["+named+", ") }, false},
		{"rename the person again", func() []string { return []string{rename(t, person, "Again")} }, false},
		{"a person's id changes", func() []string { return changePersonID(t, cfg.Content, named, named+"-renamed") }, true},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			changed := step.edit()
			res, partial, err := s.Build(changed)
			if err != nil || res.Failed(false) {
				t.Fatalf("build: %v\n%s", err, res.Diags.String())
			}
			if partial == step.full {
				t.Fatalf("the build was partial %v, want %v", partial, !step.full)
			}
			if !partial {
				clear(f)
			}
			f.write(res.Files)
			if stale := checkServed(t, cfg, s, f); stale == 0 && partial {
				t.Error("the edit left no stale file in the folder: the step checks nothing")
			}
			flush(t, s, f, 1)
		})
	}
	flush(t, s, f, -1)
	if stale := checkServed(t, cfg, s, f); stale != 0 {
		t.Errorf("%d files of the folder are stale once everything is handed out", stale)
	}
}

// mostLinkedPerson returns the id of the person the bodies of the
// documents link to most often.
func mostLinkedPerson(t *testing.T, docs []string) string {
	t.Helper()
	count := map[string]int{}
	link := regexp.MustCompile(`\[\[person:([a-z0-9-]+)\]\]`)
	for _, file := range docs {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range link.FindAllSubmatch(text, -1) {
			count[string(m[1])]++
		}
	}
	if len(count) == 0 {
		t.Fatal("no body links to a person")
	}
	ids := slices.Sorted(maps.Keys(count))
	return slices.MaxFunc(ids, func(a, b string) int { return count[a] - count[b] })
}

// appendTo adds text at the end of the file and returns its path.
func appendTo(t *testing.T, file, text string) []string {
	t.Helper()
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(old, text...), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{file}
}

// editText replaces the first old of the file by new and returns its path.
func editText(t *testing.T, file, old, new string) []string {
	t.Helper()
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(text), old, new, 1)
	if edited == string(text) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{file}
}

// replaceIn replaces the matches of the pattern in the file and returns
// its path.
func replaceIn(t *testing.T, file, pattern, repl string) []string {
	t.Helper()
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(pattern).ReplaceAll(text, []byte(repl))
	if bytes.Equal(edited, text) {
		t.Fatalf("%s has no match of %s", file, pattern)
	}
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{file}
}

// changePersonID moves the person's file to the new id, changes every
// reference to them, and returns the paths of the files it changed.
func changePersonID(t *testing.T, content, old, new string) []string {
	t.Helper()
	from, to := filepath.Join(content, "persons", old+".md"), filepath.Join(content, "persons", new+".md")
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	changed := []string{from, to}
	ref := regexp.MustCompile(`\b` + regexp.QuoteMeta(old) + `\b`)
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := os.ReadFile(p)
		if err != nil || !ref.Match(text) {
			return err
		}
		changed = append(changed, p)
		return os.WriteFile(p, ref.ReplaceAll(text, []byte(new)), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return changed
}
