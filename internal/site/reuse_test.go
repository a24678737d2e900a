package site_test

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// edition is a generated edition in memory, loaded through one
// content.Cache as the preview loads it, so that a file an edit leaves
// alone is the same decoded value in every load.
type edition struct {
	t     *testing.T
	fsys  fstest.MapFS
	files *content.Cache
	frags *site.FragmentCache
}

func newEdition(t *testing.T, n int) *edition {
	return &edition{t: t, fsys: corpus.FS(n), files: content.NewCache(), frags: site.NewFragmentCache()}
}

// edit replaces the first old in the file at path by new.
func (e *edition) edit(path, old, new string) {
	e.t.Helper()
	f := e.fsys[path]
	if f == nil || !strings.Contains(string(f.Data), old) {
		e.t.Fatalf("%s has no %q", path, old)
	}
	e.write(path, strings.Replace(string(f.Data), old, new, 1))
}

// write puts text at path and tells the cache.
func (e *edition) write(path, text string) {
	e.fsys[path] = &fstest.MapFile{Data: []byte(text)}
	e.files.Forget(path)
}

// text returns the text of the file at path.
func (e *edition) text(path string) string {
	e.t.Helper()
	f := e.fsys[path]
	if f == nil {
		e.t.Fatalf("no file %s", path)
	}
	return string(f.Data)
}

// rebuild loads the edition through the cache and rebuilds it from prev.
func (e *edition) rebuild(prev *site.Site) (*site.Site, *diag.List) {
	e.t.Helper()
	var diags diag.List
	ed, err := content.LoadCached(e.fsys, "content", e.files, &diags)
	if err != nil {
		e.t.Fatal(err)
	}
	return site.Rebuild(prev, ed, markdown.New(), e.frags, &diags), &diags
}

// fresh builds the edition from nothing: no cache, no earlier site.
func (e *edition) fresh() string {
	e.t.Helper()
	var diags diag.List
	ed, err := content.LoadCached(e.fsys, "content", nil, &diags)
	if err != nil {
		e.t.Fatal(err)
	}
	return dump(site.BuildCached(ed, markdown.New(), nil, &diags), &diags)
}

