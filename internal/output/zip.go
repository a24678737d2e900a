package output

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"
)

// zipWindow is how many files are compressed ahead of the archive writer;
// it bounds the memory held by compressed files not yet written.
const zipWindow = 256

// Zip packs files into one archive, in the order given, with a fixed
// modification time so that the same site always gives the same bytes.
// The files sit in a folder named root, so that unpacking the archive
// does not scatter them.
//
// Compression, nearly all the work, runs on every core, a window of files
// at a time; the archive is then written in order. Each file is deflated
// on its own, as zip.Writer would, so the bytes are those of a serial run.
func Zip(root string, files []File) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	// The registered compressor hands zip.Writer the file's deflated bytes
	// made ahead of time; zip.Writer still counts the sizes and computes
	// the checksum from the data written through it.
	var ready []byte
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return &precompressed{out: out, data: ready}, nil
	})
	epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for start := 0; start < len(files); start += zipWindow {
		window := files[start:min(start+zipWindow, len(files))]
		deflated, err := deflateAll(window)
		if err != nil {
			return nil, fmt.Errorf("archive: %w", err)
		}
		for i, f := range window {
			ready = deflated[i]
			h := &zip.FileHeader{Name: root + "/" + f.Path, Method: zip.Deflate, Modified: epoch}
			fw, err := w.CreateHeader(h)
			if err != nil {
				return nil, fmt.Errorf("archive: %w", err)
			}
			if _, err := fw.Write(f.Data); err != nil {
				return nil, fmt.Errorf("archive: %w", err)
			}
		}
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	return buf.Bytes(), nil
}

// precompressed is a compressor whose output was made ahead of time: it
// ignores what is written to it and writes the deflated bytes on Close.
type precompressed struct {
	out  io.Writer
	data []byte
}

func (p *precompressed) Write(b []byte) (int, error) { return len(b), nil }

func (p *precompressed) Close() error {
	_, err := p.out.Write(p.data)
	return err
}

// deflateAll compresses each file's data on its own, on every core. Each
// worker keeps one flate.Writer and resets it between files: a new one
// allocates and clears about a megabyte, more than most pages weigh.
func deflateAll(files []File) ([][]byte, error) {
	out := make([][]byte, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var b bytes.Buffer
			fw, err := flate.NewWriter(&b, flate.BestSpeed)
			for i := range next {
				if err != nil {
					errs[i] = err
					continue
				}
				b.Reset()
				fw.Reset(&b)
				if _, errs[i] = fw.Write(files[i].Data); errs[i] == nil {
					errs[i] = fw.Close()
				}
				out[i] = bytes.Clone(b.Bytes())
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
