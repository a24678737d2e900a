package render

import (
	"slices"
	"strings"

	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/slug"
)

// An edition with more documents than the split limit (site.yaml's
// split_lists_over) lists them on pages of parts: each view of the
// documents becomes the index of its groups (the years of the date
// order, the kinds, the senders, the archives), each group with a page
// in a folder named after the view:
//
//	documents/index.html            the years
//	documents/by-date/1950.html     the documents of 1950
//	documents/by-date/1950/05.html  of May 1950, when 1950 is too long
//	documents/by-kind/report.html   the reports, or the index of their
//	documents/by-kind/report/1950.html  years when they are too many
//	documents/by-archive/avprf.html the files of an archive, or the index
//	documents/by-archive/avprf/f-0102.html  of its fonds, then inventories
//
// A group keeps the order its view gives it and is split by what a
// reader of that view browses next: a kind or a sender by year, then
// month, as the documents within it are in date order; an archive by
// fond, then inventory (opis), then file (delo), as its files are in archival order; the
// documents known by the author's collection number by ranges of that
// number, as they are sorted by it. The date order has its own folder
// (by-date) because a year could be a document's id. Every address is
// stable: adding documents adds rows to a page, or splits a page too
// long into the index of its parts, but never moves a document to
// another part.

// DocPartsView is the index of a view of the documents split into
// parts, or of a part split again: each part with its number of
// documents and a link to its page.
type DocPartsView struct {
	Views   []Link
	Current string
	Count   int    // the documents of this index
	Limit   int    // what one page holds
	Of      string // "" on the view's index, else what its documents are: "reports"
	Unit    string // what each part is: "year", "kind", "fond"
	Heading string // Unit with a capital, to head the parts' column
	Parts   []CountedLink
	// Listed is the sum of the parts' counts when it exceeds Count (a
	// document cited from two archive files is listed under both), so
	// that the page can say why; zero otherwise.
	Listed int
}

// countRepeats sets Listed when the parts list some documents twice.
func (v *DocPartsView) countRepeats() {
	sum := 0
	for _, p := range v.Parts {
		sum += p.Count
	}
	if sum > v.Count {
		v.Listed = sum
	}
}

// docPart is one part of a group of documents: a key that names its
// page, what a reader sees, and its documents as a group.
type docPart struct {
	key, label string
	group      DocGroup
}

// docLevel splits a group of documents into parts, keeping their order.
type docLevel struct {
	unit  string // what each part is, for the index of the parts
	split func(g DocGroup) []docPart
}

// docViewLevels are the levels by which each view's groups split, in
// the order of docViews, and what each group of the view is.
var docViewLevels = []struct {
	unit   string
	levels func(g DocGroup) []docLevel
}{
	{"year", func(DocGroup) []docLevel { return []docLevel{byMonthLevel} }},
	{"kind", func(DocGroup) []docLevel { return []docLevel{byYearLevel, byMonthLevel} }},
	{"sender", func(DocGroup) []docLevel { return []docLevel{byYearLevel, byMonthLevel} }},
	{"archive or source", func(g DocGroup) []docLevel {
		switch {
		case len(g.Subgroups) > 0:
			return []docLevel{byFondLevel, byOpisLevel, byFileLevel}
		case g.Anchor == "sd":
			return []docLevel{numberRangeLevel(3), numberRangeLevel(2)}
		}
		return []docLevel{byYearLevel, byMonthLevel}
	}},
}

// groupSize is the number of rows of a group: its documents, or its
// documents' entries in files (a document cited from two files is
// listed in both).
func groupSize(g DocGroup) int {
	n := len(g.Rows)
	for _, s := range g.Subgroups {
		n += len(s.Rows)
	}
	return n
}

// rowYear is the year key of a row, as site.YearOf of its date: the ISO
// form of a date starts with its first year.
func rowYear(r DocRow) string {
	if len(r.DateISO) < 4 {
		return site.Undated
	}
	return r.DateISO[:4]
}

// rowMonth is the month key of a row, as site.MonthOf of its date.
func rowMonth(r DocRow) string {
	if len(r.DateISO) < 7 || r.DateISO[4] != '-' {
		return site.NoMonth
	}
	return r.DateISO[5:7]
}

