package output

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"time"

	"github.com/korean-war-sources/edition/internal/parallel"
)

// Archive is a Sink writing a zip archive, with a fixed modification
// time so that the same site always gives the same bytes. The files sit
// in a folder named root, so that unpacking the archive does not scatter
// them.
//
// Add hands each file to deflaters running on every core and returns;
// one goroutine then writes the deflated files in the order added. Each
// file is deflated on its own, as zip.Writer would, so the bytes are
// those of a serial zip.Writer. Close must be called, also after an
// error, to stop the goroutines.
type Archive struct {
	w     *zip.Writer
	root  string
	ready []byte // the deflated bytes of the file being written

	jobs  chan *entry // to the deflaters
	order chan *entry // to the writer, in the order added
	done  chan error  // the writer's first error, when it has finished
}

// entry is a file on its way into the archive.
type entry struct {
	file     File
	deflated []byte
	err      error
	ready    chan struct{} // closed once deflated
}

// pending is how many files an Archive holds before Add waits.
const pending = 256

// zipEpoch is the modification time of every file in an archive.
func zipEpoch() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// NewArchive starts an archive written to w.
func NewArchive(w io.Writer, root string) *Archive {
	a := &Archive{w: zip.NewWriter(w), root: root,
		jobs: make(chan *entry, pending), order: make(chan *entry, pending), done: make(chan error, 1)}
	// The registered compressor hands zip.Writer the file's deflated bytes
	// made ahead of time; zip.Writer still counts the sizes and computes
	// the checksum from the data written through it.
	a.w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return &precompressed{out: out, data: a.ready}, nil
	})
	for range parallel.Workers() {
		go deflater(a.jobs)
	}
	go a.write()
	return a
}

// deflater deflates the files of jobs, reusing one Compressor.
func deflater(jobs <-chan *entry) {
	var c Compressor
	for e := range jobs {
		e.deflated, e.err = c.Deflate(e.file.Data)
		close(e.ready)
	}
}

// write adds the files to the archive in order as they are deflated.
func (a *Archive) write() {
	var err error
	for e := range a.order {
		<-e.ready
		if err == nil {
			err = e.err
		}
		if err == nil {
			err = a.add(e.file, e.deflated)
		}
	}
	a.done <- err
}

// Add queues f for the archive. Errors are reported by Close.
func (a *Archive) Add(f File) error {
	e := &entry{file: f, ready: make(chan struct{})}
	a.jobs <- e
	a.order <- e
	return nil
}

// add writes f, whose data deflated (by a Compressor) is deflated.
func (a *Archive) add(f File, deflated []byte) error {
	a.ready = deflated
	h := &zip.FileHeader{Name: a.root + "/" + f.Path, Method: zip.Deflate, Modified: zipEpoch()}
	fw, err := a.w.CreateHeader(h)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if _, err := fw.Write(f.Data); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// Close writes the files added and the archive's directory; it does not
// close the writer under it. It returns the first error of the archive.
func (a *Archive) Close() error {
	close(a.jobs)
	close(a.order)
	if err := <-a.done; err != nil {
		return err
	}
	if err := a.w.Close(); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
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

// Compressor deflates files for an Archive. It keeps one flate.Writer and
// resets it between files: a new one allocates and clears about a
// megabyte, more than most pages weigh. A Compressor is not safe for
// concurrent use; give each worker its own.
type Compressor struct {
	buf bytes.Buffer
	fw  *flate.Writer
}

// Deflate returns data deflated on its own, as zip.Writer would.
func (c *Compressor) Deflate(data []byte) ([]byte, error) {
	c.buf.Reset()
	if c.fw == nil {
		fw, err := flate.NewWriter(&c.buf, flate.BestSpeed)
		if err != nil {
			return nil, err
		}
		c.fw = fw
	} else {
		c.fw.Reset(&c.buf)
	}
	if _, err := c.fw.Write(data); err != nil {
		return nil, err
	}
	if err := c.fw.Close(); err != nil {
		return nil, err
	}
	return bytes.Clone(c.buf.Bytes()), nil
}
