package site

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// offsetLineCol is the plain definition of what lineCounter computes.
func offsetLineCol(src string, off int) (int, int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	return strings.Count(before, "\n") + 1, len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
}

// TestLineCounter holds lineCounter to the plain definition for offsets in
// increasing order, in any order, and out of range.
func TestLineCounter(t *testing.T) {
	src := "First ¶ line [[doc:a]]\n\nŎngjin *and* Haeju\n\n[[a:b|" + strings.Repeat("x[[", 50) + "\nend"
	rng := rand.New(rand.NewPCG(1, 2))
	var offs []int
	for i := -2; i <= len(src)+2; i++ {
		offs = append(offs, i)
	}
	for range 200 {
		offs = append(offs, rng.IntN(len(src)+4)-2)
	}
	c := lineCounter{src: src, line: 1, col: 1}
	for _, off := range offs {
		line, col := c.at(off)
		if wl, wc := offsetLineCol(src, off); line != wl || col != wc {
			t.Fatalf("at(%d) = %d:%d, want %d:%d", off, line, col, wl, wc)
		}
	}
}
