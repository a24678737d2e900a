package output

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"time"
)

// Zip packs files into one archive, in the order given, with a fixed
// modification time so that the same site always gives the same bytes.
// The files sit in a folder named root, so that unpacking the archive
// does not scatter them.
func Zip(root string, files []File) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	// One compressor serves every file in turn: a new flate.Writer
	// allocates and clears about a megabyte, more than most pages weigh,
	// while Reset makes the same writer as new.
	var fw *flate.Writer
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		h := &zip.FileHeader{Name: root + "/" + f.Path, Method: zip.Deflate, Modified: epoch}
		fw, err := w.CreateHeader(h)
		if err != nil {
			return nil, fmt.Errorf("archive: %w", err)
		}
		if _, err := fw.Write(f.Data); err != nil {
			return nil, fmt.Errorf("archive: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	return buf.Bytes(), nil
}
