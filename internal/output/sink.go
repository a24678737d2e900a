package output

import (
	"sync"
	"sync/atomic"
)

// A Sink is where the files of a site go: a folder (Dir), memory
// (Memory), a zip archive (Archive), or several of them (Tee). A build
// adds the files one at a time, in the order of the site, from one
// goroutine; a sink that holds nothing lets each file be dropped as
// soon as it is added.
type Sink interface {
	Add(f File) error
}

// Memory is a Sink keeping the files, in the order added, for the
// preview and for tests.
type Memory struct {
	Files []File
}

// Add appends f to m.Files.
func (m *Memory) Add(f File) error {
	m.Files = append(m.Files, f)
	return nil
}

// Discard is a Sink that drops every file: a build whose files are not
// to be kept still makes them, to report the errors of making them.
var Discard Sink = discard{}

type discard struct{}

func (discard) Add(File) error { return nil }

// Tee returns a Sink adding each file to every one of sinks, in turn;
// it stops at the first error.
func Tee(sinks ...Sink) Sink {
	if len(sinks) == 1 {
		return sinks[0]
	}
	return tee(sinks)
}

type tee []Sink

func (t tee) Add(f File) error {
	for _, s := range t {
		if err := s.Add(f); err != nil {
			return err
		}
	}
	return nil
}

// Queue is a Sink handing files to another sink on goroutines of its
// own, so that a build makes the next files while the last ones are
// written. Close waits for the files queued and returns the first error;
// a file added after an error is dropped.
type Queue struct {
	files  chan File
	done   chan error
	failed atomic.Bool
}

// queued is how many files a Queue holds before Add waits.
const queued = 256

// NewQueueOn starts a Queue adding to s on n goroutines (at least one),
// for a sink safe for concurrent use whose files may be added in any
// order, such as a Dir: writing a site is tens of thousands of system
// calls, which one goroutine would make one after the other while the
// build waits for the last of them.
func NewQueueOn(s Sink, n int) *Queue {
	q := &Queue{files: make(chan File, queued), done: make(chan error, 1)}
	errs := make([]error, max(n, 1))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for f := range q.files {
				if q.failed.Load() {
					continue
				}
				if errs[w] = s.Add(f); errs[w] != nil {
					q.failed.Store(true)
				}
			}
		})
	}
	go func() {
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				q.done <- err
				return
			}
		}
		q.done <- nil
	}()
	return q
}

// Add queues f.
func (q *Queue) Add(f File) error {
	q.files <- f
	return nil
}

// Close waits until the files queued are added and returns the first
// error of adding them. It must be called exactly once.
func (q *Queue) Close() error {
	close(q.files)
	return <-q.done
}
