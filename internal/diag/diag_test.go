package diag

import (
	"slices"
	"testing"
)

func TestPositionString(t *testing.T) {
	tests := []struct {
		pos  Position
		want string
	}{
		{Position{}, "-"},
		{Position{File: "content/site.yaml"}, "content/site.yaml"},
		{Position{File: "content/site.yaml", Line: 3}, "content/site.yaml:3"},
		{Position{File: "content/site.yaml", Line: 3, Col: 7}, "content/site.yaml:3:7"},
		{Position{File: "content/persons/bad id.md", Line: 1, Col: 1}, "content/persons/bad id.md:1:1"},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestItemsSortedAndDeduplicated(t *testing.T) {
	var l List
	b := Position{File: "b.md", Line: 2, Col: 1}
	a10 := Position{File: "a.md", Line: 10, Col: 1}
	a2 := Position{File: "a.md", Line: 2, Col: 5}
	a2c1 := Position{File: "a.md", Line: 2, Col: 1}
	l.Errorf(b, "second file")
	l.Errorf(a10, "line ten")
	l.Warnf(a2, "a warning")
	l.Errorf(a2, "an error")
	l.Errorf(a2c1, "earlier column")
	l.Errorf(a10, "line ten") // exact duplicate
	l.Warnf(a10, "line ten")  // same text, other severity: kept

	want := []string{
		"a.md:2:1: error: earlier column",
		"a.md:2:5: error: an error",
		"a.md:2:5: warning: a warning",
		"a.md:10:1: error: line ten", // numeric, not lexical, line order
		"a.md:10:1: warning: line ten",
		"b.md:2:1: error: second file",
	}
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("Items() = %q, want %q", got, want)
	}
	if s, w := l.String(), "a.md:2:1: error: earlier column\n"; len(s) < len(w) || s[:len(w)] != w {
		t.Errorf("String() = %q, want it to start with %q", s, w)
	}
	if e, w := l.Count(); e != 4 || w != 2 {
		t.Errorf("Count() = %d, %d, want 4, 2", e, w)
	}
	if got, want := l.Summary(), "4 errors, 2 warnings"; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}

func TestItemsDoesNotReorderList(t *testing.T) {
	var l List
	l.Errorf(Position{File: "b"}, "x")
	l.Errorf(Position{File: "a"}, "y")
	_ = l.Items()
	if l.items[0].Pos.File != "b" {
		t.Errorf("Items() sorted the list in place")
	}
}

func TestSummaryAndHasErrors(t *testing.T) {
	tests := []struct {
		errors, warnings int
		summary          string
		failed, strict   bool
	}{
		{0, 0, "0 errors, 0 warnings", false, false},
		{1, 0, "1 error, 0 warnings", true, true},
		{0, 1, "0 errors, 1 warning", false, true},
		{2, 3, "2 errors, 3 warnings", true, true},
	}
	for _, tt := range tests {
		var l List
		for i := range tt.errors {
			l.Errorf(Position{File: "f", Line: i + 1}, "e")
		}
		for i := range tt.warnings {
			l.Warnf(Position{File: "f", Line: i + 1}, "w")
		}
		if got := l.Summary(); got != tt.summary {
			t.Errorf("Summary() = %q, want %q", got, tt.summary)
		}
		if got := l.HasErrors(false); got != tt.failed {
			t.Errorf("%s: HasErrors(false) = %v, want %v", tt.summary, got, tt.failed)
		}
		if got := l.HasErrors(true); got != tt.strict {
			t.Errorf("%s: HasErrors(true) = %v, want %v", tt.summary, got, tt.strict)
		}
	}
}

func TestAppend(t *testing.T) {
	var a, b List
	a.Errorf(Position{File: "a"}, "one")
	b.Warnf(Position{File: "b"}, "two")
	a.Append(&b)
	a.Append(nil)
	if e, w := a.Count(); e != 1 || w != 1 {
		t.Errorf("after Append: Count() = %d, %d, want 1, 1", e, w)
	}
}

func TestClosest(t *testing.T) {
	kinds := []string{"doc", "person", "note", "work", "event", "section", "conflict", "term", "packet"}
	keys := []string{"title", "kind", "date", "nature", "from", "to", "mentions", "sort_name", "country"}
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"persn", kinds, "person"},
		{"docs", kinds, "doc"},
		{"natrue", keys, "nature"},
		{"contry", keys, "country"},
		{"sortname", keys, "sort_name"},
		{"titel", keys, "title"},
		{"xyzzy", keys, ""},                        // nothing plausible
		{"d", kinds, ""},                           // too short to guess: "doc" is 2 edits away
		{"", kinds, ""},                            // nothing to go on
		{"tem", []string{"term", "team"}, "team"},  // a tie goes to the alphabetically first
		{"шtykov", []string{"shtykov"}, "shtykov"}, // runes, not bytes
		{"person", nil, ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.name, tt.candidates); got != tt.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tt.name, tt.candidates, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	if got, want := Suggest("shtykow", []string{"stalin", "shtykov"}), ` (did you mean "shtykov"?)`; got != want {
		t.Errorf("Suggest = %q, want %q", got, want)
	}
	if got := Suggest("zzzzzzzz", []string{"stalin"}); got != "" {
		t.Errorf("Suggest(no match) = %q, want \"\"", got)
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
		{"natrue", "nature", 2},
		{"Pyŏngyang", "Pyongyang", 1},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := distance(tt.b, tt.a); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}
