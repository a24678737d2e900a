package content

import (
	"bytes"
	"fmt"
	"io/fs"
)

// ReadText reads the file p of fsys again as the loader read it, for a
// build that dropped the text after loading (Body.Raw): a byte order mark
// removed and line endings made LF. The caller checks that the text is
// still the one loaded. It neither checks the file nor reports problems
// with it, as the load did.
func ReadText(fsys fs.FS, p string) (string, error) {
	b, size, err := readSized(fsys, p)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", p, err)
	}
	if size > MaxFileSize {
		return "", fmt.Errorf("reading %s: file is too large", p)
	}
	return string(normalizeNewlines(bytes.TrimPrefix(b, []byte("\uFEFF")))), nil
}
