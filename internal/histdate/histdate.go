// Package histdate represents historical dates as they appear in a
// documentary edition: a single year, month or day, or a range between two
// such points.
//
// Dates are written in a restricted subset of ISO 8601:
//
//	1950              a year
//	1950-05           a month
//	1950-05-14        a day
//	1948-06/1949-05   a range; either side may be any of the above
//
// The calendar is the proleptic Gregorian calendar and years run from 1000
// to 2999. The zero Date is "no date"; Parse never returns it without an
// error.
package histdate

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Years outside this span are far more likely to be typing mistakes than
// genuine dates in the edition's sources.
const (
	minYear = 1000
	maxYear = 2999
)

// Precision is how finely a point in time is known.
type Precision int

// The precisions, ordered from coarsest to finest. The zero Precision is
// not valid; it belongs only to the zero Date.
const (
	Year Precision = iota + 1
	Month
	Day
)

// String returns "year", "month" or "day".
func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// point is one end of a Date. Fields finer than prec are zero, so that
// two points written the same way are equal with ==.
type point struct {
	year  int
	month time.Month
	day   int
	prec  Precision
}

// first returns the first day the point covers.
func (p point) first() time.Time {
	m, d := p.month, p.day
	if m == 0 {
		m = time.January
	}
	if d == 0 {
		d = 1
	}
	return time.Date(p.year, m, d, 0, 0, 0, 0, time.UTC)
}

// last returns the last day the point covers.
func (p point) last() time.Time {
	switch p.prec {
	case Year:
		return time.Date(p.year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(p.year, p.month, daysIn(p.month, p.year), 0, 0, 0, 0, time.UTC)
	}
	return p.first()
}

// String formats the point the way Parse reads it.
func (p point) String() string {
	switch p.prec {
	case Year:
		return fmt.Sprintf("%04d", p.year)
	case Month:
		return fmt.Sprintf("%04d-%02d", p.year, int(p.month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.year, int(p.month), p.day)
}

// Date is a historical date: a year, month or day, or a range between two
// of them. Dates are comparable with ==, and two Dates are equal exactly
// when they have the same canonical String form.
//
// The zero Date means "no date".
type Date struct {
	// For a single date end equals start; Parse folds a range whose two
	// sides are identical into a single date so that this stays true.
	start, end point
}

// Parse parses a date in one of the forms YYYY, YYYY-MM or YYYY-MM-DD, or a
// range A/B of two such forms. Surrounding white space is ignored. A range
// may not end before it starts; a range whose sides are identical is the
// same as the single date.
//
// Errors are meant to be shown to the contributor who wrote the date, so
// they quote the input and say what is wrong with it.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, errors.New("date is empty")
	}
	a, b, isRange := strings.Cut(s, "/")
	if isRange {
		return parseRange(s, a, b)
	}
	p, err := parsePoint(s)
	if err != nil {
		return Date{}, err
	}
	return Date{start: p, end: p}, nil
}

// MustParse is like Parse but panics if s is not a valid date. It is meant
// only for date literals in tests; code handling contributors' input must
// use Parse.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic("histdate: " + err.Error())
	}
	return d
}

func parseRange(s, a, b string) (Date, error) {
	switch {
	case a == "":
		return Date{}, fmt.Errorf("date range %q is missing its start before the \"/\"", s)
	case b == "":
		return Date{}, fmt.Errorf("date range %q is missing its end after the \"/\"", s)
	case strings.Contains(b, "/"):
		return Date{}, fmt.Errorf("date range %q has more than one \"/\"", s)
	}
	start, err := parsePoint(a)
	if err != nil {
		return Date{}, fmt.Errorf("%w (in date range %q)", err, s)
	}
	end, err := parsePoint(b)
	if err != nil {
		return Date{}, fmt.Errorf("%w (in date range %q)", err, s)
	}
	// Comparing the end's last day with the start's first day lets
	// overlapping points of different precision through, such as
	// 1950-05-14/1950-05, which still describe a sensible span.
	if end.last().Before(start.first()) {
		return Date{}, fmt.Errorf("date range %q ends before it starts", s)
	}
	return Date{start: start, end: end}, nil
}

