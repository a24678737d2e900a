package render

import (
	"cmp"
	"html/template"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/site"
)

// DocView is a document page.
type DocView struct {
	ID, Kind, Nature, NatureNote string
	Date                         DateView
	Describes                    DateView
	From, To                     []PartyView
	Headnote                     template.HTML
	Quotations                   []QuoteView
	EditorialNotes               []template.HTML
	Archive                      []ArchiveView
	Archives                     []ArchiveGroup // Archive by repository
	Collection                   string
	Translations, KnownThrough   []WorkRefView
	PublishedIn                  []WorkRefView
	SecondHand                   bool
	CitedIn                      []NoteLink
	CitedAs                      []CitedAs
	ReferencedBy, Related        []Link
	Persons                      []Link
	Events                       []Link
	Conflicts                    []Link
	Unknown                      []string
	SourceURL                    string

	// From outside the article (views_fulltext.go).
	FullText       *FullTextView
	ArchivalCopies []ArchivalCopyView
	Transmission   *TransmissionView
	Summary        *SummaryView
	Disagreements  []DisagreementView
}

// DateView is a date ready to show.
type DateView struct {
	Display, ISO, Precision string
	Basis                   string // when the article does not print the date: the editors' reasoning
}

func dateView(d histdate.Date) DateView {
	if d.IsZero() {
		return DateView{}
	}
	return DateView{Display: d.Display(), ISO: d.ISOAttr(), Precision: d.PrecisionNote()}
}

// inferredDateView is dateView for a date the editors infer, with the
// reasoning they give for it.
func inferredDateView(d histdate.Date, basis string) DateView {
	v := dateView(d)
	if !d.IsZero() {
		v.Basis = basis
	}
	return v
}

// PartyView shows a sender or recipient as the source names it, with the
// person it resolves to: "Filippov [Stalin]".
type PartyView struct {
	AsWritten string // "" when it is the person's own name
	Lang      string // lang attribute of the name as written, "" if unknown
	Name      string
	URL       string // "" for bodies without a page
}

// QuoteView is a quotation from the source.
type QuoteView struct {
	Paragraphs []string
	Credit     string
	Note       NoteLink
}

// ArchiveView is an archival citation.
type ArchiveView struct {
	AsPrinted, Repository, RepositoryName string
	Note                                  NoteLink
}

// ArchiveGroup is a repository's citations of one document: the
// repository named once, then each citation as a note prints it.
type ArchiveGroup struct {
	RepositoryName string
	Refs           []ArchiveView
}

func archiveGroups(as []ArchiveView) []ArchiveGroup {
	var out []ArchiveGroup
	index := map[string]int{}
	for _, a := range as {
		i, ok := index[a.Repository]
		if !ok {
			i = len(out)
			index[a.Repository] = i
			out = append(out, ArchiveGroup{RepositoryName: a.RepositoryName})
		}
		out[i].Refs = append(out[i].Refs, a)
	}
	return out
}

// withoutLinks is links less those whose URL is in also: a document
// listed as referring to this one is not listed again as related.
func withoutLinks(links, also []Link) []Link {
	seen := make(map[string]bool, len(also))
	for _, l := range also {
		seen[l.URL] = true
	}
	var out []Link
	for _, l := range links {
		if !seen[l.URL] {
			out = append(out, l)
		}
	}
	return out
}

// WorkRefView points to a bibliography entry with pages.
type WorkRefView struct {
	Link
	Pages    string
	Modified bool
}

// NoteLink points to a note: its anchor in the section and its own page.
type NoteLink struct {
	N         int
	URL       string // the note in its section
	PageURL   string // the note's own page
	Section   string
	Available bool
}

// CitedAs is how one note prints its reference to the document.
type CitedAs struct {
	Note NoteLink
	Text string
}

func noteLink(s *site.Site, n int) NoteLink {
	info := s.Notes[n]
	if info == nil {
		return NoteLink{N: n}
	}
	return NoteLink{
		N:         n,
		URL:       URL(site.SectionPath(info.Section.ID) + "#" + site.NoteAnchor(n)),
		PageURL:   URL(site.NotePath(n)),
		Section:   info.Section.Title,
		Available: true,
	}
}

