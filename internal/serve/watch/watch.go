// Package watch reports changes to the files below a set of folders, in
// batches: a burst of events (an editor's save, a git checkout) becomes
// one batch once the folders have been quiet for a moment.
//
// fsnotify watches single folders, so every folder below the roots is
// added, and folders created later are added as they appear.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher watches folders recursively. Create it with New, run it with
// Run, which also releases it.
type Watcher struct {
	fsw     *fsnotify.Watcher
	quiet   time.Duration
	onError func(error)
}

// New watches every folder below each root; roots that do not exist are
// skipped. Batches are sent once no event has arrived for quiet.
// onError receives problems that do not stop the watcher.
func New(roots []string, quiet time.Duration, onError func(error)) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching files: %w", err)
	}
	w := &Watcher{fsw: fsw, quiet: quiet, onError: onError}
	for _, root := range roots {
		if err := w.addTree(root); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			return fmt.Errorf("watching %s: %w", p, err)
		}
		return nil
	})
}

// Run sends batches of changed paths, sorted, to out until ctx is done,
// then closes the watcher. An empty path in a batch stands for changes
// the system could not report (its event queue overflowed). It never blocks on out: while the receiver is
// busy (rebuilding), new changes are merged into the batch it will get
// next.
func (w *Watcher) Run(ctx context.Context, out chan<- []string) error {
	defer w.fsw.Close()
	timer := time.NewTimer(w.quiet)
	timer.Stop()
	pending := map[string]bool{}
	var ready []string
	var send chan<- []string // nil, and so never chosen, until a batch is ready
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return nil
			}
			if w.note(ev) {
				pending[ev.Name] = true
				timer.Reset(w.quiet)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events: rebuild anyway, as if something changed.
			w.onError(fmt.Errorf("watching files: %w", err))
			pending[""] = true
			timer.Reset(w.quiet)
		case <-timer.C:
			ready = merge(ready, pending)
			clear(pending)
			send = out
		case send <- ready:
			ready, send = nil, nil
		}
	}
}

// note reports whether ev is a change worth a rebuild, and starts
// watching folders that were created or moved in.
func (w *Watcher) note(ev fsnotify.Event) bool {
	if ignored(filepath.Base(ev.Name)) || ev.Op == fsnotify.Chmod {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			if err := w.addTree(ev.Name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				w.onError(err)
			}
		}
	}
	return true
}

// ignored matches editors' swap, backup and lock files, which the content
// loader skips too (names starting with "." or ending in "~"), and vim's
// write test file.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913"
}

func merge(batch []string, pending map[string]bool) []string {
	for p := range pending {
		if !slices.Contains(batch, p) {
			batch = append(batch, p)
		}
	}
	slices.Sort(batch)
	return batch
}
