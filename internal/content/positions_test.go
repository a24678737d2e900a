package content

import (
	"testing"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/subject"
)

func TestForgetPositions(t *testing.T) {
	keys := func() map[string]diag.Position { return map[string]diag.Position{"k": {File: "f", Line: 2}} }
	pos := diag.Position{File: "content/documents/a.md", Line: 1, Col: 1}
	d := &Document{ID: "a", Pos: pos, KeyPos: keys(), Title: "T",
		PublicTexts:    []PublicText{{KeyPos: keys()}, {KeyPos: keys()}},
		Transmission:   Transmission{KeyPos: keys()},
		Summary:        Summary{KeyPos: keys()},
		Disagreements:  []Disagreement{{KeyPos: keys()}},
		FullTextSearch: FullTextSearch{KeyPos: keys()},
	}
	ed := &Edition{Documents: []*Document{d}, Persons: []*Person{{ID: "p", KeyPos: keys()}},
		Site: Site{KeyPos: keys()}, Failed: map[subject.Subject]bool{subject.Of(subject.Work, "w"): true}}
	ForgetPositions(ed)
	left := map[string]map[string]diag.Position{
		"document": d.KeyPos, "public text 0": d.PublicTexts[0].KeyPos, "public text 1": d.PublicTexts[1].KeyPos,
		"transmission": d.Transmission.KeyPos, "summary": d.Summary.KeyPos,
		"disagreement": d.Disagreements[0].KeyPos, "full-text search": d.FullTextSearch.KeyPos,
		"person": ed.Persons[0].KeyPos, "site": ed.Site.KeyPos,
	}
	for name, m := range left {
		if m != nil {
			t.Errorf("the %s keeps its key positions", name)
		}
	}
	if d.Pos != pos || d.Title != "T" || d.ID != "a" {
		t.Errorf("the document lost more than its key positions: %+v", d)
	}
}
