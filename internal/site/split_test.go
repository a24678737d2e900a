package site

import (
	"slices"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/histdate"
)

func TestNetworkTop(t *testing.T) {
	// a writes much to b, b to c, c a little to d; e and f once.
	n := Network{
		Nodes: []string{"a", "b", "c", "d", "e", "f"},
		Edges: []Edge{
			{From: "a", To: "b", Count: 9}, {From: "b", To: "a", Count: 2}, {From: "b", To: "c", Count: 5},
			{From: "c", To: "d", Count: 1}, {From: "e", To: "f", Count: 1},
		},
	}
	tests := []struct {
		name   string
		k, m   int
		nodes  []string
		edges  []string
		degree int // of b, over the whole network
	}{
		{"all", 6, 10, []string{"a", "b", "c", "d", "e", "f"}, []string{"a>b", "b>a", "b>c", "c>d", "e>f"}, 16},
		{"three persons", 3, 10, []string{"a", "b", "c"}, []string{"a>b", "b>a", "b>c"}, 16},
		{"two strongest pairs", 3, 2, []string{"a", "b", "c"}, []string{"a>b", "b>c"}, 16},
		{"one pair", 6, 1, []string{"a", "b"}, []string{"a>b"}, 16},
		{"ties by id", 4, 10, []string{"a", "b", "c", "d"}, []string{"a>b", "b>a", "b>c", "c>d"}, 16},
		{"none", 0, 10, nil, nil, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := n.Top(tt.k, tt.m)
			var edges []string
			for _, e := range top.Edges {
				edges = append(edges, e.From+">"+e.To)
			}
			if !slices.Equal(top.Nodes, tt.nodes) || !slices.Equal(edges, tt.edges) {
				t.Errorf("Top(%d, %d) = %q %q, want %q %q", tt.k, tt.m, top.Nodes, edges, tt.nodes, tt.edges)
			}
			if d := n.Degree()["b"]; d != tt.degree {
				t.Errorf("degree of b %d, want %d", d, tt.degree)
			}
		})
	}
	if got := n.Documents(); got != 18 {
		t.Errorf("Documents() = %d, want 18", got)
	}
}

func TestYearOfAndPaths(t *testing.T) {
	for _, tt := range []struct{ date, want string }{
		{"", Undated}, {"1950-05-14", "1950"}, {"1950-05", "1950"}, {"1950", "1950"},
		{"1949-12/1950-02", "1949"}, {"1904/1905", "1904"},
	} {
		var d histdate.Date
		if tt.date != "" {
			d = histdate.MustParse(tt.date)
		}
		if got := YearOf(d); got != tt.want {
			t.Errorf("YearOf(%q) = %q, want %q", tt.date, got, tt.want)
		}
	}
	for got, want := range map[string]string{
		TimelineYearPath("", "1950"):       "timeline/1950.html",
		TimelineYearPath("memoir", "1950"): "timeline/memoir/1950.html",
		TimelineYearPath("", Undated):      "timeline/undated.html",
		PersonYearPath("stalin", "1950"):   "persons/stalin/1950.html",
		PersonNotesPath("stalin"):          "persons/stalin/notes.html",
	} {
		if got != want {
			t.Errorf("path %q, want %q", got, want)
		}
	}
}

func TestEventURLFollowsTheSplit(t *testing.T) {
	talks := &content.Event{ID: "talks", Date: histdate.MustParse("1950-04")}
	visit := &content.Event{ID: "visit", Date: histdate.MustParse("1950")}
	s := &Site{
		Ed:         &content.Edition{Events: []*content.Event{talks, visit}},
		Events:     map[string]*content.Event{"talks": talks, "visit": visit},
		DocsByDate: []*content.Document{{ID: "a"}, {ID: "b"}, {ID: "c"}}, // undated
	}
	for _, tt := range []struct {
		limit       int
		talks, year string
	}{
		{5, "timeline/index.html#event-talks", "timeline/index.html#event-visit"}, // 5 entries: exactly the limit
		{4, "timeline/1950.html#event-talks", "timeline/1950.html#event-visit"},
		{2, "timeline/1950.html#event-talks", "timeline/1950.html#event-visit"}, // 1950 has 2 entries
		{1, "timeline/1950/04.html#event-talks", "timeline/1950/no-month.html#event-visit"},
	} {
		s.Ed.Site.SplitOver = tt.limit
		s.indexTimelineYears()
		if got := s.EventURL("talks"); got != tt.talks {
			t.Errorf("limit %d: EventURL(talks) = %q, want %q", tt.limit, got, tt.talks)
		}
		if got := s.EventURL("visit"); got != tt.year {
			t.Errorf("limit %d: EventURL(visit) = %q, want %q", tt.limit, got, tt.year)
		}
	}
}
