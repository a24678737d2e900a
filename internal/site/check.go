package site

import (
	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/subject"
)

// checker reports references in front matter to ids that do not exist,
// with the closest existing id as a suggestion.
type checker struct {
	s     *Site
	diags *diag.List
	ids   map[subject.Kind][]string // sorted ids of each kind, for suggestions (Site.ids)
}

func (s *Site) checkFrontMatter(diags *diag.List) {
	c := &checker{s: s, diags: diags, ids: s.ids}
	for _, d := range s.Ed.Documents {
		c.document(d)
	}
	for _, e := range s.Ed.Events {
		c.notes(e.Notes)
		c.refs(subject.Document, e.Documents...)
		c.refs(subject.Person, e.Persons...)
	}
	for _, cf := range s.Ed.Conflicts {
		c.notes(cf.Notes)
		for _, a := range cf.Accounts {
			c.target(a.Source)
		}
	}
	for _, sec := range s.Ed.Sections {
		for _, n := range sec.Notes {
			c.refs(subject.Document, n.Documents...)
		}
	}
	for _, pk := range s.Ed.Packets {
		for _, it := range pk.Items {
			if it.Doc.ID != "" {
				c.refs(subject.Document, it.Doc)
			}
			if it.Section.ID != "" {
				c.refs(subject.Section, it.Section)
			}
			if it.Note.N != 0 {
				c.notes([]content.NoteRef{it.Note})
			}
		}
	}
	for _, r := range s.Ed.Redirects {
		c.target(r.To)
	}
}

func (c *checker) document(d *content.Document) {
	for _, parties := range [][]content.Party{d.From, d.To} {
		for _, p := range parties {
			if p.Person.ID != "" {
				c.refs(subject.Person, p.Person)
			}
		}
	}
	c.refs(subject.Person, d.Mentions...)
	c.refs(subject.Document, d.Related...)
	for _, a := range d.Archive {
		c.refs(subject.Archive, a.Repository)
		if a.Note.N != 0 {
			c.notes([]content.NoteRef{a.Note})
		}
	}
	for _, works := range [][]content.WorkPages{d.Translations, d.KnownThrough, d.PublishedIn} {
		for _, w := range works {
			c.refs(subject.Work, w.Work)
		}
	}
	for _, q := range d.Quotations {
		if q.Note.N != 0 {
			c.notes([]content.NoteRef{q.Note})
		}
	}
	c.outside(d)
}

// outside checks the ids named by the blocks from outside the article.
func (c *checker) outside(d *content.Document) {
	for _, t := range d.PublicTexts {
		c.refs(subject.Work, t.Where)
	}
	for _, a := range d.ArchivalCopies {
		c.refs(subject.Archive, a.Repository)
	}
	for _, cp := range d.Transmission.Copies {
		if cp.Person.ID != "" {
			c.refs(subject.Person, cp.Person)
		}
	}
	for _, x := range d.Disagreements {
		c.notes(x.Notes)
		if x.Conflict.ID != "" {
			c.refs(subject.Conflict, x.Conflict)
		}
	}
}

// failed reports whether subj may exist but could not be decoded, so
// that a reference to it is not reported as unknown: its own file's
// errors are. A note may be in any essay section that failed.
func (s *Site) failed(subj subject.Subject) bool {
	if subj.Kind != subject.Note {
		return s.Ed.Failed[subj] || s.Ed.Failed[subject.Of(subj.Kind, content.AllOfKind)]
	}
	for k := range s.Ed.Failed {
		if k.Kind == subject.Section {
			return true
		}
	}
	return false
}

// Exists reports whether subj names something in the edition.
func (s *Site) Exists(subj subject.Subject) bool {
	_, ok := s.target(subj)
	return ok
}

// target reports whether subj names something in the edition and, if
// so, its default title as Locate gives it, except for a note, whose
// title follows from its id and is left out. Unlike Locate it makes no
// path, so checking the fragment cache's dependencies allocates little.
func (s *Site) target(subj subject.Subject) (title string, ok bool) {
	id := subj.ID
	switch subj.Kind {
	case subject.Document:
		return titleOf(s.Docs[id], func(d *content.Document) string { return d.Title })
	case subject.Person:
		return titleOf(s.Persons[id], func(p *content.Person) string { return p.Name })
	case subject.Work:
		return titleOf(s.Works[id], WorkShort)
	case subject.Event:
		return titleOf(s.Events[id], func(e *content.Event) string { return e.Title })
	case subject.Section:
		return titleOf(s.Sections[id], func(x *content.Section) string { return x.Title })
	case subject.Conflict:
		return titleOf(s.Conflicts[id], func(c *content.Conflict) string { return c.Title })
	case subject.Term:
		return titleOf(s.Terms[id], func(t *content.Term) string { return t.Term })
	case subject.Archive:
		return "", s.Archives[id] != nil
	case subject.Packet:
		return titleOf(s.Packets[id], func(p *content.Packet) string { return p.Title })
	case subject.Note:
		n, ok := subj.Number()
		return "", ok && s.Notes[n] != nil
	}
	return "", false
}

// titleOf returns title(x) and true, or false for a nil x.
func titleOf[T any](x *T, title func(*T) string) (string, bool) {
	if x == nil {
		return "", false
	}
	return title(x), true
}

// refKinds lists the reference kinds, for messages.
var refKinds = subject.Names(subject.Referable())

func (c *checker) refs(kind subject.Kind, refs ...content.Ref) {
	for _, r := range refs {
		if subj := subject.Of(kind, r.ID); !c.s.Exists(subj) && !c.s.failed(subj) {
			c.diags.Errorf(r.Pos, "unknown %s %q%s", kind.Noun(), r.ID, diag.Suggest(r.ID, c.ids[kind]))
		}
	}
}

func (c *checker) notes(refs []content.NoteRef) {
	for _, r := range refs {
		if c.s.Notes[r.N] == nil && !c.s.failed(subject.NoteOf(r.N)) {
			c.diags.Errorf(r.Pos, "unknown note %d", r.N)
		}
	}
}

func (c *checker) target(t content.Target) {
	if t.Kind == subject.None {
		kind := t.WrittenKind()
		c.diags.Errorf(t.Pos, "unknown reference kind %q in %q; use one of %v%s", kind, t.Text, refKinds, diag.Suggest(kind, refKinds))
		return
	}
	if t.Kind == subject.Note {
		n, _ := t.Number() // not a number: unknown note 0
		c.notes([]content.NoteRef{{N: n, Pos: t.Pos}})
		return
	}
	c.refs(t.Kind, content.Ref{ID: t.ID, Pos: t.Pos})
}

// checkCoverage reports notes that cite nothing and documents no note
// cites, and gaps in the note numbering. It is skipped while some file
// could not be decoded, as the citations it needs may be in that file.
func (s *Site) checkCoverage(diags *diag.List) {
	if len(s.Ed.Failed) > 0 {
		return
	}
	for _, n := range s.NoteList {
		if len(s.NoteRefs[n.Number]) == 0 && len(n.Documents) == 0 && n.Uncited == "" {
			diags.Errorf(n.Pos, "note %d cites nothing: wrap its sources in [[doc:…|…]] or [[work:…|…]], or say why with uncited:", n.Number)
		}
	}
	for _, d := range s.Ed.Documents {
		if len(s.DocCitedIn[d.ID]) == 0 {
			diags.Warnf(d.Pos, "document is not cited by any note")
		}
	}
	for i, n := range s.NoteList {
		if want := i + 1; n.Number != want {
			diags.Warnf(n.Pos, "note numbering jumps to %d; note %d is missing", n.Number, want)
			break
		}
	}
}
