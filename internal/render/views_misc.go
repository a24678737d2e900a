package render

import (
	"cmp"
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/figure"
	"github.com/korean-war-sources/edition/internal/render/highlight"
	"github.com/korean-war-sources/edition/internal/site"
)

// HomeView is the front page.
type HomeView struct {
	Edition  EditionView
	Counts   []Count
	Sections []Link
	Start    []Link
	Packets  []Link
}

// Count is a figure for the home page.
type Count struct {
	N    int
	What string
	URL  string
}

func (b *builder) home() *Page {
	s := b.s
	v := &HomeView{Edition: b.editionView(), Counts: []Count{
		{len(s.Ed.Documents), "documents", URL("documents/index.html")},
		{len(s.NoteList), "notes", URL("essay/index.html")},
		{len(s.Ed.Persons), "people", URL("persons/index.html")},
		{len(s.Ed.Works), "secondary works", URL("bibliography.html")},
		{len(s.Ed.Events), "events", URL("timeline/index.html")},
		{len(s.Ed.Conflicts), "conflicting accounts", URL("conflicts/index.html")},
	}}
	for _, sec := range s.SortedSections {
		v.Sections = append(v.Sections, Link{URL: URL(site.SectionPath(sec.ID)), Text: sec.Title, Note: notesLabel(sec)})
	}
	for _, id := range []string{"1949-09-24-politburo-resolution", "1950-01-30-stalin-to-shtykov", "1950-05-14-stalin-to-mao"} {
		if s.Docs[id] != nil {
			v.Start = append(v.Start, docLinks(s, []string{id})...)
		}
	}
	for _, pk := range s.Ed.Packets {
		v.Packets = append(v.Packets, Link{URL: URL(site.PacketPath(pk.ID)), Text: pk.Title, Note: pk.Course})
	}
	p := b.page("home", "index.html", s.Ed.Site.Title, "home")
	p.Description = s.Ed.Site.Description
	p.Data = v
	return p
}

// ProseView is a free-standing page of editorial prose.
type ProseView struct {
	Body template.HTML
}

// AboutView is the About page: the editorial method, then the edition's
// release, the printed article and the changelog.
type AboutView struct {
	Body     template.HTML
	Edition  EditionView
	Releases []ReleaseView
}

// EditionView names the release of the edition and the printed article.
type EditionView struct {
	Version, Released, ReleasedISO string
	Corporate                      string        // the editors' corporate name
	Article                        template.HTML // the article as printed, cited
	Citation                       string        // of the edition as a whole
}

// ReleaseView is an entry of the changelog.
type ReleaseView struct {
	Version, Date, DateISO string
	Changes                []string
}

func (b *builder) editionView() EditionView {
	st := b.s.Ed.Site
	f := facts(st)
	v := EditionView{Version: st.Version, Corporate: st.Editors, Article: Italics(articleMarked(st.Article))}
	if !st.Released.IsZero() {
		v.Released, v.ReleasedISO = st.Released.Display(), st.Released.ISOAttr()
	}
	v.Citation = st.Title + f.published() + "."
	if f.url != "" {
		v.Citation += " " + f.url + "."
	}
	return v
}

func (b *builder) about() *Page {
	p := b.page("about", "about.html", "About this edition", "more")
	v := &AboutView{Edition: b.editionView()}
	for _, r := range b.s.Ed.Site.Releases {
		v.Releases = append(v.Releases, ReleaseView{Version: r.Version, Date: r.Date.Display(), DateISO: r.Date.ISOAttr(), Changes: r.Changes})
	}
	p.Data = v
	for _, pg := range b.s.Ed.Pages {
		if pg.ID == "about" {
			p.Title, p.Description = pg.Title, pg.Description
			v.Body = b.s.HTML["page/about"]
			p.EditURL = b.editURL(pg.File)
		}
	}
	return p
}

func (b *builder) notFound() *Page {
	p := b.page("notfound", "404.html", "Page not found", "")
	p.Canonical = ""
	if u, err := url.Parse(b.s.Ed.Site.BaseURL); err == nil && u.Path != "" {
		p.Root = strings.TrimSuffix(u.Path, "/") + "/"
	}
	p.Data = &NotFoundView{Home: b.absURL("")}
	return p
}

// NotFoundView is the 404 page. Static hosts serve it for a missing page
// at any depth, so its stylesheet and links start from the base URL's
// path; where that is wrong (the file opened from disk, or the site
// served under another path) the stylesheet does not load either, and
// the page shows a fallback the stylesheet otherwise hides: the
// edition's full address and a link to index.html relative to the file.
type NotFoundView struct {
	Home string // the edition's address, "" without a base_url
}

// BibView is the bibliography.
type BibView struct {
	Entries []BibEntry
}

