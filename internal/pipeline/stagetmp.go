package pipeline

import (
	"fmt"
	"os"
	"time"
)

var t0 = time.Now()

func stage(name string) func() {
	if os.Getenv("STAGES") == "" {
		return func() {}
	}
	w := time.Now()
	return func() {
		fmt.Fprintf(os.Stderr, "stage %-12s %6.2f..%6.2f\n", name, w.Sub(t0).Seconds(), time.Since(t0).Seconds())
	}
}
