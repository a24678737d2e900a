package render

import (
	"html/template"

	"github.com/korean-war-sources/edition/internal/content"
)

// Page is what base.html receives. Data holds the page type's own view.
type Page struct {
	Type        string // template name
	Path        string // site path of the output file
	Title       string // the h1 and <title>
	Description string
	Nav         string // which navigation entry is current
	Site        *SiteView
	Canonical   string // absolute URL, "" when the site has no base_url
	Meta        []Meta // citation_* and DC.* tags
	JSONLD      template.JS
	Cite        *Citation // "Cite this page", nil on pages without
	EditURL     string
	Data        any
	Scripts     []string // extra scripts (root-marked URLs)
	Refresh     string   // for redirect pages: where to go
	// Series places the page among its neighbours (documents by date,
	// notes by number): the head links them as rel="prev"/"next" and the
	// page shows them. nil on pages that are not part of a series.
	Series *Series
	// Crumbs are the pages above this one, from the top: a breadcrumb
	// trail of links shown above the main content.
	Crumbs []Link
	// Root, when set, replaces relative links: the 404 page is served at
	// any depth of the site, so its links start from the base URL's path.
	Root string
}

// HeaderView is what the site header shows: the same on every page of a
// navigation entry.
type HeaderView struct {
	Title string
	Nav   []HeaderItem
}

// HeaderItem is an entry of the main navigation as one page shows it.
type HeaderItem struct {
	URL, Text string
	Current   string // the value of aria-current, "" when not current
}

// Header returns what the site header of p shows.
func (p *Page) Header() HeaderView {
	h := HeaderView{Title: p.Site.Title, Nav: make([]HeaderItem, len(p.Site.Nav))}
	for i, item := range p.Site.Nav {
		h.Nav[i] = HeaderItem{URL: item.URL(), Text: item.Text, Current: p.Current(item)}
	}
	return h
}

// Series is the previous and next page of a series, nil at its ends.
type Series struct {
	Label      string // the navigation's accessible name: "Documents in date order"
	Prev, Next *PageLink
}

// PageLink names a neighbouring page in a series: Rel is "Previous
// document" or "Next note", Text its title and Note small print (a date).
type PageLink struct {
	URL, Rel, Text, Note string
}

// Meta is one <meta name content> tag.
type Meta struct{ Name, Content string }

// Link is a titled URL.
type Link struct {
	URL, Text string
	Note      string // small print after the link
}

// SiteView is what every page shows of the edition itself.
type SiteView struct {
	Title, Subtitle, Lang, Description string
	ArticleAuthor, ArticleTitle        string
	Article                            string // the article as printed, cited
	Nav                                []NavItem
	Repository, License, Editors       string
}

// NavItem is an entry of the main navigation: the section Key, the site
// path of its index page and its label.
type NavItem struct {
	Key, Path, Text string
}

// URL is the link to the entry's index page.
func (n NavItem) URL() string { return URL(n.Path) }

// Current is the aria-current value of navigation entry item on page p:
// "page" on the entry's own page, "true" elsewhere in its section, ""
// outside it.
func (p *Page) Current(item NavItem) string {
	switch {
	case item.Key != p.Nav:
		return ""
	case item.Path == p.Path:
		return "page"
	}
	return "true"
}

func siteView(s content.Site) *SiteView {
	lang := s.Language
	if lang == "" {
		lang = "en"
	}
	return &SiteView{
		Title: s.Title, Subtitle: s.Subtitle, Lang: lang, Description: s.Description,
		ArticleAuthor: s.Article.Author, ArticleTitle: s.Article.Title, Article: articleCitation(s.Article),
		Repository: s.Repository, License: s.License, Editors: s.Editors,
		Nav: []NavItem{
			{"essay", "essay/index.html", "Essay & notes"},
			{"documents", "documents/index.html", "Documents"},
			{"persons", "persons/index.html", "People"},
			{"timeline", "timeline/index.html", "Timeline"},
			{"network", "network.html", "Network"},
			{"conflicts", "conflicts/index.html", "Conflicts"},
			{"bibliography", "bibliography.html", "Bibliography"},
			{"search", "search.html", "Search"},
			{"more", MorePath, "More"},
		},
	}
}
