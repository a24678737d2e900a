package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

func TestCorpusBuildsWithoutDiagnostics(t *testing.T) {
	for _, n := range []int{1, 2, 100} {
		var diags diag.List
		ed, err := content.Load(FS(n), "content", &diags)
		if err != nil {
			t.Fatal(err)
		}
		s := site.Build(ed, markdown.New(), &diags)
		if e, w := diags.Count(); e+w > 0 {
			t.Fatalf("corpus of %d documents: %d errors, %d warnings:\n%s", n, e, w, diags.String())
		}
		if got := len(s.Ed.Documents); got != n {
			t.Errorf("corpus of %d documents loads %d", n, got)
		}
		for _, d := range s.Ed.Documents {
			if len(s.DocCitedIn[d.ID]) == 0 {
				t.Errorf("document %s is cited by no note", d.ID)
			}
		}
	}
}

func TestCorpusIsDeterministic(t *testing.T) {
	a, b := FS(100), FS(100)
	if len(a) != len(b) {
		t.Fatalf("two runs made %d and %d files", len(a), len(b))
	}
	for p, f := range a {
		if g, ok := b[p]; !ok || !bytes.Equal(f.Data, g.Data) {
			t.Fatalf("two runs differ at %s", p)
		}
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 20); err != nil {
		t.Fatal(err)
	}
	want := FS(20)
	for p, f := range want {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Fatalf("%s on disk differs from FS (%v)", p, err)
		}
	}
	if err := Write(dir, 20); err == nil {
		t.Error("Write into a non-empty folder succeeded")
	}
}

func TestDocumentShape(t *testing.T) {
	var diags diag.List
	ed, err := content.Load(FS(100), "content", &diags)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ed.Documents {
		words := len(bytes.Fields([]byte(d.Body.Src)))
		if words < 250 || words > 700 {
			t.Errorf("%s: headnote has %d words", d.ID, words)
		}
	}
	if got := len(ed.Persons); got != 60 {
		t.Errorf("%d persons, want 60", got)
	}
}

// TestHugoFS checks that the Hugo form of a corpus keeps every document,
// its title and date, and turns every cross-reference into plain Markdown.
var hugoDate = regexp.MustCompile(`\ndate: "?([^"\n]*)"?\n`)

func TestHugoFS(t *testing.T) {
	const n = 400
	site, err := HugoFS(n)
	if err != nil {
		t.Fatal(err)
	}
	docs := 0
	for p, f := range site {
		if !strings.HasPrefix(p, "content/documents/") {
			continue
		}
		docs++
		text := string(f.Data)
		if strings.Contains(text, "[[") {
			t.Errorf("%s keeps a [[kind:id]] reference", p)
		}
		if !strings.Contains(text, "\ntitle: ") {
			t.Errorf("%s lacks a title:\n%.200s", p, text)
		}
		// Hugo refuses a build whose front matter date it cannot parse.
		date := hugoDate.FindStringSubmatch(text)
		if date == nil {
			t.Errorf("%s lacks a date:\n%.200s", p, text)
		} else if _, err := time.Parse("2006-01-02", date[1]); err != nil {
			t.Errorf("%s: date %q is not a day: %v", p, date[1], err)
		}
	}
	if docs != n {
		t.Errorf("HugoFS(%d) has %d documents", n, docs)
	}
	if _, ok := site["hugo.toml"]; !ok {
		t.Error("HugoFS has no hugo.toml")
	}
}
