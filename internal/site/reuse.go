package site

import (
	"slices"

	"github.com/korean-war-sources/edition/internal/content"
)

// A rebuild after an edit (Rebuild) reuses the parts of the previous
// site that the edit cannot have changed: the documents' date order and
// the backlinks. Each part is derived by a function of an inputs value
// alone, never of the Site, and keeps its inputs; a rebuild reuses a
// part only when its own inputs are the same as those kept, and derives
// it again otherwise. Inputs are compared
//
//   - for values decoded from content files, by identity: content.Cache
//     hands out the same pointer for a file that did not change and a
//     new value for one that did, and nothing changes a decoded value's
//     front matter afterwards (ReplaceBody changes a document's body,
//     which no part reads);
//   - for references found in Markdown, by value;
//   - for a part that another part is derived from, by identity: a part
//     derived again is a new value.
//
// So a reused part is what deriving it again would give, whatever the
// edit, and a site built by Rebuild is the site BuildCached builds.

// parts are the parts of a site a rebuild may reuse.
type parts struct {
	order    *dateOrder
	front    *frontLinks
	markdown *markdownLinks
}

// dateOrder is the documents by id and in the edition's order (Site.Docs,
// DocsByDate), derived from the documents alone.
type dateOrder struct {
	docs   []*content.Document // the input: Edition.Documents
	byID   map[string]*content.Document
	byDate []*content.Document
	rank   map[string]int // document id → its place in byDate
}

// deriveDateOrder indexes and sorts docs.
func deriveDateOrder(docs []*content.Document) *dateOrder {
	o := &dateOrder{docs: docs, byID: byID(docs, func(d *content.Document) string { return d.ID })}
	o.byDate = slices.Clone(docs)
	slices.SortFunc(o.byDate, CompareDocs)
	o.rank = make(map[string]int, len(o.byDate))
	for i, d := range o.byDate {
		if o.byID[d.ID] == d { // of two documents with one id, the one byID holds
			o.rank[d.ID] = i
		}
	}
	return o
}

// dateOrderOf returns the date order of docs: prev's when it was derived
// from the same documents.
func dateOrderOf(prev *Site, docs []*content.Document) *dateOrder {
	if prev != nil && prev.parts.order != nil && slices.Equal(prev.parts.order.docs, docs) {
		return prev.parts.order
	}
	return deriveDateOrder(docs)
}

// sorter returns a function that sorts document ids as byDate orders
// the documents, without repeats. It sorts the documents' places in
// byDate (rank) instead of comparing documents: CompareDocs orders
// distinct ids strictly, so the order is the same, and sorting numbers
// is much cheaper than comparing dates and titles. Each function has a
// buffer of its own: two may be used at once.
func (o *dateOrder) sorter() func(ids []string) []string {
	var ranks []int // reused: the lists are sorted one after another
	return func(ids []string) []string {
		ranks = ranks[:0]
		for _, id := range ids {
			ranks = append(ranks, o.rank[id])
		}
		ranks = sortedUnique(ranks)
		clear(ids[len(ranks):])
		ids = ids[:len(ranks)]
		for i, r := range ranks {
			ids[i] = o.byDate[r].ID
		}
		return slices.Clip(ids)
	}
}

// frontLinksOf returns the backlinks of front matter derived from in:
// prev's when they were derived from the same inputs.
func frontLinksOf(prev *Site, in frontInputs) *frontLinks {
	if prev != nil && prev.parts.front != nil && prev.parts.front.in.same(in) {
		return prev.parts.front
	}
	return deriveFrontLinks(in)
}

// markdownLinksOf returns the backlinks of the references in Markdown
// derived from in: prev's when they were derived from the same inputs.
func markdownLinksOf(prev *Site, in markdownInputs) *markdownLinks {
	if prev != nil && prev.parts.markdown != nil && prev.parts.markdown.in.same(in) {
		return prev.parts.markdown
	}
	return deriveMarkdownLinks(in)
}

// setFrontLinks puts the backlinks of front matter in place.
func (s *Site) setFrontLinks(l *frontLinks) {
	s.parts.front = l
	s.DocEvents, s.DocConflicts, s.NoteEvents = l.docEvents, l.docConflicts, l.noteEvents
	s.PersonSent, s.PersonReceived, s.PersonCopied = l.personSent, l.personReceived, l.personCopied
	s.PersonMentioned, s.PersonEvents = l.personMentioned, l.personEvents
}

// setMarkdownLinks puts the backlinks of the references in Markdown in
// place.
func (s *Site) setMarkdownLinks(l *markdownLinks) {
	s.parts.markdown = l
	s.DocCitedIn, s.WorkCitedIn, s.DocReferencedBy, s.PersonNotes = l.docCitedIn, l.workCitedIn, l.docReferencedBy, l.personNotes
}
