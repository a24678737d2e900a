package pipeline

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/export"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/search"
	"github.com/korean-war-sources/edition/internal/site"
	"github.com/korean-war-sources/edition/internal/subject"
)

// Session builds one edition again and again, as the preview does, and
// after an edit makes again only what the edit can have changed:
//
//   - an edit of documents' prose alone (site.ReplaceBody) remakes the
//     documents' pages, their source views and the search index;
//   - an edit of pages' files (documents, persons, essay sections,
//     conflicts, packets), when no page comes or goes, reloads only the
//     files that changed, and remakes the pages of the subjects they are
//     and of their neighbours (site.Neighbours), the pages about the whole
//     edition, and the generated files;
//   - anything else (templates, static files, registries, site.yaml, a
//     new or removed page) builds everything, reusing the Markdown
//     rendered before.
//
// A Session that defers pages (DeferPages) leaves the pages of the second
// kind of build to be made when asked for (Lookup) or in turn (Flush):
// renaming a person touches thousands of pages, of which the author
// looks at one or two.
//
// Build and Flush must not be called at the same time; Lookup may be
// called at any time, from any goroutine.
type Session struct {
	cfg        Config
	files      *content.Cache
	deferPages bool

	mu    sync.RWMutex // Build and the commits of Flush write; Lookup reads
	last  *Result      // the last successful build, nil before the first
	later *deferred    // what the last build left to make, if anything

	// Of the files handed out so far: the paths of each view's pages, by
	// subject or place among the pages about the whole edition (which
	// are made every time), the citation of every page and the view of
	// every page, by path, and the paths of the static files.
	pages  map[viewKey][]string
	cites  map[string]*render.Citation
	owner  map[string]viewKey
	static map[string]bool
	index  *search.Built
}

// NewSession returns a Session building cfg; it adds a fragment cache if
// cfg has none. A session never makes edition.zip: zipping the whole site
// after every edit would cost more than the rest of a rebuild, and the
// preview is read in the browser.
func NewSession(cfg Config) *Session {
	if cfg.Fragments == nil {
		cfg.Fragments = site.NewFragmentCache()
	}
	cfg.Archive = false
	return &Session{cfg: cfg, files: content.NewCache()}
}

// DeferPages makes the partial builds of pages' files that follow leave
// their pages, and the files made from every page, to Lookup and Flush:
// Result.Files then holds none of them, and Result.Paths is filled in
// only when Flush has handed out everything. Builds of documents' prose
// alone and full builds still make everything at once.
func (s *Session) DeferPages() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deferPages = true
}

// Build builds after the files at the paths changed, paths as the file
// watcher reports them (below cfg's folders); nil means anything may have
// changed. When partial is true, res.Files holds only the files made
// again, all others being as the previous build left them (or, for a
// session that defers pages, as Lookup and Flush give them); otherwise
// it holds the whole site, as Run makes it.
func (s *Session) Build(changed []string) (res *Result, partial bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	rels, inContent := s.contentPaths(changed)
	s.files.Forget(rels...)
	if changed == nil || slices.Contains(changed, "") {
		s.files.Clear() // anything may have changed
	}
	if inContent && s.last != nil {
		// Deferred pages were made from the site proseOnly would change.
		if s.later == nil {
			if res, ok := s.proseOnly(rels); ok {
				res.Elapsed = time.Since(start)
				return res, true, nil
			}
		}
		if s.last == nil {
			return s.full(start)
		}
		res, ok, err := s.selective(rels)
		if err != nil || (res != nil && res.Failed(s.cfg.Strict)) {
			s.last = nil
			return res, false, err
		}
		if ok {
			res.Elapsed = time.Since(start)
			return res, true, nil
		}
	}
	return s.full(start)
}

// full builds everything and remembers the build.
func (s *Session) full(start time.Time) (*Result, bool, error) {
	s.last = nil
	res, tpl, err := prepareCached(s.cfg, s.files)
	if err != nil {
		return nil, false, err
	}
	if res.Diags.HasErrors(s.cfg.Strict) {
		res.Elapsed = time.Since(start)
		return res, false, nil
	}
	mem := &output.Memory{}
	e := &emitter{res: res, sink: mem, views: map[viewKey][]string{}, cites: map[string]*render.Citation{}}
	if err := e.site(s.cfg, tpl); err != nil {
		return nil, false, err
	}
	static, err := s.cfg.staticFiles()
	if err != nil {
		return nil, false, err
	}
	res.Files = mem.Files
	s.later, s.pages, s.cites, s.index = nil, e.views, e.cites, e.index
	s.owner = map[string]viewKey{}
	for k, paths := range s.pages {
		for _, p := range paths {
			s.owner[p] = k
		}
	}
	s.static = map[string]bool{}
	for _, f := range static {
		s.static[f.Path] = true
	}
	res.Elapsed = time.Since(start)
	return s.keep(res), false, nil
}