// BibEntry is a work with the notes citing it.
type BibEntry struct {
	ID, Anchor, AsPrinted string
	Printed               template.HTML
	Notes                 []NoteLink
	EditorialNotes        []template.HTML
	Type                  string
	Documents             []Link
	AddedByEditors        bool   // not cited by the article
	URL                   string // the work's own address, for a database
	Texts                 []Link // documents whose whole text it publishes
	Page                  *Link  // the work's own page, when its lists are too long
}

func (b *builder) bibliography() *Page {
	v := &BibView{}
	works := slices.Clone(b.s.Ed.Works)
	slices.SortFunc(works, func(x, y *content.Work) int {
		return cmp.Or(cmp.Compare(site.Fold(x.Sort), site.Fold(y.Sort)), cmp.Compare(x.Year, y.Year), cmp.Compare(x.ID, y.ID))
	})
	docsByWork := map[string][]string{}
	for _, d := range b.s.DocsByDate {
		for _, w := range slices.Concat(d.Translations, d.KnownThrough, d.PublishedIn) {
			docsByWork[w.Work.ID] = append(docsByWork[w.Work.ID], d.ID)
		}
	}
	textsByWork := map[string][]string{}
	for _, d := range b.s.DocsByDate {
		for _, t := range d.PublicTexts {
			textsByWork[t.Where.ID] = append(textsByWork[t.Where.ID], d.ID)
		}
	}
	for _, w := range works {
		e := BibEntry{ID: w.ID, Anchor: "work-" + w.ID, Printed: Italics(w.AsPrinted), Type: w.Type,
			Notes: noteLinks(b.s, b.s.WorkCitedIn[w.ID]), Documents: docLinks(b.s, slices.Compact(docsByWork[w.ID]))}
		for i := range w.EditorialNotes {
			e.EditorialNotes = append(e.EditorialNotes, b.s.HTML["work-ed/"+w.ID+"/"+strconv.Itoa(i)])
		}
		if w.AddedByEditors {
			e.AddedByEditors, e.URL = true, w.URL
			if w.AsPrinted == "" {
				e.Printed = Italics(editorsReference(w))
			}
		}
		e.Texts = docLinks(b.s, slices.Compact(textsByWork[w.ID]))
		v.Entries = append(v.Entries, e)
	}
	p := b.page("bibliography", "bibliography.html", "Bibliography", "bibliography")
	p.Description = "Every secondary work, memoir and published collection cited in the article, with the notes citing each."
	p.Data = v
	return p
}

// editorsReference is the reference to a work the article does not
// cite, made by the editors from its parts: "*Title*, Publisher".
func editorsReference(w *content.Work) string {
	parts := []string{strings.Join(w.Authors, ", "), "*" + w.Title + "*", w.Publisher, w.Place, w.Year}
	var out []string
	for _, p := range parts {
		if p != "" && p != "**" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// Italics renders a printed reference, whose titles are marked *…*, as
// HTML with <i> elements; everything else is escaped.
func Italics(s string) template.HTML {
	var b strings.Builder
	parts := strings.Split(s, "*")
	for i, part := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString("<i>" + template.HTMLEscapeString(part) + "</i>")
			continue
		}
		if i%2 == 1 {
			b.WriteString("*")
		}
		b.WriteString(template.HTMLEscapeString(part))
	}
	return template.HTML(b.String())
}

// GlossaryView lists terms.
type GlossaryView struct {
	Terms []TermView
}

// TermView is a glossary entry. Also holds the other forms of the term,
// without those the headword and the expansion already show: "Chemul'po
// (Inchon)" is not followed by "Also: Chemul'po, Inchon".
type TermView struct {
	ID, Term, Expansion, Definition string
	Also                            []string
}

func termView(t *content.Term) TermView {
	v := TermView{ID: t.ID, Term: t.Term, Expansion: t.Expansion, Definition: t.Definition}
	shown := " " + site.Fold(t.Term) + " " + site.Fold(t.Expansion) + " "
	for _, alt := range t.Variants {
		if k := " " + site.Fold(alt) + " "; k != "  " && !strings.Contains(shown, k) {
			shown += k[1:]
			v.Also = append(v.Also, alt)
		}
	}
	return v
}

func (b *builder) glossary() *Page {
	terms := slices.Clone(b.s.Ed.Terms)
	slices.SortFunc(terms, func(x, y *content.Term) int { return cmp.Compare(site.Fold(x.Term), site.Fold(y.Term)) })
	v := &GlossaryView{Terms: make([]TermView, len(terms))}
	for i, t := range terms {
		v.Terms[i] = termView(t)
	}
	p := b.page("glossary", "glossary.html", "Glossary", "more")
	p.Description = "Abbreviations and terms used in the documents and the archival references."
	p.Crumbs = []Link{{URL: URL(MorePath), Text: "All sections"}}
	p.Data = v
	return p
}

func (b *builder) search() *Page {
	p := b.page("search", "search.html", "Search", "search")
	p.Description = "Search the documents, notes, people, works and events."
	p.Data = &ProseView{}
	p.Scripts = []string{URL(b.opts.SearchManifest), URL("assets/search.js")}
	return p
}

