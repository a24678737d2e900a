package pipeline_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/want from the current templates")

// goldenPages are compared byte for byte with testdata/golden/want, where
// each is stored under its path with "/" written as "_".
var goldenPages = []string{
	"documents/1949-09-24-politburo-resolution.html", // footnotes (one used twice), a quotation, an alias as a label
	"persons/stalin.html",                            // a person with an alias
	"essay/context.html",                             // a section with two notes
	"notes/1.html",
}

func goldenName(page string) string { return strings.ReplaceAll(page, "/", "_") }

func TestGoldenPages(t *testing.T) {
	if *update && os.Getenv("CI") != "" {
		t.Fatal("refusing to rewrite golden files when CI is set")
	}
	res, err := pipeline.Run(pipeline.Config{
		Content:   filepath.Join("testdata", "golden", "content"),
		Templates: filepath.Join("..", "..", "templates"),
		Static:    filepath.Join("..", "..", "static"),
		// site.yaml's placeholder address would warn; the published
		// address replaces it, as the deploy workflow's -base-url does.
		BaseURL: "https://owner.github.io/golden/",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed(true) {
		t.Fatalf("the golden content has problems:\n%s", res.Diags.String())
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	dir := filepath.Join("testdata", "golden", "want")
	for _, page := range goldenPages {
		got, ok := files[page]
		if !ok {
			t.Errorf("the build has no page %s", page)
			continue
		}
		path := filepath.Join(dir, goldenName(page))
		if *update {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%v (run go test ./internal/pipeline -run TestGoldenPages -update to create it)", err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from %s (-update rewrites it): %s", page, path, firstDifference(string(got), string(want)))
		}
	}
	// A golden file no page produces any more is stale.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !slices.ContainsFunc(goldenPages, func(p string) bool { return goldenName(p) == e.Name() }) {
			t.Errorf("%s is not one of the golden pages; remove it", filepath.Join(dir, e.Name()))
		}
	}
}

// firstDifference describes the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n  got:  %s\n  want: %s", i+1, gl, wl)
		}
	}
	return "(no line differs)"
}
