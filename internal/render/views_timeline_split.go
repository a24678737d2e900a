package render

import (
	"slices"
	"strings"

	"github.com/korean-war-sources/edition/internal/site"
)

// TimelineYearsView is the index of a timeline view split by year (its
// years), or of a year split by month (its months): each period with
// the number of its entries and a link to its page.
type TimelineYearsView struct {
	Views   []Link
	Current string
	Count   int
	Limit   int
	// Year is "" on the index of a view, the year on that of a year.
	Year  string
	Years []YearLink
}

// timelineLeaf is a page of a split timeline view that lists entries:
// a year, or a month of a year split by month.
type timelineLeaf struct {
	path, label string // label: "1950", "May 1950", "1950, month not known"
	crumbs      []Link
	entries     []TimelineEntry
}

// timelineYears makes the pages of a timeline view too long for one
// page: the index of its years at the view's address, and a page for each
// year; a year itself too long for one page becomes the index of its
// months, with a page for each month. Entries keep the anchors they have
// on a single page, and the pages that list them are linked in order as
// one series.
func (b *builder) timelineYears(key, label string, views []Link, picked []TimelineEntry) []*Page {
	title := timelineTitle(key, label)
	limit := b.s.SplitLimit()
	idx := &TimelineYearsView{Views: views, Current: label, Count: len(picked), Limit: limit}
	index := b.page("timeline-years", timelinePath(key), title, "timeline")
	index.Description = "Every dated document and event of the edition in order, one page for each year."
	index.Data = idx
	if key != "" {
		index.Crumbs = []Link{{URL: URL(timelinePath("")), Text: "Timeline"}}
	}
	pages := []*Page{index}
	crumbs := append(slices.Clip(index.Crumbs), Link{URL: URL(timelinePath(key)), Text: title})
	var leaves []timelineLeaf
	for _, part := range splitByYear(picked) {
		path := site.TimelineYearPath(key, part.Year)
		idx.Years = append(idx.Years, YearLink{
			Link:  Link{URL: URL(path), Text: yearLabel(part.Year), Note: entryKinds(part.Entries)},
			Count: len(part.Entries),
		})
		if !b.s.YearSplit(part.Year, len(part.Entries)) {
			leaves = append(leaves, timelineLeaf{path, yearLabel(part.Year), crumbs, part.Entries})
			continue
		}
		months := &TimelineYearsView{Views: views, Count: len(part.Entries), Limit: limit, Year: part.Year}
		yp := b.page("timeline-years", path, title+", "+part.Year, "timeline")
		yp.Description = "The documents and events of " + part.Year + ", one page for each month."
		yp.Crumbs = crumbs
		yp.Data = months
		pages = append(pages, yp)
		inYear := append(slices.Clip(crumbs), Link{URL: URL(path), Text: part.Year})
		for _, m := range splitByMonth(part.Entries) {
			mpath := site.TimelineMonthPath(key, part.Year, m.Year)
			text := monthLabel(part.Year, m.Year)
			months.Years = append(months.Years, YearLink{Link: Link{URL: URL(mpath), Text: text, Note: entryKinds(m.Entries)}, Count: len(m.Entries)})
			leaves = append(leaves, timelineLeaf{mpath, text, inYear, m.Entries})
		}
	}
	for i, l := range leaves {
		v := &TimelineView{Views: views, Count: len(l.entries), Year: l.label}
		v.Years, v.Undated = group(l.entries)
		p := b.page("timeline", l.path, title+", "+lowerFirst(l.label), "timeline")
		p.Description = "The documents and events of " + l.label + " in order, with the precision of each date."
		if l.label == yearLabel(site.Undated) {
			p.Description = "The documents and events without a date."
		}
		p.Data = v
		p.Crumbs = l.crumbs
		p.Series = leafSeries("Pages of the "+strings.ToLower(title), leaves, i)
		p.Scripts = []string{URL("assets/filter.js")}
		pages = append(pages, p)
	}
	return pages
}

// leafSeries links the i-th page listing entries to the pages before and
// after it.
func leafSeries(label string, leaves []timelineLeaf, i int) *Series {
	link := func(j int, rel string) *PageLink {
		if j < 0 || j >= len(leaves) {
			return nil
		}
		return &PageLink{URL: URL(leaves[j].path), Rel: rel, Text: leaves[j].label}
	}
	return &Series{Label: label, Prev: link(i-1, "Previous page"), Next: link(i+1, "Next page")}
}

// splitByMonth groups the entries of one year by month, keeping their
// order within a month: the entries dated to the year alone first, as
// they sort on the year's page, then the months in order.
func splitByMonth(entries []TimelineEntry) []yearPart {
	return splitBy(entries, func(e TimelineEntry) string { return site.MonthOf(e.date) }, compareMonths)
}

// compareMonths orders month keys: the year alone first, then the months.
func compareMonths(a, b string) int {
	if (a == site.NoMonth) != (b == site.NoMonth) {
		if a == site.NoMonth {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// monthLabel is "May 1950", or "1950, month not known".
func monthLabel(year, month string) string {
	if month == site.NoMonth {
		return year + ", month not known"
	}
	names := [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	n := int(month[0]-'0')*10 + int(month[1]-'0')
	if n < 1 || n > 12 {
		return year + "-" + month
	}
	return names[n-1] + " " + year
}

// lowerFirst is s with its first letter in lower case: "Undated" reads
// "undated" after a comma, a month keeps its capital.
func lowerFirst(s string) string {
	if s == yearLabel(site.Undated) {
		return strings.ToLower(s)
	}
	return s
}
