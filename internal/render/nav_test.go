package render

import (
	"os"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

func generatedPages(t *testing.T) (*site.Site, []*Page) {
	t.Helper()
	s := sitetest.Build(t, corpus.FS(40))
	return s, Pages(s, Options{})
}

func pagesByPath(pages []*Page) map[string]*Page {
	m := map[string]*Page{}
	for _, p := range pages {
		m[p.Path] = p
	}
	return m
}

// TestSeriesChains checks that following "next" from the first document
// (and the first note) visits every document in date order (every note in
// number order), and that "prev" is its mirror.
func TestSeriesChains(t *testing.T) {
	s, pages := generatedPages(t)
	byPath := pagesByPath(pages)
	var docs, notes []string
	for _, d := range s.DocsByDate {
		docs = append(docs, site.DocumentPath(d.ID))
	}
	for _, n := range s.NoteList {
		notes = append(notes, site.NotePath(n.Number))
	}
	for _, series := range []struct {
		name  string
		paths []string
	}{{"documents", docs}, {"notes", notes}} {
		if len(series.paths) < 3 {
			t.Fatalf("%s: only %d pages", series.name, len(series.paths))
		}
		for i, path := range series.paths {
			p := byPath[path]
			if p == nil || p.Series == nil {
				t.Fatalf("%s: page %s has no series", series.name, path)
			}
			wantPrev, wantNext := "", ""
			if i > 0 {
				wantPrev = URL(series.paths[i-1])
			}
			if i+1 < len(series.paths) {
				wantNext = URL(series.paths[i+1])
			}
			if got := linkURL(p.Series.Prev); got != wantPrev {
				t.Errorf("%s: prev of %s is %q, want %q", series.name, path, got, wantPrev)
			}
			if got := linkURL(p.Series.Next); got != wantNext {
				t.Errorf("%s: next of %s is %q, want %q", series.name, path, got, wantNext)
			}
		}
	}
}

func linkURL(l *PageLink) string {
	if l == nil {
		return ""
	}
	return l.URL
}

// TestSeriesMarkup renders a document in the middle of the series and
// checks the head's rel links and the visible ones.
func TestSeriesMarkup(t *testing.T) {
	s, pages := generatedPages(t)
	tpl, err := Load(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	byPath := pagesByPath(pages)
	mid := s.DocsByDate[len(s.DocsByDate)/2]
	prev, next := s.DocsByDate[len(s.DocsByDate)/2-1], s.DocsByDate[len(s.DocsByDate)/2+1]
	f, err := RenderPage(tpl, byPath[site.DocumentPath(mid.ID)])
	if err != nil {
		t.Fatal(err)
	}
	html := string(f.Data)
	head, body, _ := strings.Cut(html, "</head>")
	for _, want := range []string{
		`<link rel="prev" href="../documents/` + prev.ID + `.html">`,
		`<link rel="next" href="../documents/` + next.ID + `.html">`,
	} {
		if !strings.Contains(head, want) {
			t.Errorf("head lacks %s", want)
		}
	}
	for _, want := range []string{
		`<nav class="prevnext" aria-label="Documents in date order">`,
		`<a rel="prev" href="../documents/` + prev.ID + `.html">`,
		`<a rel="next" href="../documents/` + next.ID + `.html">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	first, err := RenderPage(tpl, byPath[site.DocumentPath(s.DocsByDate[0].ID)])
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(first.Data), `rel="prev"`) {
		t.Error("the first document links a previous one")
	}
}

// TestNavigationCurrent checks which entry of the main navigation each
// page marks, and how.
func TestNavigationCurrent(t *testing.T) {
	_, pages := generatedPages(t)
	byPath := pagesByPath(pages)
	tests := []struct {
		path, entry, current string
	}{
		{"conflicts/index.html", "Conflicts", "page"},
		{"network.html", "Network", "page"},
		{"documents/index.html", "Documents", "page"},
		{"glossary.html", "More", "true"},
		{"data/index.html", "More", "true"},
		{"about.html", "More", "true"},
		{MorePath, "More", "page"},
		{"timeline/index.html", "Timeline", "page"},
		{"timeline/event.html", "Timeline", "true"},
		{"search.html", "Search", "page"},
	}
	for _, tt := range tests {
		p := byPath[tt.path]
		if p == nil {
			t.Errorf("no page %s", tt.path)
			continue
		}
		var marked []string
		for _, item := range p.Site.header(p.Nav, p.Path).Nav {
			if item.Current != "" {
				marked = append(marked, item.Text+"="+item.Current)
			}
		}
		if want := tt.entry + "=" + tt.current; len(marked) != 1 || marked[0] != want {
			t.Errorf("%s marks %v, want [%s]", tt.path, marked, want)
		}
	}
	for _, p := range pages {
		if p.Type == "conflict" {
			if c := p.Site.header(p.Nav, p.Path).Nav[1].Current; c != "" {
				t.Errorf("%s marks Documents as current (%s)", p.Path, c)
			}
		}
	}
}
