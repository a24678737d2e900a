package pipeline_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/pipeline"
	"golang.org/x/net/html"
)

// buildReal builds the edition's own content/ into out.
func buildReal(t *testing.T, out string) *pipeline.Result {
	t.Helper()
	cfg := pipeline.Config{
		Content:   filepath.Join("..", "..", "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		Out:       out,
		Archive:   true,
	}
	res, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed(false) {
		t.Fatalf("the edition does not build:\n%s", res.Diags.String())
	}
	if err := pipeline.Write(res, cfg); err != nil {
		t.Fatal(err)
	}
	return res
}

// readTree reads every file below dir by slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole edition twice")
	}
	tmp := t.TempDir()
	out1, out2 := filepath.Join(tmp, "one"), filepath.Join(tmp, "two")
	res := buildReal(t, out1)
	buildReal(t, out2)
	site1, site2 := readTree(t, out1), readTree(t, out2)

	t.Run("deterministic", func(t *testing.T) {
		for p, b := range site1 {
			if other, ok := site2[p]; !ok {
				t.Errorf("%s is in the first build only", p)
			} else if !bytes.Equal(b, other) {
				t.Errorf("%s differs between two builds of the same content", p)
			}
		}
		for p := range site2 {
			if _, ok := site1[p]; !ok {
				t.Errorf("%s is in the second build only", p)
			}
		}
	})

	t.Run("links", func(t *testing.T) {
		base, err := url.Parse(res.Site.Ed.Site.BaseURL)
		if err != nil {
			t.Fatal(err)
		}
		problems := checkLinks(site1, base.Path)
		for _, p := range problems {
			t.Error(p)
		}
	})

	t.Run("notes", func(t *testing.T) {
		anchors := map[int][]string{}
		for p, b := range site1 {
			if !strings.HasPrefix(p, "essay/") || p == "essay/index.html" {
				continue
			}
			for id := range pageIDs(b) {
				if n, ok := strings.CutPrefix(id, "note-"); ok {
					if i, err := strconv.Atoi(n); err == nil {
						anchors[i] = append(anchors[i], p)
					}
				}
			}
		}
		for n := 1; n <= 81; n++ {
			if _, ok := site1["notes/"+strconv.Itoa(n)+".html"]; !ok {
				t.Errorf("note %d has no page notes/%d.html", n, n)
			}
			if len(anchors[n]) != 1 {
				t.Errorf("note %d is anchored as #note-%d in %d section pages %q, want exactly 1", n, n, len(anchors[n]), anchors[n])
			}
		}
		if _, ok := site1["notes/82.html"]; ok {
			t.Errorf("there is a page for note 82; the article has 81 notes")
		}
	})

	t.Run("summary", func(t *testing.T) {
		count := func(dir string) int {
			m, _ := filepath.Glob(filepath.Join("..", "..", "content", dir, "*.md"))
			return len(m)
		}
		pages := 0
		for p := range site1 {
			if strings.HasSuffix(p, ".html") {
				pages++
			}
		}
		m := regexp.MustCompile(`^built (\d+) pages \((\d+) documents, (\d+) persons, (\d+) notes\) in \S+$`).FindStringSubmatch(res.Summary())
		if m == nil {
			t.Fatalf("Summary() = %q, want built N pages (N documents, N persons, N notes) in T", res.Summary())
		}
		want := []int{pages, count("documents"), count("persons"), 81}
		for i, w := range want {
			if got, _ := strconv.Atoi(m[i+1]); got != w {
				t.Errorf("Summary() = %q: count %d is %d, want %d", res.Summary(), i+1, got, w)
			}
		}
		if want[1] < 60 || want[2] < 30 {
			t.Errorf("content/ has only %d documents and %d persons; is the path right?", want[1], want[2])
		}
	})
}

// pageIDs returns the ids of an HTML page, and the names of its <a name>.
func pageIDs(b []byte) map[string]bool {
	ids := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(b))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if a.Key == "id" || (a.Key == "name" && tok.Data == "a") {
				ids[a.Val] = true
			}
		}
	}
	return ids
}

