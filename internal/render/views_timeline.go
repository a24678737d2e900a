package render

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/figure"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/site"
)

// TimelineEntry is a dated document or event.
type TimelineEntry struct {
	ID      string
	Date    DateView
	date    histdate.Date
	Kind    string // document kind label, or "event"
	Filter  string // nature of a document, or "event"
	Title   string
	URL     string
	Anchor  string
	Parties string // "Shtykov → Vyshinskii"
	Summary string
	Travel  string // sent and received, from outside the article
	Persons string // space-separated person ids, for filtering
	// Attested lists, for an event, the documents and notes that attest
	// it: the event's entry opens its sources instead of only itself.
	Attested []Link
}

// TimelineView is a timeline page: entries grouped by year and month.
type TimelineView struct {
	Years   []YearGroup
	Views   []Link // the other pre-rendered views
	Current string
	Figure  template.HTML
	Undated []TimelineEntry
	Count   int
	// Year is set on the page of one year of a split timeline view: the
	// year, or "Undated".
	Year string
}

// YearGroup and MonthGroup group timeline entries.
type YearGroup struct {
	Year   string
	Months []MonthGroup
}

type MonthGroup struct {
	Month   string
	Anchor  string
	Entries []TimelineEntry
}

// entryChunk is how many timeline entries a worker makes at a time.
const entryChunk = 256

