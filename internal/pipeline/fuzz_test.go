package pipeline

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/export"
	"github.com/korean-war-sources/edition/internal/htmlcheck"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/site"
)

// fuzzContent is the rest of the edition around the fuzzed document.
var fuzzContent = fstest.MapFS{
	"site.yaml":         {Data: []byte("title: Fuzz\nbase_url: 'https://example.org/fuzz/'\nedit_url: 'https://example.org/edit/{path}'\narticle:\n  author: A\n  title: B\n")},
	"persons/stalin.md": {Data: []byte("---\nname: Joseph Stalin\nsort_name: Stalin, Joseph\naliases: [Filippov]\nrole: Soviet leader\n---\nLeader.\n")},
	"essay/one.md":      {Data: []byte("---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    text: '[[doc:x|The document]], in [[work:w|*W*]], p. 1.'\n    context: C.\n---\nSee [[note:1]].\n")},
	"bibliography.yaml": {Data: []byte("w:\n  type: book\n  authors: [A. Author]\n  sort: Author\n  title: 'W: A Book'\n  year: '1993'\n  as_printed: 'A. Author, *W*'\n")},
	"archives.yaml":     {Data: []byte("APRF:\n  name: Arkhiv\n  english: Archive\n")},
}

var (
	fuzzTemplates     *render.Templates
	fuzzTemplatesErr  error
	fuzzTemplatesOnce sync.Once
)

// FuzzRenderDocument builds and renders an edition whose one document
// is arbitrary. It must not panic; when the content is valid, every
// output path stays inside the site, no page carries a script element
// or event handler of the input's making, and the generated XML, JSON and
// search scripts are well-formed.
func FuzzRenderDocument(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) { renderDocument(t, data) })
}

// TestFuzzSeedsRender makes sure the seeds get past the content checks,
// so that the fuzzer starts from documents that are rendered.
func TestFuzzSeedsRender(t *testing.T) {
	seeds := map[string][]byte{}
	for i, seed := range fuzzSeeds {
		seeds[fmt.Sprintf("seed %d", i)] = []byte(seed)
	}
	corpus, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzRenderDocument", "*"))
	for _, file := range corpus {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		arg, ok := strings.CutPrefix(lines[len(lines)-1], "[]byte(")
		data, err := strconv.Unquote(strings.TrimSuffix(arg, ")"))
		if len(lines) != 2 || lines[0] != "go test fuzz v1" || !ok || err != nil {
			t.Fatalf("%s is not a corpus file of one []byte", file)
		}
		seeds[file] = []byte(data)
	}
	for name, seed := range seeds {
		if problems := renderDocument(t, seed); problems != "" {
			t.Errorf("%s does not build:\n%s", name, problems)
		}
	}
}

var fuzzSeeds = []string{
	"---\ntitle: T\nkind: telegram\ndate: 1950-01-30\nnature: contemporary\nfrom:\n  - person: stalin\n    as_written: Filippov\nto:\n  - name: Shtykov\n---\nBody[^a] [[person:stalin|*Filippov*]].\n\n[^a]: Note.\n",
	"---\ntitle: '<script>alert(1)</script>'\nkind: letter\nnature: memoir\ndate: 1950-02\ndescribes: 1949/1950\nmentions: [stalin]\narchive:\n  - repository: APRF\n    as_printed: '</script><script>alert(2)</script>'\n    note: 1\nquotations:\n  - text: '<b onclick=x()>q</b>'\n    translation: '\"></a><script>'\n    note: 1\neditorial_notes: ['<img src=x onerror=alert(3)>']\n---\n<script>alert(4)</script>\n\n[x](javascript:alert(5))\n",
	"---\ntitle: T\nkind: report\nnature: later-report\ntranslations:\n  - work: w\n    pages: '7–8'\n    modified: true\nrelated: [x]\n---\n# Heading\n\n| a | b |\n|---|---|\n| [[doc:x]] | [[note:1]] |\n",
}

