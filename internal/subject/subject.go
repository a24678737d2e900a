// Package subject names what a page, a reference or a piece of Markdown
// of the edition is about: a kind (document, person, note …) and an id.
//
// Its text form is the one cross-references are written in, "doc:ID",
// "person:ID", "note:59": the form of [[doc:ID]] in Markdown and of
// targets in front matter. Every package passes subjects as values and
// spells them only where text is read or written: the Markdown extension
// (markdown/xref) hands on kinds as written, knowing nothing of the
// edition, and the site's resolver reads them with ParseKind; content
// reads front-matter targets with Parse.
package subject

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of a subject. The zero Kind is no kind.
type Kind uint8

// The kinds of subject. Archives are named only in front matter, pages
// (content/pages) only as owners of Markdown and entries that failed to
// load.
const (
	None Kind = iota
	Document
	Person
	Note
	Work
	Event
	Section
	Conflict
	Term
	Packet
	Archive
	Page
)

// kinds holds, for each kind, its text form, the noun messages use, and
// whether references may name it: Markdown may name every kind but
// archives and pages; front matter may name archives too.
var kinds = [...]struct {
	text, noun string
	markdown   bool // a [[kind:id]] reference may name it
	parsed     bool // Parse reads it
}{
	None:     {"", "", false, false},
	Document: {"doc", "document", true, true},
	Person:   {"person", "person", true, true},
	Note:     {"note", "note", true, true},
	Work:     {"work", "bibliography entry", true, true},
	Event:    {"event", "event", true, true},
	Section:  {"section", "essay section", true, true},
	Conflict: {"conflict", "conflict", true, true},
	Term:     {"term", "glossary term", true, true},
	Packet:   {"packet", "packet", true, true},
	Archive:  {"archive", "archive", false, true},
	Page:     {"page", "page", false, false},
}

// String returns the kind as references write it: "doc", "person".
func (k Kind) String() string {
	if int(k) < len(kinds) {
		return kinds[k].text
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Noun names the kind for readers of a message: "document",
// "bibliography entry", "essay section".
func (k Kind) Noun() string {
	if int(k) < len(kinds) {
		return kinds[k].noun
	}
	return k.String()
}

// Referable lists, in the order messages offer them, the kinds that a
// cross-reference in Markdown may name.
func Referable() []Kind {
	var out []Kind
	for k := range kinds {
		if kinds[k].markdown {
			out = append(out, Kind(k))
		}
	}
	return out
}

// Names returns the text forms of kinds, for messages and suggestions.
func Names(ks []Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.String()
	}
	return out
}

// ParseKind returns the kind a reference spells as text, for the kinds
// references may name (Referable and Archive); ok is false otherwise.
func ParseKind(text string) (k Kind, ok bool) {
	for k := range kinds {
		if kinds[k].parsed && kinds[k].text == text {
			return Kind(k), true
		}
	}
	return None, false
}

// Subject is one thing of the edition: a document, a person, a note …
// The zero Subject is no subject (a page about the whole edition).
type Subject struct {
	Kind Kind
	ID   string // a note's number in decimal
}

// Of returns the subject of kind and id.
func Of(kind Kind, id string) Subject { return Subject{Kind: kind, ID: id} }

// NoteOf returns the subject of note n.
func NoteOf(n int) Subject { return Subject{Kind: Note, ID: strconv.Itoa(n)} }

// Number returns the number of a note subject, and false for any other
// subject or an id that is not a number.
func (s Subject) Number() (int, bool) {
	if s.Kind != Note {
		return 0, false
	}
	n, err := strconv.Atoi(s.ID)
	return n, err == nil
}

// IsZero reports whether s is no subject.
func (s Subject) IsZero() bool { return s == Subject{} }

// String returns the text form "kind:id", or "" for the zero Subject.
func (s Subject) String() string {
	if s.IsZero() {
		return ""
	}
	return s.Kind.String() + ":" + s.ID
}

// ErrSyntax is returned by Parse for text not of the form "kind:id".
var ErrSyntax = errors.New("want kind:id")

// Parse reads the text form "kind:id". The kind must be one ParseKind
// accepts and the id must not be empty; the id is otherwise as written.
// An error wraps ErrSyntax when text is not "kind:id" at all; for an
// unknown kind, the Subject returned still holds the id.
func Parse(text string) (Subject, error) {
	kind, id, ok := strings.Cut(text, ":")
	if !ok || kind == "" || id == "" {
		return Subject{}, fmt.Errorf("%q: %w", text, ErrSyntax)
	}
	k, ok := ParseKind(kind)
	if !ok {
		return Subject{ID: id}, fmt.Errorf("unknown kind %q in %q", kind, text)
	}
	return Subject{Kind: k, ID: id}, nil
}