// keep remembers res as the last build and returns what Build hands its
// caller: res with its files, which the session never reads again.
// Remembered with them, a whole site (over 500 MB at 10,000 documents)
// would stay in memory until the next edit. Only a result whose Paths
// are complete may be kept so (not one a deferred build fills in later).
func (s *Session) keep(res *Result) *Result {
	out := *res
	res.Files = nil
	s.last = res
	return &out
}

// contentPaths returns those of the changed paths that are in the content
// folder, relative to it and slash-separated, and whether all of them
// are (and there is at least one).
func (s *Session) contentPaths(changed []string) (rels []string, all bool) {
	all = len(changed) > 0
	for _, p := range changed {
		rel, err := filepath.Rel(s.cfg.Content, p)
		if p == "" || err != nil || !filepath.IsLocal(rel) {
			all = false
			continue
		}
		rels = append(rels, filepath.ToSlash(rel))
	}
	return rels, all
}

// proseOnly makes the files of a build after edits to documents' bodies
// alone, if that is all that changed (see site.ReplaceBody).
func (s *Session) proseOnly(rels []string) (*Result, bool) {
	st := s.last.Site
	var ids []string
	for _, rel := range rels {
		id, ok := strings.CutSuffix(strings.TrimPrefix(rel, "documents/"), ".md")
		if !ok || strings.Contains(id, "/") || st.Docs[id] == nil || inPacket(st, id) {
			return nil, false
		}
		ids = append(ids, id)
	}
	fsys := s.cfg.contentFS()
	bodies := make([]content.Body, len(ids))
	for i, id := range ids {
		body, ok := content.ReloadBody(fsys, s.cfg.Content, "documents/"+id+".md", st.Docs[id].Body)
		if !ok {
			return nil, false
		}
		bodies[i] = body
	}
	for i, id := range ids {
		if !st.ReplaceBody(id, bodies[i]) {
			if i > 0 {
				// The bodies replaced so far are not those of the last
				// build any more, so it cannot be compared with.
				s.last = nil
			}
			return nil, false
		}
	}
	res := &Result{Site: st, Diags: s.last.Diags, tpl: s.last.tpl, Paths: s.last.Paths}
	opts := pageOptions(s.cfg, nil) // a document's pages show no table
	for _, id := range ids {
		for _, p := range render.DocumentPages(st, opts, id) {
			f, err := render.RenderPage(s.last.tpl, p)
			if err != nil {
				s.last = nil
				return nil, false
			}
			res.Files = append(res.Files, f)
		}
	}
	items := map[int]search.Item{}
	for _, id := range ids {
		i, item, _ := search.DocumentItem(st, id)
		items[i] = item
	}
	index, ok, err := s.index.UpdateItems(nil, items)
	if err != nil || !ok {
		s.last = nil
		return nil, false
	}
	res.Files = append(res.Files, index...)
	return s.keep(res), true
}

// inPacket reports whether a packet lists the document id: its printable
// page shows the document's body, so an edit of that body is left to a
// selective build, which remakes every packet's pages.
func inPacket(st *site.Site, id string) bool {
	for _, pk := range st.Ed.Packets {
		for _, it := range pk.Items {
			if it.Doc.ID == id {
				return true
			}
		}
	}
	return false
}

// pageDirs are the content folders of pages a selective build handles.
var pageDirs = []string{"documents/", "persons/", "essay/", "conflicts/", "packets/"}

