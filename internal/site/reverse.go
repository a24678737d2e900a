package site

import (
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/histdate"
)

// reverse derives every backlink in one pass over the references, so the
// work grows with the number of references, never with their square.
func (s *Site) reverse() {
	s.DocCitedIn = map[string][]int{}
	s.WorkCitedIn = map[string][]int{}
	s.DocReferencedBy = map[string][]string{}
	s.DocEvents = map[string][]string{}
	s.DocConflicts = map[string][]string{}
	s.NoteEvents = map[int][]string{}
	s.PersonSent = map[string][]string{}
	s.PersonReceived = map[string][]string{}
	s.PersonMentioned = map[string][]string{}
	s.PersonNotes = map[string][]int{}
	s.PersonEvents = map[string][]string{}

	for _, n := range s.NoteList {
		for _, r := range s.NoteRefs[n.Number] {
			switch r.Kind {
			case "doc":
				s.DocCitedIn[r.ID] = append(s.DocCitedIn[r.ID], n.Number)
			case "work":
				s.WorkCitedIn[r.ID] = append(s.WorkCitedIn[r.ID], n.Number)
			case "person":
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
		for _, r := range s.fragRefs["doc:"+d.ID] {
			if r.Kind == "doc" && r.ID != d.ID {
				s.DocReferencedBy[r.ID] = append(s.DocReferencedBy[r.ID], d.ID)
			}
		}
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
		for _, n := range s.DocCitedIn[d.ID] {
			for _, p := range d.People() {
				s.PersonNotes[p] = append(s.PersonNotes[p], n)
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
			if a.Source.Kind == "doc" {
				s.DocConflicts[a.Source.ID] = append(s.DocConflicts[a.Source.ID], c.ID)
			}
		}
	}
	s.tidy()
}

// tidy sorts every reverse index: notes by number, documents by date,
// events by date, and removes repeats.
func (s *Site) tidy() {
	for _, m := range []map[string][]int{s.DocCitedIn, s.WorkCitedIn, s.PersonNotes} {
		for k, v := range m {
			m[k] = sortedUnique(v)
		}
	}
	byDate := func(ids []string) []string {
		ids = sortedUnique(ids)
		slices.SortStableFunc(ids, func(a, b string) int { return CompareDocs(s.Docs[a], s.Docs[b]) })
		return ids
	}
	for _, m := range []map[string][]string{s.DocReferencedBy, s.PersonSent, s.PersonReceived, s.PersonMentioned} {
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

// NoteList formats note numbers for reading: "15, 71".
func NoteNumbers(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
