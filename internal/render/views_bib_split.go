package render

import (
	"strings"
)

// A bibliography whose works are cited, together, by more notes and
// documents than the split limit (site.yaml's split_lists_over) lists
// them on a page for each work, bibliography/ID.html, with every note
// and document citing it: the lists of one work are what a reader
// looks up, and a page of a few hundred works each listing a hundred
// notes is one no reader can use. Each entry on the bibliography keeps
// its reference and anchor, so links to bibliography.html#work-ID
// still find it, and says how many cite it.

// WorkView is the page of one work of the bibliography.
type WorkView struct {
	Entry        BibEntry
	Bibliography Link // the work's entry on the bibliography
}

// WorkPath is the page of a work whose lists are too long for the
// bibliography.
func WorkPath(id string) string { return "bibliography/" + id + ".html" }

// bibliographies makes the bibliography and the pages of its works
// whose lists are too long for it.
func (b *builder) bibliographies() []*Page {
	main := b.bibliography()
	v := main.Data.(*BibView)
	pages := []*Page{main}
	total := 0
	for _, e := range v.Entries {
		total += citations(e)
	}
	if total <= b.s.SplitLimit() {
		return pages
	}
	for i := range v.Entries {
		e := &v.Entries[i]
		if citations(*e) == 0 {
			continue
		}
		pages = append(pages, b.workPage(*e))
		e.Page = &Link{URL: URL(WorkPath(e.ID)), Text: "every note and source on the work's page", Note: citedCounts(*e)}
		e.Notes, e.Documents, e.Texts = nil, nil, nil
	}
	return pages
}

// citations is the length of the lists of a work's entry.
func citations(e BibEntry) int { return len(e.Notes) + len(e.Documents) + len(e.Texts) }

// workPage is the page of the work of entry e, with its full lists.
func (b *builder) workPage(e BibEntry) *Page {
	title := e.ID
	if w := b.s.Works[e.ID]; w != nil && w.Title != "" {
		title = w.Title
	}
	bib := Link{URL: URL("bibliography.html#" + e.Anchor), Text: "Bibliography"}
	p := b.page("work", WorkPath(e.ID), title, "bibliography")
	p.Description = "The notes of the article citing " + title + ", and the sources it prints or reports."
	p.Crumbs = []Link{bib}
	p.Data = &WorkView{Entry: e, Bibliography: bib}
	return p
}

// citedCounts says how many notes and documents cite a work: "Cited in
// 312 notes; 1,024 sources printed or reported here".
func citedCounts(e BibEntry) string {
	var parts []string
	if len(e.Notes) > 0 {
		parts = append(parts, "Cited in "+countNote(len(e.Notes), "note", "notes"))
	}
	if len(e.Documents) > 0 {
		parts = append(parts, countNote(len(e.Documents), "source", "sources")+" printed or reported here")
	}
	if len(e.Texts) > 0 {
		parts = append(parts, "whole texts of "+countNote(len(e.Texts), "source", "sources"))
	}
	out := strings.Join(parts, "; ")
	if out == "" {
		return out
	}
	return strings.ToUpper(out[:1]) + out[1:]
}
