// Package search builds the edition's client-side full-text search: it
// collects every document, note, person, work and event as an Item, and
// writes an inverted index as JavaScript files that
// static/assets/search.js loads on demand with script elements, so that
// search works on any static host and from a folder opened from disk.
//
// Terms are folded (lowercase, without diacritics) and every person a
// document involves is indexed under all their names, so that "Stalin"
// finds a telegram signed "Filippov".
package search

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// The kinds of Item, in the order results of equal rank are listed.
const (
	KindDocument = "document"
	KindPerson   = "person"
	KindNote     = "note"
	KindEvent    = "event"
	KindWork     = "work"
)

// Item is one searchable thing with a page or an anchor of its own.
type Item struct {
	Kind  string // one of the Kind constants
	ID    string // unique within Kind
	Label string // the kind for readers: "Ciphered telegram", "Person"
	Title string
	URL   string // site path, perhaps with a #fragment
	Date  string // for readers, "" when undated

	// When is the item's own date, indexed as the strongest match (see
	// ItemDateTerms); the zero Date when undated.
	When histdate.Date

	// Aliases are other forms of the title, indexed and ranked as the
	// title but not shown: a person's cover names and other spellings.
	Aliases []string

	// Names are indexed as strongly as the title but not shown: every
	// name of every person involved, names as written, archival
	// references, collection numbers.
	Names []string
	// Text is the plain text to index; its beginning is the snippet.
	Text string
}

// Items lists everything the search covers, in a fixed order: documents
// by date, then persons, notes, events and works. The items are made on
// every core, each into its place, so the order does not depend on
// scheduling.
func Items(s *site.Site) []Item {
	makers := itemMakers(s)
	items := make([]Item, len(makers))
	parallel.For(len(makers), func(_, i int) { items[i] = makers[i].make() })
	return items
}

// itemMaker makes the item of one subject.
type itemMaker struct {
	kind, id string
	make     func() Item
}

// itemMakers lists the makers of Items, in its order.
func itemMakers(s *site.Site) []itemMaker {
	var makers []itemMaker
	for _, d := range s.DocsByDate {
		makers = append(makers, itemMaker{KindDocument, d.ID, func() Item { return documentItem(s, d) }})
	}
	for _, p := range sortedPersons(s) {
		makers = append(makers, itemMaker{KindPerson, p.ID, func() Item { return personItem(s, p) }})
	}
	for _, n := range s.NoteList {
		makers = append(makers, itemMaker{KindNote, strconv.Itoa(n.Number), func() Item { return noteItem(s, n) }})
	}
	for _, e := range sortedEvents(s) {
		makers = append(makers, itemMaker{KindEvent, e.ID, func() Item { return eventItem(s, e) }})
	}
	for _, w := range sortedWorks(s) {
		makers = append(makers, itemMaker{KindWork, w.ID, func() Item { return workItem(s, w) }})
	}
	return makers
}

// ItemsOf makes the items of Items(s) whose kind and id remake accepts,
// by their place in Items(s), for Built.UpdateItems after an edit; order
// lists the kind and id of every item of Items(s), to tell whether items
// came, went or moved. Events and works are always made: their items show
// what other subjects are called.
func ItemsOf(s *site.Site, remake func(kind, id string) bool) (order []string, items map[int]Item) {
	makers := itemMakers(s)
	order = make([]string, len(makers))
	var chosen []int
	for i, m := range makers {
		order[i] = m.kind + ":" + m.id
		if m.kind == KindEvent || m.kind == KindWork || remake(m.kind, m.id) {
			chosen = append(chosen, i)
		}
	}
	made := make([]Item, len(chosen))
	parallel.For(len(chosen), func(_, j int) { made[j] = makers[chosen[j]].make() })
	items = make(map[int]Item, len(chosen))
	for j, i := range chosen {
		items[i] = made[j]
	}
	return order, items
}

func documentItem(s *site.Site, d *content.Document) Item {
	text, people := documentText(s, d)
	return Item{Kind: KindDocument, ID: d.ID, Label: capitalize(docKindLabel(d.Kind)), Title: d.Title,
		URL: site.DocumentPath(d.ID), Date: d.Date.Display(), When: d.Date, Names: documentNames(s, d, people), Text: text}
}

// documentText is the text of a document's page: who wrote to whom, the
// headnote with its annotations, the editorial notes and the quotations.
// It also returns the persons the headnote and notes link to.
func documentText(s *site.Site, d *content.Document) (string, []string) {
	html := []string{string(s.HTML["doc/"+d.ID])}
	for i := range d.EditorialNotes {
		html = append(html, string(s.HTML["doc-ed/"+d.ID+"/"+strconv.Itoa(i)]))
	}
	html = append(html, outsideHTML(s, d)...)
	text := []string{documentFacts(s, d)}
	var people []string
	for _, h := range html {
		text = append(text, PlainText(h))
		people = append(people, personLinks(h)...)
	}
	for _, q := range d.Quotations {
		text = append(text, q.Text)
	}
	return joinText(text), people
}

