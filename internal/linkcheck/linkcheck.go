// Package linkcheck verifies the internal links of a built site: every
// relative URL of a page (href, src and the like) or of a stylesheet
// (url(...)) must name a file of the site, and every #fragment an element
// of the target page. The edition must work when opened from disk, so
// links to folders (which only a web server resolves to index.html) and
// root-absolute paths count as broken too, as do empty links and
// javascript: URLs.
package linkcheck

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Problem is one broken link.
type Problem struct {
	Page   string // slash-separated path of the page holding the link
	Link   string // the link as written
	Reason string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %q: %s", p.Page, p.Link, p.Reason)
}

// Options say where the site is served, for the pages that need it.
type Options struct {
	// BasePath is the URL path the site is published under, such as
	// "/korean-war-sources/"; "" means "/".
	BasePath string
	// ServerOnly names the pages that only a web server shows, such as a
	// 404 page served at any depth: they may use root-absolute links below
	// BasePath. Everywhere else such links break when the site is opened
	// from disk, and count as broken.
	ServerOnly []string
}

// page is what the checker needs to know about one HTML file.
type page struct {
	ids   map[string]bool
	links []string
}

// Check reads every .html file of fsys and returns the broken links,
// sorted by page. The error reports files that cannot be read or parsed.
func Check(fsys fs.FS, opts Options) ([]Problem, error) {
	base := path.Join("/", opts.BasePath, "/")
	if base != "/" {
		base += "/"
	}
	pages := map[string]*page{}    // the HTML pages
	links := map[string][]string{} // of pages and stylesheets
	files := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		files[p] = true
		switch path.Ext(p) {
		case ".html":
			pg, err := parse(fsys, p)
			if err != nil {
				return err
			}
			pages[p] = pg
			links[p] = pg.links
		case ".css":
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			links[p] = cssLinks(b)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var probs []Problem
	for name, ls := range links {
		for _, link := range ls {
			if reason := resolve(name, link, base, slices.Contains(opts.ServerOnly, name), files, pages); reason != "" {
				probs = append(probs, Problem{Page: name, Link: link, Reason: reason})
			}
		}
	}
	sort.Slice(probs, func(i, j int) bool {
		if probs[i].Page != probs[j].Page {
			return probs[i].Page < probs[j].Page
		}
		return probs[i].Link < probs[j].Link
	})
	return probs, nil
}

// resolve returns why link, found on page name, is broken, or "". A page
// served only by a server may use root-absolute links below base.
func resolve(name, link, base string, serverOnly bool, files map[string]bool, pages map[string]*page) string {
	if strings.TrimSpace(link) == "" {
		return "empty link"
	}
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return "not a valid URL: " + err.Error()
	}
	if strings.EqualFold(u.Scheme, "javascript") {
		return "javascript: URL; the page must work without JavaScript"
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external: not this checker's business
	}
	target := name
	switch {
	case strings.HasPrefix(u.Path, "/") && !serverOnly:
		return "root-absolute path; it breaks when the site is opened from disk"
	case strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(u.Path, base):
		return "root-absolute path outside the site's base path " + base
	case strings.HasPrefix(u.Path, "/"):
		target = path.Clean(strings.TrimPrefix(u.Path, base))
	case u.Path != "":
		target = path.Join(path.Dir(name), u.Path)
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		return "leaves the site"
	}
	if !files[target] {
		if files[path.Join(target, "index.html")] || isDir(target, files) {
			return "links to the folder " + target + "; name its index.html so the link works from disk"
		}
		return "no file " + target
	}
	frag := u.Fragment
	if frag == "" {
		return ""
	}
	pg := pages[target]
	if pg == nil {
		return "fragment #" + frag + " on " + target + ", which is not an HTML page"
	}
	if !pg.ids[frag] {
		return "no element with id " + strconv.Quote(frag) + " in " + target
	}
	return ""
}

func isDir(p string, files map[string]bool) bool {
	for f := range files {
		if strings.HasPrefix(f, p+"/") {
			return true
		}
	}
	return false
}

// urlAttrs are the attributes holding a URL on any element; object's
// data, srcset and xlink:href are handled apart.
var urlAttrs = []string{"href", "src", "action", "poster"}

// cssURL matches the url(...) of a stylesheet.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// cssLinks returns the URLs of a stylesheet's url(...) values.
func cssLinks(b []byte) []string {
	var links []string
	for _, m := range cssURL.FindAllSubmatch(b, -1) {
		links = append(links, string(m[1]))
	}
	return links
}

func parse(fsys fs.FS, name string) (*page, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Without scripting, the content of <noscript> is parsed as markup,
	// so its links are checked too.
	doc, err := html.ParseWithOptions(f, html.ParseOptionEnableScripting(false))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	pg := &page{ids: map[string]bool{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			pg.element(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return pg, nil
}

// element records the ids an element defines and the links it holds.
func (pg *page) element(n *html.Node) {
	for _, a := range n.Attr {
		switch {
		case a.Key == "id" && a.Namespace == "":
			pg.ids[a.Val] = true
		case a.Key == "name" && n.Data == "a" && a.Namespace == "":
			pg.ids[a.Val] = true
		case a.Key == "href" && a.Namespace == "xlink":
			pg.links = append(pg.links, a.Val)
		case a.Namespace == "" && (slices.Contains(urlAttrs, a.Key) || (a.Key == "data" && n.Data == "object")):
			pg.links = append(pg.links, a.Val)
		case a.Key == "srcset" && (n.Data == "img" || n.Data == "source"):
			for _, cand := range strings.Split(a.Val, ",") {
				if fields := strings.Fields(cand); len(fields) > 0 {
					pg.links = append(pg.links, fields[0])
				}
			}
		}
	}
	if n.Data == "meta" && strings.EqualFold(attr(n, "http-equiv"), "refresh") {
		if target := refreshURL(attr(n, "content")); target != "" {
			pg.links = append(pg.links, target)
		}
	}
}

// refreshURL returns the url= part of a meta refresh, like "0; url=x.html".
func refreshURL(content string) string {
	_, rest, ok := strings.Cut(content, ";")
	if !ok {
		return ""
	}
	rest = strings.TrimSpace(rest)
	if len(rest) < 4 || !strings.EqualFold(rest[:4], "url=") {
		return ""
	}
	return strings.Trim(strings.TrimSpace(rest[4:]), `'"`)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}
