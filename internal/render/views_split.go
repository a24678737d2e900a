package render

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/figure"
	"github.com/korean-war-sources/edition/internal/site"
)

// Lists longer than the edition's split limit (site.yaml's
// split_lists_over) are split by year; see package site for the
// addresses. The years of a split list are sorted, undated last.

// yearPart is one year of a split list of timeline entries.
type yearPart struct {
	Year    string // four digits, or site.Undated
	Entries []TimelineEntry
}

// splitByYear groups entries by the year that holds them, keeping their
// order within a year; the years come in order, undated last.
func splitByYear(entries []TimelineEntry) []yearPart {
	var parts []yearPart
	at := map[string]int{}
	for _, e := range entries {
		y := site.YearOf(e.date)
		i, ok := at[y]
		if !ok {
			i = len(parts)
			at[y] = i
			parts = append(parts, yearPart{Year: y})
		}
		parts[i].Entries = append(parts[i].Entries, e)
	}
	slices.SortStableFunc(parts, func(a, b yearPart) int { return compareYears(a.Year, b.Year) })
	return parts
}

// compareYears orders year keys: years in order, undated last.
func compareYears(a, b string) int {
	if (a == site.Undated) != (b == site.Undated) {
		if a == site.Undated {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b))
}

// yearLabel is what a reader sees for a year key.
func yearLabel(year string) string {
	if year == site.Undated {
		return "Undated"
	}
	return year
}

// YearLink is one year of a split list on its index: the link to the
// year's page, the number of entries, and what they are.
type YearLink struct {
	Link
	Count int
}

// yearSeries links the pages of a split list in order: each year's page
// to the years before and after it.
func yearSeries(label string, years []string, i int, path func(year string) string) *Series {
	link := func(j int, rel string) *PageLink {
		if j < 0 || j >= len(years) {
			return nil
		}
		return &PageLink{URL: URL(path(years[j])), Rel: rel, Text: yearLabel(years[j])}
	}
	return &Series{Label: label, Prev: link(i-1, "Previous year"), Next: link(i+1, "Next year")}
}

// countNote is "1,100 items" with a thousands separator, as the lists'
// counts read elsewhere.
func countNote(n int, one, many string) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if n == 1 {
		return s + " " + one
	}
	return s + " " + many
}

// personLists are the lists of a person's page that grow with the
// edition: documents by id, and timeline entries.
type personLists struct {
	sent, received, copied, mentioned []string
	timeline                          []TimelineEntry
}

func (l personLists) len() int {
	return len(l.sent) + len(l.received) + len(l.copied) + len(l.mentioned) + len(l.timeline)
}

// byYear splits the lists by year, the years in order, undated last.
func (l personLists) byYear(s *site.Site) (years []string, parts map[string]*personLists) {
	parts = map[string]*personLists{}
	part := func(y string) *personLists {
		p := parts[y]
		if p == nil {
			p = &personLists{}
			parts[y] = p
			years = append(years, y)
		}
		return p
	}
	docs := func(ids []string, list func(*personLists) *[]string) {
		for _, id := range ids {
			l := list(part(site.YearOf(s.Docs[id].Date)))
			*l = append(*l, id)
		}
	}
	docs(l.sent, func(p *personLists) *[]string { return &p.sent })
	docs(l.received, func(p *personLists) *[]string { return &p.received })
	docs(l.copied, func(p *personLists) *[]string { return &p.copied })
	docs(l.mentioned, func(p *personLists) *[]string { return &p.mentioned })
	for _, e := range l.timeline {
		p := part(site.YearOf(e.date))
		p.timeline = append(p.timeline, e)
	}
	slices.SortFunc(years, compareYears)
	return years, parts
}

// personByYear makes the page of a person whose lists are too long for
// one page, with their years, and a page for each year.
func (b *builder) personByYear(p *content.Person, lists personLists) []*Page {
	s := b.s
	main := b.person(p)
	v := main.Data.(*PersonView)
	v.Sent, v.Received, v.Copied, v.Mentioned, v.Timeline = nil, nil, nil, nil, nil
	years, parts := lists.byYear(s)
	pages := []*Page{main}
	self := Link{URL: URL(site.PersonPath(p.ID)), Text: p.Name}
	for i, y := range years {
		part := parts[y]
		v.Years = append(v.Years, PersonYear{
			Link: Link{URL: URL(site.PersonYearPath(p.ID, y)), Text: yearLabel(y)},
			Sent: len(part.sent), Received: len(part.received), Copied: len(part.copied),
			Mentioned: len(part.mentioned), Timeline: len(part.timeline),
		})
		pg := b.page("person-year", site.PersonYearPath(p.ID, y), p.Name+", "+strings.ToLower(yearLabel(y)), "persons")
		pg.Description = "Documents of " + yearLabel(y) + " sent by, received by or mentioning " + p.Name + "."
		pg.Crumbs = []Link{{URL: URL("persons/index.html"), Text: "People"}, self}
		pg.Series = yearSeries("Years of "+p.Name+"'s documents", years, i, func(y string) string { return site.PersonYearPath(p.ID, y) })
		pg.Data = &PersonYearView{
			Name: p.Name, Lang: p.Lang, Year: yearLabel(y), Person: self,
			Sent: docLinks(s, part.sent), Received: docLinks(s, part.received),
			Copied: docLinks(s, part.copied), Mentioned: docLinks(s, part.mentioned),
			Timeline: part.timeline,
		}
		pages = append(pages, pg)
	}
	return pages
}

