package render

import (
	"encoding/json"
	"html/template"
	"strings"

	"github.com/korean-war-sources/edition/internal/content"
)

// Citation is the "Cite this page" box: a Chicago-style citation of the
// edition page and, for documents, of the original as the article gives it.
type Citation struct {
	Page     string // Chicago, notes-bibliography style, for the edition page
	Original string // the archival original as printed in the article
	BibTeX   string
	RIS      string
	CSLJSON  string
}

func (b *builder) absURL(sitePath string) string {
	base := b.s.Ed.Site.BaseURL
	if base == "" {
		return sitePath
	}
	return strings.TrimSuffix(base, "/") + "/" + sitePath
}

func (b *builder) pageCitation(title, sitePath string) *Citation {
	st := b.s.Ed.Site
	url := b.absURL(sitePath)
	c := &Citation{Page: "“" + strings.TrimSuffix(title, ".") + ".” In " + st.Title + ", edited by " + st.Editors + ". " + url + "."}
	key := strings.NewReplacer("/", "-", ".html", "").Replace(sitePath)
	c.BibTeX = "@misc{" + key + ",\n  title = {" + bibEscape(title) + "},\n  editor = {" + bibEscape(st.Editors) +
		"},\n  howpublished = {" + bibEscape(st.Title) + "},\n  url = {" + url + "}\n}\n"
	c.RIS = "TY  - ELEC\nTI  - " + title + "\nED  - " + st.Editors + "\nT2  - " + st.Title + "\nUR  - " + url + "\nER  - \n"
	csl, _ := json.MarshalIndent([]map[string]any{{
		"id": key, "type": "webpage", "title": title, "container-title": st.Title,
		"editor": []map[string]string{{"literal": st.Editors}}, "URL": url,
	}}, "", "  ")
	c.CSLJSON = string(csl)
	return c
}

func bibEscape(s string) string {
	return strings.NewReplacer("{", `\{`, "}", `\}`, "&", `\&`, "%", `\%`, "#", `\#`).Replace(s)
}

func (b *builder) documentCitation(d *content.Document, p *Page) *Citation {
	c := b.pageCitation(d.Title, p.Path)
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
	p.Meta = append(p.Meta,
		Meta{"citation_title", d.Title},
		Meta{"citation_publisher", b.s.Ed.Site.Title},
		Meta{"DC.title", d.Title},
		Meta{"DC.type", "Text"},
		Meta{"DC.publisher", b.s.Ed.Site.Title},
	)
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
	if b.s.Ed.Site.BaseURL != "" {
		p.Meta = append(p.Meta, Meta{"citation_public_url", b.absURL(p.Path)})
	}
	ld, _ := json.Marshal(map[string]any{
		"@context": "https://schema.org", "@type": "ArchiveComponent", "name": d.Title,
		"dateCreated": d.Date.ISOAttr(), "isPartOf": map[string]string{"@type": "Collection", "name": b.s.Ed.Site.Title},
		"url": b.absURL(p.Path),
	})
	p.JSONLD = template.JS(ld)
	return c
}
