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

func TestOrderedUsesEveryResultInOrder(t *testing.T) {
	for _, tt := range []struct{ n, ahead int }{{0, 4}, {1, 1}, {7, 0}, {1000, 3}, {1000, 64}} {
		var made, used atomic.Int32
		var tooMany atomic.Bool
		next := 0
		Ordered(tt.n, tt.ahead, func(i int) int {
			if made.Add(1)-used.Load() > int32(max(tt.ahead, 1)) {
				tooMany.Store(true)
			}
			return i * i
		}, func(i, v int) bool {
			if i != next || v != i*i {
				t.Fatalf("Ordered(%d, %d): got %d (%d) after %d", tt.n, tt.ahead, i, v, next-1)
			}
			next++
			used.Add(1)
			return true
		})
		if next != tt.n {
			t.Errorf("Ordered(%d, %d) used %d results", tt.n, tt.ahead, next)
		}
		if tooMany.Load() {
			t.Errorf("Ordered(%d, %d) made more than %d results ahead of use", tt.n, tt.ahead, tt.ahead)
		}
	}
}

func TestOrderedStopsWhenUseFails(t *testing.T) {
	var made atomic.Int32
	used := 0
	Ordered(10000, 8, func(i int) int { made.Add(1); return i }, func(i, v int) bool {
		used++
		return i < 10
	})
	if used != 11 {
		t.Errorf("use called %d times after refusing the 11th result, want 11", used)
	}
	if m := made.Load(); m > 11+8+int32(Workers()) {
		t.Errorf("%d results made after use refused the 11th, want at most a window more", m)
	}
}
