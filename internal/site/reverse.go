package site

import (
	"slices"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/subject"
)

// The backlinks are derived in one pass over the references, so the
// work grows with the number of references, never with their square.
// Each kind is derived by a function of its inputs alone, so that a
// rebuild can reuse it when the inputs did not change (see reuse.go).

// frontInputs are what the backlinks of front matter are derived from.
type frontInputs struct {
	docs      []*content.Document // Edition.Documents
	events    []*content.Event    // Edition.Events
	conflicts []*content.Conflict // Edition.Conflicts
	order     *dateOrder          // of docs
}

// same reports whether in and o are the same inputs: the same values
// in the same order.
func (in frontInputs) same(o frontInputs) bool {
	return slices.Equal(in.docs, o.docs) && slices.Equal(in.events, o.events) &&
		slices.Equal(in.conflicts, o.conflicts) && in.order == o.order
}

// frontLinks are the backlinks that front matter alone gives: who sent,
// received, was copied or mentioned, the events and conflicts of
// documents, notes and persons (the Site fields of the same names).
type frontLinks struct {
	in              frontInputs
	docEvents       map[string][]string
	docConflicts    map[string][]string
	noteEvents      map[int][]string
	personSent      map[string][]string
	personReceived  map[string][]string
	personCopied    map[string][]string
	personMentioned map[string][]string
	personEvents    map[string][]string
}

// deriveFrontLinks derives the backlinks of front matter from in. It
// reads no rendered fragment, so BuildCached runs it while the fragments
// are rendered.
func deriveFrontLinks(in frontInputs) *frontLinks {
	hint := len(in.docs) / 2 // the persons are fewer than the documents
	l := &frontLinks{
		in:              in,
		docEvents:       map[string][]string{},
		docConflicts:    map[string][]string{},
		noteEvents:      map[int][]string{},
		personSent:      make(map[string][]string, hint),
		personReceived:  make(map[string][]string, hint),
		personCopied:    map[string][]string{},
		personMentioned: make(map[string][]string, hint),
		personEvents:    make(map[string][]string, hint),
	}
	for _, d := range in.docs {
		for _, p := range d.From {
			if p.Person.ID != "" {
				l.personSent[p.Person.ID] = append(l.personSent[p.Person.ID], d.ID)
			}
		}
		for _, p := range d.To {
			if p.Person.ID != "" {
				l.personReceived[p.Person.ID] = append(l.personReceived[p.Person.ID], d.ID)
			}
		}
		for _, m := range d.Mentions {
			l.personMentioned[m.ID] = append(l.personMentioned[m.ID], d.ID)
		}
		for _, id := range CopiedTo(d) {
			l.personCopied[id] = append(l.personCopied[id], d.ID)
		}
		for _, x := range d.Disagreements {
			if x.Conflict.ID != "" {
				l.docConflicts[d.ID] = append(l.docConflicts[d.ID], x.Conflict.ID)
			}
		}
	}
	for _, e := range in.events {
		for _, d := range e.Documents {
			l.docEvents[d.ID] = append(l.docEvents[d.ID], e.ID)
		}
		for _, n := range e.Notes {
			l.noteEvents[n.N] = append(l.noteEvents[n.N], e.ID)
		}
		for _, p := range e.Persons {
			l.personEvents[p.ID] = append(l.personEvents[p.ID], e.ID)
		}
	}
	for _, c := range in.conflicts {
		for _, a := range c.Accounts {
			if a.Source.Kind == subject.Document {
				l.docConflicts[a.Source.ID] = append(l.docConflicts[a.Source.ID], c.ID)
			}
		}
	}
	l.tidy()
	return l
}

// tidy sorts the lists: documents by date, events by date, and removes
// repeats.
func (l *frontLinks) tidy() {
	byDate := l.in.order.sorter()
	for _, m := range []map[string][]string{l.personSent, l.personReceived, l.personMentioned, l.personCopied} {
		for k, v := range m {
			m[k] = byDate(v)
		}
	}
	events := byID(l.in.events, func(e *content.Event) string { return e.ID })
	eventsByDate := func(ids []string) []string {
		ids = sortedUnique(ids)
		slices.SortStableFunc(ids, func(a, b string) int { return histdate.Compare(events[a].Date, events[b].Date) })
		return ids
	}
	for _, m := range []map[string][]string{l.docEvents, l.personEvents} {
		for k, v := range m {
			m[k] = eventsByDate(v)
		}
	}
	for k, v := range l.noteEvents {
		l.noteEvents[k] = eventsByDate(v)
	}
	for k, v := range l.docConflicts {
		l.docConflicts[k] = sortedUnique(v)
	}
}

