//go:build !unix

package search

import "time"

// cpuTime is not measured here: reportCPU reports 0.
func cpuTime() time.Duration { return 0 }
