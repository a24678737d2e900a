package browsertest

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// edition is the built site, served, with a browser to look at it.
type edition struct {
	dir     string            // the built site on disk
	base    string            // its URL on the local server, ending in "/"
	browser context.Context   // Chromium, shared by the tabs of the subtests
	axe     string            // the source of axe.min.js
	types   map[string]string // page path → page type
}

// TestBrowser loads the edition in Chromium and checks each page type,
// search, footnotes, paragraph links, the timeline filter, reading from
// disk and accessibility, and takes screenshots.
func TestBrowser(t *testing.T) {
	chromium := tool(t, "EDITION_CHROMIUM")
	axe, err := os.ReadFile(tool(t, "EDITION_AXE"))
	if err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	s := buildSite(t)
	e := &edition{dir: s.dir, base: serve(t, s), browser: startBrowser(t, chromium), axe: string(axe),
		types: pageTypes(t, s.dir)}
	t.Run("pages", e.testPages)
	t.Run("search", e.testSearch)
	t.Run("footnotes", e.testFootnotes)
	t.Run("pilcrows", e.testPilcrows)
	t.Run("timeline-filter", e.testTimelineFilter)
	t.Run("file-url", e.testFileURL)
	t.Run("prev-next", e.testPrevNext)
	t.Run("navigation", e.testNavigation)
	t.Run("figures", e.testFigures)
	t.Run("print", e.testPrint)
	t.Run("notfound-fallback", e.testNotFoundFallback)
	t.Run("archive-filter-count", e.testArchiveFilterCount)
	t.Run("cite-box", e.testCiteBox)
	t.Run("screenshots", e.testScreenshots)
}

// url is the served address of a page of the site.
func (e *edition) url(page string) string { return e.base + page }

// fileURL is the file:// address of a page of the site.
func (e *edition) fileURL(page string) string {
	return "file://" + filepath.ToSlash(filepath.Join(e.dir, filepath.FromSlash(page)))
}

var bodyType = regexp.MustCompile(`<body class="page-([a-z0-9-]+)`)

// pageTypes maps each page of the build to its type, the page-… class of
// its body.
func pageTypes(t *testing.T, dir string) map[string]string {
	t.Helper()
	types := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if m := bodyType.FindSubmatch(b); m != nil {
			types[filepath.ToSlash(rel)] = string(m[1])
		} else {
			t.Errorf("%s: no <body class=\"page-…\">, so its page type is unknown", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return types
}

// pageType is a page the checks visit, named for the kind of page.
type pageType struct{ name, path string }

// namedPages are the pages of each type that the checks visit: chosen to
// show the most features of their type (quotations, footnotes, figures).
var namedPages = []pageType{
	{"home", "index.html"},
	{"document", "documents/1950-05-13-roshchin-to-stalin.html"},
	{"document-annotated", "documents/1950-03-18-stalin-to-shtykov.html"},
	{"document-memoir", "documents/kovalev-memoir.html"},
	{"documents", "documents/index.html"},
	{"documents-by-archive", "documents/by-archive.html"},
	{"documents-by-kind", "documents/by-kind.html"},
	{"documents-by-sender", "documents/by-sender.html"},
	{"person", "persons/stalin.html"},
	{"persons", "persons/index.html"},
	{"notes", "essay/index.html"},
	{"section", "essay/calculations.html"},
	{"note", "notes/27.html"},
	{"timeline", "timeline/index.html"},
	{"timeline-memoir", "timeline/memoir.html"},
	{"bibliography", "bibliography.html"},
	{"about", "about.html"},
	{"notfound", "404.html"},
	{"conflicts", "conflicts/index.html"},
	{"conflict", "conflicts/may-1950-telegram-sender.html"},
	{"glossary", "glossary.html"},
	{"more", "more.html"},
	{"network", "network.html"},
	{"search", "search.html"},
	{"packet", "packets/stalin-january-1950.html"},
	{"packet-print", "packets/stalin-january-1950-print.html"},
	{"source", "documents/1950-05-13-roshchin-to-stalin.source.html"},
}

// pages returns the named pages and, for every other page type of the
// build, its first page; so a new kind of page is checked too.
func (e *edition) pages(t *testing.T) []pageType {
	t.Helper()
	covered := map[string]bool{}
	var out []pageType
	for _, p := range namedPages {
		typ, ok := e.types[p.path]
		if !ok {
			t.Errorf("page %s (%s) is not in the build; update namedPages in internal/browsertest/browser_test.go", p.path, p.name)
			continue
		}
		covered[typ] = true
		out = append(out, p)
	}
	for _, path := range slices.Sorted(maps.Keys(e.types)) {
		typ := e.types[path]
		// A redirect page leaves at once for its target, which is checked
		// in its own right; the link checker covers the redirect.
		if !covered[typ] && typ != "redirect" {
			covered[typ] = true
			out = append(out, pageType{typ, path})
		}
	}
	return out
}
