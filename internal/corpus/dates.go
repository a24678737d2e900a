package corpus

import (
	"fmt"
	"time"
)

// date is a generated date in the schema's syntax, with how a note would
// print it.
type date struct {
	value   string // "1949-09-03", "1949-09", "1949", "1950-04-08/1950-04-25"
	display string // "3 September 1949"
	prefix  string // the id prefix: "1949-09-03", "1949-09", "1949"
}

func (g *gen) day(lo, hi int) time.Time {
	y := g.intn(lo, hi)
	m := time.Month(g.intn(1, 12))
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return time.Date(y, m, g.intn(1, last), 0, 0, 0, 0, time.UTC)
}

// someDate returns a date between 1945 and 1953: mostly days, some months
// or years only, some ranges.
func (g *gen) someDate() date {
	t := g.day(1945, 1953)
	day := t.Format("2006-01-02")
	switch u := g.r.Float64(); {
	case u < 0.78:
		return date{value: day, display: fmt.Sprintf("%d %s", t.Day(), t.Format("January 2006")), prefix: day}
	case u < 0.88:
		m := t.Format("2006-01")
		return date{value: m, display: t.Format("January 2006"), prefix: m}
	case u < 0.92:
		y := t.Format("2006")
		return date{value: y, display: y, prefix: y}
	case u < 0.97:
		end := t.AddDate(0, 0, g.intn(1, 30))
		return date{value: day + "/" + end.Format("2006-01-02"),
			display: fmt.Sprintf("%d %s – %d %s", t.Day(), t.Format("January 2006"), end.Day(), end.Format("January 2006")), prefix: day}
	default:
		end := t.AddDate(0, g.intn(1, 5), 0)
		return date{value: t.Format("2006-01") + "/" + end.Format("2006-01"),
			display: t.Format("January 2006") + " – " + end.Format("January 2006"), prefix: t.Format("2006-01")}
	}
}

// before returns a month in a year before d, from 1945 on, for the
// events a later report or memoir describes; "" when d is in 1945.
func (g *gen) before(d date) string {
	var y int
	fmt.Sscanf(d.prefix, "%d", &y)
	if y <= 1945 {
		return ""
	}
	return g.day(1945, y-1).Format("2006-01")
}