// renderDocument builds the edition with data as documents/x.md and, if
// the content is valid, renders it and checks every file. It returns the
// content's problems, "" when it rendered.
func renderDocument(t *testing.T, data []byte) string {
	fuzzTemplatesOnce.Do(func() {
		fuzzTemplates, fuzzTemplatesErr = render.Load(os.DirFS(filepath.Join("..", "..", "templates")))
	})
	if fuzzTemplatesErr != nil {
		t.Fatal(fuzzTemplatesErr)
	}
	fsys := fstest.MapFS{"documents/x.md": {Data: data}}
	for k, v := range fuzzContent {
		fsys[k] = v
	}
	var diags diag.List
	ed, err := content.LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	s := site.BuildCached(ed, markdown.New(), nil, &diags)
	if diags.HasErrors(false) {
		return diags.String() // the pipeline stops here too
	}
	tables := export.Tables(s)
	var pages []*render.Page
	for _, v := range render.Views(s, pageOptions(Config{Archive: true}, func() []export.Table { return tables })) {
		pages = append(pages, v.Make()...)
	}
	rendered, err := render.Render(fuzzTemplates, pages)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	var cites render.Citations
	for _, p := range pages {
		cites.Add(p)
	}
	files := append(rendered, cites.Files(s)...)
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	extra, err := runAll(generators(s, paths, tables, buildIndex(s, nil)))
	if err != nil {
		t.Fatalf("generated files: %v", err)
	}
	for _, f := range append(files, slices.Concat(extra...)...) {
		for _, p := range outputProblems(f) {
			t.Errorf("%s: %s", f.Path, p)
		}
	}
	return ""
}

const searchPrefix = "(window.EditionSearch=window.EditionSearch||[]).push("

// outputProblems checks one output file.
func outputProblems(f output.File) []string {
	var problems []string
	if !output.Inside(f.Path) {
		problems = append(problems, "path leaves the output folder")
	}
	switch path.Ext(f.Path) {
	case ".html":
		problems = append(problems, htmlcheck.LiveScripts(f.Data, true)...)
	case ".json":
		if !json.Valid(f.Data) {
			problems = append(problems, "not valid JSON")
		}
	case ".xml":
		d := xml.NewDecoder(bytes.NewReader(f.Data))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				problems = append(problems, "not well-formed XML: "+err.Error())
				break
			}
		}
	case ".js":
		if payload, ok := bytes.CutPrefix(f.Data, []byte(searchPrefix)); ok {
			payload = bytes.TrimSuffix(bytes.TrimSpace(payload), []byte(";"))
			payload = bytes.TrimSuffix(payload, []byte(")"))
			if !json.Valid(payload) {
				problems = append(problems, "search script whose data is not JSON")
			}
		}
	}
	return problems
}

func TestOutputProblems(t *testing.T) {
	tests := []struct {
		f    output.File
		want int
	}{
		{output.File{Path: "a.html", Data: []byte(`<p>&lt;script&gt;</p><script src="assets/site.js"></script><script type="application/ld+json">{"a":"\u003c"}</script>`)}, 0},
		{output.File{Path: "a.html", Data: []byte(`<script>alert(1)</script>`)}, 1},
		{output.File{Path: "a.html", Data: []byte(`<a href=" javascript:x()" onmouseover="y()">a</a>`)}, 2},
		{output.File{Path: "../a.html", Data: nil}, 1},
		{output.File{Path: "feed.xml", Data: []byte(`<feed><title>a & b</title></feed>`)}, 1},
		{output.File{Path: "data/x.json", Data: []byte(`{"a":`)}, 1},
		{output.File{Path: "search/d-0.js", Data: []byte(searchPrefix + `{"a":"</script>"});` + "\n")}, 0},
		{output.File{Path: "search/d-0.js", Data: []byte(searchPrefix + `{"a":"x"}),alert(1);`)}, 1},
	}
	for _, tt := range tests {
		if got := outputProblems(tt.f); len(got) != tt.want {
			t.Errorf("outputProblems(%s %q) = %q, want %d problems", tt.f.Path, tt.f.Data, got, tt.want)
		}
	}
}
