package search

import (
	"iter"
	"slices"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Shtykov", "shtykov"},
		{"SHTYKOV", "shtykov"},
		{"Vyšinskii", "vyshinskii"},
		{"Vyšinskij", "vyshinskij"},
		{"Žukov, Čuikov", "zhukov, chuikov"},
		{"Chŏng", "chong"},
		{"Ch'oe", "ch'oe"},
		{"Ch’oe", "ch'oe"},
		{"Chʼoe", "ch'oe"},
		{"Straße", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Łódź", "lodz"},
		{"Zhou Enlai — Zhōu Ēnlái", "zhou enlai — zhou enlai"},
		{"Mao Zédōng", "mao zedong"},
		{"e\u0301", "e"}, // decomposed é
		{"İstanbul", "istanbul"},
		{"毛泽东", "毛泽东"},
		{"SD00278", "sd00278"},
		{"", ""},
		{"\xff", "\uFFFD"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldGroupsAreFolded(t *testing.T) {
	// Every letter of the table must already be lowercase, and its base
	// plain ASCII, or Go and JavaScript could disagree.
	for group := range splitGroups() {
		for _, r := range group.letters {
			if got := Fold(string(r)); got != group.base {
				t.Errorf("Fold(%q) = %q, want %q", r, got, group.base)
			}
		}
		for _, r := range group.base {
			if r < 'a' || r > 'z' {
				t.Errorf("base %q is not lowercase ASCII", group.base)
			}
		}
	}
}

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

// foldGroup is one entry of foldGroups.
type foldGroup struct{ base, letters string }

// splitGroups yields the entries of foldGroups.
func splitGroups() iter.Seq[foldGroup] {
	return func(yield func(foldGroup) bool) {
		for group := range strings.SplitSeq(foldGroups, "|") {
			base, letters, _ := strings.Cut(group, ":")
			if !yield(foldGroup{base, letters}) {
				return
			}
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
