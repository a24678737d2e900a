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

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/markdown"
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

	fragRefs map[string][]Ref    // owner "kind:id" → references in its Markdown
	ids      map[string][]string // kind → sorted ids (notes in order), see sortedIDs
	render   renderState         // how the fragments were rendered
}

// NoteInfo is a note with its section.
type NoteInfo struct {
	*content.Note
	Section *content.Section
}

// Ref is a resolved reference found in Markdown.
type Ref struct {
	Kind, ID string
	Label    string // the link text as written, "" when defaulted
}

// Build indexes ed, checks every reference and renders all Markdown.
// Problems are added to diags; the Site is complete as far as the content
// allows even when there are errors, so a preview can still show it.
func Build(ed *content.Edition, conv *markdown.Converter, diags *diag.List) *Site {
	return BuildCached(ed, conv, nil, diags)
}

// BuildCached is Build reusing the fragments in cache that are still
// valid and storing the ones it renders; a nil cache renders everything.
// The result is the same either way.
func BuildCached(ed *content.Edition, conv *markdown.Converter, cache *FragmentCache, diags *diag.List) *Site {
	s := &Site{Ed: ed}
	s.index(diags)
	s.checkFrontMatter(diags)
	s.renderAll(conv, cache, diags)
	s.reverse()
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

func (s *Site) index(diags *diag.List) {
	ed := s.Ed
	s.Docs = byID(ed.Documents, func(d *content.Document) string { return d.ID })
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

	s.DocsByDate = slices.Clone(ed.Documents)
	slices.SortFunc(s.DocsByDate, CompareDocs)
	s.docRank = make(map[string]int, len(s.DocsByDate))
	for i, d := range s.DocsByDate {
		if s.Docs[d.ID] == d { // of two documents with one id, the one Docs holds
			s.docRank[d.ID] = i
		}
	}
	s.ids = s.sortedIDs()
	s.indexNames(diags)
}

// CompareDocs orders documents by date, undated last, then title, then id.
func CompareDocs(a, b *content.Document) int {
	return cmp.Or(histdate.Compare(a.Date, b.Date), cmp.Compare(a.Title, b.Title), cmp.Compare(a.ID, b.ID))
}

// Fold reduces a name for matching: lowercase, without diacritics or
// punctuation, so "Vyshinskii", "vyshinskii" and "Vyšinskij"-style
// variants meet where they should.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if base, ok := foldRune[r]; ok {
			r = base
		}
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var foldRune = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'ā': 'a', 'ă': 'a',
	'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'ě': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i',
	'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ō': 'o', 'ŏ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u', 'ŭ': 'u',
	'ç': 'c', 'č': 'c', 'š': 's', 'ž': 'z', 'ñ': 'n', 'ý': 'y', 'ř': 'r',
	'’': 0, '\'': 0, 'ʼ': 0,
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
