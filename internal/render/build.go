package render

import (
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/korean-war-sources/edition/internal/citation"
	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render/highlight"
	"github.com/korean-war-sources/edition/internal/site"

	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/subject"
)

// builder turns the site into page views.
type builder struct {
	s    *site.Site
	site *SiteView
	opts Options
	hl   *highlight.Highlighter // shared by the source views
	lex  *citation.Lexicon      // proper nouns of BibTeX titles

	// Computed once for all the pages that show a part of them, when a
	// page first needs them: a rebuild in the preview makes only the
	// pages a contributor looks at, which may show neither.
	timeline       func() wholeTimeline
	correspondence func() site.Network
}

// wholeTimeline is the timeline of the whole edition.
type wholeTimeline struct {
	entries []TimelineEntry
	// byPerson holds, by person id, the positions in entries of the
	// entries involving the person: at 10,000 documents the entries
	// themselves, copied once per person, would take 20 MB.
	byPerson map[string][]int32
}

// Options choose optional parts of the site and say what pages link
// to among the files made beside them (the search index, the open-data
// tables), which other packages make: pages are told of those files,
// as plain data, and never make them.
type Options struct {
	// Archive offers the whole site as one zip file on the data page.
	Archive bool
	// SearchManifest is the path of the search index's manifest, the
	// script the search page loads first.
	SearchManifest string
	// Tables, if set, returns the open-data tables the data page
	// lists. It is called when that page is made, so that a rebuild
	// makes the tables only when a page or file needs them.
	Tables func() []Table
	// ReadSource, if set, gives a document's file text to its source
	// page, in place of content.Body.Raw: a build that makes every page
	// once can so drop the texts once the site graph is built and read
	// each again when its source page is made.
	ReadSource func(d *content.Document) (string, error)
}

func (b *builder) page(typ, path, title, nav string) *Page {
	return &Page{Type: typ, Path: path, Title: title, Nav: nav, Site: b.site, Canonical: b.canonical(path)}
}

func (b *builder) canonical(path string) string {
	if b.s.Ed.Site.BaseURL == "" {
		return ""
	}
	return b.absURL(path)
}

// editURL is the "Edit this page" link of a content file. The file's
// path in the repository is content/ and its path in the content folder,
// whatever folder the build was given (-content ../elsewhere).
func (b *builder) editURL(file string) string {
	t := b.s.Ed.Site.EditURL
	if t == "" {
		return ""
	}
	rel := strings.TrimPrefix(file, path.Clean(b.s.Ed.Root)+"/")
	return strings.ReplaceAll(t, "{path}", path.Join("content", rel))
}

// View makes the views of one or a few pages.
type View struct {
	// Subject is what the pages show: a document (its page and
	// source), person, essay section, note, conflict or packet; the zero
	// Subject for pages about the edition as a whole (home, indexes,
	// timeline, network …), which show something of everything.
	Subject subject.Subject
	Make    func() []*Page
}

// Views lists every page of the edition, in a fixed order, as functions
// that each make the views of one or a few pages. Views only read the
// site and the builder, so the functions may run at the same time; a
// build can make and render a window of pages at a time instead of
// holding every view of the edition, and a rebuild can make only the
// pages whose subjects an edit touched.
func Views(s *site.Site, opts Options) []View {
	b := newBuilder(s, opts)
	var vs []View
	add := func(subj subject.Subject, pages ...func() *Page) {
		vs = append(vs, View{Subject: subj, Make: func() []*Page {
			ps := make([]*Page, len(pages))
			for i, p := range pages {
				ps[i] = p()
			}
			return ps
		}})
	}
	add(subject.Subject{}, b.home, b.about, b.notFound)
	vs = append(vs, View{Make: b.bibliographies})
	add(subject.Subject{}, b.glossary, b.search, b.data, b.more)
	vs = append(vs, View{Make: b.documentIndexes})
	for _, d := range s.DocsByDate {
		add(subject.Of(subject.Document, d.ID), func() *Page { return b.document(d) }, func() *Page { return b.source(d) })
	}
	add(subject.Subject{}, b.personIndex)
	for _, p := range s.Ed.Persons {
		vs = append(vs, View{Subject: subject.Of(subject.Person, p.ID), Make: func() []*Page { return b.personPages(p) }})
	}
	add(subject.Subject{}, b.essayIndex)
	for _, sec := range s.SortedSections {
		add(subject.Of(subject.Section, sec.ID), func() *Page { return b.section(sec) })
	}
	for _, n := range s.NoteList {
		add(subject.NoteOf(n.Number), func() *Page { return b.note(n) })
	}
	for i := range timelineFilters {
		vs = append(vs, View{Make: func() []*Page { return b.timelineOf(i) }})
	}
	add(subject.Subject{}, b.conflictIndex)
	for _, c := range s.Ed.Conflicts {
		add(subject.Of(subject.Conflict, c.ID), func() *Page { return b.conflict(c) })
	}
	vs = append(vs, View{Make: b.networks})
	for _, pk := range s.Ed.Packets {
		add(subject.Of(subject.Packet, pk.ID), func() *Page { return b.packet(pk) }, func() *Page { return b.packetPrint(pk) })
	}
	vs = append(vs, View{Make: b.redirects})
	return vs
}

// DocumentPages returns the views of the pages that show the body of
// document id: its page and its source. The preview remakes just these
// after an edit of the document's prose (see site.ReplaceBody).
func DocumentPages(s *site.Site, opts Options, id string) []*Page {
	d := s.Docs[id]
	if d == nil {
		return nil
	}
	b := newBuilder(s, opts)
	return []*Page{b.document(d), b.source(d)}
}

// newBuilder returns a builder of the pages of s.
func newBuilder(s *site.Site, opts Options) *builder {
	b := &builder{s: s, site: siteView(s.Ed.Site), opts: opts, hl: highlight.New(), lex: newLexicon(s)}
	b.timeline = sync.OnceValue(func() wholeTimeline {
		entries := b.entries()
		return wholeTimeline{entries: entries, byPerson: byPerson(entries)}
	})
	b.correspondence = sync.OnceValue(func() site.Network { return site.Correspondence(s) })
	return b
}

// Render executes every page on all cores; the files come back in the
// order of the pages, whatever the scheduling.
func Render(t *Templates, pages []*Page) ([]output.File, error) {
	files := make([]output.File, len(pages))
	errs := make([]error, len(pages))
	parallel.For(len(pages), func(_, i int) { files[i], errs[i] = RenderPage(t, pages[i]) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	for _, f := range files {
		if seen[f.Path] {
			return nil, fmt.Errorf("two pages would be written to %s", f.Path)
		}
		seen[f.Path] = true
	}
	return files, nil
}

// RenderPage executes one page. Pages may be rendered at the same time.
func RenderPage(t *Templates, p *Page) (output.File, error) {
	if v, ok := p.Data.(interface{ prepare() error }); ok {
		if err := v.prepare(); err != nil {
			return output.File{}, err
		}
	}
	data, err := t.Execute(p)
	return output.File{Path: p.Path, Data: data}, err
}
