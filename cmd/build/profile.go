package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"time"
)

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func() error, err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// startTrace starts an execution trace written to path; stop ends it.
func startTrace(path string) (stop func() error, err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := trace.Start(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("trace: %w", err)
	}
	return func() error {
		trace.Stop()
		return f.Close()
	}, nil
}

// liveHeap is the runtime metric of the bytes of heap found live by the
// last garbage collection.
const liveHeap = "/gc/heap/live:bytes"

// startHeapProfile watches the live heap until stop is called and then
// writes to path the heap profile taken when the live heap was largest,
// which is what peak memory is made of: a profile at the end of a build
// would show only what the build still holds then.
func startHeapProfile(path string, every time.Duration) (stop func() error) {
	done := make(chan struct{})
	result := make(chan []byte, 1)
	go func() {
		sample := []metrics.Sample{{Name: liveHeap}}
		var best []byte
		var peak uint64
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			// A new profile only when the heap has grown by a sixteenth:
			// writing one costs a pass over every sampled allocation.
			if live := sample[0].Value.Uint64(); best == nil || live > peak+peak/16 {
				var buf bytes.Buffer
				if err := pprof.Lookup("heap").WriteTo(&buf, 0); err == nil {
					best, peak = buf.Bytes(), live
				}
			}
			select {
			case <-done:
				result <- best
				return
			case <-tick.C:
			}
		}
	}()
	return func() error {
		close(done)
		if err := os.WriteFile(path, <-result, 0o644); err != nil {
			return fmt.Errorf("heap profile: %w", err)
		}
		return nil
	}
}
