// Package site turns the decoded content into the edition as a graph:
// indexes by id, every reference checked and resolved, backlinks, and all
// Markdown rendered once. Package render then only lays pages out.
//
// The order follows Zola's: index everything, check every reference in
// front matter, render and resolve every Markdown fragment (in parallel),
// then derive the reverse indexes from the references found.
package site

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/subject"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// RootMarker stands for the path from a page to the site root in rendered
// fragments. A fragment is rendered once and may appear on pages at
// different depths; the page writer replaces the marker.
const RootMarker = "@@root@@/"

// Site is the edition ready to render.
type Site struct {
	Ed *content.Edition

	Docs      map[string]*content.Document
	Persons   map[string]*content.Person
	Works     map[string]*content.Work
	Events    map[string]*content.Event
	Sections  map[string]*content.Section
	Conflicts map[string]*content.Conflict
	Terms     map[string]*content.Term
	Archives  map[string]*content.Archive
	Packets   map[string]*content.Packet
	Notes     map[int]*NoteInfo

	// Sorted views.
	DocsByDate     []*content.Document
	NoteList       []*NoteInfo
	SortedSections []*content.Section
	docRank        map[string]int // document id → its place in DocsByDate

	// Name lookups: every name, alias and spelling of a person, folded.
	PersonByName map[string]string

	// Reverse indexes, each list sorted and without duplicates.
	DocCitedIn      map[string][]int    // document → notes citing it
	DocReferencedBy map[string][]string // document → documents referring to it
	WorkCitedIn     map[string][]int    // work → notes citing it
	DocEvents       map[string][]string // document → events it attests
	DocConflicts    map[string][]string // document → conflicts involving it
	NoteEvents      map[int][]string    // note → events it attests
	PersonSent      map[string][]string // person → documents sent
	PersonReceived  map[string][]string
	PersonCopied    map[string][]string // person → documents of which a record says they got a copy, not addressed to them
	PersonMentioned map[string][]string
	PersonNotes     map[string][]int
	PersonEvents    map[string][]string
	NoteRefs        map[int][]Ref // note → its cited targets, in order

	// HTML holds every rendered Markdown fragment by key (see fragment).
	HTML map[string]template.HTML

	fragRefs map[subject.Subject][]Ref // owner → references in its Markdown
	ids      map[subject.Kind][]string // sorted ids (notes in order), see sortedIDs
	render   renderState               // how the fragments were rendered
	once     bool                      // built by BuildOnce

	// timelineYears counts the entries of each year of the whole timeline.
	timelineYears map[string]int

	parts parts // what a rebuild may reuse, see reuse.go
}

// NoteInfo is a note with its section.
type NoteInfo struct {
	*content.Note
	Section *content.Section
}

// Ref is a resolved reference found in Markdown.
type Ref struct {
	subject.Subject
	Label string // the link text as written, "" when defaulted
}

// String returns the reference as written: "doc:ID" or "doc:ID|label".
func (r Ref) String() string {
	if r.Label == "" {
		return r.Subject.String()
	}
	return r.Subject.String() + "|" + r.Label
}

// BuildCached indexes ed, checks every reference and renders all
// Markdown. Problems are added to diags; the Site is complete as far as
// the content allows even when there are errors, so a preview can still
// show it.
//
// It reuses the fragments in cache that are still valid and stores the
// ones it renders; a nil cache renders everything. The result is the
// same either way.
func BuildCached(ed *content.Edition, conv *markdown.Converter, cache *FragmentCache, diags *diag.List) *Site {
	return build(nil, ed, conv, cache, false, diags)
}

// Rebuild is BuildCached after an edit: it also reuses the parts of the
// site prev (nil for none) that were derived from inputs the edit left
// as they were, which ed shares with prev's edition when both come from
// one content.Cache (see reuse.go). The result is the same as
// BuildCached's; prev is not changed.
func Rebuild(prev *Site, ed *content.Edition, conv *markdown.Converter, cache *FragmentCache, diags *diag.List) *Site {
	return build(prev, ed, conv, cache, false, diags)
}

// BuildOnce is BuildCached without a cache, for a build that makes every
// page of the site once and nothing after (cmd/build's): what only the
// checks of the graph or a rebuild after an edit read is dropped as soon
// as the graph is done with it, so that the largest heap of the build is
// smaller. The key positions of the edition's entries (see
// content.ForgetPositions) go once the front matter is checked, and the
// file text of each body (Body.Src and Body.Raw of documents, persons,
// sections, conflicts and pages; the documents' are about half of what
// a generated edition's graph holds while its Markdown renders) as soon
// as it is rendered without problems: a document's source page reads
// its file again. The site keeps no record of its fragments' references
// once the backlinks are derived from them, which only a rebuild after
// an edit reads (ReplaceBody, FragmentSubjects, Neighbours, Rebuild).
func BuildOnce(ed *content.Edition, conv *markdown.Converter, diags *diag.List) *Site {
	return build(nil, ed, conv, nil, true, diags)
}

