package site_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// A small valid edition; tests replace or add files.
var base = map[string]string{
	"site.yaml":          "title: T\narticle:\n  author: A\n  title: B\n",
	"persons/stalin.md":  "---\nname: Joseph Stalin\nsort_name: Stalin, Joseph\naliases: [Filippov]\nrole: Leader\n---\nLeader.\n",
	"persons/shtykov.md": "---\nname: Terentii Shtykov\nsort_name: Shtykov, Terentii\nrole: Ambassador\n---\nAmbassador.\n",
	"documents/a.md":     "---\ntitle: Telegram A\nkind: telegram\ndate: 1950-01-30\nnature: contemporary\nfrom:\n  - person: stalin\nto:\n  - person: shtykov\n---\nSent by [[person:stalin]].\n",
	"essay/one.md":       "---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    text: '[[doc:a|Telegram]], in [[work:w|*W*]].'\n    context: C.\n  - number: 2\n    text: '[[work:w|*W*]], p. 2.'\n    context: C.\n---\nSee [[note:1]] and [[note:2]].\n",
	"bibliography.yaml":  "w:\n  type: book\n  sort: Author\n  title: W\n  as_printed: '*W*'\n",
}

// build loads base with files laid over it ("" removes a file) and
// returns the site and its problems.
func build(t *testing.T, files map[string]string) (*site.Site, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range base {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	for p, s := range files {
		if s == "" {
			delete(fsys, p)
		} else {
			fsys[p] = &fstest.MapFile{Data: []byte(s)}
		}
	}
	var diags diag.List
	ed, err := content.LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	s := site.BuildCached(ed, markdown.New(), nil, &diags)
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	return s, got
}

func TestBaseIsValid(t *testing.T) {
	s, problems := build(t, nil)
	if len(problems) > 0 {
		t.Fatalf("base edition has problems:\n%s", strings.Join(problems, "\n"))
	}
	if got := s.DocCitedIn["a"]; !slices.Equal(got, []int{1}) {
		t.Errorf("DocCitedIn[a] = %v, want [1]", got)
	}
	if got := s.WorkCitedIn["w"]; !slices.Equal(got, []int{1, 2}) {
		t.Errorf("WorkCitedIn[w] = %v, want [1 2]", got)
	}
	if got := s.PersonByName[site.Fold("filippov")]; got != "stalin" {
		t.Errorf("PersonByName[filippov] = %q, want stalin", got)
	}
}

func TestReferenceProblems(t *testing.T) {
	doc := func(body string) map[string]string {
		return map[string]string{"documents/a.md": strings.Replace(base["documents/a.md"], "Sent by [[person:stalin]].", body, 1)}
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"unknown id in Markdown, with suggestion", doc("Sent by [[person:stalln]]."), []string{
			`content/documents/a.md:11:9: error: unknown person "stalln" in [[person:stalln]] (did you mean "stalin"?)`}},
		{"column counts characters", doc("Ŏngjin: [[doc:zz-top]]."), []string{
			`content/documents/a.md:11:9: error: unknown document "zz-top" in [[doc:zz-top]]`}},
		{"unknown kind", doc("By [[persn:stalin]]."), []string{
			`content/documents/a.md:11:4: error: unknown reference kind "persn" in [[persn:stalin]]; use one of [doc person note work event section conflict term packet] (did you mean "person"?)`}},
		{"unknown note", doc("See [[note:99]]."), []string{
			`content/documents/a.md:11:5: error: unknown note "99" in [[note:99]]`}},
		{"unclosed", doc("By [[person:stalin|the leader."), []string{
			`content/documents/a.md:11:4: error: cross-reference is not closed: end it with "]]" in the same paragraph`}},
		{"malformed", doc("By [[person:Joseph Stalin]]."), []string{
			`content/documents/a.md:11:4: error: malformed cross-reference [[person:Joseph Stalin]]: write [[kind:id]] or [[kind:id|label]], the id in lowercase letters, digits and hyphens`}},
		{"unknown id in front matter", map[string]string{"documents/a.md": strings.Replace(base["documents/a.md"], "person: shtykov", "person: shtykow", 1)}, []string{
			`content/documents/a.md:9:13: error: unknown person "shtykow" (did you mean "shtykov"?)`}},
		{"note number in front matter", map[string]string{"documents/a.md": strings.Replace(base["documents/a.md"], "nature: contemporary\n", "nature: contemporary\nquotations:\n  - text: Q\n    translation: T\n    note: 7\n", 1)}, []string{
			`content/documents/a.md:9:11: error: unknown note 7`}},
		{"duplicate note in another file", map[string]string{"essay/two.md": "---\ntitle: Two\norder: 2\nnotes:\n  - number: 2\n    text: '[[work:w|W]]'\n    context: C.\n---\n"}, []string{
			`content/essay/two.md:5:5: error: note 2 is defined twice (first in content/essay/one.md:8)`}},
		{"alias claimed twice", map[string]string{"persons/shtykov.md": strings.Replace(base["persons/shtykov.md"], "role:", "aliases: [FILIPPOV]\nrole:", 1)}, []string{
			`content/persons/stalin.md:4:10: error: alias "Filippov" is already claimed by person "shtykov"`}}, // files in name order
		{"note that cites nothing", map[string]string{"essay/one.md": strings.Replace(base["essay/one.md"], "'[[work:w|*W*]], p. 2.'", "'An interview.'", 1)}, []string{
			`content/essay/one.md:8:5: error: note 2 cites nothing: wrap its sources in [[doc:…|…]] or [[work:…|…]], or say why with uncited:`}},
		{"uncited document", map[string]string{"documents/b.md": "---\ntitle: B\nkind: letter\ndate: 1950\nnature: memoir\n---\nB.\n"}, []string{
			`content/documents/b.md:1:1: warning: document is not cited by any note`}},
		{"gap in the numbering", map[string]string{"essay/one.md": strings.Replace(base["essay/one.md"], "number: 2", "number: 3", 1)}, []string{
			`content/essay/one.md:8:5: warning: note numbering jumps to 3; note 2 is missing`,
			`content/essay/one.md:12:20: error: unknown note "2" in [[note:2]]`}},
	}
	for _, tt := range tests {
		_, got := build(t, tt.files)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Build reported\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestNoCascade checks that a file that fails to decode is reported once:
// references to it, and checks that need it, stay quiet.
func TestNoCascade(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"broken person", map[string]string{"persons/stalin.md": "---\nname: Joseph Stalin\nsort_name: Stalin, Joseph\nrole: [x\n---\n"}, []string{
			`content/persons/stalin.md:4:1: error: invalid YAML: did not find expected ',' or ']'`}},
		{"broken document", map[string]string{"documents/a.md": "---\ntitle: A\nkind: telegram\nnature: contemporary\ndate: 1950-02-30\n---\n"}, []string{
			`content/documents/a.md:5:7: error: date: date "1950-02-30" is not a real day (February 1950 has 28 days)`}},
		{"broken section", map[string]string{"essay/one.md": strings.Replace(base["essay/one.md"], "order: 1", "order: one", 1),
			"documents/b.md": "---\ntitle: B\nkind: letter\ndate: 1950\nnature: memoir\n---\nSee [[note:1]].\n"}, []string{
			`content/essay/one.md:3:8: error: order: want a whole number, found "one"`}},
		{"broken bibliography", map[string]string{"bibliography.yaml": "w:\n  type: book\n  - x\n"}, []string{
			`content/bibliography.yaml:2:1: error: invalid YAML: did not find expected key`}}, // where the mapping starts: yaml.v3 gives no more
		{"broken entry", map[string]string{"bibliography.yaml": "w:\n  type: book\n  sort: A\n  title: W\n"}, []string{
			`content/bibliography.yaml:2:3: error: missing required key "as_printed" in entry "w" (only a work added by the editors, added_by_editors: true, may leave it out)`}},
		{"empty person file", map[string]string{"persons/shtykov.md": " "}, []string{
			`content/persons/shtykov.md:1:1: error: file is empty`}},
	}
	for _, tt := range tests {
		_, got := build(t, tt.files)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Build reported\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
	// A reference to a file that does not exist at all is still reported.
	_, got := build(t, map[string]string{"persons/shtykov.md": ""})
	want := []string{`content/documents/a.md:9:13: error: unknown person "shtykov"`}
	if !slices.Equal(got, want) {
		t.Errorf("missing person: Build reported\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFragmentsAndHTML(t *testing.T) {
	s, problems := build(t, map[string]string{"documents/a.md": strings.Replace(base["documents/a.md"],
		"Sent by [[person:stalin]].", "Sent by [[person:stalin|*Filippov*]], see [[note:1]] and [[section:one#note-2|note 2]].", 1)})
	if len(problems) > 0 {
		t.Fatalf("problems:\n%s", strings.Join(problems, "\n"))
	}
	html := string(s.HTML["doc/a"])
	for _, want := range []string{
		`<a class="xref xref-person" href="` + site.RootMarker + `persons/stalin.html"><em>Filippov</em></a>`,
		`<a class="xref xref-note" href="` + site.RootMarker + `notes/1.html">note 1</a>`,
		`<a class="xref xref-section" href="` + site.RootMarker + `essay/one.html#note-2">note 2</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("doc/a lacks %s:\n%s", want, html)
		}
	}
	if got := s.PersonMentioned["stalin"]; got != nil {
		t.Errorf("PersonMentioned[stalin] = %v, want none (a reference in the body is not a mention)", got)
	}
	if got := s.PersonSent["stalin"]; !slices.Equal(got, []string{"a"}) {
		t.Errorf("PersonSent[stalin] = %v, want [a]", got)
	}
}

func TestRoot(t *testing.T) {
	roots := map[string]string{"index.html": "", "documents/a.html": "../", "a/b/c.html": "../../"}
	for from, want := range roots {
		if got := site.Root(from); got != want {
			t.Errorf("Root(%q) = %q, want %q", from, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vyshinskii", "vyshinskii"},
		{"Vyšinskij", "vyshinskij"},
		{"VYSHINSKII", "vyshinskii"},
		{"Žukov, Čuikov", "zhukov chuikov"},
		{"Ch'oe Yong-gŏn", "choe yong gon"},
		{"Chʼoe", "choe"},
		{"I.V. Stalin", "i v stalin"},
		{"Zhou Enlai — Zhōu Ēnlái", "zhou enlai zhou enlai"},
		{"Stalin (Filippov)", "stalin filippov"},
		{"e\u0301", "e"}, // decomposed é
		{"Straße", "strasse"},
		{"Kim Il-sung", "kim il sung"},
		{"  Pak  Hŏn-yŏng ", "pak hon yong"},
		{"Mao Tse-tung’s", "mao tse tungs"},
		{"毛泽东", "毛泽东"},
		{"", ""},
		{" -.,' ", ""},
	}
	for _, tt := range tests {
		if got := site.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFold holds Fold to its definition: it is idempotent, builds on
// textfold's letters (folding first changes nothing) and gives words
// joined by single spaces.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Vyšinskij", "Ch'oe Yong-gŏn", "I.V. Stalin", "毛泽东", "e\u0301", "\xff", " - "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := site.Fold(s)
		if again := site.Fold(got); again != got {
			t.Errorf("Fold(%q) = %q, Fold of that = %q", s, got, again)
		}
		if pre := site.Fold(textfold.String(s)); pre != got {
			t.Errorf("Fold(textfold.String(%q)) = %q, Fold = %q", s, pre, got)
		}
		if strings.Join(strings.Fields(got), " ") != got || strings.ContainsRune(got, '\'') {
			t.Errorf("Fold(%q) = %q is not words joined by single spaces", s, got)
		}
	})
}
