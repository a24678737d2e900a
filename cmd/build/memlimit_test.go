package main

import (
	"runtime/debug"
	"testing"
	"time"
)

func TestTooClose(t *testing.T) {
	tests := []struct {
		live  uint64
		limit int64
		want  bool
	}{
		{0, 380 << 20, false},
		{200 << 20, 380 << 20, false},
		{253 << 20, 380 << 20, false},
		{254 << 20, 380 << 20, true},
		{1 << 30, 380 << 20, true},
	}
	for _, tt := range tests {
		if got := tooClose(tt.live, tt.limit); got != tt.want {
			t.Errorf("tooClose(%d MiB, %d MiB) = %v, want %v", tt.live>>20, tt.limit>>20, got, tt.want)
		}
	}
}

// TestSoftMemoryLimit checks that the limit holds while the build runs
// and that the one before is back afterwards; GOMEMLIMIT, when set,
// wins.
func TestSoftMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	stop := softMemoryLimit(1<<40, time.Hour)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("limit while building: %d", got)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after the build: %d, want %d", got, before)
	}
}

func TestSoftMemoryLimitLeavesGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "1GiB")
	before := debug.SetMemoryLimit(-1)
	stop := softMemoryLimit(1<<40, time.Hour)
	defer stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit with GOMEMLIMIT set: %d, want %d", got, before)
	}
}
