package site

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/subject"
)

// Neighbours returns the subjects whose pages show something of subj:
// its title, date, parties or number. subj is a document, person,
// section, note or conflict, as render.View names them. When an edit
// changes a subject's front matter, the pages of these subjects must be
// made again as well as its own; pages about the whole edition (indexes,
// timeline) are made again anyway. A subject the site does not have has
// no neighbours.
//
// The list may hold more than the pages that change, never less: it
// follows every link between subjects the site records, in both
// directions.
func (s *Site) Neighbours(subj subject.Subject) []subject.Subject {
	n := neighbours{s: s}
	id := subj.ID
	switch subj.Kind {
	case subject.Document:
		if s.Docs[id] == nil {
			return nil
		}
		n.document(id)
	case subject.Person:
		n.person(id)
	case subject.Section:
		sec := s.Sections[id]
		if sec == nil {
			return nil
		}
		for _, x := range sec.Notes {
			n.add(subject.Note, strconv.Itoa(x.Number))
			n.out = append(n.out, s.Neighbours(subject.NoteOf(x.Number))...)
		}
	case subject.Note:
		num, _ := subj.Number()
		if s.Notes[num] == nil {
			return nil
		}
		n.note(num)
	case subject.Conflict:
		if s.Conflicts[id] == nil {
			return nil
		}
		n.conflict(id)
	default:
		return nil
	}
	n.refs(subj)
	return n.out
}

// neighbours gathers the subjects of Neighbours.
type neighbours struct {
	s   *Site
	out []subject.Subject
}

func (n *neighbours) add(kind subject.Kind, ids ...string) {
	for _, id := range ids {
		n.out = append(n.out, subject.Of(kind, id))
	}
}

// notes adds notes with their sections.
func (n *neighbours) notes(ns ...int) {
	for _, num := range ns {
		n.out = append(n.out, subject.NoteOf(num))
		if info := n.s.Notes[num]; info != nil {
			n.add(subject.Section, info.Section.ID)
		}
	}
}

// refs adds what the Markdown of owner refers to.
func (n *neighbours) refs(owner subject.Subject) {
	for _, r := range n.s.fragRefs[owner] {
		if r.Kind == subject.Note {
			num, _ := r.Number()
			n.notes(num)
			continue
		}
		n.out = append(n.out, r.Subject)
	}
}

func (n *neighbours) document(id string) {
	s := n.s
	d := s.Docs[id]
	n.add(subject.Person, d.People()...)
	n.add(subject.Person, CopiedTo(d)...)
	n.notes(s.DocCitedIn[id]...)
	n.add(subject.Document, s.DocReferencedBy[id]...)
	for _, r := range d.Related {
		n.add(subject.Document, r.ID)
	}
	n.add(subject.Conflict, s.DocConflicts[id]...)
	// Timelines list the events it attests with its title and date,
	// and person pages show the timeline of their events.
	for _, ev := range s.DocEvents[id] {
		if e := s.Events[ev]; e != nil {
			for _, p := range e.Persons {
				n.add(subject.Person, p.ID)
			}
		}
	}
	// The pages before and after it link to it by title and date.
	n.add(subject.Document, s.adjacentDocs(id)...)
}

func (n *neighbours) person(id string) {
	s := n.s
	n.add(subject.Document, s.PersonSent[id]...)
	n.add(subject.Document, s.PersonReceived[id]...)
	n.add(subject.Document, s.PersonMentioned[id]...)
	n.add(subject.Document, s.PersonCopied[id]...)
	for _, d := range s.PersonSent[id] {
		n.add(subject.Person, s.Docs[d].People()...) // correspondents
	}
	for _, d := range s.PersonReceived[id] {
		n.add(subject.Person, s.Docs[d].People()...)
	}
	// Notes show a person only through their Markdown, whose rendering
	// changes with the person's name: see FragmentSubjects.
}

func (n *neighbours) note(num int) {
	info := n.s.Notes[num]
	n.add(subject.Section, info.Section.ID)
	prev, next := n.s.AdjacentNotes(num)
	for _, a := range []int{prev, next} { // their previous/next links show its context
		if a != 0 {
			n.out = append(n.out, subject.NoteOf(a))
		}
	}
	for _, d := range info.Documents {
		n.add(subject.Document, d.ID)
		n.people(d.ID)
	}
	// Person pages list the notes citing the documents they sent,
	// received or are named in (PersonNotes).
	for _, r := range n.s.fragRefs[subject.NoteOf(num)] {
		if r.Kind == subject.Document {
			n.people(r.ID)
		}
	}
}

// people adds the persons of document id, if the site has it.
func (n *neighbours) people(id string) {
	if d := n.s.Docs[id]; d != nil {
		n.add(subject.Person, d.People()...)
	}
}

func (n *neighbours) conflict(id string) {
	for _, a := range n.s.Conflicts[id].Accounts {
		if a.Source.Kind == subject.Document {
			n.add(subject.Document, a.Source.ID)
		}
	}
	for _, d := range n.s.Ed.Documents {
		for _, x := range d.Disagreements {
			if x.Conflict.ID == id {
				n.add(subject.Document, d.ID)
			}
		}
	}
}

// FragmentSubjects returns the subjects whose pages show the Markdown
// fragment key (see fragment): its owner, and for a note, its section.
// Fragments shown only on pages about the whole edition (the about page,
// bibliography and timeline entries) have none, nor has a key the site
// does not have.
func FragmentSubjects(s *Site, key string) []subject.Subject {
	owner, ok := s.render.owners[key]
	if !ok {
		return nil
	}
	switch owner.Kind {
	case subject.Document, subject.Person, subject.Section, subject.Conflict, subject.Packet:
		return []subject.Subject{owner}
	case subject.Note:
		out := []subject.Subject{owner}
		if n, ok := owner.Number(); ok && s.Notes[n] != nil {
			out = append(out, subject.Of(subject.Section, s.Notes[n].Section.ID))
		}
		return out
	}
	return nil
}

// AdjacentDocs returns the documents before and after document id in the
// edition's order (DocsByDate), nil at either end or for an unknown id.
func (s *Site) AdjacentDocs(id string) (prev, next *content.Document) {
	i, ok := s.docRank[id]
	if !ok {
		return nil, nil
	}
	if i > 0 {
		prev = s.DocsByDate[i-1]
	}
	if i+1 < len(s.DocsByDate) {
		next = s.DocsByDate[i+1]
	}
	return prev, next
}

// AdjacentNotes returns the numbers of the notes before and after note n
// in the article's order, 0 at either end or for an unknown note.
func (s *Site) AdjacentNotes(n int) (prev, next int) {
	i, ok := slices.BinarySearchFunc(s.NoteList, n, func(x *NoteInfo, n int) int { return cmp.Compare(x.Number, n) })
	if !ok {
		return 0, 0
	}
	if i > 0 {
		prev = s.NoteList[i-1].Number
	}
	if i+1 < len(s.NoteList) {
		next = s.NoteList[i+1].Number
	}
	return prev, next
}

func (s *Site) adjacentDocs(id string) []string {
	var out []string
	p, n := s.AdjacentDocs(id)
	for _, d := range []*content.Document{p, n} {
		if d != nil {
			out = append(out, d.ID)
		}
	}
	return out
}
