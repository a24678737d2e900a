package render

import (
	"slices"
	"testing"

	"github.com/korean-war-sources/edition/internal/site"
)

func TestDocLevels(t *testing.T) {
	row := func(iso, collection string) DocRow {
		return DocRow{Link: Link{URL: iso + collection}, DateISO: iso, Collection: collection}
	}
	file := func(fond, opis, delo string, n int) DocSubgroup {
		return DocSubgroup{Title: "F. " + fond + ", Op. " + opis + ", D. " + delo, Rows: make([]DocRow, n), fond: fond, opis: opis, delo: delo}
	}
	tests := []struct {
		name   string
		level  docLevel
		group  DocGroup
		keys   []string
		labels []string
		sizes  []int
	}{
		{"years in order, undated last", byYearLevel,
			DocGroup{Rows: []DocRow{row("", ""), row("1950-05-14", ""), row("1949", ""), row("1950-01", "")}},
			[]string{"1949", "1950", site.Undated}, []string{"1949", "1950", "Undated"}, []int{1, 2, 1}},
		{"months, the year alone first", byMonthLevel,
			DocGroup{Rows: []DocRow{row("1950-05-14", ""), row("1950", ""), row("1950-01-02", ""), row("1950-05", "")}},
			[]string{site.NoMonth, "01", "05"}, []string{"1950, month not known", "January 1950", "May 1950"}, []int{1, 1, 2}},
		{"fonds keep the archival order", byFondLevel,
			DocGroup{Subgroups: []DocSubgroup{file("07", "1", "2", 3), file("059a", "5a", "1", 2), file("059a", "6", "4", 1)}},
			[]string{"f-07", "f-059a"}, []string{"F. 07", "F. 059a"}, []int{3, 3}},
		{"inventories", byOpisLevel,
			DocGroup{Subgroups: []DocSubgroup{file("059a", "5a", "1", 2), file("059a", "6", "4", 1), file("059a", "6", "5", 4)}},
			[]string{"op-5a", "op-6"}, []string{"F. 059a, Op. 5a", "F. 059a, Op. 6"}, []int{2, 5}},
		{"ranges of collection numbers", numberRangeLevel(3),
			DocGroup{Rows: []DocRow{row("", "SD00101"), row("", "SD00999"), row("", "SD01000"), row("", "SD7")}},
			[]string{"sd00", "sd01", "sd7"}, []string{"SD00000–SD00999", "SD01000–SD01999", "SD7"}, []int{2, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := tt.level.split(tt.group)
			var keys, labels []string
			var sizes []int
			for _, p := range parts {
				keys, labels, sizes = append(keys, p.key), append(labels, p.label), append(sizes, groupSize(p.group))
			}
			if !slices.Equal(keys, tt.keys) || !slices.Equal(labels, tt.labels) || !slices.Equal(sizes, tt.sizes) {
				t.Errorf("parts %q %q %v, want %q %q %v", keys, labels, sizes, tt.keys, tt.labels, tt.sizes)
			}
		})
	}
}

func TestDocsFolder(t *testing.T) {
	for view, want := range map[string]string{
		"documents/index.html":      "documents/by-date",
		"documents/by-kind.html":    "documents/by-kind",
		"documents/by-archive.html": "documents/by-archive",
	} {
		if got := docsFolder(view); got != want {
			t.Errorf("docsFolder(%q) = %q, want %q", view, got, want)
		}
	}
}

func TestCitedCounts(t *testing.T) {
	tests := []struct {
		e    BibEntry
		want string
	}{
		{BibEntry{Notes: make([]NoteLink, 1)}, "Cited in 1 note"},
		{BibEntry{Notes: make([]NoteLink, 1200), Documents: make([]Link, 2)}, "Cited in 1,200 notes; 2 sources printed or reported here"},
		{BibEntry{Texts: make([]Link, 3)}, "Whole texts of 3 sources"},
	}
	for _, tt := range tests {
		if got := citedCounts(tt.e); got != tt.want {
			t.Errorf("citedCounts = %q, want %q", got, tt.want)
		}
	}
}

func TestPartLabel(t *testing.T) {
	tests := []struct {
		labels []string
		want   string
	}{
		{[]string{"1950"}, "1950"},
		{[]string{"1950", "May 1950"}, "May 1950"},
		{[]string{"Report", "1950", "1950, month not known"}, "Report, 1950, month not known"},
		{[]string{"AVPRF", "F. 0102", "F. 0102, Op. 2"}, "AVPRF, F. 0102, Op. 2"},
		{[]string{"Report", "Undated"}, "Report, Undated"},
	}
	for _, tt := range tests {
		if got := partLabel(tt.labels); got != tt.want {
			t.Errorf("partLabel(%q) = %q, want %q", tt.labels, got, tt.want)
		}
	}
}

func TestDocPartsCountRepeats(t *testing.T) {
	tests := []struct {
		count  int
		parts  []int
		listed int
	}{
		{count: 5, parts: []int{2, 3}, listed: 0},
		{count: 5, parts: []int{3, 3}, listed: 6},
		{count: 5, parts: nil, listed: 0},
	}
	for _, tt := range tests {
		v := &DocPartsView{Count: tt.count}
		for _, n := range tt.parts {
			v.Parts = append(v.Parts, CountedLink{Count: n})
		}
		v.countRepeats()
		if v.Listed != tt.listed {
			t.Errorf("count %d, parts %v: Listed = %d, want %d", tt.count, tt.parts, v.Listed, tt.listed)
		}
	}
}
