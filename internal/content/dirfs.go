package content

import (
	"io/fs"
	"os"
)

// DirFS returns the file system of the content folder dir for
// LoadCached: os.DirFS(dir), whose methods it forwards, with a cheaper
// way to read a content file where the system allows one (see
// dirFS.readSized).
func DirFS(dir string) fs.FS {
	return dirFS{osFS: os.DirFS(dir).(osFS), dir: dir}
}

// osFS is what os.DirFS implements, so that fs.ReadDir, fs.Stat and
// fs.Lstat find the same methods on a dirFS.
type osFS interface {
	fs.ReadDirFS
	fs.ReadFileFS
	fs.StatFS
	fs.ReadLinkFS
}

type dirFS struct {
	osFS
	dir string
}

// sizedReader is a file system that reads a file as readSized does, more
// cheaply than through fs.File.
type sizedReader interface {
	readSized(name string) (b []byte, size int64, err error)
}

// join is the operating system's path of name, as os.DirFS makes it.
func (f dirFS) join(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f.dir != "" && os.IsPathSeparator(f.dir[len(f.dir)-1]) {
		return f.dir + name, nil
	}
	return f.dir + string(os.PathSeparator) + name, nil
}
