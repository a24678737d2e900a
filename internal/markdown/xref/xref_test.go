package xref_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/markdown/xref"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.html and log.txt sections of testdata/*.txtar")

func TestScan(t *testing.T) {
	tests := []struct {
		in       string
		kind, id string
		n        int
		labelled bool
		ok       bool
	}{
		{"[[doc:1949-09-24-politburo-resolution]] after", "doc", "1949-09-24-politburo-resolution", 39, false, true},
		{"[[person:stalin|Filippov]]", "person", "stalin", 16, true, true},
		{"[[note:59]]", "note", "59", 11, false, true},
		{"[[section:impetus#p-3f9a1c]]", "section", "impetus#p-3f9a1c", 28, false, true},
		{"[[work:a_b.c|", "work", "a_b.c", 13, true, true},
		{"[[doc:x]]", "doc", "x", 9, false, true},
		{"[[doc:x]", "", "", 0, false, false},       // one bracket
		{"[[doc:x", "", "", 0, false, false},        // not closed
		{"[[doc:]]", "", "", 0, false, false},       // no id
		{"[[:x]]", "", "", 0, false, false},         // no kind
		{"[[Doc:x]]", "", "", 0, false, false},      // kinds are lowercase
		{"[[d0c:x]]", "", "", 0, false, false},      // and letters only
		{"[[doc:a b]]", "", "", 0, false, false},    // no spaces in ids
		{"[[doc:a/b]]", "", "", 0, false, false},    // nor slashes
		{"[[doc:ŏngjin]]", "", "", 0, false, false}, // nor other letters
		{"[doc:x]]", "", "", 0, false, false},
		{" [[doc:x]]", "", "", 0, false, false}, // only at the start
		{"[[d]]", "", "", 0, false, false},
		{"", "", "", 0, false, false},
	}
	for _, tt := range tests {
		kind, id, n, labelled, ok := xref.Scan([]byte(tt.in))
		if kind != tt.kind || id != tt.id || n != tt.n || labelled != tt.labelled || ok != tt.ok {
			t.Errorf("Scan(%q) = %q, %q, %d, %v, %v, want %q, %q, %d, %v, %v",
				tt.in, kind, id, n, labelled, ok, tt.kind, tt.id, tt.n, tt.labelled, tt.ok)
		}
	}
}

// resolver knows a few targets and logs every call.
type resolver struct {
	targets map[string]xref.Target
	log     bytes.Buffer
}

func newResolver() *resolver {
	return &resolver{targets: map[string]xref.Target{
		"doc:1949-09-24-politburo-resolution": {Href: "documents/1949-09-24-politburo-resolution.html", Title: "Resolution of the Politburo"},
		"person:kim-il-sung":                  {Href: "persons/kim-il-sung.html", Title: "Kim Il Sung"},
		"person:stalin":                       {Href: "persons/stalin.html", Title: "Joseph Stalin"},
		"work:goncharov-1993":                 {Href: "bibliography.html#work-goncharov-1993", Title: "Goncharov, Uncertain Partners"},
		"doc:escaped":                         {Href: "documents/escaped.html", Title: `Ciphered <telegram> & "notes"`},
		"note:7":                              {Href: "notes/7.html"},
		"section:impetus":                     {Href: "essay/impetus.html", Title: "Impetus"},
		"doc:odd-href":                        {Href: `documents/a "b" <c>.html?x=1&y=2`, Title: "Odd"},
	}}
}

func (r *resolver) Resolve(ref xref.Reference) (xref.Target, bool) {
	base, frag, _ := strings.Cut(ref.ID, "#")
	t, ok := r.targets[ref.Kind+":"+base]
	if ok && frag != "" {
		t.Href += "#" + frag
	}
	fmt.Fprintf(&r.log, "%d: resolve %s:%s label %q: %v\n", ref.Offset, ref.Kind, ref.ID, ref.Label, ok)
	return t, ok
}

func (r *resolver) Unclosed(offset int) { fmt.Fprintf(&r.log, "%d: unclosed\n", offset) }

func (r *resolver) Malformed(offset int, text string) {
	fmt.Fprintf(&r.log, "%d: malformed %s\n", offset, text)
}

var md = goldmark.New(goldmark.WithExtensions(xref.Extension))

// render converts src with a fresh resolver; it returns the HTML and the
// resolver's log.
func render(t *testing.T, src []byte) (string, string) {
	t.Helper()
	r := newResolver()
	var buf bytes.Buffer
	pc := parser.NewContext()
	xref.SetResolver(pc, r)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.String(), r.log.String()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	if *update && os.Getenv("CI") != "" {
		t.Fatal("refusing to rewrite golden files when CI is set")
	}
	for _, name := range files {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			input, ok := file(a, "input.md")
			if !ok {
				t.Fatalf("%s has no input.md section", name)
			}
			got, log := render(t, input)
			if *update {
				set(a, "want.html", got)
				set(a, "log.txt", log)
				if err := os.WriteFile(name, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := file(a, "want.html")
			if got != string(want) {
				t.Errorf("Convert(%q) =\n%s\nwant\n%s", input, got, want)
			}
			wantLog, _ := file(a, "log.txt")
			if log != string(wantLog) {
				t.Errorf("Convert(%q) resolver log =\n%s\nwant\n%s", input, log, wantLog)
			}
			if strings.Contains(got, "<script") {
				t.Errorf("output contains <script")
			}
		})
	}
}

// TestResolverOptional checks that a conversion without a resolver, or
// with one lacking the optional methods, renders every reference broken.
func TestResolverOptional(t *testing.T) {
	src := []byte("[[doc:a]] [[doc:b|label]] [[doc:c|open\n")
	doc := md.Parser().Parse(text.NewReader(src))
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatal(err)
	}
	want := `<p><span class="xref-broken">doc:a</span> <span class="xref-broken">label</span> [[doc:c|open</p>` + "\n"
	if buf.String() != want {
		t.Errorf("without resolver: %s, want %s", buf.String(), want)
	}
	var nodes []string
	xref.Walk(doc, func(n *xref.Node) { nodes = append(nodes, n.RefKind+":"+n.ID) })
	if got := strings.Join(nodes, " "); got != "doc:a doc:b" {
		t.Errorf("Walk found %q, want \"doc:a doc:b\"", got)
	}
}

// TestParserContextReuse checks that a parser context carries no state
// from one document into the next.
func TestParserContextReuse(t *testing.T) {
	r := newResolver()
	pc := parser.NewContext()
	xref.SetResolver(pc, r)
	first := []byte("[[person:stalin|open\n")
	md.Parser().Parse(text.NewReader(first), parser.WithContext(pc))
	r.log.Reset()
	second := []byte("close]] [[person:stalin]]\n")
	doc := md.Parser().Parse(text.NewReader(second), parser.WithContext(pc))
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, second, doc); err != nil {
		t.Fatal(err)
	}
	if want := `<p>close]] <a class="xref xref-person" href="persons/stalin.html">Joseph Stalin</a></p>` + "\n"; buf.String() != want {
		t.Errorf("second document = %s, want %s", buf.String(), want)
	}
}

// file returns the data of the file name of a.
func file(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// set replaces a file of a, adding it when missing; an empty optional
// log is left out.
func set(a *txtar.Archive, name, content string) {
	for i, f := range a.Files {
		if f.Name == name {
			a.Files[i].Data = []byte(content)
			return
		}
	}
	if content != "" {
		a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(content)})
	}
}
