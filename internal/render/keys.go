package render

import (
	"strconv"
	"strings"
)

// The Key methods name the data of partials executed by partialCached
// (templates/partials.html). A key holds every field the partial shows,
// so that a key names one rendering and the preview may keep a partial's
// markup from one build to the next: a changed entry has a new key.

// Key names a timeline entry for the "entry" partial.
func (e TimelineEntry) Key() string {
	if e.key != "" {
		return e.key
	}
	return e.makeKey()
}

func (e TimelineEntry) makeKey() string {
	k := join(e.Anchor, e.Filter, e.Persons, e.Date.Display, e.Date.ISO, e.Date.Precision,
		e.Kind, e.URL, e.Title, e.Parties, e.Summary)
	for _, l := range e.Attested {
		k += "\x01" + l.Key()
	}
	return k
}

// Key names a row of the documents lists for the "docrow" partial.
func (r DocRow) Key() string {
	return join(r.Persons, r.Date, r.DateISO, r.URL, r.Text, r.Kind, r.Parties, r.Listy, r.Collection)
}

// Key names a note for the "notebody" partial.
func (n NoteView) Key() string {
	var b strings.Builder
	b.WriteString(join(n.Anchor, string(n.Text), n.Context, string(n.Comment), n.Uncited))
	for _, links := range [][]Link{n.Reported, n.Events} {
		for _, l := range links {
			b.WriteString(join("", l.URL, l.Text, l.Note))
		}
		b.WriteString("\x01")
	}
	return b.String()
}

// Key names a link to a note.
func (n NoteLink) Key() string {
	return join(strconv.Itoa(n.N), n.URL, n.PageURL, n.Section, strconv.FormatBool(n.Available))
}

// Key names a sender or recipient for the "party" partial.
func (p PartyView) Key() string { return join(p.AsWritten, p.Lang, p.Name, p.URL) }

// Key names a note's wording of a document for the "cited-as" partial.
func (c CitedAs) Key() string { return join(c.Note.Key(), c.Text) }

// Key names a metadata tag.
func (m Meta) Key() string { return join(m.Name, m.Content) }

// Key names a link for the "link-item" partial.
func (l Link) Key() string { return join(l.URL, l.Text, l.Note) }

func join(parts ...string) string { return strings.Join(parts, "\x00") }
