package render

import (
	"html/template"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/jsonstr"
)

// Citation is the "Cite this page" box: a Chicago-style citation of the
// edition page and, for documents, of the original as the article gives it.
type Citation struct {
	Page     string // Chicago, notes-bibliography style, for the edition page
	Original string // the archival original as printed in the article
	BibTeX   string
	RIS      string
	CSLJSON  string

	// cslItems are the items of CSLJSON, each as it is indented inside
	// the edition-wide citations.json, so that file is joined, not
	// parsed and written again.
	cslItems []string
}

func (b *builder) absURL(sitePath string) string {
	base := b.s.Ed.Site.BaseURL
	if base == "" {
		return sitePath
	}
	return strings.TrimSuffix(base, "/") + "/" + sitePath
}

// pageCitation is the citation of the page at sitePath.
func (b *builder) pageCitation(title, sitePath string) *Citation {
	st := b.s.Ed.Site
	url := b.absURL(sitePath)
	c := &Citation{Page: "“" + strings.TrimSuffix(title, ".") + ".” In " + st.Title + ", edited by " + st.Editors + ". " + url + "."}
	key := citationKey.Replace(sitePath)
	c.BibTeX = "@misc{" + key + ",\n  title = {" + bibEscape(title) + "},\n  editor = {" + bibEscape(st.Editors) +
		"},\n  howpublished = {" + bibEscape(st.Title) + "},\n  url = {" + url + "}\n}\n"
	c.RIS = "TY  - ELEC\nTI  - " + title + "\nED  - " + st.Editors + "\nT2  - " + st.Title + "\nUR  - " + url + "\nER  - \n"
	item := cslWebpage(key, title, st.Title, st.Editors, url)
	c.CSLJSON, c.cslItems = joinCSL([]string{item}), []string{item}
	return c
}

// citationKey turns a page path into a citation key.
var citationKey = strings.NewReplacer("/", "-", ".html", "")

// cslWebpage writes the CSL-JSON item of an edition page as
// json.MarshalIndent(item, "  ", "  ") writes the map with these keys
// (sorted, as maps are), indented as inside an array: written by hand
// because every page has one (TestCSLWebpage holds it to encoding/json).
func cslWebpage(id, title, container, editors, url string) string {
	b := []byte("{\n    \"URL\": ")
	b = jsonstr.Append(b, url)
	b = jsonstr.Append(append(b, ",\n    \"container-title\": "...), container)
	b = jsonstr.Append(append(b, ",\n    \"editor\": [\n      {\n        \"literal\": "...), editors)
	b = jsonstr.Append(append(b, "\n      }\n    ],\n    \"id\": "...), id)
	b = jsonstr.Append(append(b, ",\n    \"title\": "...), title)
	return string(append(b, ",\n    \"type\": \"webpage\"\n  }"...))
}

// joinCSL writes items, each indented as inside an array, as the array.
func joinCSL(items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	return "[\n  " + strings.Join(items, ",\n  ") + "\n]"
}

// cite gives page p its citation and the metadata that reference managers
// (Zotero) and search engines (Highwire Press citation_* tags, Dublin Core)
// read.
func (b *builder) cite(p *Page, title string) *Citation {
	st := b.s.Ed.Site
	p.Meta = append(p.Meta,
		Meta{"citation_title", title},
		Meta{"citation_publisher", st.Title},
		Meta{"DC.title", title},
		Meta{"DC.type", "Text"},
		Meta{"DC.publisher", st.Title},
		Meta{"DC.language", b.site.Lang},
	)
	if st.BaseURL != "" {
		p.Meta = append(p.Meta, Meta{"citation_public_url", b.absURL(p.Path)}, Meta{"DC.identifier", b.absURL(p.Path)})
	}
	return b.pageCitation(title, p.Path)
}

// Citations collects the citations of pages, page by page, into one
// BibTeX, one RIS and one CSL-JSON file, linked from each "Cite this
// page" box: a build that drops each view once rendered adds its page
// here first. The zero value is ready to use.
type Citations struct {
	bib, ris strings.Builder
	csl      []string // items, indented as inside an array
}

// Add adds the citation of p, if it has one.
func (c *Citations) Add(p *Page) { c.AddCitation(p.Cite) }

// AddCitation adds a page's citation; nil adds nothing.
func (c *Citations) AddCitation(cite *Citation) {
	if cite == nil {
		return
	}
	c.bib.WriteString(cite.BibTeX + "\n")
	c.ris.WriteString(cite.RIS + "\n")
	c.csl = append(c.csl, cite.cslItems...)
}

// Files returns the citations added as BibTeX, RIS and CSL-JSON files.
func (c *Citations) Files() []File {
	all := "null" // what json.Marshal writes for no citations
	if len(c.csl) > 0 {
		all = joinCSL(c.csl)
	}
	return []File{
		{Path: "data/citations.bib", Data: []byte(c.bib.String())},
		{Path: "data/citations.ris", Data: []byte(c.ris.String())},
		{Path: "data/citations.json", Data: []byte(all + "\n")},
	}
}

func bibEscape(s string) string { return bibEscaper.Replace(s) }

var bibEscaper = strings.NewReplacer("{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "#", `\#`)

// archiveComponentLD writes a document page's schema.org description as
// json.Marshal writes the map with these keys (TestArchiveComponentLD).
func archiveComponentLD(name, date, collection, url string) []byte {
	b := []byte(`{"@context":"https://schema.org","@type":"ArchiveComponent","dateCreated":`)
	b = jsonstr.Append(b, date)
	b = jsonstr.Append(append(b, `,"isPartOf":{"@type":"Collection","name":`...), collection)
	b = jsonstr.Append(append(b, `},"name":`...), name)
	b = jsonstr.Append(append(b, `,"url":`...), url)
	return append(b, '}')
}

func (b *builder) documentCitation(d *content.Document, p *Page) *Citation {
	c := b.cite(p, d.Title)
	var orig []string
	for _, a := range d.Archive {
		orig = append(orig, a.AsPrinted)
	}
	if d.Collection != "" {
		orig = append(orig, d.Collection+" (collection of "+b.s.Ed.Site.Article.Author+")")
	}
	if len(orig) > 0 {
		c.Original = d.Title + ", " + dateView(d.Date).Display + ", " + strings.Join(orig, "; ") + "."
	}
	if !d.Date.IsZero() {
		p.Meta = append(p.Meta, Meta{"citation_date", d.Date.ISOAttr()}, Meta{"DC.date", d.Date.ISOAttr()})
	}
	for _, f := range d.From {
		name := f.Name
		if f.Person.ID != "" {
			name = b.s.Persons[f.Person.ID].Name
		}
		p.Meta = append(p.Meta, Meta{"citation_author", name}, Meta{"DC.creator", name})
	}
	ld := archiveComponentLD(d.Title, d.Date.ISOAttr(), b.s.Ed.Site.Title, b.absURL(p.Path))
	p.JSONLD = template.JS(ld)
	return c
}
