package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/figure"
	"github.com/korean-war-sources/edition/internal/site"
)

// PersonView is a person page.
type PersonView struct {
	Name, Role, Lang          string
	OutsideRole               string // editors' addition, not from the article
	Aliases, Spellings        []string
	OtherSpellings            []string // not printed in the sources
	Biography                 template.HTML
	Sent, Received, Mentioned []Link
	Copied                    []Link // copies on a distribution list, from outside the article
	Notes                     []NoteLink
	Timeline                  []TimelineEntry
	Correspondents            []Correspondent
	Network                   template.HTML
	// Years is set when the person's lists are too long for one page:
	// the lists above are then empty, and each year of them has a page.
	Years []PersonYear
	// NotesPage is set when the notes mentioning the person are too many
	// for their page: Notes is then empty, and the notes have a page.
	NotesPage *CountedLink
}

// CountedLink links to a page of a list and says how long the list is.
type CountedLink struct {
	Link
	Count int
}

// PersonNotesView is the page of the notes mentioning a person, when
// they are too many for the person's page.
type PersonNotesView struct {
	Name, Lang string
	Person     Link
	Notes      []NoteLink
	Count      int
	// Sections is set on the index of a person's notes split by section
	// of the article; Section on the page of one section.
	Sections []CountedLink
	Section  string
}

// PersonYear is one year of a person's documents on their page: the
// link to the year's page and how many of each list it holds.
type PersonYear struct {
	Link
	Sent, Received, Copied, Mentioned, Timeline int
}

// PersonYearView is the page of one year of a person's documents.
type PersonYearView struct {
	Name, Lang, Year          string
	Person                    Link
	Sent, Received, Mentioned []Link
	Copied                    []Link
	Timeline                  []TimelineEntry
	// Months is set on the page of a year too long for one page: the
	// lists are then empty, and each month of the year has a page.
	Months []PersonYear
}

// Correspondent is one counterpart of a person's correspondence.
type Correspondent struct {
	Link
	Sent, Received int
}

// personPages makes a person's page and, when their lists are longer
// than the split limit, a page for each year of them.
func (b *builder) personPages(p *content.Person) []*Page {
	s := b.s
	lists := personLists{
		sent: s.PersonSent[p.ID], received: s.PersonReceived[p.ID],
		copied: s.PersonCopied[p.ID], mentioned: s.PersonMentioned[p.ID],
		timeline: b.personTimelineOf(p.ID),
	}
	var pages []*Page
	if lists.len() <= s.SplitLimit() {
		pages = []*Page{b.person(p)}
	} else {
		pages = b.personByYear(p, lists)
	}
	if len(s.PersonNotes[p.ID]) > s.SplitLimit() {
		pages = append(pages, b.personNotesBySection(b.personNotes(p, pages[0]))...)
	}
	return pages
}

func (b *builder) person(p *content.Person) *Page {
	s := b.s
	v := &PersonView{
		Name: p.Name, Role: p.Role, Lang: p.Lang, Aliases: p.Aliases, Spellings: p.Spellings,
		OutsideRole: p.OutsideRole, OtherSpellings: p.OtherSpellings,
		Biography: s.HTML["person/"+p.ID],
		Sent:      docLinks(s, s.PersonSent[p.ID]), Received: docLinks(s, s.PersonReceived[p.ID]),
		Mentioned: docLinks(s, s.PersonMentioned[p.ID]),
		Copied:    docLinks(s, s.PersonCopied[p.ID]),
		Notes:     noteLinks(s, s.PersonNotes[p.ID]),
	}
	v.Timeline = b.personTimelineOf(p.ID)
	net := b.correspondence()
	for _, e := range net.Edges {
		switch p.ID {
		case e.From:
			v.Correspondents = addCorrespondent(v.Correspondents, s, e.To, e.Count, 0)
		case e.To:
			v.Correspondents = addCorrespondent(v.Correspondents, s, e.From, 0, e.Count)
		}
	}
	if len(v.Correspondents) > 0 {
		v.Network = template.HTML(figure.NetworkSVG(s, net.Ego(p.ID), URL))
	}
	pg := b.page("person", site.PersonPath(p.ID), p.Name, "persons")
	pg.Description = p.Role
	pg.Crumbs = []Link{{URL: URL("persons/index.html"), Text: "People"}}
	pg.Data = v
	pg.EditURL = b.editURL(p.File)
	return pg
}

func addCorrespondent(cs []Correspondent, s *site.Site, id string, sent, received int) []Correspondent {
	for i := range cs {
		if cs[i].URL == URL(site.PersonPath(id)) {
			cs[i].Sent += sent
			cs[i].Received += received
			return cs
		}
	}
	return append(cs, Correspondent{Link: Link{URL: URL(site.PersonPath(id)), Text: s.Persons[id].Name}, Sent: sent, Received: received})
}

// PersonsView is the persons index: every name, alias and spelling in one
// alphabetical list, aliases pointing to their person.
type PersonsView struct {
	Letters []LetterGroup
}

// LetterGroup is a letter of an alphabetical index.
type LetterGroup struct {
	Letter  string
	Entries []IndexEntry
}

// IndexEntry is a person, or a cross-reference from another name.
type IndexEntry struct {
	Name, URL, Role, Lang string
	See                   string // for aliases: the person's name
	SeeKind               string // "pseudonym" or "spelling"
}

func (b *builder) personIndex() *Page {
	var entries []IndexEntry
	for _, p := range b.s.Ed.Persons {
		url := URL(site.PersonPath(p.ID))
		entries = append(entries, IndexEntry{Name: p.SortName, URL: url, Role: p.Role, Lang: p.Lang})
		for _, a := range p.Aliases {
			entries = append(entries, IndexEntry{Name: a, URL: url, See: p.SortName, SeeKind: "pseudonym of"})
		}
		for _, a := range p.Spellings {
			entries = append(entries, IndexEntry{Name: a, URL: url, See: p.SortName, SeeKind: "spelling of"})
		}
		for _, a := range p.OtherSpellings {
			entries = append(entries, IndexEntry{Name: a, URL: url, See: p.SortName, SeeKind: "spelling not printed in the sources, for"})
		}
	}
	slices.SortFunc(entries, func(a, b IndexEntry) int {
		return cmp.Or(cmp.Compare(site.Fold(a.Name), site.Fold(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	v := &PersonsView{}
	for _, e := range entries {
		letter := strings.ToUpper(site.Fold(e.Name)[:1])
		if n := len(v.Letters); n == 0 || v.Letters[n-1].Letter != letter {
			v.Letters = append(v.Letters, LetterGroup{Letter: letter})
		}
		g := &v.Letters[len(v.Letters)-1]
		g.Entries = append(g.Entries, e)
	}
	p := b.page("persons", "persons/index.html", "People", "persons")
	p.Description = "Everyone who wrote, received or appears in the documents, with pseudonyms and other spellings."
	p.Data = v
	return p
}