// TestRebuildIsFreshBuild edits a generated edition step by step, the
// edits the preview sees, and checks after each that the site Rebuild
// makes from the previous one, reusing what the edit left unchanged, is
// the site a fresh build makes, diagnostics included. Some edits change
// only what no reused part reads (a person's name), others change what
// some part is derived from: references in bodies and notes, dates,
// front matter, a person's id.
func TestRebuildIsFreshBuild(t *testing.T) {
	e := newEdition(t, 150)
	docs := slices.Sorted(maps.Keys(e.fsys))
	docs = slices.DeleteFunc(docs, func(p string) bool { return !strings.HasPrefix(p, "documents/") })
	a, b := docs[0], docs[len(docs)/2]
	idOf := func(p string) string { return strings.TrimSuffix(p[strings.LastIndexByte(p, '/')+1:], ".md") }
	named := mostLinkedPerson(t, e)
	person := "persons/" + named + ".md"
	cited := regexp.MustCompile(`\[\[work:([a-z0-9-]+)`).FindStringSubmatch(e.text("essay/part-01.md"))
	if cited == nil {
		t.Fatal("the first essay part cites no work")
	}
	work := "\n" + cited[1] + ":\n"
	if strings.HasPrefix(e.text("bibliography.yaml"), work[1:]) {
		e.write("bibliography.yaml", "\n"+e.text("bibliography.yaml"))
	}

	steps := []struct {
		name   string
		edit   func()
		reused bool // whether every part must be reused
		broken bool // whether the edit breaks references
	}{
		{"rename a person named in bodies", func() { e.edit(person, "name: '", "name: 'Renamed ") }, true, false},
		{"rename them again", func() { e.edit(person, "name: 'Renamed ", "name: 'Again ") }, true, false},
		{"a body links to a document", func() { e.write(a, e.text(a)+"\nSee also [[doc:"+idOf(b)+"]].\n") }, false, false},
		{"a body links to a person", func() { e.write(b, e.text(b)+"\nAs [[person:"+named+"]] said.\n") }, false, false},
		{"a body drops its links", func() { e.write(a, dropLinks(e.text(a))) }, false, false},
		{"a note cites a document", func() {
			e.edit("essay/part-01.md", "    text: |-\n      ", "    text: |-\n      [[doc:"+idOf(b)+"|Also this]]; ")
		}, false, false},
		{"a document's date moves", func() {
			e.write(b, regexp.MustCompile(`(?m)^date: '[^']*'$`).ReplaceAllString(e.text(b), "date: '1953-12-31'"))
		}, false, false},
		{"a document mentions another person", func() { e.edit(a, "mentions: [", "mentions: ["+named+", ") }, false, false},
		{"a conflict's account names another document", func() {
			e.edit("conflicts/conflict-1.md", "  - source: 'doc:", "  - source: 'doc:"+idOf(a)+"'\n    says: 'Added.'\n  - source: 'doc:")
		}, false, false},
		{"an event names another person and document", func() {
			e.edit("events.yaml", "  persons: [", "  persons: ["+named+", ")
			e.edit("events.yaml", "  documents: [", "  documents: ["+idOf(a)+", ")
		}, false, false},
		{"a person's id changes", func() { changePersonID(e, named, named+"-renamed") }, false, false},
		// The references of files left alone change when what they
		// refer to goes or comes back.
		{"a work the notes cite leaves the bibliography", func() { e.edit("bibliography.yaml", work, "\nrenamed-work:\n") }, false, true},
		{"it comes back", func() { e.edit("bibliography.yaml", "\nrenamed-work:\n", work) }, false, false},
	}
	prev, _ := e.rebuild(nil)
	last := e.fresh()
	for _, step := range steps {
		step.edit()
		s, diags := e.rebuild(prev)
		got, want := dump(s, diags), e.fresh()
		if got != want {
			t.Errorf("%s: the rebuilt site differs from a fresh build:\n%s", step.name, firstDiff(got, want))
		}
		if want == last {
			t.Errorf("%s: the edit changed nothing", step.name)
		}
		if strings.Contains(want, "error:") != step.broken {
			t.Errorf("%s: the edit broke references %v, want %v", step.name, !step.broken, step.broken)
		}
		last = want
		if order, front, md := site.ReusedParts(prev, s); step.reused && !(order && front && md) {
			t.Errorf("%s: reused the date order %v, front matter's backlinks %v, Markdown's %v; want all", step.name, order, front, md)
		}
		prev = s
	}
}

// mostLinkedPerson returns the id of the person the documents' bodies
// link to most often.
func mostLinkedPerson(t *testing.T, e *edition) string {
	t.Helper()
	count := map[string]int{}
	link := regexp.MustCompile(`\[\[person:([a-z0-9-]+)\]\]`)
	for p, f := range e.fsys {
		if strings.HasPrefix(p, "documents/") {
			for _, m := range link.FindAllStringSubmatch(string(f.Data), -1) {
				count[m[1]]++
			}
		}
	}
	if len(count) == 0 {
		t.Fatal("no body links to a person")
	}
	ids := slices.Sorted(maps.Keys(count))
	return slices.MaxFunc(ids, func(a, b string) int { return count[a] - count[b] })
}

// dropLinks replaces every cross-reference of a page's body by its label
// or id.
func dropLinks(text string) string {
	front, body, _ := strings.Cut(strings.TrimPrefix(text, "---\n"), "\n---\n")
	body = regexp.MustCompile(`\[\[[a-z]+:([^\]|]+)(\|([^\]]*))?\]\]`).ReplaceAllString(body, "$1")
	return "---\n" + front + "\n---\n" + body
}

// changePersonID moves the person's file to the new id and changes every
// reference to them.
func changePersonID(e *edition, old, new string) {
	e.t.Helper()
	ref := regexp.MustCompile(`\b` + regexp.QuoteMeta(old) + `\b`)
	for p, f := range e.fsys {
		if text := string(f.Data); ref.MatchString(text) {
			e.write(p, ref.ReplaceAllString(text, new))
		}
	}
	e.fsys["persons/"+new+".md"] = e.fsys["persons/"+old+".md"]
	delete(e.fsys, "persons/"+old+".md")
	e.files.Forget("persons/" + old + ".md")
}
