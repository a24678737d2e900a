package markdown

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

type problem struct {
	Offset  int
	Message string
}

func convert(t *testing.T, src string, opts Options) (string, []problem) {
	t.Helper()
	var problems []problem
	opts.Problem = func(off int, msg string) { problems = append(problems, problem{off, msg}) }
	out, err := New().Convert([]byte(src), opts)
	if err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	checkUniqueIDs(t, src, string(out))
	return string(out), problems
}

// checkUniqueIDs fails when an id is given twice or a #fragment link of
// the output names no id in it.
func checkUniqueIDs(t *testing.T, src, out string) {
	t.Helper()
	ids := map[string]int{}
	var hrefs []string
	z := html.NewTokenizer(strings.NewReader(out))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		for _, a := range z.Token().Attr {
			switch a.Key {
			case "id":
				ids[a.Val]++
			case "href":
				if strings.HasPrefix(a.Val, "#") {
					hrefs = append(hrefs, a.Val[1:])
				}
			}
		}
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("Convert(%q): id %q appears %d times", src, id, n)
		}
	}
	for _, h := range hrefs {
		if ids[h] == 0 {
			t.Errorf("Convert(%q): link to #%s, which is no id of the output", src, h)
		}
	}
}

func TestFootnoteAnchors(t *testing.T) {
	out, problems := convert(t, "Ongjin[^ongjin] and Kaesong[^kaesong].\n\n[^ongjin]: A peninsula.\n[^kaesong]: A town.\n", Options{})
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	for _, want := range []string{
		`<a id="fnref-ongjin" href="#fn-ongjin" role="doc-noteref" aria-label="Annotation 1">1</a>`,
		`<a id="fnref-kaesong" href="#fn-kaesong" role="doc-noteref" aria-label="Annotation 2">2</a>`,
		`<li id="fn-ongjin">`,
		`<li id="fn-kaesong">`,
		`<a href="#fnref-ongjin" class="backref" role="doc-backlink" aria-label="Back to reference 1">` + "\u21a9\ufe0e</a>",
		`<section class="footnotes" role="doc-endnotes" aria-label="Annotations">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s\n%s", want, out)
		}
	}
}

func TestFootnoteTwoReferences(t *testing.T) {
	out, _ := convert(t, "Once[^ongjin], twice[^ongjin].\n\n[^ongjin]: A peninsula.\n", Options{})
	for _, want := range []string{
		`<a id="fnref-ongjin" href="#fn-ongjin"`,
		`<a id="fnref-ongjin-2" href="#fn-ongjin"`,
		`<a href="#fnref-ongjin" class="backref" role="doc-backlink" aria-label="Back to reference 1 (use 1 of 2)">` + "\u21a9\ufe0e<sup>1</sup></a>",
		`<a href="#fnref-ongjin-2" class="backref" role="doc-backlink" aria-label="Back to reference 1 (use 2 of 2)">` + "\u21a9\ufe0e<sup>2</sup></a>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s\n%s", want, out)
		}
	}
	if n := strings.Count(out, `class="backref"`); n != 2 {
		t.Errorf("output has %d backlinks, want 2", n)
	}
	if strings.Contains(out, "\u21a9\ufe0f") || strings.Contains(out, "&#8617;") {
		t.Errorf("back arrow is not U+21A9 U+FE0E as text:\n%s", out)
	}
}

func TestFootnoteLabels(t *testing.T) {
	tests := []struct {
		src     string
		wantIDs []string
	}{
		{"A[^Ongjin] b[^ongjin].\n\n[^Ongjin]: One.\n[^ongjin]: Two.\n", []string{"fn-ongjin", "fn-ongjin-2"}},
		{"A[^注] b[^文].\n\n[^注]: One.\n[^文]: Two.\n", []string{"fn-1", "fn-2"}},
		{"A[^Kim Il Sung].\n\n[^Kim Il Sung]: One.\n", []string{"fn-kim-il-sung"}},
		{"A[^1] b[^2].\n\n[^1]: One.\n[^2]: Two.\n", []string{"fn-1", "fn-2"}},
	}
	li := regexp.MustCompile(`<li id="([^"]+)">`)
	for _, tt := range tests {
		out, _ := convert(t, tt.src, Options{})
		var got []string
		for _, m := range li.FindAllStringSubmatch(out, -1) {
			got = append(got, m[1])
		}
		if !slices.Equal(got, tt.wantIDs) {
			t.Errorf("Convert(%q): footnote ids %q, want %q", tt.src, got, tt.wantIDs)
		}
	}
}