// partitionRows groups rows by key, in the order of their first rows,
// then stably sorted by order when it is not nil.
func partitionRows(rows []DocRow, key func(DocRow) (k, label string), order func(a, b string) int) []docPart {
	parts := partition(rows, key, func(g *DocGroup, r DocRow) { g.Rows = append(g.Rows, r) })
	if order != nil {
		slices.SortStableFunc(parts, func(a, b docPart) int { return order(a.key, b.key) })
	}
	return parts
}

// partitionFiles groups the files of an archive by key, in their order.
func partitionFiles(subs []DocSubgroup, key func(DocSubgroup) (k, label string)) []docPart {
	return partition(subs, key, func(g *DocGroup, s DocSubgroup) { g.Subgroups = append(g.Subgroups, s) })
}

// partition groups items by key, in the order of their first items,
// adding each to its part's group with add.
func partition[T any](items []T, key func(T) (k, label string), add func(*DocGroup, T)) []docPart {
	var parts []docPart
	at := map[string]int{}
	for _, item := range items {
		k, label := key(item)
		i, ok := at[k]
		if !ok {
			i = len(parts)
			at[k] = i
			parts = append(parts, docPart{key: k, label: label, group: DocGroup{Title: label, Anchor: "p-" + k}})
		}
		add(&parts[i].group, item)
	}
	return parts
}

var (
	byYearLevel = docLevel{"year", func(g DocGroup) []docPart {
		return partitionRows(g.Rows, func(r DocRow) (string, string) {
			y := rowYear(r)
			return y, yearLabel(y)
		}, compareYears)
	}}
	byMonthLevel = docLevel{"month", func(g DocGroup) []docPart {
		return partitionRows(g.Rows, func(r DocRow) (string, string) {
			m := rowMonth(r)
			return m, monthLabel(rowYear(r), m)
		}, compareMonths)
	}}
	byFondLevel = docLevel{"fond", func(g DocGroup) []docPart {
		return partitionFiles(g.Subgroups, func(s DocSubgroup) (string, string) {
			return "f-" + fileKey(s.fond), "F. " + s.fond
		})
	}}
	byOpisLevel = docLevel{"inventory (opis)", func(g DocGroup) []docPart {
		return partitionFiles(g.Subgroups, func(s DocSubgroup) (string, string) {
			return "op-" + fileKey(s.opis), "F. " + s.fond + ", Op. " + s.opis
		})
	}}
	byFileLevel = docLevel{"file", func(g DocGroup) []docPart {
		return partitionFiles(g.Subgroups, func(s DocSubgroup) (string, string) {
			return "d-" + fileKey(s.delo+" "+s.papka), s.Title
		})
	}}
)

// fileKey is the part of an address naming an archival number: its
// slug, which keeps "059a" apart from "059" (an empty number is "none").
func fileKey(n string) string {
	if k := slug.Make(n); k != "" {
		return k
	}
	return "none"
}

// numberRangeLevel splits rows sorted by collection number into ranges
// of numbers sharing all but their last digits digits: SD01000–SD01999
// for 3.
func numberRangeLevel(digits int) docLevel {
	return docLevel{"range of numbers", func(g DocGroup) []docPart {
		return partitionRows(g.Rows, func(r DocRow) (string, string) {
			c := r.Collection
			if len(c) <= digits {
				return fileKey(c), c
			}
			p := c[:len(c)-digits]
			return fileKey(p), p + strings.Repeat("0", digits) + "–" + p + strings.Repeat("9", digits)
		}, nil)
	}}
}

// docLeaf is a page of a split view that lists documents.
type docLeaf struct {
	path, label string
	crumbs      []Link
	group       DocGroup
}

// docSplit makes the pages of one view of the documents split into
// parts.
type docSplit struct {
	b       *builder
	view    int
	views   []Link
	title   string
	indexes []*Page
	leaves  []docLeaf
}

// splitDocViews makes the pages of every view of the documents, each
// split into parts: groups holds each view's groups, in docViews' order.
func (b *builder) splitDocViews(views []Link, groups [][]DocGroup) []*Page {
	var pages []*Page
	for i, gs := range groups {
		d := &docSplit{b: b, view: i, views: views, title: "Documents: " + strings.ToLower(docViews[i].Label)}
		if i == 0 {
			d.title = "Documents"
		}
		top := d.index(docViews[i].Path, d.title, nil, "", docViewLevels[i].unit, len(b.s.Ed.Documents))
		top.Description = "Every primary source cited in the article's notes, one page for each " + docViewLevels[i].unit + "."
		crumbs := []Link{{URL: URL(docViews[i].Path), Text: d.title}}
		v := top.Data.(*DocPartsView)
		folder := docsFolder(docViews[i].Path)
		for _, g := range gs {
			key := g.Anchor[strings.Index(g.Anchor, "-")+1:]
			path := folder + "/" + key + ".html"
			v.Parts = append(v.Parts, CountedLink{Link: Link{URL: URL(path), Text: g.Title}, Count: groupSize(g)})
			d.add(path, []string{g.Title}, crumbs, g, docViewLevels[i].levels(g))
		}
		v.countRepeats()
		pages = append(pages, d.pages()...)
	}
	return pages
}