// pageLinks returns every URL an HTML page refers to: href, src,
// xlink:href, form actions and meta refresh targets.
func pageLinks(b []byte) []string {
	var links []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		refresh := false
		for _, a := range tok.Attr {
			if a.Key == "http-equiv" && strings.EqualFold(a.Val, "refresh") {
				refresh = true
			}
		}
		for _, a := range tok.Attr {
			switch a.Key {
			case "href", "src", "xlink:href", "action", "poster":
				links = append(links, a.Val)
			case "content":
				if _, u, ok := strings.Cut(a.Val, "url="); ok && refresh {
					links = append(links, u)
				}
			}
		}
	}
	return links
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)`)

// checkLinks returns a line for each link of the site that does not
// resolve: a relative URL must name a file of the site (not a folder, as
// the edition must work from disk), and a #fragment an id of its page.
// Only 404.html, which a host serves at any depth, links from the root,
// by paths that start with basePath (the path of the site's base URL).
func checkLinks(files map[string][]byte, basePath string) []string {
	ids := map[string]map[string]bool{}
	idsOf := func(p string) map[string]bool {
		if ids[p] == nil {
			ids[p] = pageIDs(files[p])
		}
		return ids[p]
	}
	var problems []string
	check := func(page, link string) {
		if link == "" {
			problems = append(problems, fmt.Sprintf("%s: empty link", page))
			return
		}
		u, err := url.Parse(link)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %q: %v", page, link, err))
			return
		}
		switch {
		case strings.EqualFold(u.Scheme, "javascript"):
			problems = append(problems, fmt.Sprintf("%s: %q: javascript: URL", page, link))
			return
		case u.Scheme != "" || u.Host != "":
			return // external
		case strings.HasPrefix(u.Path, "/") && (page != "404.html" || basePath == "" || !strings.HasPrefix(u.Path, basePath)):
			problems = append(problems, fmt.Sprintf("%s: %q: root-absolute path does not work from disk", page, link))
			return
		}
		target := page
		if u.Path != "" {
			target = path.Join(path.Dir(page), u.Path)
			if strings.HasPrefix(u.Path, "/") {
				target = path.Clean(strings.TrimPrefix(u.Path, basePath))
			}
			if strings.HasPrefix(target, "../") || target == ".." {
				problems = append(problems, fmt.Sprintf("%s: %q: leaves the site", page, link))
				return
			}
			if _, ok := files[target]; !ok {
				problems = append(problems, fmt.Sprintf("%s: %q: no file %s", page, link, target))
				return
			}
		}
		if u.Fragment == "" {
			return
		}
		if !strings.HasSuffix(target, ".html") {
			problems = append(problems, fmt.Sprintf("%s: %q: fragment on %s, which is not a page", page, link, target))
			return
		}
		if !idsOf(target)[u.Fragment] {
			problems = append(problems, fmt.Sprintf("%s: %q: %s has no id %q", page, link, target, u.Fragment))
		}
	}
	var pages []string
	for p := range files {
		pages = append(pages, p)
	}
	slices.Sort(pages)
	for _, p := range pages {
		switch path.Ext(p) {
		case ".html":
			for _, l := range pageLinks(files[p]) {
				check(p, l)
			}
		case ".css":
			for _, m := range cssURL.FindAllSubmatch(files[p], -1) {
				check(p, string(m[1]))
			}
		}
	}
	return problems
}

func TestCheckLinks(t *testing.T) {
	files := map[string][]byte{
		"index.html": []byte(`<a href="docs/a.html#p-1">ok</a><a href="docs/a.html#nope">bad</a>
<a href="docs/b.html">missing</a><a href="docs/">folder</a><a href="/docs/a.html">absolute</a>
<a href="https://example.org/x#y">external</a><a href="#top" id="top">self</a><a href="#gone">self bad</a>
<a href="../up.html">outside</a><a href="javascript:alert(1)">js</a><img src="img/x%20y.png">
<meta http-equiv="refresh" content="0; url=docs/missing.html"><svg><a xlink:href="docs/a.html#svg-id"></a></svg>`),
		"404.html":        []byte(`<a href="/base/docs/a.html#p-1">ok</a><a href="/base/gone.html">gone</a><a href="/other/docs/a.html">other</a>`),
		"docs/a.html":     []byte(`<p id="p-1">x</p><g id="svg-id"></g><a href="../index.html#top">up</a><a name="legacy"></a><a href="#legacy">n</a>`),
		"img/x y.png":     nil,
		"assets/site.css": []byte(`a { background: url("../img/x%20y.png") } b { background: url(missing.png) }`),
	}
	got := checkLinks(files, "/base/")
	want := []string{
		`404.html: "/base/gone.html": no file gone.html`,
		`404.html: "/other/docs/a.html": root-absolute path does not work from disk`,
		`assets/site.css: "missing.png": no file assets/missing.png`,
		`index.html: "docs/a.html#nope": docs/a.html has no id "nope"`,
		`index.html: "docs/b.html": no file docs/b.html`,
		`index.html: "docs/": no file docs`,
		`index.html: "/docs/a.html": root-absolute path does not work from disk`,
		`index.html: "#gone": index.html has no id "gone"`,
		`index.html: "../up.html": leaves the site`,
		`index.html: "javascript:alert(1)": javascript: URL`,
		`index.html: "docs/missing.html": no file docs/missing.html`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("checkLinks =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
