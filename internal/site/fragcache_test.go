package site_test

import (
	"maps"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// buildWith builds base with files laid over it, using cache (nil for
// none), and returns the site and its problems as text.
func buildWith(t *testing.T, cache *site.FragmentCache, files map[string]string) (*site.Site, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range base {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	var diags diag.List
	ed, err := content.LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	return site.BuildCached(ed, markdown.New(), cache, &diags), diags.String()
}

// misses returns how many fragments the build renders anew.
func misses(t *testing.T, cache *site.FragmentCache, files map[string]string) (*site.Site, string, int) {
	t.Helper()
	_, before := cache.Stats()
	s, problems := buildWith(t, cache, files)
	_, after := cache.Stats()
	return s, problems, after - before
}

// sameAsUncached checks that a cached build equals an uncached one.
func sameAsUncached(t *testing.T, step string, got *site.Site, gotProblems string, files map[string]string) {
	t.Helper()
	want, wantProblems := buildWith(t, nil, files)
	if !maps.Equal(got.HTML, want.HTML) {
		for k, v := range want.HTML {
			if got.HTML[k] != v {
				t.Errorf("%s: HTML[%s] = %q, uncached %q", step, k, got.HTML[k], v)
			}
		}
	}
	if gotProblems != wantProblems {
		t.Errorf("%s: problems\n%s\nuncached\n%s", step, gotProblems, wantProblems)
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"NoteRefs", got.NoteRefs, want.NoteRefs},
		{"DocReferencedBy", got.DocReferencedBy, want.DocReferencedBy},
		{"PersonMentioned", got.PersonMentioned, want.PersonMentioned},
		{"DocCitedIn", got.DocCitedIn, want.DocCitedIn},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s: %s = %v, uncached %v", step, f.name, f.got, f.want)
		}
	}
}

func TestFragmentCache(t *testing.T) {
	doc := base["documents/a.md"]
	files := map[string]string{
		"documents/b.md": strings.Replace(doc, "Sent by [[person:stalin]].", "See [[doc:a]].\n\nBroken [[doc:zz]].", 1),
	}
	cache := site.NewFragmentCache()
	s, problems, n := misses(t, cache, files)
	total := len(s.HTML)
	if n != total {
		t.Errorf("first build rendered %d fragments, want all %d", n, total)
	}
	sameAsUncached(t, "first build", s, problems, files)
	if !strings.Contains(problems, `unknown document "zz"`) {
		t.Errorf("problems lack the broken reference:\n%s", problems)
	}

	// Nothing changed: nothing is rendered, and the problems are
	// reported again.
	s, problems, n = misses(t, cache, files)
	if n != 0 {
		t.Errorf("unchanged rebuild rendered %d fragments, want 0", n)
	}
	sameAsUncached(t, "unchanged rebuild", s, problems, files)

	// One body changed: only its fragment is rendered, and its problem
	// moves with the text while b's stays where it was.
	files["documents/a.md"] = strings.Replace(doc, "Sent by [[person:stalin]].", "Sent\n\nby [[person:stalin]], [[doc:zz2]].", 1)
	s, problems, n = misses(t, cache, files)
	if n != 1 {
		t.Errorf("rebuild after one body edit rendered %d fragments, want 1", n)
	}
	sameAsUncached(t, "body edit", s, problems, files)

	// A document's title changes: only the fragments linking to it are
	// rendered ([[doc:a]] in b, [[doc:a|Telegram]] in note 1).
	files["documents/a.md"] = strings.Replace(files["documents/a.md"], "title: Telegram A", "title: Telegram Alpha", 1)
	s, problems, n = misses(t, cache, files)
	if n != 2 {
		t.Errorf("rebuild after a title edit rendered %d fragments, want 2", n)
	}
	sameAsUncached(t, "title edit", s, problems, files)
	if !strings.Contains(string(s.HTML["doc/b"]), "Telegram Alpha") {
		t.Errorf("doc/b does not show the new title: %s", s.HTML["doc/b"])
	}

	// A new document changes the suggestions for unknown documents, and
	// makes one of them known: the fragments with broken document links
	// are rendered again.
	files["documents/zz.md"] = strings.Replace(doc, "title: Telegram A", "title: Telegram Z", 1)
	s, problems, n = misses(t, cache, files)
	if n != 3 { // a and b link to unknown documents; zz is new
		t.Errorf("rebuild after a new document rendered %d fragments, want 3", n)
	}
	sameAsUncached(t, "new document", s, problems, files)

	// Moving a note's text in its file keeps the fragment but must move
	// the positions of its problems.
	files["essay/one.md"] = strings.Replace(base["essay/one.md"], "text: '[[doc:a|Telegram]]", "text: '[[doc:nope]] [[doc:a|Telegram]]", 1)
	s, problems, _ = misses(t, cache, files)
	sameAsUncached(t, "note edit", s, problems, files)
	files["essay/one.md"] = "---\ntitle: One\n\n\norder: 1\n" + strings.TrimPrefix(files["essay/one.md"], "---\ntitle: One\norder: 1\n")
	s, problems, n = misses(t, cache, files)
	// The section's body starts lower in its file but reads the same, so
	// it is reused like the notes; its problems, if it had any, would be
	// reported from its new first line (sameAsUncached checks).
	if n != 0 {
		t.Errorf("rebuild after moving the notes down rendered %d fragments, want 0", n)
	}
	sameAsUncached(t, "notes moved", s, problems, files)
}

// TestFragmentCacheRealEdition rebuilds the edition with a warm cache:
// nothing is rendered again and the site is the same as without a cache.
func TestFragmentCacheRealEdition(t *testing.T) {
	load := func() *content.Edition {
		var diags diag.List
		ed, err := content.LoadCached(os.DirFS("../../content"), "content", nil, &diags)
		if err != nil {
			t.Fatal(err)
		}
		return ed
	}
	cache := site.NewFragmentCache()
	var d1, d2, d3 diag.List
	site.BuildCached(load(), markdown.New(), cache, &d1)
	_, first := cache.Stats()
	got := site.BuildCached(load(), markdown.New(), cache, &d2)
	if _, n := cache.Stats(); n != first {
		t.Errorf("warm rebuild rendered %d of %d fragments, want 0", n-first, len(got.HTML))
	}
	want := site.BuildCached(load(), markdown.New(), nil, &d3)
	if !maps.Equal(got.HTML, want.HTML) || !reflect.DeepEqual(got.NoteRefs, want.NoteRefs) || d2.String() != d3.String() {
		t.Error("a build with a warm cache differs from one without")
	}
}
