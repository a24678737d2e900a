package pipeline_test

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/linkcheck"
	"github.com/korean-war-sources/edition/internal/output"
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
	if err := output.Write(cfg.Out, res.Files, ""); err != nil {
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
		problems, err := linkcheck.Check(os.DirFS(out1), linkcheck.Options{BasePath: base.Path, ServerOnly: []string{"404.html"}})
		if err != nil {
			t.Fatal(err)
		}
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
