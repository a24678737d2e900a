// Package feeds writes the files that machines read: sitemap.xml,
// robots.txt and an Atom feed of the documents. Absolute URLs need the
// site's base_url; without it the sitemap and feed are left out and
// robots.txt allows everything.
package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/site"
)

// Files returns sitemap.xml, robots.txt and feed.xml for the pages at
// paths (site paths of every HTML page, in output order).
func Files(s *site.Site, paths []string) ([]output.File, error) {
	base := strings.TrimSuffix(s.Ed.Site.BaseURL, "/")
	robots := "User-agent: *\nAllow: /\n"
	if base == "" {
		return []output.File{{Path: "robots.txt", Data: []byte(robots)}}, nil
	}
	robots += "Sitemap: " + base + "/sitemap.xml\n"
	sitemap, err := sitemapXML(base, paths)
	if err != nil {
		return nil, err
	}
	feed, err := atom(s, base)
	if err != nil {
		return nil, err
	}
	return []output.File{
		{Path: "robots.txt", Data: []byte(robots)},
		{Path: "sitemap.xml", Data: sitemap},
		{Path: "feed.xml", Data: feed},
	}, nil
}

func sitemapXML(base string, paths []string) ([]byte, error) {
	type url struct {
		Loc string `xml:"loc"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range paths {
		if p == "404.html" || strings.HasSuffix(p, ".source.html") {
			continue
		}
		set.URLs = append(set.URLs, url{Loc: base + "/" + p})
	}
	return marshal(set)
}

func atom(s *site.Site, base string) ([]byte, error) {
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	}
	type feed struct {
		XMLName xml.Name `xml:"feed"`
		NS      string   `xml:"xmlns,attr"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Links   []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}
	// The feed's dates are the edition's fixed epoch, not the build time,
	// so that two builds of the same content are byte-identical.
	const updated = "2026-01-01T00:00:00Z"
	f := feed{NS: "http://www.w3.org/2005/Atom", Title: s.Ed.Site.Title + ": documents", ID: base + "/",
		Links: []link{{Href: base + "/feed.xml", Rel: "self"}, {Href: base + "/"}}, Updated: updated}
	f.Author.Name = s.Ed.Site.Editors
	for _, d := range s.DocsByDate {
		u := base + "/" + site.DocumentPath(d.ID)
		sum := d.Kind
		if !d.Date.IsZero() {
			sum = fmt.Sprintf("%s, %s", d.Kind, d.Date.Display())
		}
		f.Entries = append(f.Entries, entry{Title: d.Title, ID: u, Link: link{Href: u}, Updated: updated, Summary: sum})
	}
	return marshal(f)
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("writing XML: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
