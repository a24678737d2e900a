package render

import (
	"html/template"
	"strconv"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/subject"
)

// SectionView is an essay section: the reading guide and the notes.
type SectionView struct {
	Guide      template.HTML
	Notes      []NoteView
	Prev, Next *Link
}

// NoteView is one note of the article.
type NoteView struct {
	N       int
	Anchor  string
	Link    NoteLink
	Sources []Link // documents and works the note cites
	Section Link
	NoteBody
}

// NoteBody is what the "notebody" partial shows of a note, the same on
// the note's own page, in its section and in packets: templates pass
// the embedded field itself (.NoteBody), a field lookup where a method
// would cost a call.
type NoteBody struct {
	Text     template.HTML
	Context  string
	Comment  template.HTML
	Uncited  string
	Page     int           // page of the printed journal, 0 when not established
	Readings []ReadingView // where print and transcription differ
	Reported []Link        // documents known through the cited works
	Events   []Link
}

// ReadingView is a place where the printed article and the transcription
// of it differ; the edition's text follows Printed.
type ReadingView struct {
	Printed, Transcription string
}

func readingViews(rs []content.Reading) []ReadingView {
	var out []ReadingView
	for _, r := range rs {
		out = append(out, ReadingView{Printed: r.Printed, Transcription: r.Transcription})
	}
	return out
}

func (b *builder) noteView(n *site.NoteInfo) NoteView {
	s := b.s
	num := strconv.Itoa(n.Number)
	v := NoteView{
		N: n.Number, Anchor: site.NoteAnchor(n.Number), Link: noteLink(s, n.Number),
		NoteBody: NoteBody{
			Text: s.HTML["note/"+num], Context: n.Context, Comment: s.HTML["note-comment/"+num],
			Uncited: n.Uncited, Page: n.Page, Readings: readingViews(n.Readings),
		},
		Section: Link{URL: URL(site.SectionPath(n.Section.ID) + "#" + site.NoteAnchor(n.Number)), Text: n.Section.Title},
	}
	seen := map[subject.Subject]bool{}
	for _, r := range s.NoteRefs[n.Number] {
		if (r.Kind != subject.Document && r.Kind != subject.Work) || seen[r.Subject] {
			continue
		}
		seen[r.Subject] = true
		path, title := s.Locate(r.Subject)
		kind := "document"
		if r.Kind == subject.Work {
			kind = "secondary work"
		}
		v.Sources = append(v.Sources, Link{URL: URL(path), Text: title, Note: kind})
	}
	for _, d := range n.Documents {
		v.Reported = append(v.Reported, docLinks(s, []string{d.ID})...)
	}
	for _, id := range s.NoteEvents[n.Number] {
		e := s.Events[id]
		v.Events = append(v.Events, Link{URL: URL(b.s.EventURL(id)), Text: e.Title, Note: e.Date.Display()})
	}
	return v
}

func (b *builder) section(sec *content.Section) *Page {
	v := &SectionView{Guide: b.s.HTML["section/"+sec.ID]}
	for i := range sec.Notes {
		v.Notes = append(v.Notes, b.noteView(b.s.Notes[sec.Notes[i].Number]))
	}
	secs := b.s.SortedSections
	for i, x := range secs {
		if x.ID != sec.ID {
			continue
		}
		if i > 0 {
			v.Prev = &Link{URL: URL(site.SectionPath(secs[i-1].ID)), Text: secs[i-1].Title}
		}
		if i+1 < len(secs) {
			v.Next = &Link{URL: URL(site.SectionPath(secs[i+1].ID)), Text: secs[i+1].Title}
		}
	}
	p := b.page("section", site.SectionPath(sec.ID), sec.Title, "essay")
	p.Crumbs = []Link{{URL: URL("essay/index.html"), Text: "Essay & notes"}}
	p.Description = sectionDescription(sec)
	p.Data = v
	p.EditURL = b.editURL(sec.File)
	p.Cite = b.sectionCitation(p, sec)
	return p
}

// adjacentNotes links the notes before and after note n.
func adjacentNotes(s *site.Site, n int) *Series {
	link := func(n int, rel string) *PageLink {
		if n == 0 {
			return nil
		}
		return &PageLink{URL: URL(site.NotePath(n)), Rel: rel, Text: "Note " + strconv.Itoa(n), Note: s.Notes[n].Context}
	}
	p, nx := s.AdjacentNotes(n)
	return &Series{Label: "Notes in order", Prev: link(p, "Previous note"), Next: link(nx, "Next note")}
}

func sectionDescription(sec *content.Section) string {
	if r := noteRange(sec); r != "" {
		return "Reading guide and notes " + r + " of the article's section “" + sec.Title + "”."
	}
	return "Reading guide to the article's section “" + sec.Title + "”."
}

// notesLabel is "notes 7–23", or "no notes".
func notesLabel(sec *content.Section) string {
	if r := noteRange(sec); r != "" {
		return "notes " + r
	}
	return "no notes"
}

// noteRange is "7–23", or "" for a section without notes.
func noteRange(sec *content.Section) string {
	if len(sec.Notes) == 0 {
		return ""
	}
	first, last := sec.Notes[0].Number, sec.Notes[len(sec.Notes)-1].Number
	return strconv.Itoa(first) + "–" + strconv.Itoa(last)
}

func (b *builder) note(n *site.NoteInfo) *Page {
	v := b.noteView(n)
	title := "Note " + strconv.Itoa(n.Number)
	p := b.page("note", site.NotePath(n.Number), title, "essay")
	p.Description = n.Context
	p.Data = &v
	p.Cite = b.noteCitation(p, n.Number)
	p.Series = adjacentNotes(b.s, n.Number)
	p.Crumbs = []Link{{URL: URL("essay/index.html"), Text: "Essay & notes"}, {URL: URL(site.SectionPath(n.Section.ID)), Text: n.Section.Title}}
	return p
}

// EssayIndexView lists the sections and every note.
type EssayIndexView struct {
	Sections []EssaySection
	// Notes is set when the notes are more than one page holds: the
	// index then lists the sections alone, each page of a section
	// having its notes in full.
	Notes int
}

// EssaySection is a section with its notes, for the index.
type EssaySection struct {
	Link
	Range string
	Notes []NoteView
}

func (b *builder) essayIndex() *Page {
	v := &EssayIndexView{}
	split := len(b.s.NoteList) > b.s.SplitLimit()
	if split {
		v.Notes = len(b.s.NoteList)
	}
	for _, sec := range b.s.SortedSections {
		es := EssaySection{Link: Link{URL: URL(site.SectionPath(sec.ID)), Text: sec.Title}, Range: notesLabel(sec)}
		if !split {
			for i := range sec.Notes {
				es.Notes = append(es.Notes, b.noteView(b.s.Notes[sec.Notes[i].Number]))
			}
		}
		v.Sections = append(v.Sections, es)
	}
	p := b.page("notes", "essay/index.html", "The essay and its notes", "essay")
	p.Description = "The sections of the article with reading guides, and all of its notes."
	p.Data = v
	return p
}
