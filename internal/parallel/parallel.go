// Package parallel runs independent pieces of a build on every core.
// Callers keep results by index, so the outcome never depends on
// scheduling and output stays deterministic.
package parallel

import (
	"runtime"
	"sync"
)

// Workers is how many goroutines For uses at most.
func Workers() int { return runtime.GOMAXPROCS(0) }

// For calls fn(worker, i) once for every i in [0, n) on up to Workers()
// goroutines and returns when all calls have returned. worker, from 0 to
// Workers()-1, lets a caller keep per-worker state such as a compressor.
func For(n int, fn func(worker, i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := range min(Workers(), n) {
		wg.Go(func() {
			for i := range next {
				fn(w, i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
