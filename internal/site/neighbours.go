package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
)

// Neighbours returns the subjects whose pages show something of subject:
// its title, date, parties or number. subject is "doc:ID", "person:ID",
// "section:ID", "note:N" or "conflict:ID", as render.View names them.
// When an edit changes a subject's front matter, the pages of these
// subjects must be made again as well as its own; pages about the whole
// edition (indexes, timeline) are made again anyway. A subject the site
// does not have has no neighbours.
//
// The list may hold more than the pages that change, never less: it
// follows every link between subjects the site records, in both
// directions.
func (s *Site) Neighbours(subject string) []string {
	kind, id, _ := strings.Cut(subject, ":")
	var out []string
	add := func(kind string, ids ...string) {
		for _, id := range ids {
			out = append(out, kind+":"+id)
		}
	}
	notes := func(ns ...int) {
		for _, n := range ns {
			add("note", strconv.Itoa(n))
			if info := s.Notes[n]; info != nil {
				add("section", info.Section.ID)
			}
		}
	}
	refs := func(owner string) {
		for _, r := range s.fragRefs[owner] {
			if r.Kind == "note" {
				n, _ := strconv.Atoi(r.ID)
				notes(n)
				continue
			}
			add(r.Kind, r.ID)
		}
	}
	switch kind {
	case "doc":
		d := s.Docs[id]
		if d == nil {
			return nil
		}
		add("person", d.People()...)
		add("person", CopiedTo(d)...)
		notes(s.DocCitedIn[id]...)
		add("doc", s.DocReferencedBy[id]...)
		for _, r := range d.Related {
			add("doc", r.ID)
		}
		add("conflict", s.DocConflicts[id]...)
		// Timelines list the events it attests with its title and date,
		// and person pages show the timeline of their events.
		for _, ev := range s.DocEvents[id] {
			if e := s.Events[ev]; e != nil {
				for _, p := range e.Persons {
					add("person", p.ID)
				}
			}
		}
		// The pages before and after it link to it by title and date.
		for _, a := range s.adjacentDocs(id) {
			add("doc", a)
		}
		refs("doc:" + id)
	case "person":
		add("doc", s.PersonSent[id]...)
		add("doc", s.PersonReceived[id]...)
		add("doc", s.PersonMentioned[id]...)
		add("doc", s.PersonCopied[id]...)
		for _, d := range s.PersonSent[id] {
			add("person", s.Docs[d].People()...) // correspondents
		}
		for _, d := range s.PersonReceived[id] {
			add("person", s.Docs[d].People()...)
		}
		// Notes show a person only through their Markdown, whose
		// rendering changes with the person's name: see FragmentSubjects.
		refs("person:" + id)
	case "section":
		sec := s.Sections[id]
		if sec == nil {
			return nil
		}
		for _, n := range sec.Notes {
			add("note", strconv.Itoa(n.Number))
			out = append(out, s.Neighbours("note:"+strconv.Itoa(n.Number))...)
		}
		refs("section:" + id)
	case "note":
		n, _ := strconv.Atoi(id)
		info := s.Notes[n]
		if info == nil {
			return nil
		}
		add("section", info.Section.ID)
		prev, next := s.AdjacentNotes(n)
		for _, a := range []int{prev, next} { // their previous/next links show its context
			if a != 0 {
				add("note", strconv.Itoa(a))
			}
		}
		for _, d := range info.Documents {
			add("doc", d.ID)
		}
		refs("note:" + id)
	case "conflict":
		c := s.Conflicts[id]
		if c == nil {
			return nil
		}
		for _, a := range c.Accounts {
			if a.Source.Kind == "doc" {
				add("doc", a.Source.ID)
			}
		}
		for _, d := range s.Ed.Documents {
			for _, x := range d.Disagreements {
				if x.Conflict.ID == id {
					add("doc", d.ID)
				}
			}
		}
		refs("conflict:" + id)
	}
	return out
}

// FragmentSubjects returns the subjects whose pages show the Markdown
// fragment key (see fragment): its owner, and for a note, its section.
// Fragments shown only on pages about the whole edition (the about page,
// bibliography and timeline entries) have none.
func FragmentSubjects(s *Site, key string) []string {
	kind, rest, _ := strings.Cut(key, "/")
	id, _, _ := strings.Cut(rest, "/")
	switch kind {
	case "doc", "doc-ed", "doc-pt", "doc-dis", "doc-dis-a", "doc-dis-r", "doc-tr", "doc-sum", "doc-why":
		return []string{"doc:" + id}
	case "person", "section", "conflict", "packet":
		return []string{kind + ":" + id}
	case "note", "note-comment":
		out := []string{"note:" + id}
		if n, err := strconv.Atoi(id); err == nil && s.Notes[n] != nil {
			out = append(out, "section:"+s.Notes[n].Section.ID)
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
