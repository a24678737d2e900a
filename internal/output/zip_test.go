package output

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/parallel"
)

// TestZipMatchesSerialArchive checks that the archive, compressed ahead on
// several cores with reused compressors, is byte for byte the archive
// zip.Writer writes with a new compressor for every file, and unpacks to
// the files.
func TestZipMatchesSerialArchive(t *testing.T) {
	files := []File{
		{Path: "index.html", Data: []byte(strings.Repeat("<p>Stalin to Mao</p>\n", 200))},
		{Path: "empty.txt"},
		{Path: "documents/a.html", Data: []byte("short")},
		{Path: "documents/b.html", Data: bytes.Repeat([]byte{0, 1, 2, 3, 250}, 5000)},
	}
	for i := range zipWindow + 10 { // more than one window
		files = append(files, File{Path: fmt.Sprintf("notes/%d.html", i), Data: []byte(strings.Repeat("note ", i))})
	}
	got, err := Zip("edition", files)
	if err != nil {
		t.Fatal(err)
	}

	var want bytes.Buffer
	w := zip.NewWriter(&want)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	for _, f := range files {
		h := &zip.FileHeader{Name: "edition/" + f.Path, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		fw, err := w.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(f.Data)
	}
	w.Close()
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("archive differs from one written with a new compressor per file")
	}

	r, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	if err != nil {
		t.Fatal(err)
	}
	for i, zf := range r.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		if zf.Name != "edition/"+files[i].Path || !bytes.Equal(data, files[i].Data) {
			t.Errorf("file %d unpacks as %s with other bytes", i, zf.Name)
		}
	}
}

// zipWindow is how many files Zip compresses ahead of the archive
// writer, as a build does.
const zipWindow = 256

// Zip packs files into one archive in memory, in the order given, as a
// build adds them to an Archive. Compression, nearly all the work, runs on every core, a window
// of files at a time; the archive is then written in order.
func Zip(root string, files []File) ([]byte, error) {
	var buf bytes.Buffer
	a := NewArchive(&buf, root)
	for start := 0; start < len(files); start += zipWindow {
		window := files[start:min(start+zipWindow, len(files))]
		deflated, err := deflateAll(window)
		if err != nil {
			return nil, fmt.Errorf("archive: %w", err)
		}
		for i, f := range window {
			if err := a.Add(f, deflated[i]); err != nil {
				return nil, err
			}
		}
	}
	if err := a.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// deflateAll compresses each file's data on its own, on every core.
func deflateAll(files []File) ([][]byte, error) {
	out := make([][]byte, len(files))
	errs := make([]error, len(files))
	comps := make([]Compressor, parallel.Workers()) // one per worker
	parallel.For(len(files), func(w, i int) { out[i], errs[i] = comps[w].Deflate(files[i].Data) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
