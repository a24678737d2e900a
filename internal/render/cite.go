package render

import (
	"encoding/json"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/korean-war-sources/edition/internal/citation"
	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/site"
)

// Citation is the "Cite this page" box: a Chicago-style citation of the
// edition page, for notes and sections the article as printed, for
// documents the original as each note of the article cites it, and the
// page's record in BibTeX, RIS and CSL-JSON.
type Citation struct {
	Page     string // Chicago, notes-bibliography style, for the edition page
	Article  string // the printed article, on pages about it
	Original []OriginalCitation
	BibTeX   string
	RIS      string
	CSLJSON  string

	// cslItems are the items of CSLJSON, each as it is indented inside
	// the edition-wide citations.json, so that file is joined, not
	// parsed and written again.
	cslItems []string
}

// OriginalCitation is one archival citation of a document, as one note
// prints it.
type OriginalCitation struct {
	Note NoteLink // zero for the author's collection number
	Text string
}

func (b *builder) absURL(sitePath string) string {
	return absURL(b.s.Ed.Site.BaseURL, sitePath)
}

func absURL(base, sitePath string) string {
	if base == "" {
		return sitePath
	}
	return strings.TrimSuffix(base, "/") + "/" + sitePath
}

// editionFacts are what every citation of an edition page repeats.
type editionFacts struct {
	title, corporate, version, year, date, url, lang string
}

func facts(st content.Site) editionFacts {
	f := editionFacts{title: st.Title, corporate: st.Editors, version: st.Version, lang: st.Language, url: st.BaseURL}
	if !st.Released.IsZero() {
		f.year, f.date = strconv.Itoa(st.Released.Year()), st.Released.String()
	}
	if f.lang == "" {
		f.lang = "en"
	}
	return f
}

