package content

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
)

// ReadText reads the file p of fsys again as the loader read it, for a
// build that dropped the text after loading (Body.Raw): a byte order mark
// removed and line endings made LF. size is the length of the text when
// it was loaded, a hint for the buffer; the caller checks that the text
// is still the one loaded. It neither checks the file nor reports
// problems with it, as the load did.
func ReadText(fsys fs.FS, p string, size int) (string, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	// One byte more than the text, so that a file of the same length is
	// read whole by one read and its end found by the next.
	b := make([]byte, 0, size+1)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("reading %s: %w", p, err)
		}
		if len(b) == cap(b) {
			if len(b) > MaxFileSize {
				return "", fmt.Errorf("reading %s: file is too large", p)
			}
			b = append(b, 0)[:len(b)]
		}
	}
	return string(normalizeNewlines(bytes.TrimPrefix(b, []byte("\uFEFF")))), nil
}