// build is Rebuild, and with once set, BuildOnce.
func build(prev *Site, ed *content.Edition, conv *markdown.Converter, cache *FragmentCache, once bool, diags *diag.List) *Site {
	s := &Site{Ed: ed, once: once}
	// What needs no other part runs beside it on a goroutine of its
	// own, so that a core does not wait: the documents' fragments are
	// listed while the edition is indexed and checked, the backlinks of
	// front matter derived while the fragments render, and their HTML
	// recorded while the backlinks of their references are derived.
	var wg sync.WaitGroup
	var docs []fragment
	wg.Go(func() { docs = s.docFragments() })
	s.index(prev, diags)
	s.checkFrontMatter(diags)
	wg.Wait()
	if once {
		// Only the checks of the load, of index and of checkFrontMatter
		// report at a key's position.
		content.ForgetPositions(ed)
	}
	var front *frontLinks
	wg.Go(func() {
		front = frontLinksOf(prev, frontInputs{docs: ed.Documents, events: ed.Events, conflicts: ed.Conflicts, order: s.parts.order})
	})
	frags, results := s.renderAll(conv, cache, docs)
	wg.Wait()
	s.setFrontLinks(front)
	wg.Go(func() { s.collectHTML(frags, results, diags) })
	s.collectRefs(frags, results)
	s.setMarkdownLinks(markdownLinksOf(prev, s.markdownInputs()))
	if once {
		s.fragRefs = nil  // read since only by Neighbours, for a rebuild
		s.parts = parts{} // their inputs hold the references too
	}
	wg.Wait()
	s.checkCoverage(diags)
	return s
}

func byID[T any](items []*T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(items))
	for _, it := range items {
		m[id(it)] = it
	}
	return m
}

// index indexes the edition, reusing prev's date order of the documents
// when it has the same documents.
func (s *Site) index(prev *Site, diags *diag.List) {
	ed := s.Ed
	s.parts.order = dateOrderOf(prev, ed.Documents)
	s.Docs = s.parts.order.byID
	s.Persons = byID(ed.Persons, func(p *content.Person) string { return p.ID })
	s.Works = byID(ed.Works, func(w *content.Work) string { return w.ID })
	s.Events = byID(ed.Events, func(e *content.Event) string { return e.ID })
	s.Sections = byID(ed.Sections, func(x *content.Section) string { return x.ID })
	s.Conflicts = byID(ed.Conflicts, func(c *content.Conflict) string { return c.ID })
	s.Terms = byID(ed.Terms, func(t *content.Term) string { return t.ID })
	s.Archives = byID(ed.Archives, func(a *content.Archive) string { return a.ID })
	s.Packets = byID(ed.Packets, func(p *content.Packet) string { return p.ID })

	s.SortedSections = slices.Clone(ed.Sections)
	slices.SortFunc(s.SortedSections, func(a, b *content.Section) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), cmp.Compare(a.ID, b.ID))
	})
	s.Notes = map[int]*NoteInfo{}
	for _, sec := range s.SortedSections {
		for i := range sec.Notes {
			n := &sec.Notes[i]
			if prev, dup := s.Notes[n.Number]; dup {
				if prev.Pos.File == n.Pos.File {
					diags.Errorf(n.Pos, "note %d is defined twice (first on line %d)", n.Number, prev.Pos.Line)
				} else {
					diags.Errorf(n.Pos, "note %d is defined twice (first in %s:%d)", n.Number, prev.Pos.File, prev.Pos.Line)
				}
				continue
			}
			info := &NoteInfo{Note: n, Section: sec}
			s.Notes[n.Number] = info
			s.NoteList = append(s.NoteList, info)
		}
	}
	slices.SortFunc(s.NoteList, func(a, b *NoteInfo) int { return cmp.Compare(a.Number, b.Number) })

	s.DocsByDate, s.docRank = s.parts.order.byDate, s.parts.order.rank
	s.indexTimelineYears()
	s.ids = s.sortedIDs()
	s.indexNames(diags)
}

// CompareDocs orders documents by date, undated last, then title, then id.
func CompareDocs(a, b *content.Document) int {
	return cmp.Or(histdate.Compare(a.Date, b.Date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
}

// Fold is the key names are matched, kept unique and sorted by. It is
// built on the edition's one letter rule, textfold (lowercase, no
// diacritics: "Vyšinskii" and "VYSHINSKII" both give "vyshinskii"), and
// keeps only the words of the folded text, joined by single spaces. A
// word is a run of letters, digits and marks; an apostrophe is dropped
// ("Ch'oe" gives "choe") and any other character separates words
// ("Kim Il-sung" gives "kim il sung"), as in the search terms
// internal/search cuts from the same folded text.
func Fold(s string) string {
	rs := textfold.Runes(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a separator was seen since the last word
	for _, r := range rs {
		switch {
		case r == '\'':
			// Dropped: "Ch'oe" and "Choe" meet.
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

func (s *Site) indexNames(diags *diag.List) {
	s.PersonByName = map[string]string{}
	claim := func(name, id string, pos diag.Position, what string) {
		f := Fold(name)
		if f == "" {
			return
		}
		if other, ok := s.PersonByName[f]; ok && other != id {
			diags.Errorf(pos, "%s %q is already claimed by person %q", what, name, other)
			return
		}
		s.PersonByName[f] = id
	}
	for _, p := range s.Ed.Persons {
		claim(p.Name, p.ID, at(p.KeyPos, "name", p.Pos), "name")
	}
	for _, p := range s.Ed.Persons {
		for _, a := range p.Aliases {
			claim(a, p.ID, at(p.KeyPos, "aliases", p.Pos), "alias")
		}
		for _, a := range p.Spellings {
			claim(a, p.ID, at(p.KeyPos, "spellings", p.Pos), "spelling")
		}
		for _, a := range p.OtherSpellings {
			claim(a, p.ID, at(p.KeyPos, "other_spellings", p.Pos), "other spelling")
		}
	}
}

func at(keys map[string]diag.Position, key string, def diag.Position) diag.Position {
	if p, ok := keys[key]; ok {
		return p
	}
	return def
}

// sortedUnique sorts a list and removes repeats.
func sortedUnique[T cmp.Ordered](xs []T) []T {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// NoteLabel is how a note is named in running text.
func NoteLabel(n int) string { return "note " + strconv.Itoa(n) }