// documentNames lists what a document is found by besides its text:
// every name of every person it involves (senders, recipients, persons
// mentioned or linked), names as written, archival references, the
// collection number, the kind and the works that print or report it.
func documentNames(s *site.Site, d *content.Document, linked []string) []string {
	names := personNames(s, slices.Concat(d.People(), linked))
	for _, p := range slices.Concat(d.From, d.To) {
		names = append(names, p.Name, p.AsWritten)
	}
	for _, a := range d.Archive {
		names = append(names, a.AsPrinted, a.Repository.ID)
	}
	names = append(names, d.Collection, docKindLabel(d.Kind))
	names = append(names, outsideNames(s, d)...)
	for _, w := range slices.Concat(d.Translations, d.KnownThrough, d.PublishedIn) {
		if work := s.Works[w.Work.ID]; work != nil {
			names = append(names, site.WorkShort(work))
		}
	}
	return compact(names)
}

// outsideHTML is the Markdown of the blocks from outside the article as
// rendered: the summary, remarks, disagreements, why no text is public.
func outsideHTML(s *site.Site, d *content.Document) []string {
	keys := []string{"doc-sum/" + d.ID, "doc-tr/" + d.ID, "doc-why/" + d.ID}
	for i := range d.PublicTexts {
		keys = append(keys, "doc-pt/"+d.ID+"/"+strconv.Itoa(i))
	}
	for i := range d.Disagreements {
		n := strconv.Itoa(i)
		keys = append(keys, "doc-dis-a/"+d.ID+"/"+n, "doc-dis-r/"+d.ID+"/"+n, "doc-dis/"+d.ID+"/"+n)
	}
	var out []string
	for _, k := range keys {
		if h := s.HTML[k]; h != "" {
			out = append(out, string(h))
		}
	}
	return out
}

// outsideNames are what a document is found by from outside the
// article: the telegram number, the titles public records give it,
// further archival copies and the persons on its distribution list.
func outsideNames(s *site.Site, d *content.Document) []string {
	var names []string
	tr := d.Transmission
	if tr.Number != "" {
		names = append(names, tr.Number, "No. "+tr.Number)
	}
	var copied []string
	for _, c := range tr.Copies {
		names = append(names, c.Name, c.AsWritten)
		copied = append(copied, c.Person.ID)
	}
	names = append(names, personNames(s, copied)...)
	for _, t := range d.PublicTexts {
		names = append(names, t.Title)
	}
	for _, a := range d.ArchivalCopies {
		names = append(names, a.AsRecorded, a.Repository.ID)
	}
	return names
}

// documentFacts says who wrote to whom, with names as written, for the
// start of the snippet: "From Nikolai Roshchin to Joseph Stalin (as
// Filippov). SD00278."
func documentFacts(s *site.Site, d *content.Document) string {
	var parts []string
	if from := parties(s, d.From); from != "" {
		parts = append(parts, "From "+from)
	}
	if to := parties(s, d.To); to != "" {
		parts = append(parts, "to "+to)
	}
	facts := strings.Join(parts, " ")
	if facts != "" {
		facts = capitalize(facts) + "."
	}
	if d.Collection != "" {
		facts = strings.TrimSpace(facts + " " + d.Collection + ".")
	}
	return facts
}