func noteLinks(s *site.Site, ns []int) []NoteLink {
	out := make([]NoteLink, len(ns))
	for i, n := range ns {
		out[i] = noteLink(s, n)
	}
	return out
}

func partyViews(s *site.Site, ps []content.Party) []PartyView {
	var out []PartyView
	for _, p := range ps {
		if p.Person.ID == "" {
			out = append(out, PartyView{Name: p.Name, AsWritten: p.AsWritten})
			continue
		}
		person := s.Persons[p.Person.ID]
		v := PartyView{Name: person.Name, URL: URL(site.PersonPath(person.ID))}
		// The name as written is in the source's language if the entry
		// says so (Mao-Tsze-Dunom in a Soviet record), else in the
		// person's.
		if lang := cmp.Or(p.Lang, person.Lang); lang != "" && lang != "en" {
			v.Lang = lang + "-Latn"
		}
		if p.AsWritten != "" && p.AsWritten != person.Name {
			v.AsWritten = p.AsWritten
		}
		out = append(out, v)
	}
	return out
}

// displayDate is dateView(d).Display without the other two formats.
func displayDate(d histdate.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Display()
}

func docLinks(s *site.Site, ids []string) []Link {
	out := make([]Link, 0, len(ids))
	for _, id := range ids {
		d := s.Docs[id]
		out = append(out, Link{URL: URL(site.DocumentPath(id)), Text: d.Title, Note: displayDate(d.Date)})
	}
	return out
}

func workRefs(s *site.Site, ws []content.WorkPages) []WorkRefView {
	out := make([]WorkRefView, 0, len(ws))
	for _, w := range ws {
		out = append(out, WorkRefView{
			Link:     Link{URL: URL(site.WorkURL(w.Work.ID)), Text: site.WorkShort(s.Works[w.Work.ID])},
			Pages:    PagesLabel(w.Pages),
			Modified: w.Modified,
		})
	}
	return out
}

// paragraphs splits verbatim text at blank lines; templates escape it.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// NatureNote says what kind of witness a source is and how long after the
// events it was made: "memoir, written about 40 years later".
func NatureNote(d *content.Document) string {
	label := content.NatureLabels[d.Nature]
	if d.Describes.IsZero() || d.Date.IsZero() {
		return label
	}
	if lag := histdate.Between(d.Describes, d.Date); lag != "" {
		verb := "written"
		switch d.Nature {
		case "interview", "recollection":
			verb = "told"
		case "published":
			verb = "published"
		}
		return label + ", " + verb + " " + lag
	}
	return label
}

