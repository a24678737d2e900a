package yamlx

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/diag"
	"go.yaml.in/yaml/v3"
)

// fastCases are texts of the subset fastParse reads (want true) and
// texts just outside it, which must be left to yaml.v3.
var fastCases = []struct {
	src  string
	fast bool
}{
	{"title: T\n", true},
	{"title: 'It''s'\nkind: telegram\n", true},
	{"title: \"Quoted\"\n", true},
	{"title: \"Esc\\\"aped\"\n", false},
	{"order: 12\ndraft: true\nnone: null\n", true},
	{"order: 012\n", false},
	{"date: 1950-01-30\nmonth: 1950-1\nbad: 1950-02-30\nspan: 1949/1950\nyear: 1950\n", true},
	{"date: 1950-01-30T10:00:00Z\n", false},
	{"id: 1950-01-30-stalin-to-mao\n", true},
	{"ratio: 1.5\n", false},
	{"from:\n  - person: stalin\n    role: sender\n  - person: mao\nto: [kim, 'Pak Hon-yong', \"x\"]\n", true},
	{"tags: []\n", true},
	{"tags: [a, b,]\n", false},
	{"tags: [a,\n  b]\n", false},
	{"notes:\n  - number: 1\n    text: |-\n      [[doc:x|X]]\n\n      Second.\n    context: C\n", true},
	{"text: |\n  one\n   two\n\n", true},
	{"text: |\n  one", false},
	{"text: |+\n  one\n", false},
	{"text: >\n  one\n", false},
	{"list:\n- a\n- b\n", false},
	{"- a\n- b: c\n  d: e\n", true},
	{"a: b # comment\n", false},
	{"a: b\n  c\n", false},
	{"a:\n", false},
	{"a:\nb: c\n", false},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: b: c\n", false},
	{"a: http://example.org/x\n", true},
	{"a:\tb\n", false},
	{"a: b\r\n", false},
	{"---\na: b\n", false},
	{"a: b\n---\nc: d\n", false},
	{"", false},
	{"\n\n", false},
	{"  a: b\n", false},
	{"a: Ünïcödé — “quotes”\nb: [Ü, 'é']\n", true},
	{"a: '\u2028'\n", false},
	{"k-1.x_y: v\n", true},
	{"1950: year\ntrue: yes\n", true},
	{"a: 'unterminated\n", false},
	{"a: [b, c] d\n", false},
	{"a:\n  b:\n    - c\n    - d\n  e: f\n", true},
	{"a:\n  - b\n  c: d\n", false},
	{nested(maxFastDepth - 1), true},
	{nested(maxFastDepth + 1), false},
}

// nested is a mapping of depth levels, each the value of the one above.
func nested(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	b.WriteString(strings.Repeat(" ", depth) + "b: c\n")
	return b.String()
}

func TestFastParse(t *testing.T) {
	for _, c := range fastCases {
		_, ok := fastParse([]byte(c.src))
		if ok != c.fast {
			t.Errorf("fastParse(%q) ok = %v, want %v", c.src, ok, c.fast)
		}
		checkSameTree(t, []byte(c.src))
	}
}

// TestFastParseTestdata compares the two parsers on the front matter and
// registries of the test editions.
func TestFastParseCorpus(t *testing.T) {
	for _, c := range fastCorpus(t) {
		checkSameTree(t, c)
	}
}

// checkSameTree fails if fastParse reads src into another tree than
// yaml.v3 does, or reads a text yaml.v3 rejects.
func checkSameTree(t *testing.T, src []byte) {
	t.Helper()
	fast, ok := fastParse(src)
	if !ok {
		return
	}
	var diags diag.List
	slow := parseSlow(src, Source{File: "f", Line: 1}, &diags)
	if slow == nil {
		t.Fatalf("fastParse read %q, which yaml.v3 rejects: %v", src, diags.Items())
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("fastParse(%q) differs from yaml.v3:\nfast: %s\nslow: %s", src, dump(fast), dump(slow))
	}
}

func dump(n *yaml.Node) string {
	var b strings.Builder
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "%s%d %s %d %q %d:%d h=%q l=%q f=%q\n", strings.Repeat("  ", depth),
			n.Kind, n.Tag, n.Style, n.Value, n.Line, n.Column, n.HeadComment, n.LineComment, n.FootComment)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// FuzzFastParse checks that fastParse, whenever it reads a text, reads
// it as yaml.v3 does.
func FuzzFastParse(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c.src))
	}
	f.Add(sampleFrontMatter)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSameTree(t, src)
	})
}

// sampleFrontMatter is the front matter of a generated document.
var sampleFrontMatter = []byte(`title: 'Report from Chong Chang-ok to Pavel Golubev on the talks with Mao Zedong'
kind: report
date: '1945-01-01'
nature: later-report
from:
  - person: chong-chang-ok
to:
  - person: pavel-golubev
mentions: [ivan-belyaev, hu-xiaoping, gao-dehuai]
archive:
  - repository: AVPRF
    fond: '0430'
    opis: '2'
    delo: '6'
    listy: '128–129'
    as_printed: 'AVPRF, F. 0430, Op. 2, D. 6, Ll. 128–129'
    note: 298
related: [1948-06-xu-8781, 1952-01-05-andreev-to-volkov-8298]
quotations:
  - text: |-
      “At support in consent moscow from, minister insisted sudden beijing.”
    note: 298
    translation: 'as modified by the author'
`)

func BenchmarkParse(b *testing.B) {
	src := sampleFrontMatter
	for _, c := range []struct {
		name  string
		parse func([]byte, Source, *diag.List) *yaml.Node
	}{{"fast", Parse}, {"yaml.v3", parseSlow}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var diags diag.List
				if c.parse(src, Source{File: "f", Line: 2}, &diags) == nil {
					b.Fatal(diags.Items())
				}
			}
		})
	}
}

// fastCorpus returns the YAML of the edition's content and of the build's
// test fixtures: the front matter of every Markdown file and every YAML
// file whole.
func fastCorpus(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	for _, root := range []string{"../../content", "../../cmd/build/testdata"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			switch filepath.Ext(p) {
			case ".yaml":
				out = append(out, b)
			case ".md":
				if rest, ok := bytes.CutPrefix(b, []byte("---\n")); ok {
					if i := bytes.Index(rest, []byte("\n---\n")); i >= 0 {
						out = append(out, rest[:i+1])
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d texts found", len(out))
	}
	return out
}
