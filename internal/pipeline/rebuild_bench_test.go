package pipeline_test

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/site"
)

// BenchmarkRebuild times what a contributor waits for in the preview
// (a pipeline.Session that defers pages, as the preview server runs it)
// after one edit of a generated edition:
//
//   - prose: one sentence changes in one document's body;
//   - rename: one person's name changes, which touches every page that
//     names them.
//
// Counted, from the changed path on: the rebuild (Session.Build: the
// changed file read again, the site graph, the views listed and the
// pages the edit may have changed found) and the making of the pages the
// contributor looks at, as the server makes them when the browser asks
// (Session.Lookup): the edited document's page (prose), or the renamed
// person's page and the page of a document naming them (rename). Not
// counted: the watcher's wait for quiet, the writing to disk, and the
// rest of the pages and generated files, which the server makes after,
// in turn, while nobody asks (Session.Flush); the time that takes, per
// edit, is reported as flush-ms. cpu-ms/op is the CPU time (user and
// system, all goroutines, the collector's included) of what is counted:
// on a machine shared with other work it varies less than ns/op.
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
	cfg, _ := generatedEdition(b, n)
	s := pipeline.NewSession(cfg)
	s.DeferPages()
	// Not strict: the corpus's base_url is a placeholder, which warns.
	first, _, err := s.Build(nil)
	if err != nil || first.Failed(false) {
		b.Fatalf("first build: %v", err)
	}
	file, change := editOf(b, cfg.Content, edit)
	viewed := viewedPages(b, first.Site, file)
	original, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	// As the preview server does once it has written a whole build.
	runtime.GC()
	files := 0
	var flush, cpu time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := os.WriteFile(file, []byte(change(string(original), i)), 0o644); err != nil {
			b.Fatal(err)
		}
		cpu -= cpuTime(b)
		b.StartTimer()
		res, _, err := s.Build([]string{file})
		if err != nil || res.Failed(false) {
			b.Fatalf("rebuild: %v\n%s", err, res.Diags.String())
		}
		for _, p := range viewed {
			if _, _, err := s.Lookup(p); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		cpu += cpuTime(b)
		files = len(res.Files)
		start := time.Now()
		for more := true; more; {
			if more, err = s.Flush(64, func(made []output.File) error { files += len(made); return nil }); err != nil {
				b.Fatal(err)
			}
		}
		flush += time.Since(start)
		b.StartTimer()
	}
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(flush.Milliseconds())/float64(b.N), "flush-ms")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime returns the CPU time the process has used, user and system:
// on a machine shared with other work it varies less than wall time.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// viewedPages returns the pages a contributor looks at after editing
// file: a document's page, or a person's page and the page of the first
// document naming them.
func viewedPages(b *testing.B, st *site.Site, file string) []string {
	id := strings.TrimSuffix(filepath.Base(file), ".md")
	if filepath.Base(filepath.Dir(file)) == "documents" {
		return []string{site.DocumentPath(id)}
	}
	docs := slices.Concat(st.PersonSent[id], st.PersonReceived[id], st.PersonMentioned[id])
	if len(docs) == 0 {
		b.Fatalf("no document names %s", id)
	}
	return []string{site.PersonPath(id), site.DocumentPath(docs[0])}
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
