package pipeline_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/pipeline"
)

// BenchmarkRebuild times the preview's rebuilds (pipeline.Session, as
// the preview server runs it) of generated editions after one edit, from
// the changed path to the files made, without the watcher's wait for
// quiet or the writing to disk:
//
//   - prose: one sentence changes in one document's body;
//   - rename: one person's name changes, which touches every page that
//     names them.
//
// Run one with
//
//	go test ./internal/pipeline -run '^$' -bench 'Rebuild/prose/10000$' -benchtime 20x
func BenchmarkRebuild(b *testing.B) {
	for _, edit := range []string{"prose", "rename"} {
		for _, n := range []int{100, 1000, 10000} {
			b.Run(edit+"/"+strconv.Itoa(n), func(b *testing.B) { benchRebuild(b, edit, n) })
		}
	}
}

func benchRebuild(b *testing.B, edit string, n int) {
	dir := b.TempDir()
	cfg := pipeline.Config{
		Content:   filepath.Join(dir, "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       filepath.Join(dir, "public"),
	}
	if err := corpus.Write(cfg.Content, n); err != nil {
		b.Fatal(err)
	}
	s := pipeline.NewSession(cfg)
	// Not strict: the corpus's base_url is a placeholder, which warns.
	if res, _, err := s.Build(nil); err != nil || res.Failed(false) {
		b.Fatalf("first build: %v", err)
	}
	file, change := editOf(b, cfg.Content, edit)
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	files := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := os.WriteFile(file, []byte(change(string(original), i)), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, _, err := s.Build([]string{file})
		if err != nil || res.Failed(false) {
			b.Fatalf("rebuild: %v\n%s", err, res.Diags.String())
		}
		files = len(res.Files)
	}
	b.ReportMetric(float64(files), "files")
}

// editOf picks the file an edit changes and returns how its i-th edit
// rewrites it.
func editOf(b *testing.B, content, edit string) (string, func(string, int) string) {
	switch edit {
	case "prose":
		docs, err := filepath.Glob(filepath.Join(content, "documents", "*.md"))
		if err != nil || len(docs) == 0 {
			b.Fatal("no documents", err)
		}
		return docs[len(docs)/2], func(text string, i int) string {
			return text + "\nA sentence added in revision " + strconv.Itoa(i) + ".\n"
		}
	case "rename":
		persons, err := filepath.Glob(filepath.Join(content, "persons", "*.md"))
		if err != nil || len(persons) == 0 {
			b.Fatal("no persons", err)
		}
		return persons[0], func(text string, i int) string {
			return strings.Replace(text, "name: '", "name: 'Renamed"+strconv.Itoa(i)+" ", 1)
		}
	}
	b.Fatalf("unknown edit %q", edit)
	return "", nil
}
