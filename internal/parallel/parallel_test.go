package parallel

import (
	"fmt"
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
	for _, tc := range []struct{ n, ahead int }{{0, 4}, {1, 1}, {7, 0}, {1000, 3}, {1000, 256}} {
		var made atomic.Int32
		want := 0
		err := Ordered(tc.n, tc.ahead, func(_, i int) (int, error) {
			made.Add(1)
			return i * i, nil
		}, func(i, r int) error {
			if i != want || r != i*i {
				t.Errorf("Ordered(%d, %d): use(%d, %d), want use(%d, %d)", tc.n, tc.ahead, i, r, want, want*want)
			}
			want++
			return nil
		})
		if err != nil || want != tc.n || int(made.Load()) != tc.n {
			t.Errorf("Ordered(%d, %d): %d used, %d made, error %v; want %d, nil", tc.n, tc.ahead, want, made.Load(), err, tc.n)
		}
	}
}

func TestOrderedKeepsAtMostAheadInFlight(t *testing.T) {
	const ahead = 5
	var inFlight, most atomic.Int32
	err := Ordered(200, ahead, func(_, i int) (int, error) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		return i, nil
	}, func(i, _ int) error {
		inFlight.Add(-1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m := most.Load(); m > ahead {
		t.Errorf("%d items made and not used at once, want at most %d", m, ahead)
	}
}

func TestOrderedStopsAtFirstErrorInOrder(t *testing.T) {
	errAt := func(k int) error { return fmt.Errorf("item %d", k) }
	for _, inUse := range []bool{false, true} {
		used := 0
		err := Ordered(1000, 8, func(_, i int) (int, error) {
			if !inUse && (i == 40 || i == 60) {
				return 0, errAt(i)
			}
			return i, nil
		}, func(i, _ int) error {
			used++
			if inUse && (i == 40 || i == 60) {
				return errAt(i)
			}
			return nil
		})
		if err == nil || err.Error() != "item 40" {
			t.Errorf("error in use %v: got %v, want item 40", inUse, err)
		}
		if want := 40 + btoi(inUse); used != want {
			t.Errorf("error in use %v: %d uses, want %d", inUse, used, want)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
