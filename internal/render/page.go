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
	// Root, when set, replaces relative links: the 404 page is served at
	// any depth of the site, so its links start from the base URL's path.
	Root string
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

// NavItem is an entry of the main navigation.
type NavItem struct {
	Key, URL, Text string
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
			{"essay", URL("essay/index.html"), "Essay & notes"},
			{"documents", URL("documents/index.html"), "Documents"},
			{"persons", URL("persons/index.html"), "People"},
			{"timeline", URL("timeline/index.html"), "Timeline"},
			{"bibliography", URL("bibliography.html"), "Bibliography"},
			{"search", URL("search.html"), "Search"},
			{"about", URL("about.html"), "About"},
		},
	}
}