// SourceView shows a document's Markdown source, highlighted.
type SourceView struct {
	Document Link
	File     string
	Code     template.HTML
	EditURL  string
	src      string
	read     func() (string, error) // if set, reads src
	hl       *highlight.Highlighter
}

func (b *builder) source(d *content.Document) *Page {
	p := b.page("source", SourcePath(d.ID), "Source of “"+d.Title+"”", "documents")
	p.SourceStyles = true
	p.Description = "The Markdown file behind the page."
	p.Crumbs = []Link{Link{URL: URL("documents/index.html"), Text: "Documents"}, {URL: URL(site.DocumentPath(d.ID)), Text: d.Title}}
	p.Data = &SourceView{Document: Link{URL: URL(site.DocumentPath(d.ID)), Text: d.Title}, File: d.File,
		src: d.Body.Raw, EditURL: b.editURL(d.File), hl: b.hl}
	if read := b.opts.ReadSource; read != nil {
		p.Data.(*SourceView).read = func() (string, error) { return read(d) }
	}
	return p
}

// prepare highlights the source. It runs in Render's workers rather than
// while the views are listed, because it is the costliest step of a page.
func (v *SourceView) prepare() error {
	if v.read != nil {
		src, err := v.read()
		if err != nil {
			return err
		}
		v.src = src
	}
	v.Code = v.hl.HTML(v.src)
	v.src = ""
	return nil
}

// ConflictView sets sources side by side.
type ConflictView struct {
	Point, Conclusion string
	Accounts          []AccountView
	Notes             []NoteLink
	Discussion        template.HTML
}

// AccountView is one source's account.
type AccountView struct {
	Source Link
	Says   string
}

func (b *builder) conflict(c *content.Conflict) *Page {
	v := &ConflictView{Point: c.Point, Conclusion: c.Conclusion, Discussion: b.s.HTML["conflict/"+c.ID]}
	for _, n := range c.Notes {
		v.Notes = append(v.Notes, noteLink(b.s, n.N))
	}
	for _, a := range c.Accounts {
		path, title := b.s.Locate(a.Source.Subject)
		v.Accounts = append(v.Accounts, AccountView{Source: Link{URL: URL(path), Text: title}, Says: a.Says})
	}
	p := b.page("conflict", site.ConflictPath(c.ID), c.Title, "conflicts")
	p.Description = c.Point
	p.Crumbs = []Link{{URL: URL("conflicts/index.html"), Text: "Conflicting accounts"}}
	p.Data = v
	p.EditURL = b.editURL(c.File)
	return p
}

// ConflictsView lists the conflicts.
type ConflictsView struct {
	Items []Link
}

func (b *builder) conflictIndex() *Page {
	v := &ConflictsView{}
	for _, c := range b.s.Ed.Conflicts {
		v.Items = append(v.Items, Link{URL: URL(site.ConflictPath(c.ID)), Text: c.Title, Note: c.Point})
	}
	p := b.page("conflicts", "conflicts/index.html", "Conflicting accounts", "conflicts")
	p.Description = "Where the sources disagree, side by side."
	p.Data = v
	return p
}

// NetworkView is the correspondence network page.
type NetworkView struct {
	Figure template.HTML
	Edges  []EdgeView
	// Top is set when the network is too large for one page: the figure
	// then shows the most connected persons, Edges is empty and every
	// pair is in the table of another page.
	Top *NetworkTop
}

// EdgeView is a row of the network's table.
type EdgeView struct {
	From, To Link
	Count    int
	Docs     []Link
}

func (b *builder) network() *Page {
	n := b.correspondence()
	v := &NetworkView{Figure: template.HTML(figure.NetworkSVG(b.s, n, URL))}
	for _, e := range n.Edges {
		v.Edges = append(v.Edges, EdgeView{
			From:  Link{URL: URL(site.PersonPath(e.From)), Text: b.s.Persons[e.From].Name},
			To:    Link{URL: URL(site.PersonPath(e.To)), Text: b.s.Persons[e.To].Name},
			Count: e.Count, Docs: docLinks(b.s, e.Docs),
		})
	}
	p := b.page("network", "network.html", "Correspondence network", "network")
	p.Description = "Who wrote to whom in the documents of the edition."
	p.Data = v
	return p
}

// RedirectView sends a reader from an old URL to a new one.
type RedirectView struct {
	Target string
}

func (b *builder) redirects() []*Page {
	var ps []*Page
	for _, r := range b.s.Ed.Redirects {
		path, title := b.s.Locate(r.To.Subject)
		p := b.page("redirect", r.From, title, "")
		p.Canonical = b.canonical(path)
		p.Data = &RedirectView{Target: URL(path)}
		p.Refresh = URL(path)
		ps = append(ps, p)
	}
	return ps
}