// parties names senders or recipients: "Joseph Stalin (as Filippov)".
func parties(s *site.Site, ps []content.Party) string {
	var names []string
	for _, p := range ps {
		name := p.Name
		if person := s.Persons[p.Person.ID]; person != nil {
			name = person.Name
		}
		if p.AsWritten != "" && p.AsWritten != name {
			name += " (as " + p.AsWritten + ")"
		}
		if name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

func personItem(s *site.Site, p *content.Person) Item {
	text := []string{p.Role}
	if len(p.Aliases) > 0 {
		text = append(text, "Also called "+strings.Join(p.Aliases, ", ")+".")
	}
	if len(p.Spellings) > 0 {
		text = append(text, "Also written "+strings.Join(p.Spellings, ", ")+".")
	}
	if len(p.OtherSpellings) > 0 {
		text = append(text, "Elsewhere spelt "+strings.Join(p.OtherSpellings, ", ")+" (not printed in the sources).")
	}
	text = append(text, PlainText(string(s.HTML["person/"+p.ID])))
	return Item{Kind: KindPerson, ID: p.ID, Label: "Person", Title: p.Name, URL: site.PersonPath(p.ID),
		Aliases: compact(slices.Concat(p.Aliases, p.Spellings, p.OtherSpellings)), Names: compact([]string{p.SortName, p.Country}),
		Text: joinText(text)}
}

func noteItem(s *site.Site, n *site.NoteInfo) Item {
	num := strconv.Itoa(n.Number)
	text := PlainText(string(s.HTML["note/"+num]))
	comment := PlainText(string(s.HTML["note-comment/"+num]))
	// The section's title is the label, not part of the title, so that a
	// word of it does not rank every note of the section as a title match.
	it := Item{Kind: KindNote, ID: num, Label: "Note · " + n.Section.Title, Title: "Note " + num,
		URL: site.NotePath(n.Number), Text: joinText([]string{text, n.Context, comment, n.Uncited})}
	var people []string
	for _, r := range s.NoteRefs[n.Number] {
		if r.Kind == "person" {
			people = append(people, r.ID)
		}
	}
	it.Names = compact(append(personNames(s, people), n.Section.Title))
	return it
}

func eventItem(s *site.Site, e *content.Event) Item {
	text := []string{e.Summary}
	var people []string
	for _, p := range e.Persons {
		people = append(people, p.ID)
	}
	for i := range e.EditorialNotes {
		h := string(s.HTML["event-ed/"+e.ID+"/"+strconv.Itoa(i)])
		text = append(text, PlainText(h))
		people = append(people, personLinks(h)...)
	}
	return Item{Kind: KindEvent, ID: e.ID, Label: "Event", Title: e.Title, URL: s.EventURL(e.ID),
		Date: e.Date.Display(), When: e.Date, Names: compact(personNames(s, people)), Text: joinText(text)}
}

func workItem(s *site.Site, w *content.Work) Item {
	title := w.Title
	if w.TitleTranslation != "" {
		title += " (" + w.TitleTranslation + ")"
	}
	text := []string{strings.ReplaceAll(w.AsPrinted, "*", "")}
	for i := range w.EditorialNotes {
		text = append(text, PlainText(string(s.HTML["work-ed/"+w.ID+"/"+strconv.Itoa(i)])))
	}
	names := slices.Concat(w.Authors, w.Editors, []string{w.Sort, w.Container, w.Publisher, w.Place})
	when, _ := histdate.Parse(w.Year) // a year such as "1995/1996"; anything else is left undated
	return Item{Kind: KindWork, ID: w.ID, Label: "Bibliography · " + w.Type, Title: title, URL: site.WorkURL(w.ID),
		Date: w.Year, When: when, Names: compact(names), Text: joinText(text)}
}

// personNames lists every name of the persons ids: display name, sort
// name, aliases and spellings. Unknown ids are skipped.
func personNames(s *site.Site, ids []string) []string {
	var names []string
	for _, id := range ids {
		if p := s.Persons[id]; p != nil {
			names = append(names, p.Name, p.SortName)
			names = append(names, p.Aliases...)
			names = append(names, p.Spellings...)
			names = append(names, p.OtherSpellings...)
		}
	}
	return names
}

// personLinks returns the ids of the persons an HTML fragment links to.
func personLinks(fragment string) []string {
	const prefix = `href="` + site.RootMarker + "persons/"
	var ids []string
	for {
		_, after, ok := strings.Cut(fragment, prefix)
		if !ok {
			return ids
		}
		id, _, _ := strings.Cut(after, ".html")
		if content.ValidID(id) {
			ids = append(ids, id)
		}
		fragment = after
	}
}

func sortedPersons(s *site.Site) []*content.Person {
	ps := slices.Clone(s.Ed.Persons)
	slices.SortFunc(ps, func(a, b *content.Person) int {
		return cmp.Or(cmp.Compare(textfold.String(a.SortName), textfold.String(b.SortName)), cmp.Compare(a.ID, b.ID))
	})
	return ps
}

func sortedEvents(s *site.Site) []*content.Event {
	es := slices.Clone(s.Ed.Events)
	slices.SortFunc(es, func(a, b *content.Event) int {
		return cmp.Or(histdate.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
	})
	return es
}

func sortedWorks(s *site.Site) []*content.Work {
	ws := slices.Clone(s.Ed.Works)
	slices.SortFunc(ws, func(a, b *content.Work) int {
		return cmp.Or(cmp.Compare(textfold.String(a.Sort), textfold.String(b.Sort)), cmp.Compare(a.Year, b.Year), cmp.Compare(a.ID, b.ID))
	})
	return ws
}

// docKindLabel is a document kind for readers, as render.KindLabel
// words it.
func docKindLabel(kind string) string {
	switch kind {
	case "conversation-record":
		return "record of conversation"
	}
	return strings.ReplaceAll(kind, "-", " ")
}

// capitalize upper-cases the first letter of an ASCII phrase.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// joinText joins the non-empty pieces of text with spaces, ending a
// piece that ends in a letter or digit with a full stop so that pieces
// read as sentences in a snippet.
func joinText(pieces []string) string {
	var out []string
	for _, p := range pieces {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(p); unicode.IsLetter(r) || unicode.IsDigit(r) {
			p += "."
		}
		out = append(out, p)
	}
	return strings.Join(out, " ")
}

// compact drops empty and repeated strings, keeping the first of each.
func compact(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// DocumentItem returns the item of document id and its place among
// Items(s), for Built.Update after an edit of the document's prose; ok is
// false if the site has no such document.
func DocumentItem(s *site.Site, id string) (i int, it Item, ok bool) {
	for i, d := range s.DocsByDate {
		if d.ID == id {
			return i, documentItem(s, d), true
		}
	}
	return 0, Item{}, false
}
