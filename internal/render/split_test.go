package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

func TestSplitByYear(t *testing.T) {
	entry := func(id, date string) TimelineEntry {
		e := TimelineEntry{ID: id}
		if date != "" {
			e.date = histdate.MustParse(date)
		}
		return e
	}
	tests := []struct {
		name    string
		entries []TimelineEntry
		want    map[string][]string // year → ids, in order
		years   []string
	}{
		{"none", nil, map[string][]string{}, nil},
		{"one year keeps the order",
			[]TimelineEntry{entry("a", "1950-05-14"), entry("b", "1950-05"), entry("c", "1950")},
			map[string][]string{"1950": {"a", "b", "c"}}, []string{"1950"}},
		{"years sorted, undated last",
			[]TimelineEntry{entry("u", ""), entry("b", "1950-01-02"), entry("a", "1949-12-31"), entry("v", "")},
			map[string][]string{"1949": {"a"}, "1950": {"b"}, site.Undated: {"u", "v"}},
			[]string{"1949", "1950", site.Undated}},
		{"approximate dates go to their first year",
			[]TimelineEntry{entry("r", "1949-12/1950-02"), entry("y", "1904/1905"), entry("m", "1950-06")},
			map[string][]string{"1949": {"r"}, "1904": {"y"}, "1950": {"m"}},
			[]string{"1904", "1949", "1950"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := splitByYear(tt.entries)
			var years []string
			got := map[string][]string{}
			for _, p := range parts {
				years = append(years, p.Year)
				for _, e := range p.Entries {
					got[p.Year] = append(got[p.Year], e.ID)
				}
			}
			if !slices.Equal(years, tt.years) {
				t.Errorf("years %q, want %q", years, tt.years)
			}
			for y, ids := range tt.want {
				if !slices.Equal(got[y], ids) {
					t.Errorf("year %s holds %q, want %q", y, got[y], ids)
				}
			}
		})
	}
}

func TestCompareYears(t *testing.T) {
	keys := []string{site.Undated, "1950", "987", "1904", site.Undated, "1945"}
	slices.SortFunc(keys, compareYears)
	want := []string{"987", "1904", "1945", "1950", site.Undated, site.Undated}
	if !slices.Equal(keys, want) {
		t.Errorf("sorted %q, want %q", keys, want)
	}
}

func TestCountNote(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 events"}, {1, "1 event"}, {999, "999 events"}, {1000, "1,000 events"}, {1234567, "1,234,567 events"}} {
		if got := countNote(tt.n, "event", "events"); got != tt.want {
			t.Errorf("countNote(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestSplitThreshold builds a small generated edition with the split
// limit set at and just below the size of each list: a list of exactly
// the limit stays on one page, one entry more splits it.
func TestSplitThreshold(t *testing.T) {
	s := sitetest.Build(t, corpus.FS(40))
	b := newBuilder(s, Options{})
	busiest, most := "", 0
	for _, p := range s.Ed.Persons {
		l := personLists{s.PersonSent[p.ID], s.PersonReceived[p.ID], s.PersonCopied[p.ID], s.PersonMentioned[p.ID], b.personTimelineOf(p.ID)}
		if l.len() > most {
			busiest, most = p.ID, l.len()
		}
	}
	timelines := func() []string {
		var pages []*Page
		for i := range timelineFilters {
			pages = append(pages, b.timelineOf(i)...)
		}
		return paths(pages)
	}
	lists := []struct {
		name  string
		size  int
		pages func() []string
		whole int // the number of pages of the list on one page
	}{
		{"timeline", s.TimelineEntries(), timelines, len(timelineFilters)},
		{"person", most, func() []string { return paths(b.personPages(s.Persons[busiest])) }, 1},
		{"network", b.correspondence().Documents(), func() []string { return paths(b.networks()) }, 1},
	}
	for _, l := range lists {
		for _, tt := range []struct {
			limit int
			split bool
		}{{l.size, false}, {l.size + 1, false}, {l.size - 1, true}} {
			s.Ed.Site.SplitOver = tt.limit
			got := l.pages()
			if (len(got) > l.whole) != tt.split {
				t.Errorf("%s of %d entries, limit %d: pages %q, split %v, want %v", l.name, l.size, tt.limit, got, !tt.split, tt.split)
			}
		}
	}
	s.Ed.Site.SplitOver = s.TimelineEntries()
	if s.TimelineSplit() || !strings.HasPrefix(s.EventURL(s.Ed.Events[0].ID), "timeline/index.html#") {
		t.Errorf("a timeline of exactly the limit is split: event at %s", s.EventURL(s.Ed.Events[0].ID))
	}
	s.Ed.Site.SplitOver--
	e := s.Ed.Events[0]
	if want := site.TimelineYearPath("", site.YearOf(e.Date)) + "#event-" + e.ID; s.EventURL(e.ID) != want {
		t.Errorf("event of a split timeline at %s, want %s", s.EventURL(e.ID), want)
	}
}

func paths(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return out
}

func TestSplitByMonth(t *testing.T) {
	entry := func(id, date string) TimelineEntry {
		return TimelineEntry{ID: id, date: histdate.MustParse(date)}
	}
	entries := []TimelineEntry{
		entry("m1", "1950-05-14"), entry("y", "1950"), entry("j", "1950-01"), entry("m2", "1950-05"),
		entry("r", "1950-12/1951-02"), entry("y2", "1950/1951"),
	}
	var got []string
	for _, p := range splitByMonth(entries) {
		var ids []string
		for _, e := range p.Entries {
			ids = append(ids, e.ID)
		}
		got = append(got, p.Year+":"+strings.Join(ids, ","))
	}
	want := []string{site.NoMonth + ":y,y2", "01:j", "05:m1,m2", "12:r"}
	if !slices.Equal(got, want) {
		t.Errorf("splitByMonth = %q, want %q", got, want)
	}
	for _, tt := range []struct{ month, want string }{
		{"01", "January 1950"}, {"05", "May 1950"}, {"12", "December 1950"}, {site.NoMonth, "1950, month not known"},
	} {
		if got := monthLabel("1950", tt.month); got != tt.want {
			t.Errorf("monthLabel(%q) = %q, want %q", tt.month, got, tt.want)
		}
	}
}