// markdownInputs are what the backlinks needing the references found in
// Markdown are derived from.
type markdownInputs struct {
	docs     []*content.Document // Edition.Documents
	docRefs  [][]Ref             // the references of each document's fragments (Site.fragRefs)
	notes    []*content.Note     // the notes of Site.NoteList, in order
	noteRefs [][]Ref             // the references of each note's text (Site.NoteRefs)
	order    *dateOrder          // of docs
}

// same reports whether in and o are the same inputs: the same values
// in the same order, and equal references.
func (in markdownInputs) same(o markdownInputs) bool {
	return slices.Equal(in.docs, o.docs) && slices.Equal(in.notes, o.notes) && in.order == o.order &&
		slices.EqualFunc(in.docRefs, o.docRefs, slices.Equal) && slices.EqualFunc(in.noteRefs, o.noteRefs, slices.Equal)
}

// markdownLinks are the backlinks that need the references found in the
// rendered Markdown: citations of documents and works by notes, the
// notes of persons, and references between documents (those of
// related: in front matter too, since the lists are sorted together).
type markdownLinks struct {
	in              markdownInputs
	docCitedIn      map[string][]int
	workCitedIn     map[string][]int
	docReferencedBy map[string][]string
	personNotes     map[string][]int
}

// markdownInputs returns the inputs of the Markdown backlinks, once the
// references are collected.
func (s *Site) markdownInputs() markdownInputs {
	in := markdownInputs{
		docs: s.Ed.Documents, order: s.parts.order,
		docRefs: make([][]Ref, len(s.Ed.Documents)),
		notes:   make([]*content.Note, len(s.NoteList)), noteRefs: make([][]Ref, len(s.NoteList)),
	}
	for i, d := range s.Ed.Documents {
		in.docRefs[i] = s.fragRefs[subject.Of(subject.Document, d.ID)]
	}
	for i, n := range s.NoteList {
		in.notes[i] = n.Note
		in.noteRefs[i] = s.NoteRefs[n.Number]
	}
	return in
}

// deriveMarkdownLinks derives the backlinks of the references in
// Markdown from in.
func deriveMarkdownLinks(in markdownInputs) *markdownLinks {
	docs := len(in.docs)
	l := &markdownLinks{
		in:              in,
		docCitedIn:      make(map[string][]int, docs),
		workCitedIn:     map[string][]int{},
		docReferencedBy: make(map[string][]string, docs),
		personNotes:     make(map[string][]int, docs/2),
	}
	for i, n := range in.notes {
		for _, r := range in.noteRefs[i] {
			switch r.Kind {
			case subject.Document:
				l.docCitedIn[r.ID] = append(l.docCitedIn[r.ID], n.Number)
			case subject.Work:
				l.workCitedIn[r.ID] = append(l.workCitedIn[r.ID], n.Number)
			case subject.Person:
				l.personNotes[r.ID] = append(l.personNotes[r.ID], n.Number)
			}
		}
		for _, d := range n.Documents {
			l.docCitedIn[d.ID] = append(l.docCitedIn[d.ID], n.Number)
		}
	}
	for i, d := range in.docs {
		for _, r := range d.Related {
			l.docReferencedBy[r.ID] = append(l.docReferencedBy[r.ID], d.ID)
		}
		for _, r := range in.docRefs[i] {
			if r.Kind == subject.Document && r.ID != d.ID {
				l.docReferencedBy[r.ID] = append(l.docReferencedBy[r.ID], d.ID)
			}
		}
		if cited := l.docCitedIn[d.ID]; len(cited) > 0 {
			for _, p := range d.People() {
				l.personNotes[p] = append(l.personNotes[p], cited...)
			}
		}
	}
	l.tidy()
	return l
}

// tidy sorts the lists: notes by number, documents by date, and removes
// repeats.
func (l *markdownLinks) tidy() {
	for _, m := range []map[string][]int{l.docCitedIn, l.workCitedIn, l.personNotes} {
		for k, v := range m {
			m[k] = sortedUnique(v)
		}
	}
	byDate := l.in.order.sorter()
	for k, v := range l.docReferencedBy {
		l.docReferencedBy[k] = byDate(v)
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
