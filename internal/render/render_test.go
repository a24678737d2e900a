package render_test

import (
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/figure"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/sitetest"
)

// tiny is an edition small enough to reason about: three documents with
// full, partial and ranged dates, a pseudonym, an event and a redirect.
var tiny = fstest.MapFS{
	"site.yaml":                             {Data: []byte("title: Tiny\neditors: the editors\nbase_url: https://example.org/t/\narticle: {author: A, title: T}\n")},
	"archives.yaml":                         {Data: []byte("APRF: {name: Arkhiv, english: Archive}\n")},
	"documents/1950-05-14-stalin-to-mao.md": {Data: []byte("---\ntitle: Stalin to Mao\nkind: telegram\ndate: 1950-05-14\nnature: contemporary\nfrom: [{person: stalin, as_written: Filippov}]\nto: [{person: mao}]\n---\nSee [[doc:1950-05-report]].\n")},
	"documents/1950-05-report.md":           {Data: []byte("---\ntitle: A report of May\nkind: report\ndate: 1950-05\nnature: contemporary\nfrom: [{person: mao}]\nto: [{person: stalin}]\n---\nHeadnote.\n")},
	"documents/1950-04-visit.md":            {Data: []byte("---\ntitle: Visit record\nkind: conversation-record\ndate: 1950-04-08/1950-04-25\nnature: contemporary\nfrom: [{person: stalin}]\nto: [{person: mao, as_written: Mao-Tsze-Dunom, lang: ru}]\n---\nHeadnote.\n")},
	"persons/stalin.md":                     {Data: []byte("---\nname: Stalin\nsort_name: Stalin\naliases: [Filippov]\nrole: Leader\n---\nBio.\n")},
	"persons/mao.md":                        {Data: []byte("---\nname: Mao\nsort_name: Mao\nrole: Chairman\nlang: zh\n---\nBio.\n")},
	"essay/one.md":                          {Data: []byte("---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    text: '[[doc:1950-05-14-stalin-to-mao|Telegram]]; [[doc:1950-04-visit|Record]]; [[doc:1950-05-report|Report]].'\n    context: c\n---\nGuide.\n")},
	"events.yaml":                           {Data: []byte("may-1950:\n  title: May\n  date: 1950-05\n  summary: s\n  notes: [1]\n  documents: [1950-05-report]\n")},
	"redirects.yaml":                        {Data: []byte("documents/old-name.html: {to: 'doc:1950-05-report'}\n")},
}

func build(t *testing.T) (*site.Site, map[string]string) {
	t.Helper()
	return buildFS(t, tiny)
}

func buildFS(t *testing.T, fsys fstest.MapFS) (*site.Site, map[string]string) {
	t.Helper()
	s := sitetest.BuildStrict(t, fsys)
	tpl, err := render.Load(os.DirFS("../../templates"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Render(tpl, render.Pages(s, render.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	return s, out
}

// TestTimelineOrder checks that a month alone sorts before the days of
// the month and a range by its first day.
func TestTimelineOrder(t *testing.T) {
	_, out := build(t)
	page := out["timeline/index.html"]
	// The figure lists the same titles; the order that matters is the list's.
	_, page, _ = strings.Cut(page, `<ol class="timeline">`)
	order := []string{"Visit record", "A report of May", ">May<", "Stalin to Mao"}
	last := -1
	for _, title := range order {
		i := strings.Index(page, title)
		if i < 0 {
			t.Fatalf("timeline lacks %q", title)
		}
		if i < last {
			t.Errorf("timeline shows %q out of order; want %v", title, order)
		}
		last = i
	}
	for _, want := range []string{"8–25 April 1950", "range of days", "month only", "exact day"} {
		if !strings.Contains(page, want) {
			t.Errorf("timeline lacks the precision label %q", want)
		}
	}
}

// TestBacklinks checks that every reference has its reverse on the page
// it points to.
func TestBacklinks(t *testing.T) {
	s, out := build(t)
	report := out["documents/1950-05-report.html"]
	for _, want := range []string{
		`href="../essay/one.html#note-1">1</a>`,             // cited in note 1
		`href="../documents/1950-05-14-stalin-to-mao.html"`, // referred to by
		`href="../timeline/index.html#event-may-1950"`,      // event it attests
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report page lacks backlink %s", want)
		}
	}
	if got := s.PersonSent["stalin"]; len(got) != 2 {
		t.Errorf("Stalin sent %v, want the telegram signed Filippov and the visit record", got)
	}
	tel := out["documents/1950-05-14-stalin-to-mao.html"]
	if !strings.Contains(tel, `<span class="as-written">Filippov</span> [<a href="../persons/stalin.html">Stalin</a>]`) {
		t.Error("telegram page does not show the name as written with the resolved person")
	}
	// A name as written is marked in the language the entry gives, else
	// in the person's.
	if !strings.Contains(out["documents/1950-04-visit.html"], `<span class="as-written" lang="ru-Latn">Mao-Tsze-Dunom</span>`) {
		t.Error("visit record does not mark Mao-Tsze-Dunom as Russian")
	}
	if !strings.Contains(out["persons/index.html"], "Filippov</span>, pseudonym of") {
		t.Error("persons index lacks the cross-reference from the pseudonym")
	}
}

func TestRedirectPage(t *testing.T) {
	_, out := build(t)
	page, ok := out["documents/old-name.html"]
	if !ok {
		t.Fatal("no redirect page for documents/old-name.html")
	}
	if !strings.Contains(page, `<meta http-equiv="refresh" content="0; url=../documents/1950-05-report.html">`) {
		t.Errorf("redirect page does not refresh to the new page:\n%s", page)
	}
}

func TestNetworkSVG(t *testing.T) {
	s, _ := build(t)
	n := site.Correspondence(s)
	url := func(p string) string { return "../" + p }
	svg := figure.NetworkSVG(s, n, url)
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("network is not well-formed XML: %v", err)
		}
	}
	if figure.NetworkSVG(s, n, url) != svg {
		t.Error("NetworkSVG is not deterministic")
	}
	if len(n.Edges) != 2 || n.Edges[0].From != "mao" || n.Edges[1].Count != 2 {
		t.Errorf("edges = %+v, want mao→stalin ×1 and stalin→mao ×2", n.Edges)
	}
}

func TestNaturalCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"9", "45", -1}, {"45", "059a", -1}, {"059a", "331", -1}, {"5a", "5", 1}, {"13–14", "57", -1}, {"", "1", 1}, {"331", "331", 0},
	}
	for _, tt := range tests {
		if got := render.NaturalCompare(tt.a, tt.b); got != tt.want {
			t.Errorf("NaturalCompare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPagesLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"6", "p. 6"}, {"7–8", "pp. 7–8"}, {"440, 454–455", "pp. 440, 454–455"}, {"100-103", "pp. 100-103"},
	}
	for _, tt := range tests {
		if got := render.PagesLabel(tt.in); got != tt.want {
			t.Errorf("PagesLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