func (b *builder) document(d *content.Document) *Page {
	s := b.s
	v := &DocView{
		ID: d.ID, Kind: KindLabel(d.Kind), Nature: d.Nature, NatureNote: NatureNote(d),
		Date: inferredDateView(d.Date, d.DateBasis), Describes: dateView(d.Describes),
		From: partyViews(s, d.From), To: partyViews(s, d.To),
		Headnote:     s.HTML["doc/"+d.ID],
		Collection:   d.Collection,
		Translations: workRefs(s, d.Translations), KnownThrough: workRefs(s, d.KnownThrough),
		PublishedIn: workRefs(s, d.PublishedIn), SecondHand: len(d.KnownThrough) > 0,
		CitedIn:      noteLinks(s, s.DocCitedIn[d.ID]),
		ReferencedBy: docLinks(s, s.DocReferencedBy[d.ID]),
		SourceURL:    URL(SourcePath(d.ID)),
	}
	for _, id := range d.Related {
		v.Related = append(v.Related, docLinks(s, []string{id.ID})...)
	}
	for i := range d.EditorialNotes {
		v.EditorialNotes = append(v.EditorialNotes, s.HTML["doc-ed/"+d.ID+"/"+strconv.Itoa(i)])
	}
	for _, q := range d.Quotations {
		v.Quotations = append(v.Quotations, QuoteView{Paragraphs: paragraphs(q.Text), Credit: q.Translation, Note: noteLink(s, q.Note.N)})
	}
	for _, a := range d.Archive {
		av := ArchiveView{AsPrinted: a.AsPrinted, Repository: a.Repository.ID, Note: noteLink(s, a.Note.N)}
		if arch := s.Archives[a.Repository.ID]; arch != nil {
			av.RepositoryName = arch.English
		}
		v.Archive = append(v.Archive, av)
	}
	v.Archives = archiveGroups(v.Archive)
	v.Related = withoutLinks(v.Related, v.ReferencedBy)
	for _, n := range s.DocCitedIn[d.ID] {
		if text := citedAs(s, n, d.ID); text != "" {
			v.CitedAs = append(v.CitedAs, CitedAs{Note: noteLink(s, n), Text: text})
		}
	}
	for _, id := range d.People() {
		v.Persons = append(v.Persons, Link{URL: URL(site.PersonPath(id)), Text: s.Persons[id].Name})
	}
	for _, id := range s.DocEvents[d.ID] {
		e := s.Events[id]
		v.Events = append(v.Events, Link{URL: URL(b.s.EventURL(id)), Text: e.Title, Note: e.Date.Display()})
	}
	for _, id := range s.DocConflicts[d.ID] {
		v.Conflicts = append(v.Conflicts, Link{URL: URL(site.ConflictPath(id)), Text: s.Conflicts[id].Title})
	}
	v.Unknown = unknowns(d)
	b.outside(v, d)
	p := b.page("document", site.DocumentPath(d.ID), d.Title, "documents")
	p.Description = v.Kind + ", " + v.Date.Display
	p.Data = v
	p.EditURL = b.editURL(d.File)
	p.Cite = b.documentCitation(d, p)
	p.Series = adjacentDocs(b.s, d.ID)
	p.Crumbs = []Link{Link{URL: URL("documents/index.html"), Text: "Documents"}}
	return p
}

// adjacentDocs links the documents before and after id in date order.
func adjacentDocs(s *site.Site, id string) *Series {
	link := func(d *content.Document, rel string) *PageLink {
		if d == nil {
			return nil
		}
		return &PageLink{URL: URL(site.DocumentPath(d.ID)), Rel: rel, Text: d.Title, Note: displayDate(d.Date)}
	}
	p, n := s.AdjacentDocs(id)
	return &Series{Label: "Documents in date order", Prev: link(p, "Previous document"), Next: link(n, "Next document")}
}

// citedAs returns the words with which note n refers to document id, as
// printed: the label of its [[doc:id|…]] reference.
func citedAs(s *site.Site, n int, id string) string {
	for _, r := range s.NoteRefs[n] {
		if r.Kind == "doc" && r.ID == id && r.Label != "" {
			return r.Label
		}
	}
	return ""
}

// unknowns lists what the edition cannot tell about a document, for the
// provenance panel.
func unknowns(d *content.Document) []string {
	var out []string
	if d.Date.IsZero() {
		out = append(out, "its date")
	}
	if len(d.From) == 0 {
		out = append(out, "its author or sender")
	}
	if len(d.To) == 0 && d.Kind != "memoir" && d.Kind != "interview" && d.Kind != "recollection" && d.Kind != "publication" {
		out = append(out, "its recipient")
	}
	if len(d.Archive) == 0 && len(d.ArchivalCopies) == 0 {
		out = append(out, "its archival location")
	}
	return out
}

// KindLabel is a document kind for readers.
func KindLabel(kind string) string { return content.KindLabel(kind) }

// SourcePath is the page showing a document's Markdown source.
func SourcePath(id string) string { return "documents/" + id + ".source.html" }

// PagesLabel prefixes pages as printed with "p." or "pp.": "p. 6",
// "pp. 7–8", "pp. 440, 454–455".
func PagesLabel(pages string) string {
	switch {
	case pages == "":
		return ""
	case strings.ContainsAny(pages, "–-,"):
		return "pp. " + pages
	}
	return "p. " + pages
}
