package render

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/figure"
	"github.com/korean-war-sources/edition/internal/histdate"
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
	return splitBy(entries, func(e TimelineEntry) string { return site.YearOf(e.date) }, compareYears)
}

// splitBy groups entries by key, keeping their order within a part, and
// orders the parts by compare of their keys.
func splitBy(entries []TimelineEntry, key func(TimelineEntry) string, compare func(a, b string) int) []yearPart {
	var parts []yearPart
	at := map[string]int{}
	for _, e := range entries {
		k := key(e)
		i, ok := at[k]
		if !ok {
			i = len(parts)
			at[k] = i
			parts = append(parts, yearPart{Year: k})
		}
		parts[i].Entries = append(parts[i].Entries, e)
	}
	slices.SortStableFunc(parts, func(a, b yearPart) int { return compare(a.Year, b.Year) })
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

// by splits the lists by the key of each entry's date, the keys sorted
// by order.
func (l personLists) by(s *site.Site, key func(histdate.Date) string, order func(a, b string) int) (keys []string, parts map[string]*personLists) {
	parts = map[string]*personLists{}
	part := func(k string) *personLists {
		p := parts[k]
		if p == nil {
			p = &personLists{}
			parts[k] = p
			keys = append(keys, k)
		}
		return p
	}
	docs := func(ids []string, list func(*personLists) *[]string) {
		for _, id := range ids {
			l := list(part(key(s.Docs[id].Date)))
			*l = append(*l, id)
		}
	}
	docs(l.sent, func(p *personLists) *[]string { return &p.sent })
	docs(l.received, func(p *personLists) *[]string { return &p.received })
	docs(l.copied, func(p *personLists) *[]string { return &p.copied })
	docs(l.mentioned, func(p *personLists) *[]string { return &p.mentioned })
	for _, e := range l.timeline {
		p := part(key(e.date))
		p.timeline = append(p.timeline, e)
	}
	slices.SortFunc(keys, order)
	return keys, parts
}

// counts is the row of a period of the lists in a table of periods.
func (l personLists) counts(link Link) PersonYear {
	return PersonYear{
		Link: link, Sent: len(l.sent), Received: len(l.received), Copied: len(l.copied),
		Mentioned: len(l.mentioned), Timeline: len(l.timeline),
	}
}

// personLeaf is a page of a split person's lists: a year, or a month of
// a year split by month.
type personLeaf struct {
	path, label string
	crumbs      []Link
	lists       *personLists
}

// personByYear makes the page of a person whose lists are too long for
// one page, with their years, and a page for each year; a year itself
// too long for one page becomes the index of its months, with a page
// for each month.
func (b *builder) personByYear(p *content.Person, lists personLists) []*Page {
	s := b.s
	main := b.person(p)
	v := main.Data.(*PersonView)
	v.Sent, v.Received, v.Copied, v.Mentioned, v.Timeline = nil, nil, nil, nil, nil
	years, parts := lists.by(s, site.YearOf, compareYears)
	pages := []*Page{main}
	self := Link{URL: URL(site.PersonPath(p.ID)), Text: p.Name}
	crumbs := []Link{{URL: URL("persons/index.html"), Text: "People"}, self}
	var leaves []personLeaf
	for _, y := range years {
		part, path := parts[y], site.PersonYearPath(p.ID, y)
		v.Years = append(v.Years, part.counts(Link{URL: URL(path), Text: yearLabel(y)}))
		if y == site.Undated || part.len() <= s.SplitLimit() {
			leaves = append(leaves, personLeaf{path, yearLabel(y), crumbs, part})
			continue
		}
		yv := &PersonYearView{Name: p.Name, Lang: p.Lang, Year: y, Person: self}
		yp := b.page("person-year", path, p.Name+", "+y, "persons")
		yp.Description = "Documents of " + y + " sent by, received by or mentioning " + p.Name + ", one page for each month."
		yp.Crumbs = crumbs
		yp.Data = yv
		pages = append(pages, yp)
		inYear := append(slices.Clip(crumbs), Link{URL: URL(path), Text: y})
		months, mparts := part.by(s, site.MonthOf, compareMonths)
		for _, m := range months {
			mpath := site.PersonMonthPath(p.ID, y, m)
			yv.Months = append(yv.Months, mparts[m].counts(Link{URL: URL(mpath), Text: monthLabel(y, m)}))
			leaves = append(leaves, personLeaf{mpath, monthLabel(y, m), inYear, mparts[m]})
		}
	}
	for i, l := range leaves {
		pg := b.page("person-year", l.path, p.Name+", "+lowerFirst(l.label), "persons")
		pg.Description = "Documents of " + l.label + " sent by, received by or mentioning " + p.Name + "."
		pg.Crumbs = l.crumbs
		pg.Series = personSeries("Pages of "+p.Name+"'s documents", leaves, i)
		pg.Data = &PersonYearView{
			Name: p.Name, Lang: p.Lang, Year: l.label, Person: self,
			Sent: docLinks(s, l.lists.sent), Received: docLinks(s, l.lists.received),
			Copied: docLinks(s, l.lists.copied), Mentioned: docLinks(s, l.lists.mentioned),
			Timeline: l.lists.timeline,
		}
		pages = append(pages, pg)
	}
	return pages
}

// personSeries links the i-th page listing a person's documents to the
// pages before and after it.
func personSeries(label string, leaves []personLeaf, i int) *Series {
	link := func(j int, rel string) *PageLink {
		if j < 0 || j >= len(leaves) {
			return nil
		}
		return &PageLink{URL: URL(leaves[j].path), Rel: rel, Text: leaves[j].label}
	}
	return &Series{Label: label, Prev: link(i-1, "Previous page"), Next: link(i+1, "Next page")}
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
	// Senders is set when the pairs are more than one page holds: the
	// table's page then lists the senders, each with a page of their
	// pairs, whose view names the Sender.
	Senders []NetworkSender
	Sender  *Link
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
	n := b.correspondence()
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
	return append([]*Page{p, pp}, b.pairsBySender(pp)...)
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
	pg.Data = &PersonNotesView{Name: p.Name, Lang: p.Lang, Person: self, Notes: v.Notes, Count: len(v.Notes)}
	v.Notes = nil
	return pg
}
