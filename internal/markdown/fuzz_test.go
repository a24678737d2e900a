package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/markdown/xref"
)

// fuzzResolver resolves a few targets, some with awkward titles and
// hrefs, and accepts reports of problems.
type fuzzResolver struct{ calls int }

func (r *fuzzResolver) Resolve(ref xref.Reference) (xref.Target, bool) {
	r.calls++
	switch ref.Kind + ":" + strings.SplitN(ref.ID, "#", 2)[0] {
	case "doc:a":
		return xref.Target{Href: "@@root@@/documents/a.html", Title: `<script>alert("title")</script>`}, true
	case "person:stalin":
		return xref.Target{Href: `@@root@@/persons/"><script>.html`, Title: "Joseph Stalin"}, true
	case "note:1":
		return xref.Target{Href: "@@root@@/notes/1.html"}, true
	}
	return xref.Target{}, false
}

func (r *fuzzResolver) Unclosed(int)          {}
func (r *fuzzResolver) Malformed(int, string) {}

// FuzzXRef converts arbitrary Markdown with cross-references. It must not
// panic, must never let a script element through, and must report
// problems at offsets inside the source.
func FuzzXRef(f *testing.F) {
	for _, s := range []string{
		"[[doc:a]] and [[person:stalin|*Filippov*]] and [[note:1]].",
		"[[doc:a|the [[person:stalin]] telegram]] [[doc:a|open",
		"<script>alert(1)</script>\n\n[[doc:a|<script>x</script>]]",
		"Text[^a] and [^a] and [^b].\n\n[^a]: One [[doc:a]].\n[^c]: Unused.\n",
		"# Heading [[doc:a]]\n\n| a | [[doc:b]] |\n|---|---|\n| [[note:1|x]] | y |\n",
		"`[[doc:a]]` \\[[doc:a]] [[lang:ru|Zapis']] [[lang:x|y]] [[doc:A B]]",
		"*a [[doc:a|b* c]] d*",
		"[x](javascript:alert(1)) <javascript:alert(1)> [y][r]\n\n[r]: <script>\n",
	} {
		f.Add([]byte(s), true)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src []byte, verbatim bool) {
		var problems []int
		opts := Options{
			Resolver:   &fuzzResolver{},
			Permalinks: true,
			IDPrefix:   "f-",
			Verbatim:   verbatim,
			Problem:    func(off int, _ string) { problems = append(problems, off) },
		}
		out, err := c.Convert(src, opts)
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		if i := bytes.Index(bytes.ToLower(out), []byte("<script")); i >= 0 {
			t.Fatalf("Convert(%q) lets a script through: %s", src, out)
		}
		if bytes.Contains(bytes.ToLower(out), []byte(`href="javascript:`)) {
			t.Fatalf("Convert(%q) writes a javascript: link: %s", src, out)
		}
		for _, off := range problems {
			if off < 0 || off > len(src) {
				t.Errorf("Convert(%q) reports a problem at offset %d, outside the source", src, off)
			}
		}
	})
}
