package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/textfold"
)

// The indexer tokenises with reused buffers for speed. The tests below
// hold it to the plain definition it replaced, which is what
// static/assets/search.js implements. (Folding itself is held to its
// table in internal/textfold.)

// refTokenize is Tokenize on a folded slice of runes, one string per term.
func refTokenize(s string) []string {
	rs := textfold.Runes(s)
	var terms []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			terms = append(terms, string(cur))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isHan(r):
			flush()
			terms = append(terms, string(r))
		case isTermRune(r):
			if len(cur) < MaxTermRunes {
				cur = append(cur, r)
			}
		case r == '\'' && len(cur) > 0 && possessive(rs, i):
			flush()
			i++ // the "s"
		case r == '\'' && len(cur) > 0 && i+1 < len(rs) && isTermRune(rs[i+1]) && !isHan(rs[i+1]):
		default:
			flush()
		}
	}
	flush()
	return terms
}

// TestTokenizeMatchesReference compares Tokenize with refTokenize on
// random strings of the runes that matter and on the real edition.
func TestTokenizeMatchesReference(t *testing.T) {
	alphabet := []rune("aAbsS'’ `´Zž毛 é\u0301ǅİ1,.-\u00a0ß\ufffd")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		n := rng.IntN(60)
		var b strings.Builder
		for range n {
			if rng.IntN(20) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
		}
		s := b.String()
		if got, want := Tokenize(s), refTokenize(s); !slices.Equal(got, want) {
			t.Fatalf("Tokenize(%q) = %q, want %q", s, got, want)
		}
	}
	for _, it := range mustRealItems(t) {
		for _, s := range append([]string{it.Text, it.Title}, it.Names...) {
			if got, want := Tokenize(s), refTokenize(s); !slices.Equal(got, want) {
				t.Fatalf("Tokenize(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
