package search

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/korean-war-sources/edition/internal/histdate"
)

// Dates are terms of their own, written as in ISO 8601: "1950-05-14" for
// a day, "1950-05" for a month. A year is the plain term "1950". The
// tokenizer never makes a term with a hyphen, so a date term can only come
// from a date.
//
// Every dated item is indexed under its own date, in the strongest field,
// so that "14 May 1950" finds the telegram of that day first. Dates
// written in the text ("on 14 May 1950", "May 14, 1950", "12–13 September
// 1949", "May 1950", "1950-05-14") are indexed as date terms too, in the
// text, besides their words; a query that holds a date searches for its
// date term instead of its words, so that the "14" of "Ll. 13–14" and
// the "May" of another month do not match.
//
// Recognising a date in a list of terms is defined term by term on the
// folded text, so that static/assets/search.js does the same with the
// month names and separators of the manifest.

// dateMonths are the month names and abbreviations a date may use.
var dateMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// dateSpaces separate a day from the month after it ("14 May"): any
// non-empty run of them. Not a full stop, so that "Ll. 13–14. May 1950"
// is no date.
const dateSpaces = " \t\n\r\u00a0\u2009\u202f"

// dateBlanks separate the other parts of a date written in words ("May
// 14, 1950", "Sept. 1949", "14 May, 1950"): any non-empty run of them.
const dateBlanks = dateSpaces + ",."

// dateDashes join two days of a range ("12–13 September 1949"), with
// spaces on either side or none.
const dateDashes = "-\u2010\u2011\u2013\u2014"

// Spans of item dates beyond these are indexed only at a coarser level:
// a range of more than maxDateDays days is not indexed by day.
const (
	maxDateDays   = 62
	maxDateMonths = 36
	maxDateYears  = 100
)

// DateManifest tells search.js how dates are recognised.
type DateManifest struct {
	Months map[string]int `json:"months"`
	Spaces string         `json:"spaces"`
	Blanks string         `json:"blanks"`
	Dashes string         `json:"dashes"`
}

func dateManifest() DateManifest {
	return DateManifest{Months: dateMonths, Spaces: dateSpaces, Blanks: dateBlanks, Dashes: dateDashes}
}

// dateWord is what a term can be in a date.
type dateWord struct {
	day   int // 1–31, from "14" or "14th"
	month int // 1–12, from a month name
	year  int // 1000–2999, from four digits
	two   int // 1–99 from exactly two digits, for ISO months and days; -1 otherwise
}

