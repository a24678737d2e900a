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

// Ordered calls produce(worker, i) for every i in [0, n) on up to Workers()
// goroutines and hands each result to use(i, r) on the calling goroutine,
// in the order of i. Making runs at most ahead items past the last one
// used, which bounds what is held, but never waits for a whole batch: a
// slow item holds back only the use of those after it, not their making.
// The first error, of produce or of use, in the order of i, stops the work
// and is returned; no use follows it.
func Ordered[R any](n, ahead int, produce func(worker, i int) (R, error), use func(i int, r R) error) error {
	results := newResults[R](n)
	tokens := make(chan struct{}, max(ahead, 1)) // one per item handed out and not yet used
	next, stop := make(chan int), make(chan struct{})
	go dispatch(n, tokens, next, stop)
	var wg sync.WaitGroup
	for w := range min(Workers(), n) {
		wg.Go(func() {
			for i := range next {
				r := &results[i]
				r.value, r.err = produce(w, i)
				close(r.ready)
			}
		})
	}
	var err error
	for i := range results {
		r := &results[i]
		<-r.ready
		<-tokens
		if err = r.err; err == nil {
			err = use(i, r.value)
		}
		*r = result[R]{}
		if err != nil {
			break
		}
	}
	close(stop)
	wg.Wait()
	return err
}

// result is one item of Ordered, ready once made.
type result[R any] struct {
	value R
	err   error
	ready chan struct{}
}

func newResults[R any](n int) []result[R] {
	rs := make([]result[R], max(n, 0))
	for i := range rs {
		rs[i].ready = make(chan struct{})
	}
	return rs
}

// dispatch sends 0 … n-1 on next, each once a token is free, until stop
// is closed, and then closes next.
func dispatch(n int, tokens chan<- struct{}, next chan<- int, stop <-chan struct{}) {
	defer close(next)
	for i := range n {
		select {
		case tokens <- struct{}{}:
		case <-stop:
			return
		}
		select {
		case next <- i:
		case <-stop:
			return
		}
	}
}
