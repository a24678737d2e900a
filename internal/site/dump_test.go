package site_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// dump renders everything a build produced as text, maps sorted by key,
// so that two builds can be compared line by line and across versions of
// the code. Pointers into the edition are written as the ids they hold.
func dump(s *site.Site, diags *diag.List) string {
	var b strings.Builder
	ids := func(name string, m any) {
		v := reflect.ValueOf(m)
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		fmt.Fprintf(&b, "%s:", name)
		for _, k := range keys {
			id := v.MapIndex(k).Elem().FieldByName("ID").String()
			fmt.Fprintf(&b, " %s=%s", k, id)
		}
		b.WriteByte('\n')
	}
	ids("Docs", s.Docs)
	ids("Persons", s.Persons)
	ids("Works", s.Works)
	ids("Events", s.Events)
	ids("Sections", s.Sections)
	ids("Conflicts", s.Conflicts)
	ids("Terms", s.Terms)
	ids("Archives", s.Archives)
	ids("Packets", s.Packets)
	for _, n := range slices.Sorted(maps.Keys(s.Notes)) {
		fmt.Fprintf(&b, "Notes[%d]: %d %s %v\n", n, s.Notes[n].Number, s.Notes[n].Section.ID, s.Notes[n].Pos)
	}
	for _, d := range s.DocsByDate {
		fmt.Fprintf(&b, "DocsByDate: %s\n", d.ID)
	}
	for _, n := range s.NoteList {
		fmt.Fprintf(&b, "NoteList: %d %s\n", n.Number, n.Section.ID)
	}
	for _, sec := range s.SortedSections {
		fmt.Fprintf(&b, "SortedSections: %s\n", sec.ID)
	}
	// fmt prints maps sorted by key.
	for _, f := range []struct {
		name string
		v    any
	}{
		{"PersonByName", s.PersonByName}, {"DocCitedIn", s.DocCitedIn}, {"DocReferencedBy", s.DocReferencedBy},
		{"WorkCitedIn", s.WorkCitedIn}, {"DocEvents", s.DocEvents}, {"DocConflicts", s.DocConflicts},
		{"NoteEvents", s.NoteEvents}, {"PersonSent", s.PersonSent}, {"PersonReceived", s.PersonReceived},
		{"PersonMentioned", s.PersonMentioned}, {"PersonNotes", s.PersonNotes}, {"PersonEvents", s.PersonEvents},
		{"NoteRefs", s.NoteRefs}, {"fragRefs", site.FragRefs(s)}, {"render.refs", site.RenderRefs(s)},
	} {
		fmt.Fprintf(&b, "%s: %v\n", f.name, f.v)
	}
	for _, k := range slices.Sorted(maps.Keys(s.HTML)) {
		fmt.Fprintf(&b, "HTML[%s]: %s\n", k, s.HTML[k])
	}
	// The diagnostics in the order they were reported (fmt shows the
	// unexported list), then as listed.
	fmt.Fprintf(&b, "diags: %+v\n", *diags)
	b.WriteString(diags.String())
	return b.String()
}