func TestFootnoteProblems(t *testing.T) {
	tests := []struct {
		src  string
		want []problem
	}{
		{"Fine[^a].\n\n[^a]: Note.\n", nil},
		{"No definition[^gone] here.\n", []problem{{13, `footnote [^gone] has no definition; add a line "[^gone]: …" at the end`}}},
		{"Text.\n\n[^spare]: Never used.\n", []problem{{7, "footnote [^spare] is defined but never referenced"}}},
		{"Text[^a].\n\n[^a]: Used.\n\n[^b]:\n", []problem{{24, "footnote [^b] is defined but never referenced"}}},
		{"`code [^x]` is not a reference.\n", nil},
		{"``two\nlines [^x]`` of code.\n", nil},
		{"Escaped \\[^x] is not either.\n", nil},
		{"`code` then [^x].\n", []problem{{12, `footnote [^x] has no definition; add a line "[^x]: …" at the end`}}},
	}
	for _, tt := range tests {
		_, got := convert(t, tt.src, Options{})
		if !slices.Equal(got, tt.want) {
			t.Errorf("Convert(%q) problems = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestRawHTMLOmitted(t *testing.T) {
	src := "<script>alert(1)</script>\n\nInline <script>alert(2)</script> and <b onclick=\"x()\">bold</b>.\n\n<div>\n<SCRIPT>alert(3)</SCRIPT>\n</div>\n"
	out, _ := convert(t, src, Options{Permalinks: true})
	for _, bad := range []string{"<script", "<SCRIPT", "onclick", "<b", "<div"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %s:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "<!-- raw HTML omitted -->") {
		t.Errorf("output does not mark the omitted HTML:\n%s", out)
	}
}

var paragraphID = regexp.MustCompile(`<p id="([^"]+)">`)

func paragraphIDs(t *testing.T, src string, opts Options) []string {
	t.Helper()
	out, _ := convert(t, src, opts)
	var ids []string
	for _, m := range paragraphID.FindAllStringSubmatch(out, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// fnvParagraphID is the anchor of a paragraph with the given source text,
// hashed by hash/fnv, which hashLines must agree with.
func fnvParagraphID(src []byte) string {
	h := fnv.New32a()
	_, _ = h.Write(src)
	return formatParagraphID(h.Sum32())
}

func TestParagraphIDs(t *testing.T) {
	opts := Options{Permalinks: true}
	src := "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n"
	ids := paragraphIDs(t, src, opts)
	if len(ids) != 3 {
		t.Fatalf("got %d paragraph ids, want 3", len(ids))
	}
	if again := paragraphIDs(t, src, opts); !slices.Equal(again, ids) {
		t.Errorf("ids changed between runs: %q then %q", ids, again)
	}
	edited := paragraphIDs(t, "First paragraph.\n\nSecond paragraph, rewritten.\n\nThird paragraph.\n", opts)
	if edited[0] != ids[0] || edited[2] != ids[2] {
		t.Errorf("editing the second paragraph changed the others: %q then %q", ids, edited)
	}
	if edited[1] == ids[1] {
		t.Errorf("the rewritten paragraph kept its id %q", ids[1])
	}
	inserted := paragraphIDs(t, "New opening.\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n", opts)
	if !slices.Equal(inserted[1:], ids) {
		t.Errorf("inserting a paragraph changed the others: %q then %q", ids, inserted)
	}
	for _, id := range ids {
		if !regexp.MustCompile(`^p-[0-9a-f]{6}$`).MatchString(id) {
			t.Errorf("paragraph id %q does not look like p-xxxxxx", id)
		}
	}
	if got, want := fnvParagraphID([]byte("First paragraph.")), ids[0]; got != want {
		t.Errorf("fnvParagraphID = %q, want %q as rendered", got, want)
	}
	dup := paragraphIDs(t, "Same.\n\nSame.\n", opts)
	if len(dup) != 2 || dup[1] != dup[0]+"-2" {
		t.Errorf("repeated paragraph ids = %q, want the second suffixed -2", dup)
	}
	if ids := paragraphIDs(t, src, Options{}); len(ids) != 0 {
		t.Errorf("without Permalinks paragraphs have ids %q", ids)
	}
	nested := paragraphIDs(t, "> Quoted.\n\n- item\n\n  continued.\n", opts)
	if len(nested) != 0 {
		t.Errorf("paragraphs inside quotes or lists got ids %q; only top-level paragraphs have permalinks", nested)
	}
}

func TestIDPrefix(t *testing.T) {
	src := "# Heading\n\nText[^a].\n\n[^a]: Note.\n"
	out, _ := convert(t, src, Options{IDPrefix: "n5-", Permalinks: true})
	for _, want := range []string{`<h1 id="n5-heading">`, `id="fnref-n5-a"`, `<li id="fn-n5-a">`, `<p id="n5-p-`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	// Two fragments with different prefixes on one page share no id.
	other, _ := convert(t, src, Options{IDPrefix: "n6-", Permalinks: true})
	checkUniqueIDs(t, src+src, out+other)
}

func TestTypography(t *testing.T) {
	src := `"Quoted" -- and 'single' ...`
	smart, _ := convert(t, src, Options{})
	if !strings.Contains(smart, "&ldquo;Quoted&rdquo;") || !strings.Contains(smart, "&ndash;") {
		t.Errorf("typographic output = %s", smart)
	}
	verbatim, _ := convert(t, src, Options{Verbatim: true})
	if !strings.Contains(verbatim, "&quot;Quoted&quot; -- and 'single' ...") {
		t.Errorf("verbatim output = %s", verbatim)
	}
}

func TestConcurrentConversions(t *testing.T) {
	c := New()
	src := []byte("Text[^a] and [[doc:x]].\n\n[^a]: Note.\n")
	want, _ := c.Convert(src, Options{IDPrefix: "p-", Permalinks: true})
	done := make(chan string)
	for i := range 8 {
		go func() {
			out, _ := c.Convert(src, Options{IDPrefix: "p-", Permalinks: true})
			done <- fmt.Sprintf("%d:%s", i, out)
		}()
	}
	for range 8 {
		got := <-done
		_, out, _ := strings.Cut(got, ":")
		if out != string(want) {
			t.Errorf("concurrent conversion differs:\n%s\nwant\n%s", out, want)
		}
	}
}

func TestRepeatedIDs(t *testing.T) {
	opts := Options{Permalinks: true}
	ids := paragraphIDs(t, "Same.\n\nSame.\n\nOther.\n\nSame.\n", opts)
	if len(ids) != 4 || ids[1] != ids[0]+"-2" || ids[3] != ids[0]+"-3" {
		t.Errorf("repeated paragraph ids = %q, want p, p-2, other, p-3", ids)
	}
	out, _ := convert(t, "# A\n\n# A\n\n# A 2\n\n# A\n\n# !\n\n# ?\n", Options{})
	got := regexp.MustCompile(`<h1 id="([^"]+)">`).FindAllStringSubmatch(out, -1)
	var heads []string
	for _, m := range got {
		heads = append(heads, m[1])
	}
	if want := []string{"a", "a-2", "a-2-2", "a-3", "section", "section-2"}; !slices.Equal(heads, want) {
		t.Errorf("heading ids = %q, want %q", heads, want)
	}
}
