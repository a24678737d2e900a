package output

import (
	"errors"
	"testing"
	"unsafe"
)

func TestBuffersGet(t *testing.T) {
	var b Buffers
	for _, n := range []int{0, 1, 4096, 4097, 100_000, 1 << 20, 1<<20 + 1, 5 << 20} {
		p := b.Get(n)
		if len(p) != 0 || cap(p) < n {
			t.Errorf("Get(%d): len %d, cap %d", n, len(p), cap(p))
		}
	}
}

func TestBuffersRecycle(t *testing.T) {
	var b Buffers
	p := b.Get(10_000)
	p = append(p, "page"...)
	b.Recycle(p)
	if len(b.lent) != 0 {
		t.Fatalf("%d slices still lent after the only one was given back", len(b.lent))
	}
	// A slice given back twice, or never lent, is not taken.
	b.Recycle(p)
	stranger := make([]byte, 10, 16_384)
	b.Recycle(stranger)
	for range 8 {
		q := b.Get(10_000)
		if unsafe.SliceData(q) == unsafe.SliceData(stranger) {
			t.Fatal("Get lent a slice that was never lent")
		}
	}
}

// recorder is a Sink that records the data of the files added, or fails.
type recorder struct {
	data [][]byte
	err  error
}

func (r *recorder) Add(f File) error {
	if r.err != nil {
		return r.err
	}
	r.data = append(r.data, f.Data)
	return nil
}

func TestRecycling(t *testing.T) {
	var b Buffers
	dst := &recorder{}
	s := Recycling(dst, &b)
	p := append(b.Get(5000), "a page"...)
	if err := s.Add(File{Path: "a.html", Data: p}); err != nil {
		t.Fatal(err)
	}
	if string(dst.data[0]) != "a page" {
		t.Errorf("the sink got %q", dst.data[0])
	}
	if _, lent := b.lent[unsafe.SliceData(p)]; lent {
		t.Error("the page's buffer was not given back once added")
	}
	dst.err = errors.New("disk full")
	q := b.Get(5000)
	if err := s.Add(File{Path: "b.html", Data: q}); err == nil {
		t.Fatal("the sink's error was lost")
	}
	if _, lent := b.lent[unsafe.SliceData(q)]; !lent {
		t.Error("a buffer was given back though its file was not written")
	}
}
