package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/diag"
)

// FuzzFrontMatter loads one arbitrary file as a document, a person and an
// essay section. Loading must not panic, and every problem must be placed
// on a line and column of that file (or 1:1 of another file).
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: T\nkind: telegram\ndate: 1950-01-30\nnature: contemporary\nfrom:\n  - person: stalin\n---\nBody[^a].\n\n[^a]: Note.\n"))
	f.Add([]byte("\uFEFF---\r\nname: N\r\nsort_name: N\r\nrole: R\r\n---\r\nBody\r\n"))
	f.Add([]byte("---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    text: |-\n      [[doc:x|X]]\n    context: C\n---\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nkind: [x\n---\n"))
	f.Add([]byte("---\na: &a [*a]\n---\n"))
	f.Add([]byte("---\ndate: 1950-02-30/1949\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"site.yaml":          {Data: []byte("title: T\narticle:\n  author: A\n  title: B\n")},
			"documents/x.md":     {Data: data},
			"persons/x.md":       {Data: data},
			"essay/x.md":         {Data: data},
			"packets/x.yaml":     {Data: data},
			"bibliography.yaml":  {Data: data},
			"documents/other.md": {Data: []byte("---\ntitle: T\nkind: letter\nnature: memoir\n---\nBody.\n")},
		}
		var diags diag.List
		ed, err := LoadCached(fsys, "content", nil, &diags)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		if ed == nil {
			t.Fatal("Load returned no edition")
		}
		// CRLF, CR and LF each end a line.
		text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n")
		lines := strings.Count(text, "\n") + 1
		for _, d := range diags.Items() {
			if d.Pos.File == "" || d.Pos.Line < 1 || d.Pos.Col < 1 {
				t.Errorf("problem without a full position: %s", d)
			}
			if d.Pos.File != "content/site.yaml" && d.Pos.File != "content/documents/other.md" && d.Pos.Line > lines {
				t.Errorf("problem placed after the end of the %d-line file: %s", lines, d)
			}
		}
	})
}
