package render_test

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEditorialLabels checks that what the editors add to the article is
// labelled as theirs on the page: an inferred date with its basis, a role
// known from elsewhere, spellings the sources never print, and the
// transcription's variant readings beside the printed ones.
func TestEditorialLabels(t *testing.T) {
	fsys := maps.Clone(tiny)
	fsys["persons/stalin.md"] = &fstest.MapFile{Data: []byte("---\nname: Stalin\nsort_name: Stalin\naliases: [Filippov]\nother_spellings: [Iosif Stalin]\nrole: Leader\noutside_role: General Secretary\n---\nBio.\n")}
	fsys["documents/1950-05-report.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A report of May\nkind: report\ndate: 1950-05\ndate_basis: 'The article says only \"in May\".'\nnature: contemporary\nfrom: [{person: mao}]\nto: [{person: stalin}]\n---\nHeadnote.\n")}
	fsys["essay/one.md"] = &fstest.MapFile{Data: []byte("---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    page: 44\n    readings: [{printed: nianhou, transcription: nianbou}]\n    text: '[[doc:1950-05-14-stalin-to-mao|Telegram]]; [[doc:1950-04-visit|Record]]; [[doc:1950-05-report|Report]] nianhou.'\n    context: c\n---\nGuide.\n")}
	_, out := buildFS(t, fsys)
	tests := []struct{ page, want string }{
		{"documents/1950-05-report.html", "editors' inference</span> The article says only &#34;in May&#34;."},
		{"timeline/index.html", "(date supplied by the editors)"},
		{"timeline/index.html", "editors' inference</span> The article says only &#34;in May&#34;."},
		{"persons/stalin.html", "editors' addition, not from the article</span> General Secretary"},
		{"persons/stalin.html", "Spellings not printed in the sources"},
		{"notes/1.html", "Printed on p. 44 of the journal."},
		{"notes/1.html", "print “nianhou”, transcription “nianbou”"},
	}
	for _, tt := range tests {
		if !strings.Contains(out[tt.page], tt.want) {
			t.Errorf("%s lacks %q", tt.page, tt.want)
		}
	}
	if strings.Contains(out["persons/mao.html"], "editors' addition") {
		t.Errorf("a person without outside_role is labelled with an editors' addition")
	}
}
