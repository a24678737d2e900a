package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/diag"
)

// BenchmarkLoad loads generated editions of 1,000 and 10,000 documents.
// It reads /tmp/loadcorp/cN when present (make it with
// go run ./cmd/gencorpus -n N -out /tmp/loadcorp/cN), so that repeated
// runs read the same files; otherwise it writes the corpus first.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := filepath.Join(os.TempDir(), "loadcorp", fmt.Sprintf("c%d", n))
			if _, err := os.Stat(dir); err != nil {
				dir = b.TempDir()
				if err := corpus.Write(dir, n); err != nil {
					b.Fatal(err)
				}
			}
			fsys := content.DirFS(dir) // as the build reads it
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				var diags diag.List
				if _, err := content.LoadCached(fsys, dir, nil, &diags); err != nil {
					b.Fatal(err)
				}
				if diags.HasErrors(false) {
					b.Fatalf("corpus has errors:\n%s", diags.String())
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the user and system CPU time of the process so far. Other
// programs share the machine, so CPU time is steadier than wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
