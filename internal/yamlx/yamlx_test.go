package yamlx

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/diag"
	"go.yaml.in/yaml/v3"
)

type item struct {
	Pos   diag.Position
	Name  string `yaml:"name" required:"true"`
	Count int    `yaml:"count"`
}

// upper decodes itself from a scalar, as histdate.Date does.
type upper struct{ S string }

func (u *upper) UnmarshalText(b []byte) error {
	if strings.ToUpper(string(b)) != string(b) {
		return errors.New("must be in capitals")
	}
	u.S = string(b)
	return nil
}

// ref decodes itself from a node, as content.Ref does.
type ref struct {
	ID  string
	Pos diag.Position
}

func (r *ref) DecodeNode(n *yaml.Node, at diag.Position) error {
	if n.Kind != yaml.ScalarNode {
		return errors.New("want an id")
	}
	r.ID, r.Pos = n.Value, at
	return nil
}

type page struct {
	Pos    diag.Position
	KeyPos map[string]diag.Position

	Title    string            `yaml:"title" required:"true" doc:"The title." example:"A title"`
	Order    int               `yaml:"order"`
	Draft    bool              `yaml:"draft"`
	Tags     []string          `yaml:"tags"`
	Items    []item            `yaml:"items"`
	Extra    map[string]string `yaml:"extra"`
	Code     upper             `yaml:"code"`
	Ref      ref               `yaml:"ref"`
	Internal string            `yaml:"-"`
	Plain    string
}

// decode parses src as front matter starting on line 2 of f.md.
func decode(t *testing.T, src string) (page, []string) {
	t.Helper()
	var diags diag.List
	var p page
	s := Source{File: "f.md", Line: 2}
	if n := Parse([]byte(src), s, &diags); n != nil {
		Decode(n, &p, s, &diags)
	}
	var got []string
	for _, d := range diags.Items() {
		got = append(got, d.String())
	}
	return p, got
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"valid", "title: A\norder: 3\ndraft: true\ntags: [a, b]\nitems:\n  - name: x\n    count: 2\nextra: {k: v}\ncode: ABC\nref: r\nplain: p\n", nil},
		{"empty", "", []string{`f.md:2:1: error: missing required key "title" in front matter`}},
		{"only null", "~\n", []string{`f.md:2:1: error: missing required key "title" in front matter`}},
		{"unknown key with suggestion", "titel: A\n", []string{
			`f.md:2:1: error: missing required key "title" in front matter`,
			`f.md:2:1: error: unknown key "titel" in front matter (did you mean "title"?)`,
		}},
		{"unknown key without suggestion", "title: A\nzzzzzz: 1\n", []string{
			`f.md:3:1: error: unknown key "zzzzzz" in front matter`,
		}},
		{"yaml:\"-\" is not a key", "title: A\ninternal: x\n", []string{
			`f.md:3:1: error: unknown key "internal" in front matter (did you mean "extra"?)`,
		}},
		{"nested unknown key and missing required", "title: A\nitems:\n  - nmae: x\n", []string{
			`f.md:4:5: error: missing required key "name" in items[0]`,
			`f.md:4:5: error: unknown key "nmae" in items[0] (did you mean "name"?)`,
		}},
		{"required but null", "title: ~\n", []string{`f.md:2:1: error: missing required key "title" in front matter`}},
		{"required but empty", "title: ''\n", []string{`f.md:2:1: error: missing required key "title" in front matter`}},
		{"wrong type is not also missing", "title: [a, b]\n", []string{
			`f.md:2:8: error: title: want a single value, found a list`,
		}},
		{"not a number", "title: A\norder: first\n", []string{`f.md:3:8: error: order: want a whole number, found "first"`}},
		{"quoted number", "title: A\norder: '3'\n", []string{`f.md:3:8: error: order: want a whole number, found "3"`}},
		{"not a bool", "title: A\ndraft: yes\n", []string{`f.md:3:8: error: draft: want true or false, found "yes"`}},
		{"list wanted", "title: A\ntags: a\n", []string{`f.md:3:7: error: tags: want a list, found "a"`}},
		{"mapping wanted", "title: A\nitems:\n  - x\n", []string{`f.md:4:5: error: items[0]: want a mapping (key: value lines), found "x"`}},
		{"top level list", "- a\n", []string{`f.md:2:1: error: want a mapping (key: value lines), found a list`}},
		{"text unmarshaler", "title: A\ncode: abc\n", []string{`f.md:3:7: error: code: must be in capitals`}},
		{"node decoder", "title: A\nref: [x]\n", []string{`f.md:3:6: error: ref: want an id`}},
		{"duplicate key", "title: A\norder: 1\ntitle: B\n", []string{
			`f.md:4:1: error: duplicate key "title" (first defined on line 2)`,
		}},
		{"duplicate map key", "title: A\nextra:\n  k: 1\n  k: 2\n", []string{
			`f.md:5:3: error: duplicate key "k" (first defined on line 4)`,
		}},
		{"every problem at once", "titel: A\norder: x\ndraft: 2\n", []string{
			`f.md:2:1: error: missing required key "title" in front matter`,
			`f.md:2:1: error: unknown key "titel" in front matter (did you mean "title"?)`,
			`f.md:3:8: error: order: want a whole number, found "x"`,
			`f.md:4:8: error: draft: want true or false, found "2"`,
		}},
	}
	for _, tt := range tests {
		_, got := decode(t, tt.src)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Decode(%q) reported\n%s\nwant\n%s", tt.name, tt.src, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestDecodeValues(t *testing.T) {
	p, problems := decode(t, "title: A\norder: 3\ndraft: true\ntags: [a, b]\nitems:\n  - name: x\n    count: 2\nextra: {k: v}\ncode: ABC\nref: &r r1\nplain: *r\n")
	if len(problems) > 0 {
		t.Fatalf("unexpected problems: %q", problems)
	}
	want := page{
		Title: "A", Order: 3, Draft: true, Tags: []string{"a", "b"},
		Items: []item{{Name: "x", Count: 2}}, Extra: map[string]string{"k": "v"},
		Code: upper{"ABC"}, Ref: ref{ID: "r1"}, Plain: "r1",
	}
	got := p
	got.Pos, got.KeyPos, got.Items[0].Pos, got.Ref.Pos = diag.Position{}, nil, diag.Position{}, diag.Position{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Decode = %+v, want %+v", got, want)
	}
}

