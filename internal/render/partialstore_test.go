package render

import (
	"html/template"
	"strconv"
	"sync"
	"testing"
)

func TestPartialStore(t *testing.T) {
	var s partialStore
	const n = 1000
	var wg sync.WaitGroup
	for w := range 4 { // stores from several workers at once, as a build does
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				s.store(partialKey{uint64(i), uint64(i) * 7}, template.HTML(strconv.Itoa(i)))
			}
		})
	}
	wg.Wait()
	for i := range n {
		html, ok := s.load(partialKey{uint64(i), uint64(i) * 7})
		if !ok || html != template.HTML(strconv.Itoa(i)) {
			t.Fatalf("load(%d) = %q, %v", i, html, ok)
		}
	}
	if _, ok := s.load(partialKey{1, 8}); ok {
		t.Error("a key differing in its second half loads another's markup")
	}
	s.clear()
	if _, ok := s.load(partialKey{1, 7}); ok {
		t.Error("clear kept an entry")
	}
	s.store(partialKey{1, 7}, "again")
	if html, _ := s.load(partialKey{1, 7}); html != "again" {
		t.Errorf("a store after clear loads %q", html)
	}
}
