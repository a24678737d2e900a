package histdate

import (
	"fmt"
	"strings"
	"time"
)

// Display returns d in English for readers, such as "14 May 1950",
// "May 1950", "1950", "8–25 April 1950", "30 April – 2 May 1950",
// "June 1948 – May 1949" or "1904–1905". It returns "" for the zero Date.
//
// Ranges use an en dash and leave out the parts the two sides share. The
// dash is spaced when both sides contain spaces, so that "30 April – 2 May
// 1950" is not misread as "30 April–2".
func (d Date) Display() string {
	switch {
	case d.IsZero():
		return ""
	case !d.IsRange():
		return d.start.display()
	case d.start.prec != d.end.prec:
		// Eliding shared parts of sides known to different precisions
		// gives forms such as "May–15 June 1950" that read ambiguously.
		l, r := d.start.display(), d.end.display()
		return dash(l, r, strings.Contains(l, " ") || strings.Contains(r, " "))
	}
	l, r := d.start.display(), d.end.display()
	switch {
	case d.start.year != d.end.year:
	case d.start.prec == Month:
		l = d.start.month.String()
	case d.start.prec == Day && d.start.month == d.end.month:
		l = fmt.Sprint(d.start.day)
	case d.start.prec == Day:
		l = fmt.Sprintf("%d %s", d.start.day, d.start.month)
	}
	return dash(l, r, strings.Contains(l, " ") && strings.Contains(r, " "))
}

func dash(l, r string, spaced bool) string {
	if spaced {
		return l + " – " + r
	}
	return l + "–" + r
}

func (p point) display() string {
	switch p.prec {
	case Year:
		return fmt.Sprint(p.year)
	case Month:
		return fmt.Sprintf("%s %d", p.month, p.year)
	}
	return fmt.Sprintf("%d %s %d", p.day, p.month, p.year)
}

// PrecisionNote describes for a reader how precisely d is known: "exact
// day", "month only" or "year only" for a single date, and "range of
// days", "range of months" or "range of years" for a range. A range whose
// sides differ in precision is described as, for example, "range from a
// month to a day". It returns "" for the zero Date.
func (d Date) PrecisionNote() string {
	switch {
	case d.IsZero():
		return ""
	case d.IsRange() && d.start.prec == d.end.prec:
		return "range of " + d.start.prec.String() + "s"
	case d.IsRange():
		return "range from a " + d.start.prec.String() + " to a " + d.end.prec.String()
	}
	switch d.start.prec {
	case Year:
		return "year only"
	case Month:
		return "month only"
	}
	return "exact day"
}

// Between describes for a reader the delay between an event dated from and
// a later source dated to, such as "the same day", "3 days later", "about
// 2 weeks later", "about 5 months later" or "about 16 years later".
//
// The delay runs from the start of from, or its end if from is a range, to
// the start of to. It is measured in the coarsest unit either side is known
// to, so an event in May 1950 and a source of 14 May 1950 are "the same
// month". Only whole days between two exact days are given without
// "about". Between returns "" if either Date is zero or if to starts before
// from.
func Between(from, to Date) string {
	if from.IsZero() || to.IsZero() {
		return ""
	}
	fp, f := from.start, from.Start()
	if from.IsRange() {
		fp, f = from.end, from.End()
	}
	t := to.Start()
	if t.Before(f) {
		return ""
	}
	switch min(fp.prec, to.start.prec) {
	case Year:
		return yearsLater(t.Year() - f.Year())
	case Month:
		return monthsLater(monthIndex(t) - monthIndex(f))
	}
	return daysLater(daysBetween(f, t))
}

// monthIndex numbers months consecutively so that subtraction counts
// calendar months.
func monthIndex(t time.Time) int {
	return t.Year()*12 + int(t.Month()) - 1
}

// daysBetween counts days between two UTC midnights. Both are UTC, so every
// day is exactly 24 hours long.
func daysBetween(f, t time.Time) int {
	return int(t.Sub(f) / (24 * time.Hour))
}

func yearsLater(n int) string {
	switch n {
	case 0:
		return "the same year"
	case 1:
		return "about a year later"
	}
	return fmt.Sprintf("about %d years later", n)
}

func monthsLater(n int) string {
	switch {
	case n == 0:
		return "the same month"
	case n == 1:
		return "about a month later"
	case n == 12:
		return "about a year later"
	case n < 18:
		return fmt.Sprintf("about %d months later", n)
	}
	// Round to the nearest year, halves upward.
	return yearsLater((n + 6) / 12)
}

func daysLater(n int) string {
	switch {
	case n == 0:
		return "the same day"
	case n == 1:
		return "the next day"
	case n < 14:
		return fmt.Sprintf("%d days later", n)
	case n < 60:
		return fmt.Sprintf("about %d weeks later", (n+3)/7)
	}
	// 146097 days make 4800 months in the Gregorian cycle of 400 years;
	// adding half the divisor rounds to the nearest month.
	return monthsLater((n*4800 + 146097/2) / 146097)
}
