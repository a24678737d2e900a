// Package parallel runs independent pieces of a build on every core.
// Callers keep results by index, so the outcome never depends on
// scheduling and output stays deterministic.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines For uses at most.
func Workers() int { return runtime.GOMAXPROCS(0) }

// For calls fn(worker, i) once for every i in [0, n) on up to Workers()
// goroutines and returns when all calls have returned. worker, from 0 to
// Workers()-1, lets a caller keep per-worker state such as a compressor.
// Workers take the next index from a shared counter, not a channel, so
// that items of a few microseconds (a document's terms, a file's hash)
// cost no hand-over between goroutines.
func For(n int, fn func(worker, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range min(Workers(), n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(w, i)
			}
		})
	}
	wg.Wait()
}

// Ordered calls produce(i) for every i in [0, n) on up to Workers()
// goroutines and hands each result to use(i, result) on the calling
// goroutine in the order of i, as soon as it and every result before it
// are made. At most ahead results (at least one) are made and not yet
// used, which bounds what is held in memory while the calls run at the
// same time. Once use returns false, no further produce begins and no
// further use is called; Ordered returns when the calls begun have
// returned.
func Ordered[T any](n, ahead int, produce func(i int) T, use func(i int, v T) bool) {
	type slot struct {
		i     int
		v     T
		ready chan struct{}
	}
	// In the order of i; the slot being used is the ahead-th.
	pending := make(chan *slot, max(ahead, 1)-1)
	jobs := make(chan *slot)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range min(Workers(), n) {
		wg.Go(func() {
			for s := range jobs {
				s.v = produce(s.i)
				close(s.ready)
			}
		})
	}
	go func() {
		defer close(pending)
		defer close(jobs)
		for i := range n {
			// The consumer keeps draining pending after it stops, so
			// the select below could go on choosing pending at random:
			// a stop seen here ends the feeding first.
			select {
			case <-stop:
				return
			default:
			}
			s := &slot{i: i, ready: make(chan struct{})}
			select {
			case pending <- s:
			case <-stop:
				return
			}
			jobs <- s
		}
	}()
	ok := true
	for s := range pending {
		<-s.ready
		if ok && !use(s.i, s.v) {
			ok = false
			close(stop)
		}
	}
	wg.Wait()
}
