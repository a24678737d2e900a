package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/slug"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		text        string
		front, body string
		line        int
		ok          bool
	}{
		{"---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n", 4, true},
		{"---\ntitle: A\nkind: b\n---\n", "title: A\nkind: b\n", "", 5, true},
		{"---\ntitle: A\n---", "title: A\n", "", 3, true},                 // no newline at the end
		{"---\n---\nBody\n", "", "Body\n", 3, true},                       // empty front matter
		{"---\n---", "", "", 2, true},                                     // nothing else at all
		{"---\na: '---'\n---\nx\n", "a: '---'\n", "x\n", 4, true},         // "---" inside a line is not a fence
		{"---\na: b\n---\nx\n---\ny\n", "a: b\n", "x\n---\ny\n", 4, true}, // the first fence closes
		{"---\na: b\n--- \nx\n", "", "", 0, false},                        // a fence is exactly "---"
		{"---\ntitle: A\n", "", "", 0, false},                             // never closed
		{"---\n", "", "", 0, false},
		{"title: A\n---\nBody\n", "", "", 0, false},  // no opening fence
		{"\n---\ntitle: A\n---\n", "", "", 0, false}, // not on the first line
		{"", "", "", 0, false},
	}
	for _, tt := range tests {
		front, body, line, ok := SplitFrontMatter(tt.text)
		if front != tt.front || body != tt.body || line != tt.line || ok != tt.ok {
			t.Errorf("SplitFrontMatter(%q) = %q, %q, %d, %v, want %q, %q, %d, %v", tt.text, front, body, line, ok, tt.front, tt.body, tt.line, tt.ok)
		}
	}
}

// lineCol is the 1-based line and rune column of byte offset off in s.
func lineCol(s string, off int) (int, int) {
	before := s[:off]
	return strings.Count(before, "\n") + 1, len([]rune(before[strings.LastIndexByte(before, '\n')+1:])) + 1
}

// TestSplitFrontMatterKeepsPositions checks that every character of the
// body is on the same line, counted from the body's line, and column as in
// the file.
func TestSplitFrontMatterKeepsPositions(t *testing.T) {
	text := "---\ntitle: Ŏngjin\nnotes:\n  - x\n---\nFirst ¶ line\n\nSecond *line* [[doc:a]]\n"
	_, body, first, ok := SplitFrontMatter(text)
	if !ok {
		t.Fatal("SplitFrontMatter failed")
	}
	head := strings.Index(text, "First")
	for off := 0; off < len(body); off++ {
		bl, bc := lineCol(body, off)
		fl, fc := lineCol(text, head+off)
		if bl+first-1 != fl || bc != fc {
			t.Fatalf("body offset %d is at %d:%d, the file has it at %d:%d", off, bl+first-1, bc, fl, fc)
		}
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"stalin", true},
		{"1949-09-24-politburo-resolution", true},
		{"a1", true},
		{"", false},
		{"..", false},
		{".", false},
		{"bad id", false},
		{"Stalin", false},
		{"double--hyphen", false},
		{"-leading", false},
		{"trailing-", false},
		{"under_score", false},
		{"dot.ted", false},
		{"../escape", false},
		{"a/b", false},
		{"ŏngjin", false},
		{"stalin\n", false},
	}
	for _, tt := range tests {
		if got := ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

// TestSlugMakesValidIDs holds the slug rule that suggestions for a bad
// id use to ValidID.
func TestSlugMakesValidIDs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bad id", "bad-id"},
		{"Joseph Stalin", "joseph-stalin"},
		{"  --Kim  Il--Sung--  ", "kim-il-sung"},
		{"1949_09_24", "1949-09-24"},
		{"..", ""},
		{"", ""},
		{"Pyŏngyang", "py-ngyang"},
		{"already-valid", "already-valid"},
	}
	for _, tt := range tests {
		got := slug.Make(tt.in)
		if got != tt.want {
			t.Errorf("slug.Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got != "" && !ValidID(got) {
			t.Errorf("slug.Make(%q) = %q, which is not a valid id", tt.in, got)
		}
	}
}

const (
	siteYAML = "title: T\narticle:\n  author: A\n  title: B\n"
	person   = "---\nname: Joseph Stalin\nsort_name: Stalin, Joseph\nrole: Soviet leader\n---\nBody.\n"
)

