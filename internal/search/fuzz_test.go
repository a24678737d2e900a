package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/textfold"
)

var fuzzSeeds = []string{
	"Shtykov", "Vyšinskii", "Stalin's", "Ch'oe Yong-gŏn", "毛泽东", "İ", "Straße",
	"e\u0301", "'s", "a's'b", "\xff\xfe", "APRF, F. 45, Op. 1, D. 331, Ll. 59–61",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		terms := Tokenize(s)
		for _, term := range terms {
			if term == "" || utf8.RuneCountInString(term) > MaxTermRunes {
				t.Fatalf("Tokenize(%q) gives term %q", s, term)
			}
			if textfold.String(term) != term {
				t.Errorf("Tokenize(%q) gives unfolded term %q", s, term)
			}
		}
		if again := Tokenize(textfold.String(s)); !slices.Equal(again, terms) {
			t.Errorf("Tokenize(Fold(%q)) = %q, want %q", s, again, terms)
		}
		if again := Tokenize(strings.Join(terms, " ")); !slices.Equal(again, terms) {
			t.Errorf("Tokenize of the terms of %q joined = %q, want %q", s, again, terms)
		}
		_ = ParseQuery(s)
	})
}
