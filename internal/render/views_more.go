package render

import (
	"github.com/korean-war-sources/edition/internal/site"
)

// MorePath is the section index: every part of the edition on one page,
// for readers (on a phone especially) who look beyond the main navigation.
const MorePath = "more.html"

// MoreView is the section index, in groups.
type MoreView struct {
	Groups []MoreGroup
}

// MoreGroup is a heading of the section index and its pages.
type MoreGroup struct {
	ID, Title string
	Items     []Link
}

func (b *builder) more() *Page {
	s := b.s
	var packets []Link
	for _, pk := range s.Ed.Packets {
		packets = append(packets, Link{URL: URL(site.PacketPath(pk.ID)), Text: pk.Title, Note: pk.Course})
	}
	v := &MoreView{Groups: []MoreGroup{
		{"read", "Read", []Link{
			{URL("essay/index.html"), "The essay and its notes", "the article's sections with reading guides, and all its notes"},
			{URL("documents/index.html"), "Documents", "every source the notes cite, in date order and other orders"},
			{URL("documents/by-archive.html"), "Archive index", "the documents by archive, fond and file"},
			{URL("persons/index.html"), "People", "those who wrote, received or are named in the documents"},
			{URL("bibliography.html"), "Bibliography", "the secondary works, memoirs and collections cited"},
		}},
		{"explore", "Explore", []Link{
			{URL("timeline/index.html"), "Timeline", "documents and events in order, with a figure"},
			{URL("network.html"), "Correspondence network", "who wrote to whom, as a figure and a table"},
			{URL("conflicts/index.html"), "Conflicting accounts", "where the sources disagree, side by side"},
			{URL("search.html"), "Search", "documents, notes, people, works and events"},
		}},
		{"packets", "Reading packets for teaching", packets},
		{"reference", "Reference", []Link{
			{URL("glossary.html"), "Glossary", "abbreviations and archival terms"},
			{URL("data/index.html"), "Open data", "the edition's metadata as JSON and CSV, and citations"},
			{URL("about.html"), "About this edition", "editorial method, sources and conventions"},
		}},
	}}
	p := b.page("more", MorePath, "All sections of the edition", "more")
	p.Description = "Every part of the edition on one page: reading, exploring, teaching packets and reference."
	p.Data = v
	return p
}