// published is ", edited by X, version 1.1, 2026": who edits the edition,
// which release and when, as every citation of it says.
func (f editionFacts) published() string {
	var parts []string
	if f.corporate != "" {
		parts = append(parts, "edited by "+f.corporate)
	}
	if f.version != "" {
		parts = append(parts, "version "+f.version)
	}
	if f.year != "" {
		parts = append(parts, f.year)
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

// record is the bibliographic record of an edition page: a part of the
// edition, as a chapter is part of a book, edited and published by the
// edition's corporate name.
func (f editionFacts) record(key, title, url string) citation.Record {
	r := citation.Record{ID: key, Type: "chapter", Title: title, Container: f.title,
		Publisher: f.corporate, Year: f.year, Date: f.date, Version: f.version, URL: url, Language: f.lang}
	if f.corporate != "" {
		r.Editors = []citation.Name{citation.Corporate(f.corporate)}
	}
	return r
}

// pageCitation is the citation of the edition page at sitePath whose
// record is rec.
func (b *builder) pageCitation(rec citation.Record) *Citation {
	f := facts(b.s.Ed.Site)
	title := strings.TrimSuffix(rec.Title, ".")
	if inner, ok := strings.CutSuffix(title, "’"); ok {
		title = strings.TrimSuffix(inner, ".") + ".’" // the period goes inside both quotes
	} else {
		title += "."
	}
	text := "“" + title + "” In " + f.title + f.published() + "."
	if rec.URL != "" {
		text += " " + rec.URL + "."
	}
	rec.BibTitle = citation.ProtectTitle(rec.Title, b.lexicon(), true)
	item := rec.CSL()
	return &Citation{Page: text, BibTeX: rec.BibTeX(), RIS: rec.RIS(), CSLJSON: citation.JoinCSL([]string{item}), cslItems: []string{item}}
}

// citationKey turns a page path into a citation key.
var citationKey = strings.NewReplacer("/", "-", ".html", "")

// cite gives page p, titled title in citations, its citation and the
// metadata that reference managers (Zotero) and search engines read:
// Highwire Press citation_* tags, which Zotero prefers, and Dublin Core.
// citation_book_title makes Zotero file the page as a section of the
// edition (a book section) rather than as a journal article.
func (b *builder) cite(p *Page, rec citation.Record) *Citation {
	f := facts(b.s.Ed.Site)
	p.Meta = append(p.Meta, Meta{"citation_title", rec.Title})
	for _, a := range rec.Authors {
		if a.Literal == "" { // Zotero would split a body's name into first and last
			p.Meta = append(p.Meta, Meta{"citation_author", a.Family + ", " + a.Given})
		}
	}
	if f.corporate != "" {
		// Highwire names are "Family, Given": a corporate name is all
		// family name, so Zotero keeps it whole instead of splitting off
		// "Edition" as a surname.
		p.Meta = append(p.Meta, Meta{"citation_editor", f.corporate + ","})
	}
	p.Meta = append(p.Meta, Meta{"citation_book_title", f.title})
	if f.corporate != "" {
		p.Meta = append(p.Meta, Meta{"citation_publisher", f.corporate})
	}
	if f.date != "" {
		p.Meta = append(p.Meta, Meta{"citation_publication_date", strings.ReplaceAll(f.date, "-", "/")})
	}
	if b.s.Ed.Site.BaseURL != "" {
		p.Meta = append(p.Meta, Meta{"citation_public_url", rec.URL})
	}
	p.Meta = append(p.Meta, Meta{"citation_language", f.lang}, Meta{"DC.title", rec.Title})
	for _, a := range rec.Authors {
		p.Meta = append(p.Meta, Meta{"DC.creator", a.String()})
	}
	if f.corporate != "" {
		p.Meta = append(p.Meta, Meta{"DC.contributor", f.corporate}, Meta{"DC.publisher", f.corporate})
	}
	if f.date != "" {
		p.Meta = append(p.Meta, Meta{"DC.date", f.date})
	}
	// No DC.type: Zotero would type the item from it instead of from
	// citation_book_title.
	p.Meta = append(p.Meta, Meta{"DC.relation.isPartOf", f.title})
	if rec.ArchiveLocation != "" {
		p.Meta = append(p.Meta, Meta{"DC.source", rec.ArchiveLocation})
	}
	p.Meta = append(p.Meta, Meta{"DC.language", f.lang})
	if b.s.Ed.Site.BaseURL != "" {
		p.Meta = append(p.Meta, Meta{"DC.identifier", rec.URL})
	}
	return b.pageCitation(rec)
}

// sectionCitation cites a section page of the essay: the edition's
// reading guide to a section of the article.
func (b *builder) sectionCitation(p *Page, sec *content.Section) *Citation {
	f := facts(b.s.Ed.Site)
	rec := f.record(citationKey.Replace(p.Path), sec.Title, b.absURL(p.Path))
	art := articleCitation(b.s.Ed.Site.Article)
	rec.Note = "Reading guide to a section of " + art
	c := b.cite(p, rec)
	c.Article = art
	return c
}

// noteRecord is the record of the page of note n of the article.
func (b *builder) noteRecord(n int) citation.Record {
	st := b.s.Ed.Site
	path := site.NotePath(n)
	rec := facts(st).record(citationKey.Replace(path), "Note "+strconv.Itoa(n)+" of "+st.Article.Author+", ‘"+st.Article.Title+"’", b.absURL(path))
	rec.Note = "Annotates note " + strconv.Itoa(n) + " of " + articleCitation(st.Article)
	return rec
}

func (b *builder) noteCitation(p *Page, n int) *Citation {
	c := b.cite(p, b.noteRecord(n))
	c.Article = articleCitation(b.s.Ed.Site.Article)
	return c
}

// documentCitation cites a document page: the document's title and
// date, its senders as authors, in the edition; the original as each
// note of the article prints its archival reference; and the document
// described in JSON-LD as an archival item.
func (b *builder) documentCitation(d *content.Document, p *Page) *Citation {
	st := b.s.Ed.Site
	title := d.Title
	if !d.Date.IsZero() {
		title += ", " + d.Date.Display()
	}
	rec := facts(st).record(citationKey.Replace(p.Path), title, b.absURL(p.Path))
	for _, f := range d.From {
		if f.Person.ID == "" {
			rec.Authors = append(rec.Authors, citation.Corporate(f.Name))
			continue
		}
		per := b.s.Persons[f.Person.ID]
		rec.Authors = append(rec.Authors, citation.PersonName(per.Name, per.SortName))
	}
	if !d.Date.IsZero() {
		rec.OriginalDate = d.Date.String()
	}
	var orig []OriginalCitation
	var locations []string
	for _, a := range d.Archive {
		oc := OriginalCitation{Text: a.AsPrinted + "."}
		loc := a.AsPrinted
		if a.Note.N != 0 {
			oc.Note = noteLink(b.s, a.Note.N)
			loc += " (note " + strconv.Itoa(a.Note.N) + ")"
		}
		orig = append(orig, oc)
		locations = append(locations, loc)
		if rec.Archive == "" {
			if arch := b.s.Archives[a.Repository.ID]; arch != nil {
				rec.Archive = arch.English
			}
		}
	}
	if d.Collection != "" {
		text := d.Collection + " (collection of " + st.Article.Author + ")"
		orig = append(orig, OriginalCitation{Text: text + "."})
		locations = append(locations, text)
	}
	rec.ArchiveLocation = strings.Join(locations, "; ")
	c := b.cite(p, rec)
	c.Original = orig
	p.JSONLD = template.JS(b.documentLD(d, rec))
	return c
}

// documentLD describes the document in schema.org terms: an archival
// item, dated, with its creators, where the article locates it, shown on
// a page of the edition.
func (b *builder) documentLD(d *content.Document, rec citation.Record) []byte {
	f := facts(b.s.Ed.Site)
	ld := map[string]any{"@context": "https://schema.org", "@type": "ArchiveComponent", "name": d.Title, "url": rec.URL}
	if !d.Date.IsZero() {
		ld["dateCreated"] = d.Date.ISOAttr()
	}
	var creators []map[string]string
	for _, a := range rec.Authors {
		typ := "Person"
		if a.Literal != "" {
			typ = "Organization"
		}
		creators = append(creators, map[string]string{"@type": typ, "name": a.String()})
	}
	if creators != nil {
		ld["creator"] = creators
	}
	if rec.Archive != "" {
		ld["holdingArchive"] = map[string]string{"@type": "ArchiveOrganization", "name": rec.Archive}
	}
	if rec.ArchiveLocation != "" {
		ld["itemLocation"] = rec.ArchiveLocation
	}
	edition := map[string]any{"@type": "Book", "name": f.title}
	if f.corporate != "" {
		org := map[string]string{"@type": "Organization", "name": f.corporate}
		edition["editor"], edition["publisher"] = org, org
	}
	if f.version != "" {
		edition["version"] = f.version
	}
	if f.date != "" {
		edition["datePublished"] = f.date
	}
	if f.url != "" {
		edition["url"] = f.url
	}
	ld["isPartOf"] = edition
	out, err := json.Marshal(ld)
	if err != nil { // only strings and maps of strings
		return []byte("{}")
	}
	return out
}

// articleCitation is the printed article in Chicago style: Shen Zhihua,
// “Title,” Journal 2, no. 2 (Spring 2000): 44–68.
func articleCitation(a content.Article) string {
	return strings.ReplaceAll(articleMarked(a), "*", "")
}

// articleMarked is articleCitation with the journal's title in *…*, for
// Italics.
func articleMarked(a content.Article) string {
	s := a.Author + ", “" + a.Title + ",”"
	if a.Journal == "" {
		return strings.TrimSuffix(s, ",”") + ".”"
	}
	s += " *" + a.Journal + "*"
	if a.Volume != "" {
		s += " " + a.Volume
	}
	if a.Issue != "" {
		s += ", no. " + a.Issue
	}
	if when := strings.TrimSpace(a.Season + " " + a.Year); when != "" {
		s += " (" + when + ")"
	}
	if a.Pages != "" {
		s += ": " + a.Pages
	}
	return s + "."
}

// Citations collects the citations of pages, page by page, into one
// BibTeX, one RIS and one CSL-JSON file, linked from each "Cite this
// page" box, after the edition's own, the article's and the
// bibliography's entries: a build that drops each view once rendered adds its page
// here first. The zero value is ready to use.
type Citations struct {
	// Per page, in order: the BibTeX and RIS records, and the CSL items,
	// indented as inside an array. The files are joined once, at their
	// size, when asked for.
	bib, ris, csl []string
}

// Add adds the citation of p, if it has one.
func (c *Citations) Add(p *Page) { c.AddCitation(p.Cite) }

// AddCitation adds a page's citation; nil adds nothing.
func (c *Citations) AddCitation(cite *Citation) {
	if cite == nil {
		return
	}
	c.bib = append(c.bib, cite.BibTeX)
	c.ris = append(c.ris, cite.RIS)
	c.csl = append(c.csl, cite.cslItems...)
}

// Files returns as BibTeX, RIS and CSL-JSON files the records of the
// edition, the article and every work of the bibliography of s, then the
// citations added, which c then no longer holds.
func (c *Citations) Files(s *site.Site) []output.File {
	var bib, ris, csl []string
	for _, r := range fixedRecords(s) {
		bib = append(bib, r.BibTeX())
		ris = append(ris, r.RIS())
		csl = append(csl, r.CSL())
	}
	// Each file drops the records it was made of before the next is
	// made: at 10,000 documents they are 30 MB, as large as the files.
	files := []output.File{{Path: "data/citations.bib", Data: appendLines(nil, bib, c.bib)}}
	c.bib = nil
	files = append(files, output.File{Path: "data/citations.ris", Data: appendLines(nil, ris, c.ris)})
	c.ris = nil
	csl = slices.Concat(csl, c.csl)
	c.csl = nil
	return append(files, output.File{Path: "data/citations.json", Data: append(citation.AppendCSL(nil, csl), '\n')})
}

// appendLines appends every record of each list, each followed by a
// newline, to b, growing b once.
func appendLines(b []byte, lists ...[]string) []byte {
	n := 0
	for _, list := range lists {
		for _, r := range list {
			n += len(r) + 1
		}
	}
	b = slices.Grow(b, n)
	for _, list := range lists {
		for _, r := range list {
			b = append(append(b, r...), '\n')
		}
	}
	return b
}
