package site

import (
	"strings"

	"github.com/korean-war-sources/edition/internal/histdate"
)

// Long lists are split by year: a timeline view, or a person's documents,
// with more entries than the edition's split_lists_over gets an index of
// its years and one page per year. The pages of a split list sit in a
// folder named after the page they split, one file per year:
//
//	timeline/index.html   the years of the whole timeline
//	timeline/1950.html    its entries of 1950
//	timeline/memoir.html  the years of the memoirs' view
//	timeline/memoir/1950.html
//	timeline/1950/05.html when 1950 is too long itself: its May
//	timeline/1950/no-month.html  its entries dated to the year alone
//	persons/ID.html       the person, with their documents' years
//	persons/ID/1950.html  their documents and entries of 1950
//	persons/ID/1950/05.html  of May 1950, when 1950 is too long itself
//
// A year is a stable address: adding documents adds entries to a year's
// page but never moves an entry to another page, as numbered pages of a
// fixed length would. Undated entries have a page of their own, named
// Undated, which no year can take.
const Undated = "undated"

// YearOf is the key of the year page that holds an entry dated d: its
// first year, four digits, or Undated. An approximate date (a month, a
// year, a range) goes to the year it starts in, where the page lists it
// before the days of that year.
func YearOf(d histdate.Date) string {
	if d.IsZero() {
		return Undated
	}
	return d.Start().Format("2006")
}

// NoMonth is the key of the page of a year's entries dated to the year
// alone, when the year is split by month.
const NoMonth = "no-month"

// MonthOf is the key of the month page that holds an entry dated d, when
// its year is split by month: its first month, two digits, or NoMonth
// for a date of a year alone.
func MonthOf(d histdate.Date) string {
	if d.Precision() < histdate.Month {
		return NoMonth
	}
	return d.Start().Format("01")
}

// TimelineMonthPath is the page of one month of a year of a timeline
// view, when the year itself is too long for one page.
func TimelineMonthPath(view, year, month string) string {
	return strings.TrimSuffix(TimelineYearPath(view, year), ".html") + "/" + month + ".html"
}

// indexTimelineYears counts the entries of each year of the whole
// timeline, for EventURL.
func (s *Site) indexTimelineYears() {
	s.timelineYears = map[string]int{}
	for _, d := range s.DocsByDate {
		s.timelineYears[YearOf(d.Date)]++
	}
	for _, e := range s.Ed.Events {
		s.timelineYears[YearOf(e.Date)]++
	}
}

// YearSplit reports whether a year of the whole timeline with n entries
// is split by month: it is when it has more entries than the limit and
// is a year (undated entries have no months).
func (s *Site) YearSplit(year string, n int) bool {
	return year != Undated && n > s.SplitLimit()
}

// SplitLimit is the longest list a page holds before it is split.
func (s *Site) SplitLimit() int { return s.Ed.Site.SplitLimit() }

// TimelineEntries counts the entries of the whole timeline: every
// document and every event.
func (s *Site) TimelineEntries() int { return len(s.DocsByDate) + len(s.Ed.Events) }

// TimelineSplit reports whether the whole timeline is split by year.
func (s *Site) TimelineSplit() bool { return s.TimelineEntries() > s.SplitLimit() }

// TimelineYearPath is the page of one year of a timeline view: view ""
// is the whole timeline, any other its key ("memoir").
func TimelineYearPath(view, year string) string {
	if view == "" {
		return "timeline/" + year + ".html"
	}
	return "timeline/" + view + "/" + year + ".html"
}

// PersonYearPath is the page of one year of a person's documents.
func PersonYearPath(id, year string) string {
	return strings.TrimSuffix(PersonPath(id), ".html") + "/" + year + ".html"
}

// PersonMonthPath is the page of one month of a year of a person's
// documents, when the year is too long for one page.
func PersonMonthPath(id, year, month string) string {
	return strings.TrimSuffix(PersonYearPath(id, year), ".html") + "/" + month + ".html"
}

// EventURL is the address of event id's entry on the whole timeline: on
// its single page, on the page of its year when the timeline is split,
// or on the page of its month when its year is split too.
func (s *Site) EventURL(id string) string {
	e := s.Events[id]
	if e == nil || !s.TimelineSplit() {
		return eventOnTimeline(id)
	}
	year := YearOf(e.Date)
	if s.YearSplit(year, s.timelineYears[year]) {
		return TimelineMonthPath("", year, MonthOf(e.Date)) + "#event-" + id
	}
	return TimelineYearPath("", year) + "#event-" + id
}

// eventOnTimeline is the address of an event's entry on a timeline of one
// page.
func eventOnTimeline(id string) string { return "timeline/index.html#event-" + id }

// PersonNotesPath is the page of the notes mentioning a person, when they
// are too many for the person's page. No year takes its name.
func PersonNotesPath(id string) string {
	return strings.TrimSuffix(PersonPath(id), ".html") + "/notes.html"
}
