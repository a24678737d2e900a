package markdown_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/markdown/xref"
	"github.com/korean-war-sources/edition/internal/site"
)

// benchFragment is one piece of Markdown with the options the site
// renders it with (see internal/site/fragments.go).
type benchFragment struct {
	key  string
	src  []byte
	opts markdown.Options
}

// recorder resolves every reference and logs every call it receives, so
// that a log compares resolutions and problems between two versions.
type recorder struct{ log *bytes.Buffer }

func (r recorder) Resolve(ref xref.Reference) (xref.Target, bool) {
	fmt.Fprintf(r.log, "resolve %s:%s %q @%d\n", ref.Kind, ref.ID, ref.Label, ref.Offset)
	if ref.ID == "missing" {
		return xref.Target{}, false
	}
	return xref.Target{Href: site.RootMarker + ref.Kind + "/" + ref.ID + ".html", Title: "T " + ref.ID}, true
}

func (r recorder) Unclosed(off int) { fmt.Fprintf(r.log, "unclosed @%d\n", off) }

func (r recorder) Malformed(off int, text string) {
	fmt.Fprintf(r.log, "malformed @%d %q\n", off, text)
}

// editions loads the real edition and a generated one of 1,000 documents.
var editions = sync.OnceValues(func() ([]*content.Edition, error) {
	var diags diag.List
	real, err := content.LoadCached(os.DirFS("../../content"), "../../content", nil, &diags)
	if err != nil {
		return nil, err
	}
	gen, err := content.LoadCached(corpus.FS(1000), "corpus", nil, &diags)
	if err != nil {
		return nil, err
	}
	return []*content.Edition{real, gen}, nil
})

// fragments lists the fragments of ed as the site renders them.
func fragments(ed *content.Edition) []benchFragment {
	links := map[string]string{}
	for _, t := range ed.Terms {
		for _, v := range append([]string{t.Term}, t.Variants...) {
			links[v] = site.RootMarker + site.TermURL(t.ID)
		}
	}
	g := markdown.NewGlossary(links)
	var fs []benchFragment
	body := func(key string, b content.Body) {
		fs = append(fs, benchFragment{key, []byte(b.Src), markdown.Options{Permalinks: true, Glossary: g}})
	}
	txt := func(key string, t content.Text, prefix string, verbatim bool) {
		o := markdown.Options{IDPrefix: prefix, Verbatim: verbatim}
		if !verbatim {
			o.Glossary = g
		}
		fs = append(fs, benchFragment{key, []byte(t.Src), o})
	}
	for _, d := range ed.Documents {
		body("doc/"+d.ID, d.Body)
		for i, t := range d.EditorialNotes {
			txt("doc-ed/"+d.ID+"/"+strconv.Itoa(i), t, "ed"+strconv.Itoa(i)+"-", false)
		}
	}
	for _, p := range ed.Persons {
		body("person/"+p.ID, p.Body)
	}
	for _, s := range ed.Sections {
		body("section/"+s.ID, s.Body)
		for _, n := range s.Notes {
			num := strconv.Itoa(n.Number)
			txt("note/"+num, n.Text, "n"+num+"-", true)
			if n.Comment.Src != "" {
				txt("note-comment/"+num, n.Comment, "n"+num+"c-", false)
			}
		}
	}
	for _, c := range ed.Conflicts {
		body("conflict/"+c.ID, c.Body)
	}
	for _, pg := range ed.Pages {
		body("page/"+pg.ID, pg.Body)
	}
	return fs
}

func allFragments(tb testing.TB) [][]benchFragment {
	eds, err := editions()
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]benchFragment
	for _, ed := range eds {
		out = append(out, fragments(ed))
	}
	return out
}

// trickyFragments are the sources of the package's tests, fuzz corpus and
// the xref test data, plus the real fragments, each under every
// combination of options: they exercise the problems real text lacks.
func trickyFragments(tb testing.TB, real []benchFragment, g *markdown.Glossary) []benchFragment {
	var srcs [][]byte
	for _, f := range real {
		srcs = append(srcs, f.src)
	}
	for _, name := range []string{"markdown_test.go", "fuzz_test.go", "xref/xref_test.go"} {
		file, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && len(s) > 3 {
					srcs = append(srcs, []byte(s))
				}
			}
			return true
		})
	}
	fuzz, _ := filepath.Glob("testdata/fuzz/*/*")
	for _, name := range fuzz {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if q, ok := strings.CutPrefix(line, "[]byte("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(q, ")")); err == nil {
					srcs = append(srcs, []byte(s))
				}
			}
		}
	}
	txtars, _ := filepath.Glob("xref/testdata/*.txtar")
	for _, name := range txtars {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		_, in, _ := strings.Cut(string(b), "-- input.md --\n")
		in, _, _ = strings.Cut(in, "\n-- ")
		srcs = append(srcs, []byte(in))
	}
	srcs = append(srcs, randomSources(3000)...)
	var fs []benchFragment
	for i, src := range srcs {
		for j, o := range []markdown.Options{
			{},
			{Verbatim: true, IDPrefix: "n1-"},
			{Permalinks: true, Glossary: g},
			{IDPrefix: "ed0-", Glossary: g},
		} {
			fs = append(fs, benchFragment{fmt.Sprintf("tricky/%d/%d", i, j), src, o})
		}
	}
	return fs
}

