package search

import (
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Ciphered telegram from Roshchin to Stalin", []string{"ciphered", "telegram", "from", "roshchin", "to", "stalin"}},
		{"Stalin's reply", []string{"stalin", "reply"}},
		{"Stalin’s reply", []string{"stalin", "reply"}},
		{"Ch'oe Yong-gŏn", []string{"choe", "yong", "gon"}},
		{"Sleduet li etogo boyat'sya?", []string{"sleduet", "li", "etogo", "boyatsya"}},
		{"the students' view", []string{"the", "students", "view"}},
		{"'quoted' words", []string{"quoted", "words"}},
		{"APRF, F. 45, Op. 1, D. 331, Ll. 59–61", []string{"aprf", "f", "45", "op", "1", "d", "331", "ll", "59", "61"}},
		{"I.V. Stalin", []string{"i", "v", "stalin"}},
		{"SD00278", []string{"sd00278"}},
		{"1950-05-13", []string{"1950", "05", "13"}},
		{"毛泽东同志", []string{"毛", "泽", "东", "同", "志"}},
		{"Mao毛", []string{"mao", "毛"}},
		{"Kim's 's", []string{"kim", "s"}},
		{"", nil},
		{"  ,;  ", nil},
		{"abcdefghijklmnopqrstuvwxyzabcdefghijklmnop end", []string{"abcdefghijklmnopqrstuvwxyzabcdef", "end"}},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in     string
		words  []string
		prefix bool
	}{
		{"stalin", []string{"stalin"}, true},
		{"stalin ", []string{"stalin"}, false},
		{"Stalin to Mao", []string{"stalin", "mao"}, true},
		{"stalin the", []string{"stalin"}, false},
		{"Stalin's", []string{"stalin"}, false},
		{"k", []string{"k"}, false},
		{"kim k", []string{"kim", "k"}, false},
		{"Kim Il", []string{"kim", "il"}, true},
		{"Vyšinskii", []string{"vyshinskii"}, true},
		{"stalin stalin", []string{"stalin"}, true},
		{"the of", nil, false},
		{"", nil, false},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.in)
		if !slices.Equal(q.Words, tt.words) || q.Prefix != tt.prefix {
			t.Errorf("ParseQuery(%q) = %q prefix %v, want %q prefix %v", tt.in, q.Words, q.Prefix, tt.words, tt.prefix)
		}
	}
}

// TestStopWordsAgree checks that isStopWord accepts exactly the words of
// stopWords, the list the manifest gives search.js.
func TestStopWordsAgree(t *testing.T) {
	for _, w := range strings.Fields(stopWords) {
		if !isStopWord(w) {
			t.Errorf("isStopWord(%q) = false, but it is in stopWords", w)
		}
	}
	// Every prefix and extension of a stop word, and a few names, are not.
	for _, w := range strings.Fields(stopWords) {
		for _, c := range []string{w[:len(w)-1], w + "s", w + "a", "x" + w} {
			if isStopWord(c) != inList(stopWords, c) {
				t.Errorf("isStopWord(%q) = %v, want %v", c, isStopWord(c), inList(stopWords, c))
			}
		}
	}
	for _, w := range []string{"he", "di", "an", "stalin", "", "The", "AND"} {
		if isStopWord(w) {
			t.Errorf("isStopWord(%q) = true, want false", w)
		}
	}
}