func parsePoint(s string) (point, error) {
	if !wellFormed(s) {
		return point{}, fmt.Errorf("date %q is not in the form YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	p := point{year: atoi(s[0:4]), prec: Year}
	if p.year < minYear || p.year > maxYear {
		return point{}, fmt.Errorf("date %q has year %s; years run %d–%d", s, s[0:4], minYear, maxYear)
	}
	if len(s) == len("YYYY") {
		return p, nil
	}
	m := atoi(s[5:7])
	if m < 1 || m > 12 {
		return point{}, fmt.Errorf("date %q has month %s; months run 01–12", s, s[5:7])
	}
	p.month, p.prec = time.Month(m), Month
	if len(s) == len("YYYY-MM") {
		return p, nil
	}
	n := daysIn(p.month, p.year)
	p.day, p.prec = atoi(s[8:10]), Day
	if p.day < 1 || p.day > n {
		return point{}, fmt.Errorf("date %q is not a real day (%s %d has %d days)", s, p.month, p.year, n)
	}
	return p, nil
}

// wellFormed reports whether s has the shape of YYYY, YYYY-MM or
// YYYY-MM-DD, so that the rest of parsing may slice it freely.
func wellFormed(s string) bool {
	switch len(s) {
	case len("YYYY"), len("YYYY-MM"), len("YYYY-MM-DD"):
	default:
		return false
	}
	for i := range len(s) {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoi converts a string of ASCII digits already checked by wellFormed.
func atoi(s string) int {
	n := 0
	for i := range len(s) {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	// Day 0 of the next month normalizes to the last day of this one,
	// which leaves leap years to the time package.
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date, meaning no date.
func (d Date) IsZero() bool { return d.start.prec == 0 }

// IsRange reports whether d is a range rather than a single year, month or
// day.
func (d Date) IsRange() bool { return d.start != d.end }

// String returns d in the canonical form accepted by Parse, such as
// "1950-05-14" or "1948-06/1949-05". It returns "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.IsRange():
		return d.start.String() + "/" + d.end.String()
	}
	return d.start.String()
}

// ISOAttr returns a value for the datetime attribute of an HTML time
// element, such as "1950-05-14", "1950-05" or "1950". HTML has no syntax
// for a span of dates, so a range yields its start.
func (d Date) ISOAttr() string {
	if d.IsZero() {
		return ""
	}
	return d.start.String()
}

// Precision returns the precision of the start of d, or 0 for the zero
// Date.
func (d Date) Precision() Precision { return d.start.prec }

// Start returns midnight UTC of the first day d covers, or the zero
// time.Time for the zero Date.
func (d Date) Start() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.start.first()
}

// End returns midnight UTC of the last day d covers: for 1950-05 that is
// 31 May 1950 and for 1950 it is 31 December 1950. It returns the zero
// time.Time for the zero Date.
func (d Date) End() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.end.last()
}

// Year returns the year of the start of d, or 0 for the zero Date.
func (d Date) Year() int { return d.start.year }

// Month returns the month of the start of d, or 0 if the start is known
// only to the year.
func (d Date) Month() time.Month { return d.start.month }

// Compare returns -1, 0 or +1 as a sorts before, with or after b. Dates
// sort by their first day; where that ties, the coarser start comes first
// (1950-05 before 1950-05-01), then the earlier end, then the coarser end.
// The zero Date sorts after all others. Compare returns 0 only for equal
// Dates.
func Compare(a, b Date) int {
	if a.IsZero() || b.IsZero() {
		// false < true puts non-zero Dates first.
		return cmp.Compare(boolRank(a.IsZero()), boolRank(b.IsZero()))
	}
	if c := a.Start().Compare(b.Start()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.start.prec, b.start.prec); c != 0 {
		return c
	}
	if c := a.End().Compare(b.End()); c != 0 {
		return c
	}
	return cmp.Compare(a.end.prec, b.end.prec)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// MarshalText implements encoding.TextMarshaler using the String form.
// The zero Date marshals as empty text.
func (d Date) MarshalText() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler using Parse. Empty
// text, or text that is only white space, yields the zero Date so that a
// marshalled zero Date round-trips; callers that require a date should
// check IsZero.
func (d *Date) UnmarshalText(b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*d = Date{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