// docsFolder is the folder of the parts of a view of the documents: the
// view's address without .html, or by-date for the date order, whose
// index is the documents' folder's index.
func docsFolder(view string) string {
	if view == docViews[0].Path {
		return "documents/by-date"
	}
	return strings.TrimSuffix(view, ".html")
}

// index adds the index page of a view or of a part, and returns it.
func (d *docSplit) index(path, title string, crumbs []Link, of, unit string, count int) *Page {
	p := d.b.page("documents-parts", path, title, "documents")
	p.Crumbs = crumbs
	p.Description = "The documents of " + of + ", one page for each " + unit + "."
	p.Data = &DocPartsView{Views: d.views, Current: docViews[d.view].Label, Count: count, Limit: d.b.s.SplitLimit(),
		Of: of, Unit: unit, Heading: strings.ToUpper(unit[:1]) + unit[1:]}
	d.indexes = append(d.indexes, p)
	return p
}

// add adds the page of a group at path, labels naming it from the
// view's group down: a list of its documents, or, when they are more
// than the limit and a level splits them into parts, the index of its
// parts and theirs. A level that leaves the group whole is skipped.
func (d *docSplit) add(path string, labels []string, crumbs []Link, g DocGroup, levels []docLevel) {
	if groupSize(g) > d.b.s.SplitLimit() {
		for i, l := range levels {
			parts := l.split(g)
			if len(parts) < 2 {
				continue
			}
			of := partLabel(labels)
			title := d.title + ", " + of
			p := d.index(path, title, crumbs, of, l.unit, groupSize(g))
			v := p.Data.(*DocPartsView)
			inner := append(slices.Clip(crumbs), Link{URL: URL(path), Text: labels[len(labels)-1]})
			for _, part := range parts {
				sub := strings.TrimSuffix(path, ".html") + "/" + part.key + ".html"
				v.Parts = append(v.Parts, CountedLink{Link: Link{URL: URL(sub), Text: part.label}, Count: groupSize(part.group)})
				d.add(sub, append(slices.Clip(labels), part.label), inner, part.group, levels[i+1:])
			}
			v.countRepeats()
			return
		}
	}
	g.Title = labels[len(labels)-1]
	d.leaves = append(d.leaves, docLeaf{path: path, label: partLabel(labels), crumbs: crumbs, group: g})
}

// partLabel names a part by the labels of the parts holding it, from the
// view's group down, leaving out a label the next one repeats: "Report,
// May 1950", not "Report, 1950, May 1950".
func partLabel(labels []string) string {
	var out []string
	for i, l := range labels {
		if i+1 < len(labels) && strings.Contains(labels[i+1], l) {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, ", ")
}

// pages returns the view's index pages and its pages of documents, the
// latter linked in order as one series.
func (d *docSplit) pages() []*Page {
	pages := d.indexes
	for i, l := range d.leaves {
		p := d.b.page("documents", l.path, d.title+", "+l.label, "documents")
		p.Description = "The primary sources of " + l.label + " cited in the article's notes."
		p.Crumbs = l.crumbs
		p.Data = &DocsView{Views: d.views, Current: docViews[d.view].Label, Groups: []DocGroup{l.group}, Count: groupSize(l.group), Of: len(d.b.s.Ed.Documents)}
		p.Scripts = []string{URL("assets/filter.js")}
		p.Series = d.series(i)
		pages = append(pages, p)
	}
	return pages
}

// series links the i-th page of documents to the pages before and after
// it.
func (d *docSplit) series(i int) *Series {
	link := func(j int, rel string) *PageLink {
		if j < 0 || j >= len(d.leaves) {
			return nil
		}
		return &PageLink{URL: URL(d.leaves[j].path), Rel: rel, Text: d.leaves[j].label}
	}
	return &Series{Label: "Pages of the " + strings.ToLower(d.title), Prev: link(i-1, "Previous page"), Next: link(i+1, "Next page")}
}
