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

// zipWindow is more than the files an Archive holds at once.
const zipWindow = pending

// Zip packs files into one archive in memory, in the order given, as a
// build adds them to an Archive.
func Zip(root string, files []File) ([]byte, error) {
	var buf bytes.Buffer
	a := NewArchive(&buf, root)
	for _, f := range files {
		if err := a.Add(f); err != nil {
			a.Close()
			return nil, err
		}
	}
	if err := a.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
