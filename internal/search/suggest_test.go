package search

import (
	"slices"
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"", "abc", 3}, {"abc", "", 3},
		{"fillipov", "filippov", 2}, {"shtikov", "shtykov", 1}, {"stalni", "stalin", 1}, // a swap is one edit
		{"roschin", "roshchin", 1}, {"molotof", "molotov", 1}, {"ca", "abc", 3}, // no edit of a swapped pair
		{"vyšinskii", "vyshinskii", 2},
	}
	for _, tt := range tests {
		if got := editDistance([]rune(tt.a), []rune(tt.b), 10); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := editDistance([]rune(tt.a), []rune(tt.b), tt.want-1); tt.want > 0 && got <= tt.want-1 {
			t.Errorf("editDistance(%q, %q) with limit %d = %d, want more than the limit", tt.a, tt.b, tt.want-1, got)
		}
	}
}

func TestSuggestRealEdition(t *testing.T) {
	b, err := Build(mustRealItems(t), DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string // nil: nothing to offer
	}{
		{"Fillipov", []string{"filippov"}},
		{"fillipov", []string{"filippov"}},
		{"Shtikov", []string{"shtykov"}},
		{"Roschin", []string{"roshchin"}},
		{"Stalin Fillipov", []string{"stalin", "filippov"}},
		{"Filippov", nil},                                            // found as typed
		{"Ztalin", nil},                                              // the first letter is kept
		{"zzzzqqqq", nil},                                            // nothing close
		{"Filippov zzzzqqqq", nil},                                   // one word cannot be corrected: nothing found, nothing offered
		{"Fil", nil},                                                 // too short to correct
		{"14 May 1950 Fillipov", []string{"1950-05-14", "filippov"}}, // a date stays as it is
	}
	for _, tt := range tests {
		if got := b.Suggest(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestLexiconCut(t *testing.T) {
	lex := map[string][]string{"f": {"filippov", "fiji", "foreign", "fourteen"}, "s": {"stalin"}}
	files, shards, kept := lexiconFiles(lex, len(scriptStart+`{"type":"lex","key":"f","terms":"filippov,fiji"}`+scriptEnd))
	if len(files) != 2 || shards[0].Key != "f" || shards[1].Key != "s" {
		t.Fatalf("lexicon files %v", shards)
	}
	if got := string(files[0].Data); !strings.Contains(got, `"terms":"filippov,fiji"}`) {
		t.Errorf("the f file is %s, want the two commonest terms", got)
	}
	if !slices.Equal(kept["f"], []string{"filippov", "fiji"}) || !slices.Equal(kept["s"], []string{"stalin"}) {
		t.Errorf("kept %q", kept)
	}
	if _, err := payload(files[0].Data); err != nil {
		t.Error(err)
	}
}