// convertLogged converts f and returns its HTML followed by the log of
// resolutions and problems.
func convertLogged(c *markdown.Converter, f benchFragment) ([]byte, error) {
	var log bytes.Buffer
	opts := f.opts
	opts.Resolver = recorder{&log}
	opts.Problem = func(off int, msg string) { fmt.Fprintf(&log, "problem @%d %s\n", off, msg) }
	html, err := c.Convert(f.src, opts)
	if err != nil {
		return nil, err
	}
	return append(append(html, "\n-- log --\n"...), log.Bytes()...), nil
}

// TestGolden compares the output of every fragment, and of whole site
// builds, with a snapshot: MD_GOLDEN_WRITE=dir writes one, MD_GOLDEN=dir
// compares with it. It guards optimisations that must not change a byte.
func TestGolden(t *testing.T) {
	write, check := os.Getenv("MD_GOLDEN_WRITE"), os.Getenv("MD_GOLDEN")
	if write == "" && check == "" {
		t.Skip("set MD_GOLDEN_WRITE or MD_GOLDEN to a folder")
	}
	var files [][2]string // name, data
	c := markdown.New()
	sets := allFragments(t)
	sets = append(sets, trickyFragments(t, sets[0], sets[0][0].opts.Glossary))
	for i, frags := range sets {
		var all bytes.Buffer
		for _, f := range frags {
			out, err := convertLogged(c, f)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&all, "=== %s\n%s", f.key, out)
		}
		files = append(files, [2]string{fmt.Sprintf("fragments-%d.txt", i), all.String()})
	}
	eds, _ := editions()
	for i, ed := range eds {
		var diags diag.List
		s := site.BuildCached(ed, c, nil, &diags)
		var all bytes.Buffer
		keys := make([]string, 0, len(s.HTML))
		for k := range s.HTML {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			fmt.Fprintf(&all, "=== %s\n%s\n", k, s.HTML[k])
		}
		fmt.Fprintf(&all, "=== diagnostics\n%s\n", diags.String())
		files = append(files, [2]string{fmt.Sprintf("site-%d.txt", i), all.String()})
	}
	for _, f := range files {
		if write != "" {
			if err := os.MkdirAll(write, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(write, f[0]), []byte(f[1]), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(filepath.Join(check, f[0]))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want, []byte(f[1])) {
			t.Errorf("%s differs from %s", f[0], check)
		}
	}
}

// BenchmarkConvert converts every fragment of the real edition and of a
// generated one of 1,000 documents; ns/op and allocs/op are per fragment.
func BenchmarkConvert(b *testing.B) {
	var frags []benchFragment
	for _, fs := range allFragments(b) {
		frags = append(frags, fs...)
	}
	c := markdown.New()
	opts := make([]markdown.Options, len(frags))
	for i, f := range frags {
		opts[i] = f.opts
		opts[i].Resolver = benchResolver{}
		opts[i].Problem = func(int, string) {}
	}
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for ; b.Loop(); n++ {
		k := n % len(frags)
		if _, err := c.Convert(frags[k].src, opts[k]); err != nil {
			b.Fatal(err)
		}
	}
	// Other benchmarks share the machine: the process's CPU time, garbage
	// collection included, varies less than the wall time.
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// cpuTime is the CPU time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

type benchResolver struct{}

func (benchResolver) Resolve(ref xref.Reference) (xref.Target, bool) {
	return xref.Target{Href: site.RootMarker + ref.Kind + "/" + ref.ID + ".html", Title: ref.ID}, true
}

// randomSources makes n sources from pieces of the syntax the package
// handles, with a fixed seed: a cheap differential fuzz for TestGolden.
func randomSources(n int) [][]byte {
	pieces := []string{
		"[^a]", "[^b]", "[^Ongjin]", "[^ongjin]", "[^注]", "\n\n[^a]: ", "\n\n[^b]: note ", "\n[^c]:\n",
		"[[doc:a]]", "[[doc:a|", "[[person:x|", "]]", "]", "[[", "[[lang:ru|", "[[lang:xx|", "[[doc:a b]]", "[[doc:missing]]",
		"*", "**", "_", "`", "``", "\\", "\n", "\n\n", "  \n", "# ", "## Heading ", "\n> ", "\n- ", "\n1. ", "\n    code\n",
		"\n| a | b |\n|---|---|\n| c | d |\n", "\n```\nfence [^a] [[doc:a]]\n```\n",
		"Fond", "F.", "APRF", "Op.", "AVPRF", "Opis'", "Presidential Archive", "xFond", "Fondy", "fond",
		"'", "\"", "--", "---", "...", "<<", ">>", " ", " word", " the text", "[x](http://e.org)", "<http://a.b>", "<b>raw</b>",
		"![img](a.png)", "&amp;", "&#x41;", "~~s~~", "é", "Ф",
	}
	r := rand.New(rand.NewPCG(1, 2))
	srcs := make([][]byte, n)
	for i := range srcs {
		var b []byte
		for range 1 + r.IntN(40) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		srcs[i] = b
	}
	return srcs
}