// selective makes the files of a build after edits to pages' files, if no
// page came or went; ok is false when a full build is needed. A build
// whose content fails is returned as it is.
func (s *Session) selective(rels []string) (res *Result, ok bool, err error) {
	for _, rel := range rels {
		if !slices.ContainsFunc(pageDirs, func(dir string) bool { return strings.HasPrefix(rel, dir) }) {
			return nil, false, nil
		}
	}
	res = &Result{tpl: s.last.tpl}
	ed, err := content.LoadCached(s.cfg.contentFS(), s.cfg.Content, s.files, &res.Diags)
	if err != nil {
		return nil, false, err
	}
	res.Site = site.Rebuild(s.last.Site, ed, markdown.New(), s.cfg.Fragments, &res.Diags)
	if res.Diags.HasErrors(s.cfg.Strict) {
		return res, false, nil
	}
	// The open-data tables are made when the data page or the data
	// files are: the pages a contributor looks at after an edit show
	// none. The subjects the edit touched are found while the views are
	// listed.
	tables := sync.OnceValue(func() []export.Table { return export.Tables(res.Site) })
	var remake map[subject.Subject]bool
	var wg sync.WaitGroup
	wg.Go(func() { remake = touched(s.last.Site, res.Site) })
	views := render.Views(res.Site, pageOptions(s.cfg, tables))
	wg.Wait()
	if !s.sameSubjects(views) {
		return nil, false, nil
	}
	index := maps.Clone(remake) // the subjects whose search items may have changed
	left := map[viewKey]bool{}
	var carried []output.File
	if s.later != nil {
		carried = s.later.unsent()
		// Views and generated files left by the last build are made
		// from this one's site.
		for _, k := range s.later.left() {
			left[k] = true
		}
		maps.Copy(index, s.later.touched)
	}
	var chosen []int
	for i, k := range viewKeys(views) {
		// Packets are few, and show documents, notes and sections.
		if k.subject.IsZero() || remake[k.subject] || k.subject.Kind == subject.Packet || left[k] {
			chosen = append(chosen, i)
		}
	}
	d := newDeferred(res, views, chosen, s.pages, tables, index)
	d.carried = carried
	if !s.deferPages {
		if res.Files, err = s.makeAll(d); err != nil {
			return nil, false, err
		}
		s.later = nil
		return s.keep(res), true, nil
	}
	s.last, s.later = res, d
	return res, true, nil
}

// sameSubjects reports whether views are those of the last build, in
// any order.
func (s *Session) sameSubjects(views []render.View) bool {
	keys := viewKeys(views)
	if len(keys) != len(s.pages) {
		return false
	}
	for _, k := range keys {
		if _, ok := s.pages[k]; !ok {
			return false
		}
	}
	return true
}

// viewKey names a view: by its subject, or for a view about the whole
// edition, whose place in the list never changes, by that place.
type viewKey struct {
	subject subject.Subject
	global  int // 1 for the first view about the whole edition, 0 for a subject's
}

// viewKeys names each view.
func viewKeys(views []render.View) []viewKey {
	keys := make([]viewKey, len(views))
	global := 0
	for i, v := range views {
		keys[i].subject = v.Subject
		if v.Subject.IsZero() {
			global++
			keys[i].global = global
		}
	}
	return keys
}

// updateIndex returns the maker of the search index after an edit: it
// updates the items of the touched subjects in the last build's index,
// or builds the index anew when items came, went or moved.
func (s *Session) updateIndex(st *site.Site, touched map[subject.Subject]bool) func() ([]output.File, error) {
	return func() ([]output.File, error) {
		order, items := search.ItemsOf(st, func(subj subject.Subject) bool { return touched[subj] })
		files, ok, err := s.index.UpdateItems(order, items)
		if err != nil || ok {
			return files, err
		}
		return buildIndex(st, &s.index)()
	}
}

// pagePaths returns the paths of pages and records their citations.
func pagePaths(pages []*render.Page, cites map[string]*render.Citation) []string {
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = p.Path
		cites[p.Path] = p.Cite
	}
	return paths
}

// touched returns the subjects whose pages an edit from old to new may
// have changed: the subjects whose files changed, with their neighbours
// before and after, and those whose Markdown renders differently.
func touched(old, new *site.Site) map[subject.Subject]bool {
	out := map[subject.Subject]bool{}
	changed := func(kind subject.Kind, id string) {
		subj := subject.Of(kind, id)
		out[subj] = true
		for _, n := range old.Neighbours(subj) {
			out[n] = true
		}
		for _, n := range new.Neighbours(subj) {
			out[n] = true
		}
	}
	changedIn(new.Docs, old.Docs, func(id string) { changed(subject.Document, id) })
	changedIn(new.Persons, old.Persons, func(id string) { changed(subject.Person, id) })
	changedIn(new.Sections, old.Sections, func(id string) { changed(subject.Section, id) })
	changedIn(new.Conflicts, old.Conflicts, func(id string) { changed(subject.Conflict, id) })
	for key, html := range new.HTML {
		if old.HTML[key] != html {
			for _, subj := range site.FragmentSubjects(new, key) {
				out[subj] = true
			}
		}
	}
	return out
}

// changedIn calls changed with the id of every entry of new that old
// does not hold as it is.
func changedIn[T any](new, old map[string]*T, changed func(id string)) {
	for id, x := range new {
		if old[id] != x {
			changed(id)
		}
	}
}
