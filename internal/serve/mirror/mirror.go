// Package mirror keeps a folder equal to the latest build of the preview
// server while a browser reads from it. The first sync replaces the folder
// as a whole; later syncs compare with the previous build held in memory
// and touch only files whose bytes changed, so a rebuild after a one-line
// edit writes a handful of files instead of the whole site.
package mirror

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/korean-war-sources/edition/internal/output"
)

// Mirror is the folder dir and what was last written to it. It is not
// safe for concurrent use; the preview server syncs from one goroutine.
type Mirror struct {
	dir   string
	files map[string][]byte // nil until the first successful sync
}

// New returns a Mirror of dir. Nothing is written until Sync.
func New(dir string) *Mirror { return &Mirror{dir: dir} }

// Change is what a sync did to the folder.
type Change struct {
	Written, Removed int
	Paths            []string // written, then removed, each sorted
}

// Total is the number of files written or removed.
func (c Change) Total() int { return c.Written + c.Removed }

// Sync makes the folder hold exactly files; when two share a path, the
// later one wins, as in output.Write. The first sync writes the whole
// folder at once through output.Write, which also clears files left by
// older builds. Later syncs write each changed file atomically (temporary
// file and rename), so a reader sees either the old or the new bytes,
// and remove files that are no longer built.
func (m *Mirror) Sync(files []output.File) (Change, error) {
	next, err := index(files)
	if err != nil {
		return Change{}, err
	}
	if m.files == nil {
		return m.replace(next)
	}
	return m.update(next)
}

// Update writes those of files whose bytes changed and leaves every other
// file of the folder alone: it is Sync for a build that made only some of
// the site's files. Before the first Sync there is nothing to update.
func (m *Mirror) Update(files []output.File) (Change, error) {
	if m.files == nil {
		return Change{}, errors.New("mirror: update before the first sync")
	}
	next, err := index(files)
	if err != nil {
		return Change{}, err
	}
	var c Change
	for _, p := range sortedKeys(next) {
		if err := m.write(p, next[p], &c); err != nil {
			return c, err
		}
	}
	return c, nil
}

// write writes one file if its bytes changed, recording it in c.
func (m *Mirror) write(p string, data []byte, c *Change) error {
	if old, ok := m.files[p]; ok && bytes.Equal(old, data) {
		return nil
	}
	if err := writeAtomic(m.dir, p, data); err != nil {
		return err
	}
	m.files[p] = data
	c.Written++
	c.Paths = append(c.Paths, p)
	return nil
}

// index maps paths to bytes, refusing paths that leave the folder.
func index(files []output.File) (map[string][]byte, error) {
	next := make(map[string][]byte, len(files))
	for _, f := range files {
		if !output.Inside(f.Path) {
			return nil, fmt.Errorf("refusing to write %q outside the output folder", f.Path)
		}
		next[path.Clean(f.Path)] = f.Data
	}
	return next, nil
}

func (m *Mirror) replace(next map[string][]byte) (Change, error) {
	files := make([]output.File, 0, len(next))
	for p, b := range next {
		files = append(files, output.File{Path: p, Data: b})
	}
	if err := output.Write(m.dir, files, ""); err != nil {
		return Change{}, err
	}
	m.files = next
	return Change{Written: len(next), Paths: sortedKeys(next)}, nil
}

// update writes before it removes, so a page that stops linking to a
// removed file is in place before the file goes. m.files is updated file
// by file, so after a failure the next sync retries exactly what is left.
func (m *Mirror) update(next map[string][]byte) (Change, error) {
	var c Change
	for _, p := range sortedKeys(next) {
		if err := m.write(p, next[p], &c); err != nil {
			return c, err
		}
	}
	for _, p := range sortedKeys(m.files) {
		if _, ok := next[p]; ok {
			continue
		}
		if err := remove(m.dir, p); err != nil {
			return c, err
		}
		delete(m.files, p)
		c.Removed++
		c.Paths = append(c.Paths, p)
	}
	return c, nil
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// writeAtomic writes data to root/rel through a temporary file in the
// same folder, so the rename that publishes it cannot cross devices.
func writeAtomic(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	dir := filepath.Dir(p)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(p)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	// CreateTemp makes the file private; published files are world-readable
	// like those output.Write makes.
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	ok = true
	return nil
}

// remove deletes root/rel and then the folders it leaves empty, so the
// served folder looks like a fresh build.
func remove(root, rel string) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("removing %s: %w", rel, err)
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		// Remove fails on a folder that still holds files: that is the stop.
		if os.Remove(filepath.Join(root, filepath.FromSlash(dir))) != nil {
			break
		}
	}
	return nil
}
