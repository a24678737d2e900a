package site

import (
	"slices"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/subject"
)

// The backlinks are derived in one pass over the references, so the
// work grows with the number of references, never with their square.

// reverseFrontMatter derives the backlinks that front matter alone
// gives: who sent, received, was copied or mentioned, the events and
// conflicts of documents, notes and persons. It reads no rendered
// fragment, so BuildCached runs it while the fragments are rendered, and
// it writes no field that rendering reads.
func (s *Site) reverseFrontMatter() {
	persons := len(s.Persons)
	s.DocEvents = map[string][]string{}
	s.DocConflicts = map[string][]string{}
	s.NoteEvents = map[int][]string{}
	s.PersonSent = make(map[string][]string, persons)
	s.PersonReceived = make(map[string][]string, persons)
	s.PersonCopied = map[string][]string{}
	s.PersonMentioned = make(map[string][]string, persons)
	s.PersonEvents = make(map[string][]string, persons)
	for _, d := range s.Ed.Documents {
		for _, p := range d.From {
			if p.Person.ID != "" {
				s.PersonSent[p.Person.ID] = append(s.PersonSent[p.Person.ID], d.ID)
			}
		}
		for _, p := range d.To {
			if p.Person.ID != "" {
				s.PersonReceived[p.Person.ID] = append(s.PersonReceived[p.Person.ID], d.ID)
			}
		}
		for _, m := range d.Mentions {
			s.PersonMentioned[m.ID] = append(s.PersonMentioned[m.ID], d.ID)
		}
		for _, id := range CopiedTo(d) {
			s.PersonCopied[id] = append(s.PersonCopied[id], d.ID)
		}
		for _, x := range d.Disagreements {
			if x.Conflict.ID != "" {
				s.DocConflicts[d.ID] = append(s.DocConflicts[d.ID], x.Conflict.ID)
			}
		}
	}
	for _, e := range s.Ed.Events {
		for _, d := range e.Documents {
			s.DocEvents[d.ID] = append(s.DocEvents[d.ID], e.ID)
		}
		for _, n := range e.Notes {
			s.NoteEvents[n.N] = append(s.NoteEvents[n.N], e.ID)
		}
		for _, p := range e.Persons {
			s.PersonEvents[p.ID] = append(s.PersonEvents[p.ID], e.ID)
		}
	}
	for _, c := range s.Ed.Conflicts {
		for _, a := range c.Accounts {
			if a.Source.Kind == subject.Document {
				s.DocConflicts[a.Source.ID] = append(s.DocConflicts[a.Source.ID], c.ID)
			}
		}
	}
	s.tidyFrontMatter()
}

// reverseMarkdown derives the backlinks that need the references found
// in the rendered Markdown: citations of documents and works by notes,
// the notes of persons, and references between documents (those of
// related: in front matter too, since the lists are sorted together).
func (s *Site) reverseMarkdown() {
	docs, persons := len(s.Docs), len(s.Persons)
	s.DocCitedIn = make(map[string][]int, docs)
	s.WorkCitedIn = make(map[string][]int, len(s.Works))
	s.DocReferencedBy = make(map[string][]string, docs)
	s.PersonNotes = make(map[string][]int, persons)
	for _, n := range s.NoteList {
		for _, r := range s.NoteRefs[n.Number] {
			switch r.Kind {
			case subject.Document:
				s.DocCitedIn[r.ID] = append(s.DocCitedIn[r.ID], n.Number)
			case subject.Work:
				s.WorkCitedIn[r.ID] = append(s.WorkCitedIn[r.ID], n.Number)
			case subject.Person:
				s.PersonNotes[r.ID] = append(s.PersonNotes[r.ID], n.Number)
			}
		}
		for _, d := range n.Documents {
			s.DocCitedIn[d.ID] = append(s.DocCitedIn[d.ID], n.Number)
		}
	}
	for _, d := range s.Ed.Documents {
		for _, r := range d.Related {
			s.DocReferencedBy[r.ID] = append(s.DocReferencedBy[r.ID], d.ID)
		}
		for _, r := range s.fragRefs[subject.Of(subject.Document, d.ID)] {
			if r.Kind == subject.Document && r.ID != d.ID {
				s.DocReferencedBy[r.ID] = append(s.DocReferencedBy[r.ID], d.ID)
			}
		}
		if cited := s.DocCitedIn[d.ID]; len(cited) > 0 {
			for _, p := range d.People() {
				s.PersonNotes[p] = append(s.PersonNotes[p], cited...)
			}
		}
	}
	s.tidyMarkdown()
}

// tidyFrontMatter sorts the indexes reverseFrontMatter makes: documents
// by date, events by date, and removes repeats.
func (s *Site) tidyFrontMatter() {
	byDate := s.docsByDate()
	for _, m := range []map[string][]string{s.PersonSent, s.PersonReceived, s.PersonMentioned, s.PersonCopied} {
		for k, v := range m {
			m[k] = byDate(v)
		}
	}
	eventsByDate := func(ids []string) []string {
		ids = sortedUnique(ids)
		slices.SortStableFunc(ids, func(a, b string) int { return histdate.Compare(s.Events[a].Date, s.Events[b].Date) })
		return ids
	}
	for k, v := range s.DocEvents {
		s.DocEvents[k] = eventsByDate(v)
	}
	for k, v := range s.PersonEvents {
		s.PersonEvents[k] = eventsByDate(v)
	}
	for k, v := range s.NoteEvents {
		s.NoteEvents[k] = eventsByDate(v)
	}
	for k, v := range s.DocConflicts {
		s.DocConflicts[k] = sortedUnique(v)
	}
}

// tidyMarkdown sorts the indexes reverseMarkdown makes: notes by
// number, documents by date, and removes repeats.
func (s *Site) tidyMarkdown() {
	for _, m := range []map[string][]int{s.DocCitedIn, s.WorkCitedIn, s.PersonNotes} {
		for k, v := range m {
			m[k] = sortedUnique(v)
		}
	}
	byDate := s.docsByDate()
	for k, v := range s.DocReferencedBy {
		s.DocReferencedBy[k] = byDate(v)
	}
}

// docsByDate returns a function that sorts document ids as DocsByDate
// orders the documents, without repeats. It sorts the documents' places
// in DocsByDate (docRank) instead of comparing documents: CompareDocs
// orders distinct ids strictly, so the order is the same, and sorting
// numbers is much cheaper than comparing dates and titles. Each function
// has a buffer of its own: two may be used at once.
func (s *Site) docsByDate() func(ids []string) []string {
	var ranks []int // reused: the lists are sorted one after another
	return func(ids []string) []string {
		ranks = ranks[:0]
		for _, id := range ids {
			ranks = append(ranks, s.docRank[id])
		}
		ranks = sortedUnique(ranks)
		clear(ids[len(ranks):])
		ids = ids[:len(ranks)]
		for i, r := range ranks {
			ids[i] = s.DocsByDate[r].ID
		}
		return slices.Clip(ids)
	}
}

// CopiedTo lists the persons a document's distribution list names who
// are neither its recipients nor its senders (their pages list it
// already), in the list's order.
func CopiedTo(d *content.Document) []string {
	var out []string
	for _, c := range d.Transmission.Copies {
		id := c.Person.ID
		party := func(p content.Party) bool { return p.Person.ID == id }
		if id == "" || slices.Contains(out, id) || slices.ContainsFunc(d.To, party) || slices.ContainsFunc(d.From, party) {
			continue
		}
		out = append(out, id)
	}
	return out
}
