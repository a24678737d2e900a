package pipeline

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
)

// TestBuildMatchesRunInBatches checks that a build dropping what it no
// longer needs as it goes (the documents' texts, between batches of
// pages; each document's search item, once indexed) writes byte for byte
// what Run makes holding everything, with batches small enough that a
// generated edition makes many. Built without the archive, its pages are
// executed in buffers reused once written (output.Buffers): a buffer
// reused too early shows as a page that differs.
func TestBuildMatchesRunInBatches(t *testing.T) {
	defer func(n int) { releaseEvery = n }(releaseEvery)
	releaseEvery = 7
	cfg := Config{Content: "content", ContentFS: corpus.FS(40),
		Templates: filepath.Join("..", "..", "templates"), Static: filepath.Join("..", "..", "static"),
		Out: filepath.Join(t.TempDir(), "public")}
	run, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	built, err := Build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if run.Failed(false) || built.Failed(false) {
		t.Fatalf("the edition does not build:\n%s", run.Diags.String())
	}
	for _, f := range run.Files {
		b, err := os.ReadFile(filepath.Join(cfg.Out, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Error(err)
			continue
		}
		if !bytes.Equal(b, f.Data) {
			t.Errorf("%s differs between Build and Run", f.Path)
		}
	}
	if len(built.Paths) != len(run.Files) {
		t.Errorf("Build made %d files, Run %d", len(built.Paths), len(run.Files))
	}
}

// editedFS gives the files of FS, but documents/ID.md, after it was
// opened once, with a sentence added: a document edited while a build
// runs. (Stat does not count as opening.)
type editedFS struct {
	fs.FS
	mu   sync.Mutex
	read map[string]bool
}

func (e *editedFS) Open(name string) (fs.File, error) {
	e.mu.Lock()
	again := e.read[name]
	e.read[name] = true
	e.mu.Unlock()
	if !again || !strings.HasPrefix(name, "documents/") {
		return e.FS.Open(name)
	}
	b, err := fs.ReadFile(e.FS, name)
	if err != nil {
		return nil, err
	}
	edited := fstest.MapFS{name: {Data: append(b, "An edit.\n"...)}}
	return edited.Open(name)
}

func (e *editedFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(e.FS, name) }

// TestBuildRefusesSourceEditedDuringBuild checks that a source page,
// whose text Build reads again, never shows a text other than the one
// the rest of the site was built from.
func TestBuildRefusesSourceEditedDuringBuild(t *testing.T) {
	cfg := Config{Content: "content", ContentFS: &editedFS{FS: corpus.FS(5), read: map[string]bool{}},
		Templates: filepath.Join("..", "..", "templates"), Static: filepath.Join("..", "..", "static"),
		Out: filepath.Join(t.TempDir(), "public")}
	_, err := Build(cfg)
	if err == nil || !strings.Contains(err.Error(), "changed while the site was being built") {
		t.Fatalf("Build gave %v, want an error for the edited document", err)
	}
	if _, serr := os.Stat(cfg.Out); !errors.Is(serr, fs.ErrNotExist) {
		t.Errorf("the failed build left %s (%v)", cfg.Out, serr)
	}
}

// TestEmitStopsWithGroupsWaiting checks that a group failing while
// groups made ahead wait for their turn (groups leaving pages to render)
// ends emit with its error instead of leaving them waiting for ever.
func TestEmitStopsWithGroupsWaiting(t *testing.T) {
	e := &emitter{sink: output.Discard}
	failed := errors.New("group 3 failed")
	err := e.emit(200, func(i int) ([]output.File, []*render.Page, error) {
		if i == 3 {
			return nil, nil, failed
		}
		if i < 3 {
			return nil, nil, nil
		}
		return nil, []*render.Page{{Path: "p.html"}}, nil
	}, nil)
	if !errors.Is(err, failed) {
		t.Fatalf("emit = %v, want the error of group 3", err)
	}
}
