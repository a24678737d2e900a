package output

import (
	"math/bits"
	"sync"
	"unsafe"
)

// Buffers lends byte slices to make files in and takes them back once
// the files are written, for reuse: a build writes tens of thousands of
// pages, hundreds of megabytes at 10,000 documents, and making each in
// fresh memory is what most drives the collector. One Buffers serves one
// build; it is safe for concurrent use.
//
// Only slices it lent are taken back (Recycle checks), so a sink may
// hand it every file; and it takes them back only from a sink that
// keeps nothing of a file once added (see Recycling).
type Buffers struct {
	mu    sync.Mutex
	lent  map[*byte]struct{} // the first byte of each slice lent, until given back
	pools [numClasses]sync.Pool
}

// Buffer sizes go by powers of two from 1<<minShift to 1<<maxShift;
// larger slices are neither lent from a pool nor kept.
const (
	minShift   = 12
	maxShift   = 20
	numClasses = maxShift - minShift + 1
)

// Get returns an empty slice with room for at least n bytes.
func (b *Buffers) Get(n int) []byte {
	c := classFor(n)
	if c >= numClasses {
		return make([]byte, 0, n)
	}
	var p []byte
	if v, ok := b.pools[c].Get().(*[]byte); ok {
		p = (*v)[:0]
	} else {
		p = make([]byte, 0, 1<<(c+minShift))
	}
	b.mu.Lock()
	if b.lent == nil {
		b.lent = map[*byte]struct{}{}
	}
	b.lent[unsafe.SliceData(p)] = struct{}{}
	b.mu.Unlock()
	return p
}

// Recycle takes p back if it was lent by Get (or is a part of a slice lent
// that begins where it does), for a later Get; otherwise it does nothing.
// Whoever gives p back must not use it any more.
func (b *Buffers) Recycle(p []byte) {
	if cap(p) == 0 {
		return
	}
	first := unsafe.SliceData(p)
	b.mu.Lock()
	_, ok := b.lent[first]
	delete(b.lent, first)
	b.mu.Unlock()
	if !ok {
		return
	}
	// The class whose size the slice holds in full.
	c := bits.Len(uint(cap(p))) - 1 - minShift
	if c < 0 || c >= numClasses {
		return
	}
	p = p[:0]
	b.pools[c].Put(&p)
}

// classFor is the class of the smallest buffer holding n bytes.
func classFor(n int) int {
	if n <= 1<<minShift {
		return 0
	}
	return bits.Len(uint(n-1)) - minShift
}

// Recycling returns a Sink adding each file to s and then giving its
// data back to b. s must keep nothing of a file once it is added, as a
// Dir does.
func Recycling(s Sink, b *Buffers) Sink { return recycling{s, b} }

type recycling struct {
	s Sink
	b *Buffers
}

func (r recycling) Add(f File) error {
	if err := r.s.Add(f); err != nil {
		return err
	}
	r.b.Recycle(f.Data)
	return nil
}
