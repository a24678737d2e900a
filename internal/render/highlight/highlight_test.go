package highlight

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/korean-war-sources/edition/internal/corpus"
)

// Tokens splits a content file into chroma tokens, as Highlighter.HTML
// does. Joined, the tokens' values are exactly src, whatever src holds.
func Tokens(src string) []chroma.Token {
	t := &tokenizer{src: src}
	t.run()
	out := make([]chroma.Token, len(t.spans))
	start := 0
	for i, s := range t.spans {
		out[i] = chroma.Token{Type: s.typ, Value: t.src[start:s.end]}
		start = s.end
	}
	return out
}

func joined(toks []chroma.Token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.Value)
	}
	return b.String()
}

// TestSourceTokensCoverEveryFile checks that highlighting loses and adds
// nothing on every real and generated content file.
func TestSourceTokensCoverEveryFile(t *testing.T) {
	check := func(fsys fs.FS, name string) {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".md" {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			if got := joined(Tokens(string(b))); got != string(b) {
				t.Errorf("%s/%s: tokens do not join to the file", name, p)
			}
			return nil
		})
	}
	check(os.DirFS("../../../content"), "content")
	check(corpus.FS(50), "corpus")
}

func TestSourceTokens(t *testing.T) {
	src := "---\n" +
		"title: 'It''s a title' # comment\n" +
		"date: 1949-09-03\n" +
		"note: 15\n" +
		"modified: false\n" +
		"mentions: [mun-il, 'Kim']\n" +
		"quotations:\n" +
		"  - text: |\n" +
		"      Block line: not a key\n" +
		"    note: 18\n" +
		"---\n" +
		"## Heading\n" +
		"Text with [[person:stalin]], [[doc:x|a *label*]], a mark[^ongjin], *emph*, **strong**, snake_case_word, `code` and [a link](https://example.org).\n" +
		"\n" +
		"- item\n" +
		"[^ongjin]: The note.\n"
	want := map[string]chroma.TokenType{
		"title":                 chroma.NameTag,
		"'It''s a title'":       chroma.LiteralStringSingle,
		"# comment":             chroma.Comment,
		"1949-09-03":            chroma.LiteralDate,
		"15":                    chroma.LiteralNumberInteger,
		"false":                 chroma.KeywordConstant,
		"mun-il":                chroma.Literal,
		"'Kim'":                 chroma.LiteralStringSingle,
		"Block line: not a key": chroma.LiteralString,
		"## Heading":            chroma.GenericSubheading,
		"[[person:stalin]]":     chroma.NameEntity,
		"[[doc:x":               chroma.NameEntity,
		"*label*":               chroma.GenericEmph,
		"[^ongjin]":             chroma.NameLabel,
		"*emph*":                chroma.GenericEmph,
		"**strong**":            chroma.GenericStrong,
		"`code`":                chroma.LiteralStringBacktick,
		"[a link]":              chroma.NameTag,
		"(https://example.org)": chroma.NameAttribute,
		"-":                     chroma.Keyword,
	}
	toks := Tokens(src)
	if got := joined(toks); got != src {
		t.Fatalf("tokens join to %q", got)
	}
	found := map[chroma.Token]bool{}
	for _, tok := range toks {
		found[tok] = true
		if strings.Contains(tok.Value, "snake_case") && tok.Type != chroma.Text {
			t.Errorf("snake_case_word highlighted as %s", tok.Type)
		}
	}
	for text, typ := range want {
		if !found[chroma.Token{Type: typ, Value: text}] {
			t.Errorf("no token %q of type %v in %v", text, typ, toks)
		}
	}
}

func TestHighlighterWritesChromaClasses(t *testing.T) {
	html := string(New().HTML("---\ntitle: x\n---\nBody [[doc:y]].\n"))
	for _, want := range []string{`<pre class="chroma">`, `<span class="ln">1</span>`, `<span class="nt">title</span>`, `<span class="ni">[[doc:y]]</span>`} {
		if !strings.Contains(html, want) {
			t.Errorf("highlighted source lacks %s:\n%s", want, html)
		}
	}
}

func FuzzSourceTokens(f *testing.F) {
	f.Add("---\ntitle: x\n---\nBody\n")
	f.Add("---\na: 'open\n  more'' still\n  closed'\nb: |\n  x\n---\n[[doc:a|*b* [[c:d]]]] [^x]: **y [z](w)")
	f.Add("---\n---\n---\n")
	f.Add("[[a:b|")
	f.Fuzz(func(t *testing.T, src string) {
		if got := joined(Tokens(src)); got != src {
			t.Fatalf("tokens of %q join to %q", src, got)
		}
	})
}

