package histdate

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestParseValid(t *testing.T) {
	tests := []struct {
		in         string
		want       string // canonical String
		prec       Precision
		isRange    bool
		start, end time.Time
	}{
		{"1950", "1950", Year, false, day(1950, 1, 1), day(1950, 12, 31)},
		{"1000", "1000", Year, false, day(1000, 1, 1), day(1000, 12, 31)},
		{"2999", "2999", Year, false, day(2999, 1, 1), day(2999, 12, 31)},
		{"1950-05", "1950-05", Month, false, day(1950, 5, 1), day(1950, 5, 31)},
		{"1950-02", "1950-02", Month, false, day(1950, 2, 1), day(1950, 2, 28)},
		{"1948-02", "1948-02", Month, false, day(1948, 2, 1), day(1948, 2, 29)},
		{"1950-04", "1950-04", Month, false, day(1950, 4, 1), day(1950, 4, 30)},
		{"1950-05-14", "1950-05-14", Day, false, day(1950, 5, 14), day(1950, 5, 14)},
		{"1948-02-29", "1948-02-29", Day, false, day(1948, 2, 29), day(1948, 2, 29)},
		{"2000-02-29", "2000-02-29", Day, false, day(2000, 2, 29), day(2000, 2, 29)},
		{"1950-12-31", "1950-12-31", Day, false, day(1950, 12, 31), day(1950, 12, 31)},
		{"  1950-05-14\n", "1950-05-14", Day, false, day(1950, 5, 14), day(1950, 5, 14)},
		{"\t1950 ", "1950", Year, false, day(1950, 1, 1), day(1950, 12, 31)},
		{"1950-04-08/1950-04-25", "1950-04-08/1950-04-25", Day, true, day(1950, 4, 8), day(1950, 4, 25)},
		{"1948-06/1949-05", "1948-06/1949-05", Month, true, day(1948, 6, 1), day(1949, 5, 31)},
		{"1904/1905", "1904/1905", Year, true, day(1904, 1, 1), day(1905, 12, 31)},
		{"1950/1950-06-25", "1950/1950-06-25", Year, true, day(1950, 1, 1), day(1950, 6, 25)},
		{"1950-06-25/1953", "1950-06-25/1953", Day, true, day(1950, 6, 25), day(1953, 12, 31)},
		{"1950-05-14/1950-05", "1950-05-14/1950-05", Day, true, day(1950, 5, 14), day(1950, 5, 31)},
		{"1950-05/1950-05-01", "1950-05/1950-05-01", Month, true, day(1950, 5, 1), day(1950, 5, 1)},
		{" 1904/1905 ", "1904/1905", Year, true, day(1904, 1, 1), day(1905, 12, 31)},
		// Identical sides are allowed and fold into the single date.
		{"1950-05-14/1950-05-14", "1950-05-14", Day, false, day(1950, 5, 14), day(1950, 5, 14)},
		{"1950/1950", "1950", Year, false, day(1950, 1, 1), day(1950, 12, 31)},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q) error: %v", tt.in, err)
			continue
		}
		if got := d.String(); got != tt.want {
			t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got := d.Precision(); got != tt.prec {
			t.Errorf("Parse(%q).Precision() = %v, want %v", tt.in, got, tt.prec)
		}
		if got := d.IsRange(); got != tt.isRange {
			t.Errorf("Parse(%q).IsRange() = %v, want %v", tt.in, got, tt.isRange)
		}
		if got := d.Start(); !got.Equal(tt.start) || got.Location() != time.UTC {
			t.Errorf("Parse(%q).Start() = %v, want %v", tt.in, got, tt.start)
		}
		if got := d.End(); !got.Equal(tt.end) || got.Location() != time.UTC {
			t.Errorf("Parse(%q).End() = %v, want %v", tt.in, got, tt.end)
		}
		if d.IsZero() {
			t.Errorf("Parse(%q).IsZero() = true, want false", tt.in)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", "date is empty"},
		{"   \t\n", "date is empty"},
		{"14 May 1950", `date "14 May 1950" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"1950-5-14", `date "1950-5-14" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"1950-05-14T10:00", `date "1950-05-14T10:00" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"19500", `date "19500" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"950", `date "950" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"1950.05.14", `date "1950.05.14" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"1950-05-", `date "1950-05-" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"+950", `date "+950" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"１９５０", `date "１９５０" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"c. 1950", `date "c. 1950" is not in the form YYYY, YYYY-MM or YYYY-MM-DD`},
		{"0999", `date "0999" has year 0999; years run 1000–2999`},
		{"3000-01-01", `date "3000-01-01" has year 3000; years run 1000–2999`},
		{"1950-13", `date "1950-13" has month 13; months run 01–12`},
		{"1950-00", `date "1950-00" has month 00; months run 01–12`},
		{"1950-13-01", `date "1950-13-01" has month 13; months run 01–12`},
		{"1950-02-30", `date "1950-02-30" is not a real day (February 1950 has 28 days)`},
		{"1950-02-29", `date "1950-02-29" is not a real day (February 1950 has 28 days)`},
		{"1900-02-29", `date "1900-02-29" is not a real day (February 1900 has 28 days)`},
		{"1948-02-30", `date "1948-02-30" is not a real day (February 1948 has 29 days)`},
		{"1950-04-31", `date "1950-04-31" is not a real day (April 1950 has 30 days)`},
		{"1950-05-00", `date "1950-05-00" is not a real day (May 1950 has 31 days)`},
		{"1950-05-32", `date "1950-05-32" is not a real day (May 1950 has 31 days)`},
		{"1950-05/1950-04", `date range "1950-05/1950-04" ends before it starts`},
		{"1950-05-14/1950-05-13", `date range "1950-05-14/1950-05-13" ends before it starts`},
		{"1951/1950-12-31", `date range "1951/1950-12-31" ends before it starts`},
		{"1950-05-01/1950-04", `date range "1950-05-01/1950-04" ends before it starts`},
		{"1950/", `date range "1950/" is missing its end after the "/"`},
		{"/1950", `date range "/1950" is missing its start before the "/"`},
		{"/", `date range "/" is missing its start before the "/"`},
		{"1950/1951/1952", `date range "1950/1951/1952" has more than one "/"`},
		{"1950 / 1951", `date "1950 " is not in the form YYYY, YYYY-MM or YYYY-MM-DD (in date range "1950 / 1951")`},
		{"1950-13/1951", `date "1950-13" has month 13; months run 01–12 (in date range "1950-13/1951")`},
		{"1950/1950-02-29", `date "1950-02-29" is not a real day (February 1950 has 28 days) (in date range "1950/1950-02-29")`},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %q", tt.in, d, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("Parse(%q) error = %q, want %q", tt.in, got, tt.want)
		}
		if !d.IsZero() {
			t.Errorf("Parse(%q) = %v with error, want zero Date", tt.in, d)
		}
	}
}

func TestLeapYears(t *testing.T) {
	tests := []struct {
		year int
		leap bool
	}{
		{1948, true}, {1950, false}, {1952, true}, {1900, false},
		{2000, true}, {1600, true}, {1700, false}, {2100, false},
	}
	for _, tt := range tests {
		s := fmt.Sprintf("%d-02-29", tt.year)
		_, err := Parse(s)
		if got := err == nil; got != tt.leap {
			t.Errorf("Parse(%q) succeeded = %v, want %v (err %v)", s, got, tt.leap, err)
		}
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("MustParse(%q) did not panic", "1950-02-30")
		}
	}()
	MustParse("1950-02-30")
}

func TestZeroDate(t *testing.T) {
	var d Date
	if !d.IsZero() || d.IsRange() {
		t.Errorf("zero Date: IsZero = %v, IsRange = %v; want true, false", d.IsZero(), d.IsRange())
	}
	for name, got := range map[string]string{
		"String":        d.String(),
		"Display":       d.Display(),
		"PrecisionNote": d.PrecisionNote(),
		"ISOAttr":       d.ISOAttr(),
	} {
		if got != "" {
			t.Errorf("Date{}.%s() = %q, want %q", name, got, "")
		}
	}
	if !d.Start().IsZero() || !d.End().IsZero() {
		t.Errorf("Date{}.Start(), End() = %v, %v; want zero times", d.Start(), d.End())
	}
	if d.Year() != 0 || d.Month() != 0 || d.Precision() != 0 {
		t.Errorf("Date{}: Year, Month, Precision = %v, %v, %v; want zeros", d.Year(), d.Month(), d.Precision())
	}
}

func TestYearMonth(t *testing.T) {
	tests := []struct {
		in    string
		year  int
		month time.Month
	}{
		{"1950", 1950, 0},
		{"1950-05", 1950, time.May},
		{"1950-05-14", 1950, time.May},
		{"1948-06/1949-05", 1948, time.June},
		{"1904/1905-03", 1904, 0},
	}
	for _, tt := range tests {
		d := MustParse(tt.in)
		if d.Year() != tt.year || d.Month() != tt.month {
			t.Errorf("Parse(%q): Year, Month = %v, %v; want %v, %v", tt.in, d.Year(), d.Month(), tt.year, tt.month)
		}
	}
}

func TestPrecisionString(t *testing.T) {
	tests := []struct {
		p    Precision
		want string
	}{
		{Year, "year"}, {Month, "month"}, {Day, "day"}, {0, "Precision(0)"}, {7, "Precision(7)"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("Precision(%d).String() = %q, want %q", int(tt.p), got, tt.want)
		}
	}
	if !(Year < Month && Month < Day) {
		t.Errorf("precisions out of order: Year %d, Month %d, Day %d", Year, Month, Day)
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1950-05-14", "14 May 1950"},
		{"1950-05-01", "1 May 1950"},
		{"1950-05", "May 1950"},
		{"1950", "1950"},
		// Ranges of days.
		{"1950-04-08/1950-04-25", "8–25 April 1950"},
		{"1950-04-30/1950-05-02", "30 April – 2 May 1950"},
		{"1949-12-28/1950-01-03", "28 December 1949 – 3 January 1950"},
		// Ranges of months.
		{"1950-04/1950-06", "April–June 1950"},
		{"1948-06/1949-05", "June 1948 – May 1949"},
		// Ranges of years.
		{"1904/1905", "1904–1905"},
		// Mixed precisions are written out in full.
		{"1950/1951-03", "1950 – March 1951"},
		{"1950-05/1950-06-15", "May 1950 – 15 June 1950"},
		{"1950-05-14/1950-05", "14 May 1950 – May 1950"},
		{"1950-06-25/1953", "25 June 1950 – 1953"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).Display(); got != tt.want {
			t.Errorf("Parse(%q).Display() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrecisionNote(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1950-05-14", "exact day"},
		{"1950-05", "month only"},
		{"1950", "year only"},
		{"1950-04-08/1950-04-25", "range of days"},
		{"1948-06/1949-05", "range of months"},
		{"1904/1905", "range of years"},
		{"1950-05/1950-06-15", "range from a month to a day"},
		{"1950-06-25/1953", "range from a day to a year"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).PrecisionNote(); got != tt.want {
			t.Errorf("Parse(%q).PrecisionNote() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestISOAttr(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1950-05-14", "1950-05-14"},
		{"1950-05", "1950-05"},
		{"1950", "1950"},
		{"1950-04-08/1950-04-25", "1950-04-08"},
		{"1948-06/1949-05", "1948-06"},
		{"1904/1905", "1904"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).ISOAttr(); got != tt.want {
			t.Errorf("Parse(%q).ISOAttr() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStringRoundTrip(t *testing.T) {
	for _, s := range []string{
		"1950", "1950-05", "1950-05-14", "1948-02-29",
		"1950-04-08/1950-04-25", "1948-06/1949-05", "1904/1905",
		"1950/1950-06-25", "1950-05-14/1950-05", " 1950-05 ",
	} {
		d := MustParse(s)
		d2, err := Parse(d.String())
		if err != nil {
			t.Errorf("Parse(%q) error: %v (String of Parse(%q))", d.String(), err, s)
			continue
		}
		if d2 != d {
			t.Errorf("Parse(%q) = %v, want %v", d.String(), d2, d)
		}
	}
}

// sorted lists dates in the order Compare must give them.
var sorted = []string{
	"1904",
	"1904/1905",
	"1948-06/1949-05",
	"1950/1950-06-25",
	"1950",
	"1950/1951",
	"1950-01-01",
	"1950-04-08/1950-04-25",
	"1950-05/1950-05-01",
	"1950-05",
	"1950-05/1950-06",
	"1950-05-01",
	"1950-05-01/1950-05-02",
	"1950-05-14",
	"1950-05-14/1950-05",
	"1950-05-15",
	"1950-06-25/1953",
}

func TestCompareSort(t *testing.T) {
	want := make([]Date, 0, len(sorted)+2)
	for _, s := range sorted {
		want = append(want, MustParse(s))
	}
	want = append(want, Date{}, Date{})

	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		got := slices.Clone(want)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		sort.SliceStable(got, func(i, j int) bool { return Compare(got[i], got[j]) < 0 })
		if !slices.Equal(got, want) {
			t.Fatalf("sorted dates = %v, want %v", got, want)
		}
	}
}

func TestCompare(t *testing.T) {
	// Every pair from the sorted list must agree with its position, which
	// also checks antisymmetry and that distinct Dates never compare 0.
	var dates []Date
	for _, s := range sorted {
		dates = append(dates, MustParse(s))
	}
	dates = append(dates, Date{})
	for i, a := range dates {
		for j, b := range dates {
			if got, want := Compare(a, b), cmp.Compare(i, j); got != want {
				t.Errorf("Compare(%v, %v) = %d, want %d", a, b, got, want)
			}
		}
	}
	if got := Compare(Date{}, MustParse("1950")); got != 1 {
		t.Errorf("Compare(Date{}, 1950) = %d, want 1", got)
	}
	if got := Compare(MustParse("1950"), Date{}); got != -1 {
		t.Errorf("Compare(1950, Date{}) = %d, want -1", got)
	}
	if got := Compare(Date{}, Date{}); got != 0 {
		t.Errorf("Compare(Date{}, Date{}) = %d, want 0", got)
	}
}

func TestBetween(t *testing.T) {
	tests := []struct {
		from, to, want string
	}{
		{"1950-05-14", "1950-05-14", "the same day"},
		{"1950-05-14", "1950-05-15", "the next day"},
		{"1950-05-14", "1950-05-17", "3 days later"},
		{"1950-05-14", "1950-05-27", "13 days later"},
		{"1950-05-14", "1950-05-28", "about 2 weeks later"},
		{"1950-05-14", "1950-05-31", "about 2 weeks later"},
		{"1950-05-14", "1950-06-01", "about 3 weeks later"},
		{"1950-05-14", "1950-07-12", "about 8 weeks later"},
		{"1950-05-14", "1950-07-13", "about 2 months later"},
		{"1950-06-25", "1950-11-20", "about 5 months later"},
		{"1950-06-25", "1951-06-25", "about a year later"},
		{"1950-06-25", "1951-10-25", "about 16 months later"},
		{"1950-06-25", "1951-12-01", "about 17 months later"},
		{"1950-06-25", "1952-01-01", "about 2 years later"},
		{"1950-06-25", "1952-02-01", "about 2 years later"},
		{"1950-06-25", "1966-07-01", "about 16 years later"},
		{"1950-06-25", "1990-06-25", "about 40 years later"},
		// A range counts from its end.
		{"1950-04-08/1950-04-25", "1950-04-28", "3 days later"},
		{"1950-06-25/1953-07-27", "1953-07-27", "the same day"},
		{"1948-06/1949-05", "1949-07-15", "about 2 months later"},
		// Coarse dates count in coarse units.
		{"1950-05", "1950-05-14", "the same month"},
		{"1950-05", "1950-06", "about a month later"},
		{"1950-05-14", "1950-10", "about 5 months later"},
		{"1950-01", "1966-03-01", "about 16 years later"},
		{"1950", "1950-12-31", "the same year"},
		{"1950", "1951-01-01", "about a year later"},
		{"1950-06-25", "1966", "about 16 years later"},
		{"1904/1905", "1945", "about 40 years later"},
		// A source before the event, or a missing date, has no phrase.
		{"1950-05-14", "1950-05-13", ""},
		{"1950-05-14", "1950-05", ""},
		{"1950-04-08/1950-04-25", "1950-04-20", ""},
		{"1951", "1950", ""},
	}
	for _, tt := range tests {
		if got := Between(MustParse(tt.from), MustParse(tt.to)); got != tt.want {
			t.Errorf("Between(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
	d := MustParse("1950")
	if got := Between(Date{}, d); got != "" {
		t.Errorf("Between(Date{}, %v) = %q, want %q", d, got, "")
	}
	if got := Between(d, Date{}); got != "" {
		t.Errorf("Between(%v, Date{}) = %q, want %q", d, got, "")
	}
}

func TestText(t *testing.T) {
	type doc struct {
		Date Date `json:"date"`
	}
	tests := []struct {
		json string
		want string // String of the decoded Date
	}{
		{`{"date":"1950-05-14"}`, "1950-05-14"},
		{`{"date":" 1948-06/1949-05 "}`, "1948-06/1949-05"},
		{`{"date":""}`, ""},
	}
	for _, tt := range tests {
		var v doc
		if err := json.Unmarshal([]byte(tt.json), &v); err != nil {
			t.Errorf("json.Unmarshal(%s) error: %v", tt.json, err)
			continue
		}
		if got := v.Date.String(); got != tt.want {
			t.Errorf("json.Unmarshal(%s) = %v, want %v", tt.json, got, tt.want)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Errorf("json.Marshal(%v) error: %v", v, err)
			continue
		}
		if want := `{"date":"` + tt.want + `"}`; string(b) != want {
			t.Errorf("json.Marshal(%v) = %s, want %s", v, b, want)
		}
	}

	var d Date
	err := d.UnmarshalText([]byte("1950-02-30"))
	want := `date "1950-02-30" is not a real day (February 1950 has 28 days)`
	if err == nil || err.Error() != want {
		t.Errorf("UnmarshalText(%q) error = %v, want %q", "1950-02-30", err, want)
	}
}