// load loads files over a valid site.yaml; a nil file removes it.
func load(t *testing.T, files fstest.MapFS) (*Edition, []string) {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": file(siteYAML)}
	for k, v := range files {
		if v == nil {
			delete(fsys, k)
		} else {
			fsys[k] = v
		}
	}
	var diags diag.List
	ed, err := LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	return ed, got
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoadBOMAndCRLF(t *testing.T) {
	src := "\uFEFF" + strings.ReplaceAll("---\nname: Joseph Stalin\nsort_name: Stalin, Joseph\nrole: Soviet leader\ncontry: soviet\n---\nFirst line.\nSecond line.\n", "\n", "\r\n")
	ed, problems := load(t, fstest.MapFS{"persons/stalin.md": file(src)})
	want := []string{`content/persons/stalin.md:5:1: error: unknown key "contry" in front matter (did you mean "country"?)`}
	if !slices.Equal(problems, want) {
		t.Errorf("Load reported %q, want %q", problems, want)
	}
	ed, problems = load(t, fstest.MapFS{"persons/stalin.md": file(strings.Replace(src, "contry", "country", 1))})
	if len(problems) > 0 || len(ed.Persons) != 1 {
		t.Fatalf("Load reported %q and %d persons, want none and 1", problems, len(ed.Persons))
	}
	p := ed.Persons[0]
	if p.Name != "Joseph Stalin" || p.Country != "soviet" {
		t.Errorf("person = %q, %q, want the values without \\r", p.Name, p.Country)
	}
	if strings.ContainsAny(p.Body.Src, "\r\uFEFF") || strings.ContainsAny(p.Body.Raw, "\r\uFEFF") {
		t.Errorf("body keeps a carriage return or byte order mark: %q", p.Body.Src)
	}
	if line, _ := lineCol(p.Body.Src, strings.Index(p.Body.Src, "Second")); line+p.Body.Line-1 != 8 {
		t.Errorf("\"Second line\" is on line %d, want 8 as in the file", line+p.Body.Line-1)
	}
}

func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name   string
		files  fstest.MapFS
		want   []string
		failed []string
	}{
		{"valid", fstest.MapFS{"persons/stalin.md": file(person)}, nil, nil},
		{"empty file", fstest.MapFS{"persons/stalin.md": file("")},
			[]string{"content/persons/stalin.md:1:1: error: file is empty"}, []string{"person:stalin"}},
		{"only white space", fstest.MapFS{"persons/stalin.md": file(" \n\t\n")},
			[]string{"content/persons/stalin.md:1:1: error: file is empty"}, []string{"person:stalin"}},
		{"no front matter", fstest.MapFS{"persons/stalin.md": file("Joseph Stalin\n")},
			[]string{`content/persons/stalin.md:1:1: error: missing front matter: the file must start with a line "---", then YAML, then a closing "---" line`}, []string{"person:stalin"}},
		{"empty front matter", fstest.MapFS{"persons/stalin.md": file("---\n---\nBody\n")}, []string{
			`content/persons/stalin.md:2:1: error: missing required key "name" in front matter`,
			`content/persons/stalin.md:2:1: error: missing required key "role" in front matter`,
			`content/persons/stalin.md:2:1: error: missing required key "sort_name" in front matter`,
		}, []string{"person:stalin"}},
		{"invalid UTF-8 column counts runes", fstest.MapFS{"persons/stalin.md": file(person + "Ŏngjin \xff\n")},
			[]string{"content/persons/stalin.md:7:8: error: file is not valid UTF-8 (byte 0xff); save it as UTF-8"}, []string{"person:stalin"}},
		{"too large", fstest.MapFS{"persons/stalin.md": file(person + strings.Repeat("x", MaxFileSize))},
			[]string{"content/persons/stalin.md:1:1: error: file is too large (4.0 MB; content files may be at most 4 MB)"}, []string{"person:stalin"}},
		{"bad file name", fstest.MapFS{"persons/Joseph Stalin.md": file(person)},
			[]string{`content/persons/Joseph Stalin.md:1:1: error: id "Joseph Stalin" is not URL-safe: use lowercase letters, digits and single hyphens (e.g. "joseph-stalin")`}, nil},
		{"symbolic link", fstest.MapFS{"persons/stalin.md": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}},
			[]string{"content/persons/stalin.md:1:1: error: symbolic links are not allowed in content; copy the file into content/persons instead"}, nil},
		{"symbolic link to a folder", fstest.MapFS{"persons": {Data: []byte("/home"), Mode: fs.ModeSymlink}},
			[]string{"content/persons:1:1: error: symbolic links are not allowed in content; copy the folder into content instead"}, []string{"person:*"}},
		{"symbolic link at the top", fstest.MapFS{"bibliography.yaml": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}},
			[]string{"content/bibliography.yaml:1:1: error: symbolic links are not allowed in content; copy the file into content instead"}, []string{"work:*"}},
		{"folder inside", fstest.MapFS{"persons/old/stalin.md": file(person)},
			[]string{"content/persons/old:1:1: error: unexpected folder; content/persons holds only .md files"}, nil},
		{"other extension", fstest.MapFS{"persons/stalin.txt": file(person)},
			[]string{"content/persons/stalin.txt:1:1: error: unexpected file; content/persons holds only .md files"}, nil},
		{"hidden and backup files are skipped", fstest.MapFS{"persons/.stalin.md": file(""), "persons/stalin.md~": file(""), "persons/..md": file("")}, nil, nil},
		{"missing site.yaml", fstest.MapFS{"site.yaml": nil, "persons/stalin.md": file(person)},
			[]string{"content/site.yaml:1:1: error: missing site configuration"}, nil},
		{"duplicate id", fstest.MapFS{"glossary.yaml": file("sd:\n  term: SD\n  definition: A number.\nsd:\n  term: SD\n  definition: Again.\n")},
			[]string{`content/glossary.yaml:4:1: error: duplicate id "sd" (first defined on line 1)`}, nil},
		{"id ..", fstest.MapFS{"glossary.yaml": file("..:\n  term: SD\n  definition: A number.\n")},
			[]string{`content/glossary.yaml:1:1: error: id ".." is not URL-safe: use lowercase letters, digits and single hyphens`}, nil},
		{"entry that fails", fstest.MapFS{"glossary.yaml": file("sd:\n  term: SD\n")},
			[]string{`content/glossary.yaml:2:3: error: missing required key "definition" in entry "sd"`}, []string{"term:sd"}},
		{"file of entries that fails", fstest.MapFS{"glossary.yaml": file("- a\n")},
			[]string{`content/glossary.yaml:1:1: error: want a mapping of id: entry`}, []string{"term:*"}},
		{"null entry", fstest.MapFS{"glossary.yaml": file("sd:\n")}, []string{
			`content/glossary.yaml:1:4: error: missing required key "definition" in entry "sd"`,
			`content/glossary.yaml:1:4: error: missing required key "term" in entry "sd"`,
		}, []string{"term:sd"}},
		{"unknown kind", fstest.MapFS{"documents/d.md": file("---\ntitle: T\nkind: telegarm\ndate: 1950\nnature: contemporary\n---\nHeadnote.\n")},
			[]string{`content/documents/d.md:3:7: error: kind "telegarm" is not one of: ` + strings.Join(DocumentKinds, ", ") + ` (did you mean "telegram"?)`}, nil},
		{"front matter position", fstest.MapFS{"essay/one.md": file("---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    context: C\n---\n")},
			[]string{`content/essay/one.md:5:5: error: note 1 has no text; give the reference as printed, or say why it cites nothing with uncited:`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, got := load(t, tt.files)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Load reported\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var failed []string
			for f := range ed.Failed {
				failed = append(failed, f.String())
			}
			if slices.Sort(failed); !slices.Equal(failed, tt.failed) {
				t.Errorf("Failed = %q, want %q", failed, tt.failed)
			}
		})
	}
}

func TestTextPosAt(t *testing.T) {
	at := diag.Position{File: "f", Line: 10, Col: 11}
	tests := []struct {
		text      Text
		off       int
		line, col int
	}{
		{Text{Src: "abc [[x]]", Pos: at}, 4, 10, 15},              // flow scalar, first line: exact
		{Text{Src: "abc\ndef", Pos: at}, 5, 11, 2},                // flow scalar, later line: approximate
		{Text{Src: "abc\ndef\n", Pos: at, Block: true}, 0, 11, 1}, // block scalar: text starts on the next line
		{Text{Src: "abc\ndef\n", Pos: at, Block: true}, 6, 12, 3},
		{Text{Src: "abc", Pos: at}, 99, 10, 14}, // clamped to the end
		{Text{Src: "abc", Pos: at}, -5, 10, 11}, // clamped to the start
	}
	for _, tt := range tests {
		got := tt.text.PosAt(tt.off)
		if got.Line != tt.line || got.Col != tt.col || got.File != "f" {
			t.Errorf("%+v.PosAt(%d) = %v, want f:%d:%d", tt.text, tt.off, got, tt.line, tt.col)
		}
	}
}
