package render

import (
	"strings"
)

// The notes mentioning a person, too many for their page, are listed on
// persons/ID/notes.html; when they are more than the split limit there
// too, that page becomes the index of the sections of the article that
// hold them, each section's notes on a page of its own named after the
// section (persons/ID/notes/part-01.html), the pages chained in order.
// A section is a stable address: more notes lengthen its page but never
// move a note to another.

// notesPart is the notes of one section of the article.
type notesPart struct {
	id, title string
	notes     []NoteLink
}

// personNotesBySection splits the page of a person's notes pg by section
// of the article when its notes are more than the limit, and returns the
// page and those of its sections.
func (b *builder) personNotesBySection(pg *Page) []*Page {
	v := pg.Data.(*PersonNotesView)
	if len(v.Notes) <= b.s.SplitLimit() {
		return []*Page{pg}
	}
	parts := b.notesBySection(v.Notes)
	if len(parts) < 2 {
		return []*Page{pg}
	}
	folder := strings.TrimSuffix(pg.Path, ".html") + "/"
	crumbs := append(pg.Crumbs[:len(pg.Crumbs):len(pg.Crumbs)], Link{URL: URL(pg.Path), Text: "Notes"})
	pages := []*Page{pg}
	for i, part := range parts {
		path := folder + part.id + ".html"
		v.Sections = append(v.Sections, CountedLink{Link: Link{URL: URL(path), Text: part.title}, Count: len(part.notes)})
		sp := b.page("person-notes", path, v.Name+": notes of the article, "+part.title, "persons")
		sp.Description = "The notes of " + part.title + " that mention " + v.Name + "."
		sp.Crumbs = crumbs
		sp.Series = notesSeries("Sections of "+v.Name+"'s notes", folder, parts, i)
		sp.Data = &PersonNotesView{Name: v.Name, Lang: v.Lang, Person: v.Person, Notes: part.notes, Count: len(part.notes), Section: part.title}
		pages = append(pages, sp)
	}
	v.Notes = nil
	return pages
}

// notesBySection groups notes by the section holding them, in the
// order of their first notes.
func (b *builder) notesBySection(notes []NoteLink) []notesPart {
	var parts []notesPart
	at := map[string]int{}
	for _, n := range notes {
		info := b.s.Notes[n.N]
		if info == nil || info.Section == nil {
			continue
		}
		i, ok := at[info.Section.ID]
		if !ok {
			i = len(parts)
			at[info.Section.ID] = i
			parts = append(parts, notesPart{id: info.Section.ID, title: info.Section.Title})
		}
		parts[i].notes = append(parts[i].notes, n)
	}
	return parts
}

// notesSeries links the i-th page of a person's notes to the pages
// before and after it.
func notesSeries(label, folder string, parts []notesPart, i int) *Series {
	link := func(j int, rel string) *PageLink {
		if j < 0 || j >= len(parts) {
			return nil
		}
		return &PageLink{URL: URL(folder + parts[j].id + ".html"), Rel: rel, Text: parts[j].title}
	}
	return &Series{Label: label, Prev: link(i-1, "Previous page"), Next: link(i+1, "Next page")}
}