// NetworkTop is what the page of a large network says of its figure:
// it draws Pairs of AllPairs pairs, between Shown of Of persons, chosen
// among the Among most connected.
type NetworkTop struct {
	Shown, Of, Among, Pairs, AllPairs, Documents int
	People                                       []NetworkPerson
	Table                                        Link // the page of every pair
}

// NetworkPerson is a row of the table of the most connected persons.
type NetworkPerson struct {
	Link
	Documents int
}

// NetworkPairsView is the table of every pair of a large network.
type NetworkPairsView struct {
	Edges     []EdgeView
	Documents int
	Network   Link
}

// A network too large for one page is drawn with the networkPairs pairs
// with the most documents among its networkTop most connected persons,
// those who sent and received the most: more arrows than that cross
// each other until no reader can follow one.
const (
	networkTop   = 30
	networkPairs = 60
)

// networks makes the network page and, when the network's pairs list
// more documents than the split limit, the page of the table of pairs.
func (b *builder) networks() []*Page {
	n := b.correspondence
	if n.Documents() <= b.s.SplitLimit() {
		return []*Page{b.network()}
	}
	top := n.Top(networkTop, networkPairs)
	deg := n.Degree()
	t := &NetworkTop{
		Shown: len(top.Nodes), Of: len(n.Nodes), Among: min(networkTop, len(n.Nodes)),
		Pairs: len(top.Edges), AllPairs: len(n.Edges), Documents: n.Documents(),
		Table: Link{URL: URL(networkPairsPath), Text: "Senders and recipients"},
	}
	for _, id := range top.Nodes {
		t.People = append(t.People, NetworkPerson{Link: Link{URL: URL(site.PersonPath(id)), Text: b.s.Persons[id].Name}, Documents: deg[id]})
	}
	slices.SortStableFunc(t.People, func(a, b NetworkPerson) int { return cmp.Compare(b.Documents, a.Documents) })
	v := &NetworkView{Figure: template.HTML(figure.TopNetworkSVG(b.s, top, n, URL)), Top: t}
	p := b.page("network", "network.html", "Correspondence network", "network")
	p.Description = "Who wrote to whom in the documents of the edition: the most connected people."
	p.Data = v
	pv := &NetworkPairsView{Documents: n.Documents(), Network: Link{URL: URL("network.html"), Text: "Correspondence network"}}
	for _, e := range n.Edges {
		pv.Edges = append(pv.Edges, EdgeView{
			From:  Link{URL: URL(site.PersonPath(e.From)), Text: b.s.Persons[e.From].Name},
			To:    Link{URL: URL(site.PersonPath(e.To)), Text: b.s.Persons[e.To].Name},
			Count: e.Count,
		})
	}
	pp := b.page("network-pairs", networkPairsPath, "Senders and recipients", "network")
	pp.Description = "Every pair of sender and recipient in the documents of the edition, with the number of documents."
	pp.Crumbs = []Link{pv.Network}
	pp.Data = pv
	return []*Page{p, pp}
}

// networkPairsPath is the page of every pair of a network too large for
// one page.
const networkPairsPath = "network/pairs.html"

// personNotes moves the notes of the person page main, too many for it,
// to a page of their own.
func (b *builder) personNotes(p *content.Person, main *Page) *Page {
	v := main.Data.(*PersonView)
	path := site.PersonNotesPath(p.ID)
	v.NotesPage = &CountedLink{Link: Link{URL: URL(path), Text: "Notes of the article mentioning " + p.Name}, Count: len(v.Notes)}
	pg := b.page("person-notes", path, p.Name+": notes of the article", "persons")
	pg.Description = "The notes of the article that mention " + p.Name + "."
	self := Link{URL: URL(site.PersonPath(p.ID)), Text: p.Name}
	pg.Crumbs = []Link{{URL: URL("persons/index.html"), Text: "People"}, self}
	pg.Data = &PersonNotesView{Name: p.Name, Lang: p.Lang, Person: self, Notes: v.Notes}
	v.Notes = nil
	return pg
}