// classify says what term can be in a date.
func classify(term string) dateWord {
	w := dateWord{month: dateMonths[term], two: -1}
	digits := len(term) - len(strings.TrimLeft(term, "0123456789"))
	num, _ := strconv.Atoi(term[:digits])
	switch suffix := term[digits:]; {
	case digits == 4 && suffix == "" && num >= 1000 && num <= 2999:
		w.year = num
	case digits == 2 && suffix == "":
		w.two = num
		fallthrough
	case digits >= 1 && digits <= 2 && (suffix == "" || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"):
		if num >= 1 && num <= 31 {
			w.day = num
		}
	}
	return w
}

// token is a term of a text, by its place in the folded runes.
type token struct {
	word       dateWord
	start, end int
}

// foundDate is a date recognised in a list of tokens: its days (none for
// a month), month and year, and the tokens it spans.
type foundDate struct {
	first, next int // tokens[first:next]
	days        []int
	month, year int
}

// terms lists the date terms of a date: for a text its days and its
// month; for a query only its days, or its month when it has none.
func (d foundDate) terms(query bool) []string {
	month := fmt.Sprintf("%04d-%02d", d.year, d.month)
	var out []string
	for _, day := range d.days {
		out = append(out, fmt.Sprintf("%s-%02d", month, day))
	}
	if !query || len(out) == 0 {
		out = append(out, month)
	}
	return out
}

// dateScanner finds dates in the tokens of a folded text.
type dateScanner struct {
	runes  []rune
	tokens []token
}

// sep returns the runes between token i-1 and token i.
func (s *dateScanner) sep(i int) []rune {
	return s.runes[s.tokens[i-1].end:s.tokens[i].start]
}

// blank reports whether token i follows a run of dateBlanks.
func (s *dateScanner) blank(i int) bool { return s.run(i, dateBlanks) }

// space reports whether token i follows a run of dateSpaces.
func (s *dateScanner) space(i int) bool { return s.run(i, dateSpaces) }

// run reports whether token i follows a non-empty run of the runes of set.
func (s *dateScanner) run(i int, set string) bool {
	sep := s.sep(i)
	if len(sep) == 0 {
		return false
	}
	for _, r := range sep {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return true
}

// dash reports whether token i follows one of dateDashes, with only
// dateSpaces around it.
func (s *dateScanner) dash(i int) bool {
	dashes := 0
	for _, r := range s.sep(i) {
		switch {
		case strings.ContainsRune(dateSpaces, r):
		case strings.ContainsRune(dateDashes, r):
			dashes++
		default:
			return false
		}
	}
	return dashes == 1
}

// hyphen reports whether token i follows exactly one "-".
func (s *dateScanner) hyphen(i int) bool {
	sep := s.sep(i)
	return len(sep) == 1 && sep[0] == '-'
}

// each calls yield with every date in the tokens, from left to right;
// dates do not overlap.
func (s *dateScanner) each(yield func(foundDate)) {
	for i := 0; i < len(s.tokens); {
		if d, ok := s.at(i); ok {
			yield(d)
			i = d.next
			continue
		}
		i++
	}
}

// at recognises a date beginning at token i: 1950-05-14, 1950-05,
// 14 May 1950, 13–14 May 1950, May 14, 1950, May 13–14, 1950 and
// May 1950.
func (s *dateScanner) at(i int) (foundDate, bool) {
	t, n := s.tokens, len(s.tokens)
	w := func(k int) dateWord {
		if k < n {
			return t[k].word
		}
		return dateWord{two: -1}
	}
	switch {
	case w(i).year > 0:
		y, m := w(i).year, w(i+1).two
		if m < 1 || m > 12 || !s.hyphen(i+1) {
			return foundDate{}, false
		}
		if d := w(i + 2).two; d >= 1 && d <= daysIn(y, m) && s.hyphen(i+2) {
			return foundDate{first: i, next: i + 3, days: []int{d}, month: m, year: y}, true
		}
		return foundDate{first: i, next: i + 2, month: m, year: y}, true
	case w(i).day > 0:
		last := i
		if w(i+1).day > w(i).day && s.dash(i+1) {
			last = i + 1
		}
		m, y := w(last+1).month, w(last+2).year
		if m == 0 || y == 0 || !s.space(last+1) || !s.blank(last+2) || w(last).day > daysIn(y, m) {
			return foundDate{}, false
		}
		return foundDate{first: i, next: last + 3, days: dayRange(w(i).day, w(last).day), month: m, year: y}, true
	case w(i).month > 0:
		m := w(i).month
		if y := w(i + 1).year; y > 0 && s.blank(i+1) {
			return foundDate{first: i, next: i + 2, month: m, year: y}, true
		}
		if w(i+1).day == 0 || !s.blank(i+1) {
			return foundDate{}, false
		}
		last := i + 1
		if w(i+2).day > w(i+1).day && s.dash(i+2) {
			last = i + 2
		}
		y := w(last + 1).year
		if y == 0 || !s.blank(last+1) || w(last).day > daysIn(y, m) {
			return foundDate{}, false
		}
		return foundDate{first: i, next: last + 2, days: dayRange(w(i+1).day, w(last).day), month: m, year: y}, true
	}
	return foundDate{}, false
}

// dayRange lists the days from a to b.
func dayRange(a, b int) []int {
	var days []int
	for d := a; d <= b; d++ {
		days = append(days, d)
	}
	return days
}

// daysIn is the number of days of month m of year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ItemDateTerms lists the terms an item dated d is found by: every day
// of it, every month and every year, as far as d is known and not too
// long (see maxDateDays). The zero Date has none.
func ItemDateTerms(d histdate.Date) []string {
	if d.IsZero() {
		return nil
	}
	from, to, _ := strings.Cut(d.String(), "/")
	if to == "" {
		to = from
	}
	start, end := d.Start(), d.End()
	var terms []string
	if len(from) == 10 && len(to) == 10 && end.Sub(start) < maxDateDays*24*time.Hour {
		for t := start; !t.After(end); t = t.AddDate(0, 0, 1) {
			terms = append(terms, t.Format("2006-01-02"))
		}
	}
	months := (end.Year()-start.Year())*12 + int(end.Month()) - int(start.Month()) + 1
	if len(from) >= 7 && len(to) >= 7 && months <= maxDateMonths {
		for k := range months {
			terms = append(terms, start.AddDate(0, k, 1-start.Day()).Format("2006-01"))
		}
	}
	if end.Year()-start.Year() < maxDateYears {
		for y := start.Year(); y <= end.Year(); y++ {
			terms = append(terms, strconv.Itoa(y))
		}
	}
	return terms
}
