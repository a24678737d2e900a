package markdown

import (
	"regexp"
	"slices"
	"testing"
)

// refPattern is the rule footnoteRefs follows, as a regular expression.
var refPattern = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

func regexpRefs(line []byte) [][2]int {
	var refs [][2]int
	for _, m := range refPattern.FindAllIndex(line, -1) {
		refs = append(refs, [2]int{m[0], m[1]})
	}
	return refs
}

func TestFootnoteRefs(t *testing.T) {
	tests := []struct {
		line string
		want [][2]int
	}{
		{"", nil},
		{"no references", nil},
		{"a[^x] b", [][2]int{{1, 5}}},
		{"[^a][^bc]", [][2]int{{0, 4}, {4, 9}}},
		{"[^] [^ x] [^x", nil},
		{"[^a[^b]", [][2]int{{0, 7}}},
		{"[[^a]", [][2]int{{1, 5}}},
		{"[^\t] [^a\v] [^注]", [][2]int{{5, 10}, {11, 17}}},
		{"[^a\xff]", [][2]int{{0, 5}}},
		{"[^^]]", [][2]int{{0, 4}}},
	}
	for _, tt := range tests {
		got := footnoteRefs([]byte(tt.line))
		if !slices.Equal(got, tt.want) {
			t.Errorf("footnoteRefs(%q) = %v, want %v", tt.line, got, tt.want)
		}
		if re := regexpRefs([]byte(tt.line)); !slices.Equal(got, re) {
			t.Errorf("footnoteRefs(%q) = %v, the regular expression finds %v", tt.line, got, re)
		}
	}
}

// FuzzFootnoteRefs checks footnoteRefs against the regular expression it
// stands for.
func FuzzFootnoteRefs(f *testing.F) {
	for _, s := range []string{"a[^x] b", "[^a[^b]", "[^\t]", "[^a\xff]", "[^注]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if got, want := footnoteRefs(line), regexpRefs(line); !slices.Equal(got, want) {
			t.Errorf("footnoteRefs(%q) = %v, the regular expression finds %v", line, got, want)
		}
	})
}
