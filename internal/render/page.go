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
	// HeadTitle is the <title>: Title and, but on the home page, the
	// site's title. Set by Execute.
	HeadTitle string
	// SiteHeader is what the site header shows. Set by Execute.
	SiteHeader *HeaderView
	// SourceStyles marks a page that shows highlighted source and
	// loads the highlighter's stylesheet.
	SourceStyles bool
	Canonical    string // absolute URL, "" when the site has no base_url
	Meta         []Meta // citation_* and DC.* tags
	JSONLD       template.JS
	Cite         *Citation // "Cite this page", nil on pages without
	EditURL      string
	Data         any
	Scripts      []string // extra scripts (root-marked URLs)
	Refresh      string   // for redirect pages: where to go
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

// header returns what the site header of page path, in navigation
// entry nav, shows: one of the views siteView made, so that a page
// allocates none and every page of an entry passes the same one.
func (v *SiteView) header(nav, path string) *HeaderView {
	for i, item := range v.Nav {
		if item.Key != nav {
			continue
		}
		if item.Path == path {
			return v.headers[2*i+1]
		}
		return v.headers[2*i]
	}
	return v.headers[len(v.headers)-1]
}

// headerViews returns the site headers of s: for each entry of the
// navigation, the header of a page in its section and of its own index
// page, then the header of a page outside every entry.
func headerViews(s *SiteView) []*HeaderView {
	view := func(current int, state string) *HeaderView {
		h := &HeaderView{Title: s.Title, Nav: make([]HeaderItem, len(s.Nav))}
		for i, item := range s.Nav {
			h.Nav[i] = HeaderItem{URL: item.URL(), Text: item.Text}
			if i == current {
				h.Nav[i].Current = state
			}
		}
		return h
	}
	var hs []*HeaderView
	for i := range s.Nav {
		hs = append(hs, view(i, "true"), view(i, "page"))
	}
	return append(hs, view(-1, ""))
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
	Nav                                []NavItem
	// Credits and Links are what the footer shows, the same on every
	// page: each is all that its partial is given, so that its cache
	// key is derived from a few strings rather than from the whole site.
	Credits SiteCredits
	Links   SiteLinks
	headers []*HeaderView // see header
}

// SiteCredits is what the "site-credits" partial shows.
type SiteCredits struct {
	Article          string // the article as printed, cited
	Editors, License string
}

// SiteLinks is what the "site-links" partial shows.
type SiteLinks struct {
	Repository string
}

// NavItem is an entry of the main navigation: the section Key, the site
// path of its index page and its label.
type NavItem struct {
	Key, Path, Text string
}

// URL is the link to the entry's index page.
func (n NavItem) URL() string { return URL(n.Path) }

func siteView(s content.Site) *SiteView {
	lang := s.Language
	if lang == "" {
		lang = "en"
	}
	v := &SiteView{
		Title: s.Title, Subtitle: s.Subtitle, Lang: lang, Description: s.Description,
		ArticleAuthor: s.Article.Author, ArticleTitle: s.Article.Title,
		Credits: SiteCredits{Article: articleCitation(s.Article), Editors: s.Editors, License: s.License},
		Links:   SiteLinks{Repository: s.Repository},
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
	v.headers = headerViews(v)
	return v
}