// TestStylesheetCoversTokens checks that CSS keeps a rule for every
// styled token type the tokenizer emits, and that the tokenizer emits no
// type outside sourceTokenTypes.
func TestStylesheetCoversTokens(t *testing.T) {
	css, err := CSS()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".chroma .nt ", ".chroma .s1 ", ".chroma .ni ", ".chroma .nl ", ".chroma .line ", ".chroma .ln "} {
		if !strings.Contains(string(css), want) {
			t.Errorf("stylesheet has no rule %q", want)
		}
	}
	if strings.Contains(string(css), ".chroma .kd ") {
		t.Error("stylesheet keeps rules of token types no source view uses")
	}
	allowed := map[chroma.TokenType]bool{chroma.Text: true}
	for _, typ := range sourceTokenTypes {
		allowed[typ] = true
	}
	fsys := corpus.FS(20)
	for p, f := range fsys {
		for _, tok := range Tokens(string(f.Data)) {
			if !allowed[tok.Type] {
				t.Errorf("%s: token %q of type %v is not in sourceTokenTypes", p, tok.Value, tok.Type)
			}
		}
	}
}

// chromaHTML is src highlighted by chroma's own formatter, which the
// highlighter's markup must match.
func chromaHTML(t testing.TB, src string) string {
	var b strings.Builder
	if err := chromaFormatter().Format(&b, styles.Get("github"), chroma.Literator(Tokens(src)...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func checkMatchesChroma(t testing.TB, h *Highlighter, name, src string) {
	if got, want := string(h.HTML(src)), chromaHTML(t, src); got != want {
		t.Errorf("%s: highlighted markup differs from chroma's:\n got %q\nwant %q", name, got, want)
	}
}

// TestHighlightMatchesChroma checks the highlighter writes what chroma's
// formatter writes, on every real and generated content file and on
// files at the edges: empty, without a final newline, of a hundred lines
// (the numbers' padding), full of characters to escape.
func TestHighlightMatchesChroma(t *testing.T) {
	h := New()
	for name, fsys := range map[string]fs.FS{"content": os.DirFS("../../../content"), "corpus": corpus.FS(50)} {
		_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".md" {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				t.Fatal(err)
			}
			checkMatchesChroma(t, h, name+"/"+p, string(b))
			return nil
		})
	}
	for _, src := range []string{
		"", "\n", "\n\n", "x", "---", "---\n", "---\n---", "---\ntitle: x\n---",
		"<a href=\"x&y\">'quoted'</a>\n", "---\nt: \"a<b>\" # &c\n---\n*<em>*\n",
		strings.Repeat("line\n", 9), strings.Repeat("line\n", 10), strings.Repeat("line\n", 9) + "last",
		strings.Repeat("[[doc:x|*y*]]\n", 99) + "last",
		"crlf\r\nline\r\n", "nul\x00 and \xff\xfe bytes\n",
	} {
		checkMatchesChroma(t, h, fmt.Sprintf("%q", src), src)
	}
}

func FuzzHighlightMatchesChroma(f *testing.F) {
	f.Add("---\ntitle: 'x'\n---\nBody <b>&amp;</b>\n")
	f.Add("---\na: 'open\n  more'' still\n  closed'\nb: |\n  x\n---\n[[doc:a|*b* [[c:d]]]] [^x]: **y [z](w)")
	f.Add(strings.Repeat("\n", 12))
	h := New()
	f.Fuzz(func(t *testing.T, src string) {
		checkMatchesChroma(t, h, fmt.Sprintf("%q", src), src)
	})
}

// TestFrontMatterEndFollowsTheLoader holds the source view to the
// loader's rule for where front matter ends, empty front matter included.
func TestFrontMatterEndFollowsTheLoader(t *testing.T) {
	tests := []struct {
		src  string
		end  int
		isFM bool
	}{
		{"---\ntitle: x\n---\nBody\n", len("---\ntitle: x\n---\n"), true},
		{"---\n---\nBody\n", len("---\n---\n"), true},
		{"---\ntitle: x\n---", len("---\ntitle: x\n---"), true},
		{"---\ntitle: x\n", 0, false},
		{"Body only\n", 0, false},
	}
	for _, tt := range tests {
		end, ok := frontMatterEnd(tt.src)
		if ok != tt.isFM || (ok && end != tt.end) {
			t.Errorf("frontMatterEnd(%q) = %d, %v, want %d, %v", tt.src, end, ok, tt.end, tt.isFM)
		}
	}
}
