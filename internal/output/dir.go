package output

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Dir is a build being written: a fresh private sibling of the output
// folder, which replaces the output folder on Commit. Until then the
// previous site is untouched; Abort (or a failed Commit) removes the
// sibling, so a failed build leaves nothing behind.
type Dir struct {
	out, tmp string
	done     bool
	// folders holds the folders made so far: a site has tens of thousands
	// of files in a few dozen folders, and asking the system for each
	// file's folder again is a system call per file.
	folders sync.Map
}

// Create starts a build of the folder out.
func Create(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("creating build folder: %w", err)
	}
	// MkdirTemp makes the folder private; a published site must be readable.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("creating build folder: %w", err)
	}
	return &Dir{out: out, tmp: tmp}, nil
}

// Write writes one file of the site. It is safe for concurrent use.
// Paths that would leave the folder are refused.
func (d *Dir) Write(f File) error {
	if !Inside(f.Path) {
		return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
	}
	name := filepath.Join(d.tmp, filepath.FromSlash(f.Path))
	if err := d.mkdir(filepath.Dir(name)); err != nil {
		return fmt.Errorf("writing %s: %w", f.Path, err)
	}
	if err := writeBytes(name, f.Data); err != nil {
		return fmt.Errorf("writing %s: %w", f.Path, err)
	}
	return nil
}

// Add writes f, as Write does: a Dir is a Sink that holds nothing.
func (d *Dir) Add(f File) error { return d.Write(f) }

// mkdir makes the folder dir and its parents, once.
func (d *Dir) mkdir(dir string) error {
	if _, ok := d.folders.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	d.folders.Store(dir, true)
	return nil
}

// Create creates the file at the slash-separated path p for writing, for
// a file too large to hold in memory. The caller closes it.
func (d *Dir) Create(p string) (*os.File, error) {
	if !Inside(p) {
		return nil, fmt.Errorf("refusing to write %q outside the output folder", p)
	}
	name := filepath.Join(d.tmp, filepath.FromSlash(p))
	if err := d.mkdir(filepath.Dir(name)); err != nil {
		return nil, fmt.Errorf("writing %s: %w", p, err)
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", p, err)
	}
	return f, nil
}

// Commit puts the build in place of the output folder.
func (d *Dir) Commit() error {
	if d.done {
		return fmt.Errorf("build of %s already finished", d.out)
	}
	d.done = true
	if err := swap(d.tmp, d.out); err != nil {
		os.RemoveAll(d.tmp)
		return err
	}
	return nil
}

// Abort removes an unfinished build; after Commit it does nothing.
func (d *Dir) Abort() {
	if !d.done {
		d.done = true
		os.RemoveAll(d.tmp)
	}
}