// entries makes the timeline of the whole edition, in order. The entries
// read only the site, so they are made on every core, each into its
// place in the list.
func (b *builder) entries() []TimelineEntry {
	docs, events := b.s.DocsByDate, b.s.Ed.Events
	out := make([]TimelineEntry, len(docs)+len(events))
	parallel.For((len(out)+entryChunk-1)/entryChunk, func(_, c int) {
		for i := c * entryChunk; i < min(len(out), (c+1)*entryChunk); i++ {
			if i < len(docs) {
				out[i] = b.documentEntry(docs[i])
			} else {
				out[i] = b.eventEntry(events[i-len(docs)])
			}
		}
	})
	// Sorting the entries' places rather than the entries, which are
	// large, moves a few bytes for each step of the sort.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &out[i], &out[j]
		return cmp.Or(histdate.Compare(a.date, b.date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
	})
	sorted := make([]TimelineEntry, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	return sorted
}

// documentEntry is the timeline entry of document d.
func (b *builder) documentEntry(d *content.Document) TimelineEntry {
	s := b.s
	return TimelineEntry{
		ID: "doc-" + d.ID, date: d.Date, Date: inferredDateView(d.Date, d.DateBasis), Kind: KindLabel(d.Kind), Filter: d.Nature,
		Title: d.Title, URL: URL(site.DocumentPath(d.ID)), Anchor: "doc-" + d.ID,
		Parties: parties(s, d), Summary: NatureNote(d), Persons: strings.Join(d.People(), " "),
		Travel: travelLine(s, d),
	}
}

// eventEntry is the timeline entry of event e.
func (b *builder) eventEntry(e *content.Event) TimelineEntry {
	var ids []string
	for _, p := range e.Persons {
		ids = append(ids, p.ID)
	}
	return TimelineEntry{
		ID: "event-" + e.ID, date: e.Date, Date: inferredDateView(e.Date, e.DateBasis), Kind: "event", Filter: "event",
		Title: e.Title, URL: URL(b.s.EventURL(e.ID)), Anchor: "event-" + e.ID, Summary: e.Summary,
		Persons: strings.Join(ids, " "), Attested: attestation(b.s, e),
	}
}

// attestation links the documents attesting event e, in date order, then
// the notes attesting it, in note order.
func attestation(s *site.Site, e *content.Event) []Link {
	var ids []string
	for _, d := range e.Documents {
		if s.Docs[d.ID] != nil {
			ids = append(ids, d.ID)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return site.CompareDocs(s.Docs[a], s.Docs[b]) })
	out := docLinks(s, slices.Compact(ids))
	var ns []int
	for _, n := range e.Notes {
		ns = append(ns, n.N)
	}
	slices.Sort(ns)
	for _, n := range slices.Compact(ns) {
		if l := noteLink(s, n); l.Available {
			out = append(out, Link{URL: l.PageURL, Text: "note " + strconv.Itoa(n)})
		}
	}
	return out
}

func parties(s *site.Site, d *content.Document) string {
	names := func(ps []content.Party) string {
		var out []string
		for _, p := range partyViews(s, ps) {
			if p.AsWritten != "" {
				out = append(out, p.AsWritten+" ["+p.Name+"]")
			} else {
				out = append(out, p.Name)
			}
		}
		return strings.Join(out, ", ")
	}
	from, to := names(d.From), names(d.To)
	switch {
	case from != "" && to != "":
		return from + " → " + to
	case from != "":
		return from
	case to != "":
		return "→ " + to
	}
	return ""
}

func group(entries []TimelineEntry) (years []YearGroup, undated []TimelineEntry) {
	for _, e := range entries {
		if e.date.IsZero() {
			undated = append(undated, e)
			continue
		}
		year := e.date.Start().Format("2006")
		month := "Month not known"
		anchor := "y" + year
		if e.date.Precision() >= histdate.Month {
			month = e.date.Start().Format("January 2006")
			anchor += "-" + e.date.Start().Format("01")
		} else {
			month = "Year " + year + " (month not known)"
			anchor += "-00" // "y" + year alone is the id of the year heading
		}
		if n := len(years); n == 0 || years[n-1].Year != year {
			years = append(years, YearGroup{Year: year})
		}
		y := &years[len(years)-1]
		if n := len(y.Months); n == 0 || y.Months[n-1].Month != month {
			y.Months = append(y.Months, MonthGroup{Month: month, Anchor: anchor})
		}
		m := &y.Months[len(y.Months)-1]
		m.Entries = append(m.Entries, e)
	}
	return years, undated
}

// timelineFilters are the pre-rendered views: by nature of source, and
// events alone. They work without JavaScript.
var timelineFilters = []struct{ Key, Label string }{
	{"", "Everything"},
	{"contemporary", "Contemporary records"},
	{"later-report", "Later official reports"},
	{"memoir", "Memoirs"},
	{"interview", "Interviews"},
	{"recollection", "Recollections reported by others"},
	{"published", "Published at the time"},
	{"event", "Events"},
}

func timelinePath(key string) string {
	if key == "" {
		return "timeline/index.html"
	}
	return "timeline/" + key + ".html"
}

// timelineOf makes the pages of the timeline of the i-th of
// timelineFilters: each is a view of its own, so that a build holds the
// models of one timeline's years at a time, not of every one.
func (b *builder) timelineOf(i int) []*Page {
	all := b.timeline().entries
	var views []Link
	for _, f := range timelineFilters {
		views = append(views, Link{URL: URL(timelinePath(f.Key)), Text: f.Label})
	}
	f := timelineFilters[i]
	var picked []TimelineEntry
	for _, e := range all {
		if f.Key == "" || e.Filter == f.Key {
			picked = append(picked, e)
		}
	}
	if len(picked) > b.s.SplitLimit() {
		return b.timelineYears(f.Key, f.Label, views, picked)
	}
	v := &TimelineView{Views: views, Current: f.Label, Count: len(picked)}
	v.Years, v.Undated = group(picked)
	if f.Key == "" {
		v.Figure = template.HTML(figure.TimelineSVG(b.figureMarks(all), URL))
	}
	p := b.page("timeline", timelinePath(f.Key), timelineTitle(f.Key, f.Label), "timeline")
	p.Description = "Every dated document and event of the edition in order, with the precision of each date."
	p.Data = v
	p.Scripts = []string{URL("assets/filter.js")}
	return []*Page{p}
}

func timelineTitle(key, label string) string {
	if key == "" {
		return "Timeline"
	}
	return "Timeline: " + strings.ToLower(label)
}

// entryKinds says what a year's entries are: "40 documents, 3 events".
func entryKinds(entries []TimelineEntry) string {
	docs, events := 0, 0
	for _, e := range entries {
		if e.Filter == "event" {
			events++
		} else {
			docs++
		}
	}
	var parts []string
	if docs > 0 {
		parts = append(parts, countNote(docs, "document", "documents"))
	}
	if events > 0 {
		parts = append(parts, countNote(events, "event", "events"))
	}
	return strings.Join(parts, ", ")
}

func (b *builder) figureMarks(entries []TimelineEntry) []figure.Mark {
	var marks []figure.Mark
	for _, e := range entries {
		if e.date.IsZero() {
			continue
		}
		marks = append(marks, figure.Mark{Date: e.date, Title: e.Title, Path: strings.TrimPrefix(e.URL, URL("")), Event: e.Filter == "event"})
	}
	return marks
}

// byPerson groups the positions of timeline entries by the persons they
// involve, in one pass, keeping their order: positions rather than
// copies of the entries, which at 10,000 documents would take 20 MB.
func byPerson(entries []TimelineEntry) map[string][]int32 {
	m := map[string][]int32{}
	for i, e := range entries {
		for id := range strings.FieldsSeq(e.Persons) {
			if l := m[id]; len(l) > 0 && entries[l[len(l)-1]].ID == e.ID {
				continue // a person named twice in one entry
			}
			m[id] = append(m[id], int32(i))
		}
	}
	return m
}

// personTimelineOf returns the timeline entries involving the person id,
// in order, or nil.
func (b *builder) personTimelineOf(id string) []TimelineEntry {
	tl := b.timeline()
	at := tl.byPerson[id]
	if len(at) == 0 {
		return nil
	}
	out := make([]TimelineEntry, len(at))
	for i, j := range at {
		out[i] = tl.entries[j]
	}
	return out
}

// travelLine is a timeline entry's detail line on how a telegram
// travelled: "Sent 14 May 1950, 05:30 → received 14 May 1950, 04:10
// (clock not stated in the record; from the Wilson Center Digital
// Archive record, not from the article)", or "".
func travelLine(s *site.Site, d *content.Document) string {
	t := d.Transmission
	if !t.Given() || t.Sent.IsZero() && t.Received.IsZero() {
		return ""
	}
	var parts []string
	if !t.Sent.IsZero() {
		parts = append(parts, "sent "+clockTime(t.Sent))
	}
	if !t.Received.IsZero() {
		parts = append(parts, "received "+clockTime(t.Received))
	}
	line := strings.Join(parts, " → ")
	var notes []string
	if t.Clock != "" {
		notes = append(notes, "clock: "+t.Clock)
	}
	notes = append(notes, "from the "+external(s, t.RecordedBy).Text+", not from the article")
	return strings.ToUpper(line[:1]) + line[1:] + " (" + strings.Join(notes, "; ") + ")"
}