// brokenCorpus writes a generated corpus of n documents into a temporary
// folder with some broken references added, so that the diagnostics are
// exercised too, and returns the folder.
func brokenCorpus(t testing.TB, n int) string {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	docs, err := filepath.Glob(filepath.Join(dir, "documents", "*.md"))
	if err != nil || len(docs) < 3 {
		t.Fatalf("corpus has %d documents: %v", len(docs), err)
	}
	slices.Sort(docs)
	edits := []struct{ old, new string }{
		{"\n---\n", "\n---\nBroken [[doc:no-such-doc]] and [[person:pavel-golubevv]], [[note:99999]],\n[[foo:bar]] [[lang:xx|y]] [[doc:\n\n"},
		{"mentions: [", "mentions: [no-such-person, "},
		{"\n---\n", "\n---\n\n\nSee [[event:nope]] and [[work:nope|W]] and [[term:nope]].\n"},
	}
	for i, e := range edits {
		src, err := os.ReadFile(docs[i])
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(src), e.old, e.new, 1)
		if edited == string(src) {
			t.Fatalf("edit %d does not apply to %s", i, docs[i])
		}
		if err := os.WriteFile(docs[i], []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// buildDump loads the content in dir and builds it with cache, returning
// the dump.
func buildDump(t testing.TB, dir string, cache *site.FragmentCache) string {
	t.Helper()
	var diags diag.List
	ed, err := content.LoadCached(os.DirFS(dir), "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	s := site.BuildCached(ed, markdown.New(), cache, &diags)
	return dump(s, &diags)
}

// TestWarmBuildIsIdentical builds the real edition and a generated corpus
// with broken references without a cache, with a cold cache and with a
// warm one, and checks that every build produced the same site and the
// same diagnostics in the same order.
func TestWarmBuildIsIdentical(t *testing.T) {
	for name, dir := range map[string]string{"edition": "../../content", "corpus": brokenCorpus(t, 300)} {
		want := buildDump(t, dir, nil)
		cache := site.NewFragmentCache()
		for _, step := range []string{"cold cache", "warm cache", "warm again"} {
			if got := buildDump(t, dir, cache); got != want {
				t.Errorf("%s, %s: the build differs from one without a cache:\n%s", name, step, firstDiff(got, want))
			}
		}
		if name == "corpus" && !strings.Contains(want, "no-such-doc") {
			t.Errorf("corpus: the broken references are not reported")
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %.300s\nwant %.300s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

// TestDumpSite writes the dumps of the real edition, a broken corpus and
// the corpus in $SITE_CORPUS (when set), built without and with a warm
// cache, into $SITE_DUMP_DIR, to compare builds across versions of this
// package: run it before and after a change and diff the folders.
func TestDumpSite(t *testing.T) {
	out := os.Getenv("SITE_DUMP_DIR")
	if out == "" {
		t.Skip("SITE_DUMP_DIR is not set")
	}
	dirs := map[string]string{"edition": "../../content", "broken300": brokenCorpus(t, 300)}
	if c := os.Getenv("SITE_CORPUS"); c != "" {
		dirs["corpus"] = c
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, dir := range dirs {
		cache := site.NewFragmentCache()
		buildDump(t, dir, cache)
		for suffix, d := range map[string]string{"cold": buildDump(t, dir, nil), "warm": buildDump(t, dir, cache)} {
			if err := os.WriteFile(filepath.Join(out, name+"-"+suffix+".txt"), []byte(d), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestBuildOnceIsIdentical checks that BuildOnce, which drops what only
// checks and rebuilds read as soon as the graph is done with it, builds
// the site and reports the diagnostics BuildCached does, but for the
// records of the fragments' references it does not keep; that it drops
// the file texts of the bodies rendered without problems and keeps those
// whose problems it reports, and the key positions.
func TestBuildOnceIsIdentical(t *testing.T) {
	withoutRefs := func(d string) string {
		lines := strings.Split(d, "\n")
		return strings.Join(slices.DeleteFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, "fragRefs: ") || strings.HasPrefix(l, "render.refs: ")
		}), "\n")
	}
	for name, dir := range map[string]string{"edition": "../../content", "corpus": brokenCorpus(t, 300)} {
		want := withoutRefs(buildDump(t, dir, nil))
		var diags diag.List
		ed, err := content.LoadCached(os.DirFS(dir), "content", nil, &diags)
		if err != nil {
			t.Fatal(err)
		}
		s := site.BuildOnce(ed, markdown.New(), &diags)
		if got := withoutRefs(dump(s, &diags)); got != want {
			t.Errorf("%s: BuildOnce differs from BuildCached:\n%s", name, firstDiff(got, want))
		}
		if refs := site.RenderRefs(s); refs != nil || site.FragRefs(s) != nil {
			t.Errorf("%s: BuildOnce kept the fragments' references", name)
		}
		kept := 0
		for _, d := range ed.Documents {
			if d.KeyPos != nil {
				t.Errorf("%s: %s keeps its key positions", name, d.File)
			}
			if d.Body.Raw != "" || d.Body.Src != "" {
				kept++
			}
		}
		for _, p := range ed.Persons {
			if p.Body.Raw != "" {
				t.Errorf("%s: %s keeps its text", name, p.File)
			}
		}
		// The corpus has two documents whose bodies have problems.
		if want := map[string]int{"edition": 0, "corpus": 2}[name]; kept != want {
			t.Errorf("%s: %d documents keep their text, want %d", name, kept, want)
		}
	}
}
