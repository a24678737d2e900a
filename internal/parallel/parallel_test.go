package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]int32, n)
		var badWorker atomic.Bool
		For(n, func(w, i int) {
			if w < 0 || w >= Workers() {
				badWorker.Store(true)
			}
			atomic.AddInt32(&seen[i], 1)
		})
		for i, c := range seen {
			if c != 1 {
				t.Errorf("For(%d): index %d called %d times, want 1", n, i, c)
			}
		}
		if badWorker.Load() {
			t.Errorf("For(%d): worker number outside [0, %d)", n, Workers())
		}
	}
}
