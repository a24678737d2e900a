// Package output holds the sinks the files of a build go to (see Sink):
// a folder (Dir), memory (Memory), a zip archive (Archive), combined by
// Tee. A folder is written atomically: everything goes into a fresh
// sibling folder, which replaces the old output only when the whole
// build has been written. A failed build therefore leaves the previous
// site untouched, and readers of the folder never see half a site.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one file of the site, by slash-separated path below the root.
type File struct {
	Path string
	Data []byte
}

// Write replaces the folder out with files and a copy of the static
// folder (static may be ""). Paths that would leave out are refused.
func Write(out string, files []File, static string) error {
	d, err := Create(out)
	if err != nil {
		return err
	}
	defer d.Abort()
	if static != "" {
		if err := copyTree(static, d.tmp); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := d.Write(f); err != nil {
			return err
		}
	}
	return d.Commit()
}

func writeFile(root string, f File) error {
	if !Inside(f.Path) {
		return fmt.Errorf("refusing to write %q outside the output folder", f.Path)
	}
	p := filepath.Join(root, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", f.Path, err)
	}
	if err := os.WriteFile(p, f.Data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", f.Path, err)
	}
	return nil
}

// Inside reports whether a slash-separated relative path stays inside the
// folder it is relative to.
func Inside(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return false
	}
	c := filepath.ToSlash(filepath.Clean(filepath.FromSlash(p)))
	return c != ".." && !strings.HasPrefix(c, "../") && c != "."
}

// swap puts tmp in place of out. The old folder is moved aside first and
// removed only after the new one is in place.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("replacing %s: %w", out, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("replacing %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return fmt.Errorf("replacing %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// copyTree copies the regular files below src into dst.
func copyTree(src, dst string) error {
	files, err := ReadTree(src)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := writeFile(dst, f); err != nil {
			return err
		}
	}
	return nil
}

// ReadTree reads the regular files below dir, in lexical order, as files
// of the site. Symbolic links are refused, so nothing from outside the
// folder is published. A missing folder has no files.
func ReadTree(dir string) ([]File, error) {
	info, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("reading static files: %w", err)
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("%s: symbolic links are not allowed in static files", dir)
	}
	return ReadFS(os.DirFS(dir), dir)
}

// ReadFS reads the regular files of fsys, in lexical order, as files of
// the site; name, the folder fsys stands for, places error messages.
// Symbolic links are refused. An empty or missing fsys has no files.
func ReadFS(fsys fs.FS, name string) ([]File, error) {
	var files []File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "." {
				return nil
			}
			return fmt.Errorf("reading static files: %w", err)
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			return fmt.Errorf("%s: symbolic links are not allowed in static files", filepath.Join(name, filepath.FromSlash(p)))
		case d.IsDir():
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("reading static files: %w", err)
		}
		files = append(files, File{Path: p, Data: b})
		return nil
	})
	return files, err
}
