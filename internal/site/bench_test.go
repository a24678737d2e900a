package site_test

import (
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// BenchmarkBuildCached builds the generated corpora in $SITE_BENCH_DIR
// (default /tmp/sitecorp, written by cmd/gencorpus into c1000 and c10000)
// without a cache and with a warm one. As other processes share the
// machine, it also reports the process's CPU time per build.
func BenchmarkBuildCached(b *testing.B) {
	root := os.Getenv("SITE_BENCH_DIR")
	if root == "" {
		root = "/tmp/sitecorp"
	}
	for _, n := range []int{1000, 10000} {
		dir := filepath.Join(root, "c"+strconv.Itoa(n))
		if _, err := os.Stat(dir); err != nil {
			b.Logf("skipping %d documents: %v", n, err)
			continue
		}
		var diags diag.List
		ed, err := content.LoadCached(os.DirFS(dir), dir, nil, &diags)
		if err != nil {
			b.Fatal(err)
		}
		conv := markdown.New()
		b.Run(strconv.Itoa(n)+"/cold", func(b *testing.B) {
			benchBuild(b, func() { site.BuildCached(ed, conv, nil, &diag.List{}) })
		})
		b.Run(strconv.Itoa(n)+"/warm", func(b *testing.B) {
			cache := site.NewFragmentCache()
			site.BuildCached(ed, conv, cache, &diag.List{})
			benchBuild(b, func() { site.BuildCached(ed, conv, cache, &diag.List{}) })
		})
	}
}

// benchBuild runs build b.N times and reports the CPU time per call.
func benchBuild(b *testing.B, build func()) {
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		build()
	}
	b.ReportMetric(float64((cpuTime(b)-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// cpuTime is the user and system time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
