package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// buildMemoryLimit is the soft memory limit of a build (cmd/build without
// -check or -serve, which write each file as it is made): the garbage
// collector then lets the heap grow to twice what is live only while
// that stays below it. At 10,000 documents the live heap stays under
// 170 MB, and the limit keeps the peak near 350 MiB instead of 410 to
// 450 MiB, at a few more collections (380 MiB saved no CPU beyond the
// runs' noise, 310 MiB cost about half a CPU-second more).
const buildMemoryLimit = 340 << 20

// softMemoryLimit sets limit as the process's soft memory limit, unless
// GOMEMLIMIT is set, until stop is called. A limit close to what is live
// would make the collector run nearly without pause: once the live heap
// passes two thirds of the limit (a far larger edition), the limit is
// lifted for the rest of the build. The live heap is looked at every
// interval.
func softMemoryLimit(limit int64, interval time.Duration) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		sample := []metrics.Sample{{Name: liveHeap}}
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if tooClose(sample[0].Value.Uint64(), limit) {
				debug.SetMemoryLimit(prev)
				return
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		debug.SetMemoryLimit(prev)
	}
}

// tooClose reports whether live bytes are too close to limit for the
// limit to be kept: past two thirds of it, the collector would run more
// than twice as often as without a limit. At 10,000 documents the live
// heap stays under 170 MB, below the mark of 226 MiB by a third as
// much again; at 20,000 documents (about 330 MB live) it passes it.
func tooClose(live uint64, limit int64) bool {
	return live > uint64(limit)/3*2
}