func TestPositions(t *testing.T) {
	p, _ := decode(t, "title: A\n\nitems:\n  - name: x\n  -   name: y\nref:   r1\n")
	at := func(line, col int) diag.Position { return diag.Position{File: "f.md", Line: line, Col: col} }
	checks := []struct {
		what      string
		got, want diag.Position
	}{
		{"Pos", p.Pos, at(2, 1)},
		{"KeyPos[title]", p.KeyPos["title"], at(2, 8)},
		{"KeyPos[items]", p.KeyPos["items"], at(5, 3)},
		{"KeyPos[ref]", p.KeyPos["ref"], at(7, 8)},
		{"Items[0].Pos", p.Items[0].Pos, at(5, 5)},
		{"Items[1].Pos", p.Items[1].Pos, at(6, 7)},
		{"Ref.Pos", p.Ref.Pos, at(7, 8)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	if _, ok := p.KeyPos["order"]; ok {
		t.Errorf("KeyPos has an entry for the absent key order")
	}
}

func TestParseErrorLines(t *testing.T) {
	// The source starts on line 10 of its file; every problem is on the
	// file line given, whichever part of yaml.v3 finds it.
	tests := []struct {
		src  string
		want string
	}{
		{"a: [b, c\n", "f.md:11:1: error: invalid YAML: did not find expected ',' or ']'"}, // at the end of the text
		{"a: b\nkind: [x\nc: d\n", "f.md:11:1: error: invalid YAML: did not find expected ',' or ']'"},
		{"a: b\nc: {d: e\n", "f.md:11:1: error: invalid YAML: did not find expected ',' or '}'"},
		{"a:\n  - b\n - c\n", "f.md:12:1: error: invalid YAML: did not find expected key"},
		{"a: b\n\tc: d\n", "f.md:11:1: error: invalid YAML: found a tab character that violates indentation"},
		{"a: b: c\n", "f.md:10:1: error: invalid YAML: mapping values are not allowed in this context"},
		{"x: 1\na: b: c\n", "f.md:11:1: error: invalid YAML: mapping values are not allowed in this context"},
		{"a: 1\nb: 'open\n", "f.md:11:1: error: invalid YAML: found unexpected end of stream"}, // where the quote opens
	}
	for _, tt := range tests {
		var diags diag.List
		if n := Parse([]byte(tt.src), Source{File: "f.md", Line: 10}, &diags); n != nil {
			t.Errorf("Parse(%q) = a node, want nil", tt.src)
		}
		if got := strings.TrimSuffix(diags.String(), "\n"); got != tt.want {
			t.Errorf("Parse(%q) reported %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	var diags diag.List
	n := Parse(nil, Source{File: "f.md", Line: 2}, &diags)
	if n == nil || n.Kind != yaml.MappingNode || len(n.Content) != 0 {
		t.Errorf("Parse(empty) = %v, want an empty mapping", n)
	}
	if diags.HasErrors(true) {
		t.Errorf("Parse(empty) reported %s", diags.String())
	}
}

func TestSourcePos(t *testing.T) {
	s := Source{File: "content/x.md", Line: 2}
	got := s.Pos(&yaml.Node{Line: 3, Column: 5})
	if want := (diag.Position{File: "content/x.md", Line: 4, Col: 5}); got != want {
		t.Errorf("Source.Pos = %v, want %v", got, want)
	}
}

func TestFields(t *testing.T) {
	var names []string
	for _, f := range Fields(reflect.TypeFor[page]()) {
		names = append(names, f.Name)
		if f.Name == "title" && (!f.Required || f.Doc != "The title." || f.Example != "A title") {
			t.Errorf("Fields: title = %+v, want required with doc and example", f)
		}
		if f.Name == "order" && f.Required {
			t.Errorf("Fields: order is required, want optional")
		}
	}
	want := []string{"title", "order", "draft", "tags", "items", "extra", "code", "ref", "plain"}
	if !slices.Equal(names, want) {
		t.Errorf("Fields(page) = %q, want %q", names, want)
	}
}
