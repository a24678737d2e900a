package search

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/subject"
)

func TestQueryTerms(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"14 May 1950", []string{"1950-05-14"}},
		{"May 14, 1950", []string{"1950-05-14"}},
		{"May 14 1950", []string{"1950-05-14"}},
		{"1950-05-14", []string{"1950-05-14"}},
		{"14th May 1950", []string{"1950-05-14"}},
		{"14 May, 1950", []string{"1950-05-14"}},
		{"14\u00a0May\u00a01950", []string{"1950-05-14"}},
		{"May 1950", []string{"1950-05"}},
		{"May, 1950", []string{"1950-05"}},
		{"Sept. 1949", []string{"1949-09"}},
		{"1950-05", []string{"1950-05"}},
		{"12–13 September 1949", []string{"1949-09-12", "1949-09-13"}},
		{"12 - 13 Sept 1949", []string{"1949-09-12", "1949-09-13"}},
		{"September 12-13, 1949", []string{"1949-09-12", "1949-09-13"}},
		{"Stalin 14 May 1950 Mao", []string{"stalin", "1950-05-14", "mao"}},
		{"29 February 1948", []string{"1948-02-29"}},
		// Not dates: kept as words.
		{"1950", []string{"1950"}},
		{"14 May", []string{"14", "may"}},
		{"Ll. 13–14", []string{"ll", "13", "14"}},
		{"29 February 1949", []string{"29", "1949-02"}},
		{"Ll. 13–14. May 1950", []string{"ll", "13", "14", "1950-05"}},
		{"1950-02-30", []string{"1950-02", "30"}},
		{"1950-13", []string{"1950", "13"}},
		{"1950-5-14", []string{"1950", "5", "14"}},
		{"May 32, 1950", []string{"may", "32", "1950"}},
		{"14–13 May 1950", []string{"14", "1950-05-13"}},
		{"1949-50", []string{"1949", "50"}},
		{"14 May of 1950", []string{"14", "may", "of", "1950"}},
		{"14 may1950", []string{"14", "may1950"}},
	}
	for _, tt := range tests {
		if got := queryTerms(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("queryTerms(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestParseQueryDate(t *testing.T) {
	for _, q := range []string{"1950-05", "1950-05-14", "May 1950", "14 May 1950"} {
		if query := ParseQuery(q); query.Prefix {
			t.Errorf("ParseQuery(%q) = %+v: a date is never a prefix", q, query)
		}
	}
}

// TestTextDates checks that dates written in a text are indexed as date
// terms besides their words, a day with its month.
func TestTextDates(t *testing.T) {
	it := Item{Kind: subject.Note, ID: "1", Title: "Note 1",
		Text: "Telegram of 14 May 1950 (APRF, F. 45, D. 14, Ll. 13–14); talks of 12–13 September 1949; see also May 1951."}
	got := termWeights(it)
	for _, term := range []string{"1950-05-14", "1950-05", "1949-09-12", "1949-09-13", "1949-09", "1951-05", "14", "may", "1950"} {
		if w, ok := got[term]; !ok || w/freqLevels != fieldText {
			t.Errorf("term %q: weight %d, found %v; want it in the text", term, w, ok)
		}
	}
	for _, term := range []string{"1950-05-13", "1951-05-14", "1949-09-14"} {
		if _, ok := got[term]; ok {
			t.Errorf("term %q indexed; the text has no such date", term)
		}
	}
}

func TestItemDateTerms(t *testing.T) {
	tests := []struct {
		date string
		want string
	}{
		{"1950-05-14", "1950-05-14 1950-05 1950"},
		{"1950-05", "1950-05 1950"},
		{"1950", "1950"},
		{"1949-09-12/1949-09-13", "1949-09-12 1949-09-13 1949-09 1949"},
		{"1950-01-31/1950-02-02", "1950-01-31 1950-02-01 1950-02-02 1950-01 1950-02 1950"},
		{"1948-06/1949-05", "1948-06 1948-07 1948-08 1948-09 1948-10 1948-11 1948-12 1949-01 1949-02 1949-03 1949-04 1949-05 1948 1949"},
		{"1904/1905", "1904 1905"},
		{"1950-05/1950-06-15", "1950-05 1950-06 1950"},
		{"1949-10-26/1950-02-20", "1949-10 1949-11 1949-12 1950-01 1950-02 1949 1950"}, // too many days
		{"1940-01/1949-12", "1940 1941 1942 1943 1944 1945 1946 1947 1948 1949"},       // too many months
		{"1000/1200", ""}, // too many years
	}
	for _, tt := range tests {
		got := strings.Join(ItemDateTerms(histdate.MustParse(tt.date)), " ")
		if got != tt.want {
			t.Errorf("ItemDateTerms(%s) = %q, want %q", tt.date, got, tt.want)
		}
	}
	if got := ItemDateTerms(histdate.Date{}); got != nil {
		t.Errorf("ItemDateTerms of no date = %q", got)
	}
}

// TestDateRanksFirst: an item whose own date is the query's comes before
// items that mention the date or its numbers.
func TestDateRanksFirst(t *testing.T) {
	items := []Item{
		{Kind: subject.Note, ID: "1", Title: "Note 1", Text: "APRF, F. 45, Op. 1, D. 14, Ll. 13–14. May 1950."},
		{Kind: subject.Note, ID: "2", Title: "Note 2", Text: "Stalin's reply of 14 May 1950 is cited here."},
		{Kind: subject.Document, ID: "d", Title: "Stalin to Mao", Text: "A telegram.", When: histdate.MustParse("1950-05-14")},
		{Kind: subject.Document, ID: "e", Title: "Another", Text: "Another telegram.", When: histdate.MustParse("1950-05")},
	}
	ix := NewIndex(items)
	for _, q := range []string{"14 May 1950", "May 14, 1950", "1950-05-14"} {
		var got []string
		for _, h := range ix.Search(q) {
			got = append(got, items[h.Item].ID)
		}
		if want := []string{"d", "2"}; !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %q, want %q", q, got, want)
		}
	}
	var got []string
	for _, h := range ix.Search("May 1950") {
		got = append(got, items[h.Item].ID)
	}
	if want := []string{"d", "e", "1", "2"}; !slices.Equal(got, want) {
		t.Errorf("Search(May 1950) = %q, want %q", got, want)
	}
}

func TestDaysIn(t *testing.T) {
	for y := 1900; y <= 2000; y++ {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1).Day()
			if got := daysIn(y, m); got != want {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

func FuzzQueryTerms(f *testing.F) {
	for _, s := range append(slices.Clone(fuzzSeeds), dateQueries...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, term := range queryTerms(s) {
			if !isDateTerm(term) {
				continue
			}
			layout := "2006-01-02"
			if len(term) == 7 {
				layout = "2006-01"
			}
			if d, err := time.Parse(layout, term); err != nil || d.Format(layout) != term {
				t.Errorf("queryTerms(%q) gives %q, not a valid date", s, term)
			}
		}
		var c termCounter
		c.itemTerms(Item{Text: s, Title: s}, nil)
	})
}
