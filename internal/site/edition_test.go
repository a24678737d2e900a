package site_test

import (
	"os"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// TestRealEdition checks the edition's own content for consistency: it
// loads without errors or warnings, the article's notes 1–81 each exist
// once, every document is cited by a note, and every note cites something.
func TestRealEdition(t *testing.T) {
	var diags diag.List
	ed, err := content.LoadCached(os.DirFS("../../content"), "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	s := site.BuildCached(ed, markdown.New(), nil, &diags)
	if items := diags.Items(); len(items) > 0 {
		t.Errorf("the edition has %s:\n%s", diags.Summary(), diags.String())
	}
	const notes = 81
	if len(s.NoteList) != notes {
		t.Errorf("the edition has %d notes, want %d", len(s.NoteList), notes)
	}
	for n := 1; n <= notes; n++ {
		if s.Notes[n] == nil {
			t.Errorf("note %d is missing", n)
		}
	}
	for _, d := range ed.Documents {
		if len(s.DocCitedIn[d.ID]) == 0 {
			t.Errorf("document %s is cited by no note", d.ID)
		}
		if d.Date.IsZero() && len(d.EditorialNotes) == 0 {
			t.Errorf("document %s has no date and no editorial note saying why", d.ID)
		}
	}
	for _, n := range s.NoteList {
		if len(s.NoteRefs[n.Number]) == 0 && len(n.Documents) == 0 && n.Uncited == "" {
			t.Errorf("note %d cites nothing", n.Number)
		}
	}
	if id := s.PersonByName[site.Fold("Filippov")]; id != "stalin" {
		t.Errorf("Filippov resolves to %q, want stalin", id)
	}
	for _, w := range ed.Works {
		if len(s.WorkCitedIn[w.ID]) == 0 && !w.AddedByEditors {
			t.Errorf("work %s is cited by no note", w.ID)
		}
	}
}
