package pipeline

import (
	"errors"
	"runtime"
	"slices"
	"sync"

	"github.com/korean-war-sources/edition/internal/export"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/subject"
)

// deferred is what a selective build of a deferring Session left to
// make: the pages of some views, made and rendered when first asked for
// (Session.Lookup) or in turn (Session.Flush), and the files made from
// every page (the citation downloads, feeds, data tables and search
// index), made once every view is made. The site it was built from is
// never changed while it is left (see Session.Build).
type deferred struct {
	res     *Result
	tpl     *render.Templates
	keys    []viewKey                // of every view of the site, in order
	views   []*lazyView              // those the build chose, in the site's order
	byKey   map[viewKey]*lazyView    // views, by key
	byPath  map[string]*lazyView     // the views left, by the paths the folder holds of their pages
	tables  func() []export.Table    // of res.Site, made once when first needed
	touched map[subject.Subject]bool // whose search items may have changed
	next    int                      // views[:next] were handed out, views[next:] are left

	// Generated files an earlier build made but never handed out. The
	// search index is updated in place and makes only the files an
	// update changes, so those of an earlier update must be kept.
	carried []output.File

	// Made by finish, once.
	finished sync.Once
	done     bool
	paths    []string      // res.Paths: the pages', then the citation downloads'
	files    []output.File // the citation downloads and the generated files
	err      error
}

// unsent returns the generated files made for d but not handed out,
// carried ones included; s.mu must be held for writing.
func (d *deferred) unsent() []output.File {
	if !d.done {
		return d.carried
	}
	return overlay(d.carried, d.files)
}

// overlay returns the files of over and those of under whose paths over
// has not, in that order.
func overlay(under, over []output.File) []output.File {
	if len(under) == 0 {
		return over
	}
	made := map[string]bool{}
	for _, f := range over {
		made[f.Path] = true
	}
	out := slices.Clone(over)
	for _, f := range under {
		if !made[f.Path] {
			out = append(out, f)
		}
	}
	return out
}

// lazyView is a view whose pages are made, and each rendered, when first
// needed; both may happen on several goroutines at once.
type lazyView struct {
	key    viewKey
	view   render.View
	old    []string // the paths of its pages the folder holds
	made   sync.Once
	pages  []*render.Page
	byPath map[string]*lazyPage
}

// lazyPage is a page rendered when first needed.
type lazyPage struct {
	page     *render.Page
	rendered sync.Once
	file     output.File
	err      error
}

// make makes the view's pages, once.
func (v *lazyView) make() {
	v.made.Do(func() {
		v.pages = v.view.Make()
		v.byPath = make(map[string]*lazyPage, len(v.pages))
		for _, p := range v.pages {
			v.byPath[p.Path] = &lazyPage{page: p}
		}
	})
}

// render returns the file of the view's page at path, rendering it once;
// ok is false when the view makes no page there.
func (v *lazyView) render(tpl *render.Templates, path string) (f output.File, ok bool, err error) {
	v.make()
	lp := v.byPath[path]
	if lp == nil {
		return output.File{}, false, nil
	}
	lp.rendered.Do(func() { lp.file, lp.err = render.RenderPage(tpl, lp.page) })
	return lp.file, true, lp.err
}

// renderAll renders every page of the view, in order.
func (v *lazyView) renderAll(tpl *render.Templates) ([]output.File, error) {
	v.make()
	files := make([]output.File, len(v.pages))
	for i, p := range v.pages {
		f, _, err := v.render(tpl, p.Path)
		if err != nil {
			return nil, err
		}
		files[i] = f
	}
	return files, nil
}

// newDeferred returns what is left of a build of res after the views
// chosen among views, with the paths of the pages the folder holds of
// every view (pages) and those of the views left by an earlier build
// (left).
func newDeferred(res *Result, views []render.View, chosen []int, pages map[viewKey][]string, tables func() []export.Table, touched map[subject.Subject]bool) *deferred {
	d := &deferred{
		res: res, tpl: res.tpl, keys: viewKeys(views), tables: tables, touched: touched,
		byKey: make(map[viewKey]*lazyView, len(chosen)), byPath: map[string]*lazyView{},
	}
	for _, i := range chosen {
		k := d.keys[i]
		v := &lazyView{key: k, view: views[i], old: pages[k]}
		d.views = append(d.views, v)
		d.byKey[k] = v
		for _, p := range v.old {
			d.byPath[p] = v
		}
	}
	return d
}

// left returns the keys of the views not yet handed out.
func (d *deferred) left() []viewKey {
	keys := make([]viewKey, 0, len(d.views)-d.next)
	for _, v := range d.views[d.next:] {
		keys = append(keys, v.key)
	}
	return keys
}

// finish makes, once, every view left and then the files made from
// every page, as Session.remake did for a build that rendered every
// page at once. pages and cites are the session's, for the views not
// left; updateIndex makes the search index.
func (d *deferred) finish(pages map[viewKey][]string, cites map[string]*render.Citation, index func() ([]output.File, error)) {
	d.finished.Do(func() {
		parallel.For(len(d.views), func(_, i int) { d.views[i].make() })
		var all render.Citations
		for _, k := range d.keys {
			if v := d.byKey[k]; v != nil {
				for _, p := range v.pages {
					d.paths = append(d.paths, p.Path)
					all.Add(p)
				}
				continue
			}
			for _, p := range pages[k] {
				d.paths = append(d.paths, p)
				all.AddCitation(cites[p])
			}
		}
		d.files = all.Files(d.res.Site)
		for _, f := range d.files {
			d.paths = append(d.paths, f.Path)
		}
		extra, err := runAll(generators(d.res.Site, d.paths, d.tables(), index))
		d.files = overlay(d.carried, append(d.files, slices.Concat(extra...)...))
		d.err, d.done = err, true
	})
}

// generated returns the file of d.files at path, if any.
func (d *deferred) generated(path string) (output.File, bool) {
	for _, f := range d.files {
		if f.Path == path {
			return f, true
		}
	}
	return output.File{}, false
}

// makeAll makes every page and file d left, commits them and returns
// them: the pages in the site's order, then the generated files.
func (s *Session) makeAll(d *deferred) ([]output.File, error) {
	made := make([][]output.File, len(d.views))
	errs := make([]error, len(d.views))
	parallel.For(len(d.views), func(_, i int) { made[i], errs[i] = d.views[i].renderAll(d.tpl) })
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.finish(d)
	if d.err != nil {
		return nil, d.err
	}
	s.commit(d, len(d.views), true)
	return append(slices.Concat(made...), d.files...), nil
}

// finish makes what d left that is made from every page.
func (s *Session) finish(d *deferred) {
	d.finish(s.pages, s.cites, s.updateIndex(d.res.Site, d.touched))
}

// commit records that the files handed out hold the pages of the views
// of d up to end and, if generated is set, the generated files: d is
// then done. s.mu must be held for writing.
func (s *Session) commit(d *deferred, end int, generated bool) {
	for _, v := range d.views[d.next:end] {
		for _, p := range v.old {
			delete(d.byPath, p)
			delete(s.owner, p)
		}
		paths := pagePaths(v.pages, s.cites)
		s.pages[v.key] = paths
		for _, p := range paths {
			s.owner[p] = v.key
		}
	}
	d.next = end
	if generated {
		d.res.Paths = d.paths
		if s.later == d {
			s.later = nil
		}
	}
}

// fixedFiles are the generated files that depend on no content (see
// generators): a page that links one must not wait for every page to be
// made.
var fixedFiles = map[string]bool{"assets/chroma.css": true}

// Found says what Lookup found.
type Found int

const (
	// Kept: the files handed out so far hold the path as the last build
	// makes it, or the last build makes no file there.
	Kept Found = iota
	// Made: the last build makes the file Lookup returns, which the
	// files handed out so far may not hold.
	Made
	// Gone: the last build makes no file at the path, which the files
	// handed out so far may still hold.
	Gone
)

// Lookup returns the file at path (slash-separated, below the output
// folder) as the last successful build makes it, if the files handed
// out so far (those of Result.Files and of Flush) may not hold it so: it
// makes and renders a page left by a deferring build, or every page and
// then the generated files when path may be one of those. It waits for
// a Build in progress. An error is one of the templates.
func (s *Session) Lookup(path string) ([]byte, Found, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	d := s.later
	if d == nil {
		return nil, Kept, nil
	}
	if v := d.byPath[path]; v != nil {
		f, ok, err := v.render(d.tpl, path)
		switch {
		case err != nil:
			return nil, Kept, err
		case ok:
			return f.Data, Made, nil
		}
		// Its view makes it no more, or makes it under another path.
	} else if _, ok := s.owner[path]; ok || s.static[path] || fixedFiles[path] {
		return nil, Kept, nil
	}
	// A generated file, a page whose path is new, or nothing.
	s.finish(d)
	if d.err != nil {
		return nil, Kept, d.err
	}
	if f, ok := d.generated(path); ok {
		return f.Data, Made, nil
	}
	for _, v := range d.views {
		if f, ok, err := v.render(d.tpl, path); ok || err != nil {
			return f.Data, Made, err
		}
	}
	if d.byPath[path] != nil {
		return nil, Gone, nil
	}
	return nil, Kept, nil
}

// Flush hands to write, in turn, what the last build left: the pages of
// up to n views at a time, in the site's order, then the generated
// files. Once write has returned nil, Lookup counts them as handed out.
// more reports whether anything is left. Flush must not be called at the
// same time as Build.
func (s *Session) Flush(n int, write func([]output.File) error) (more bool, err error) {
	s.mu.RLock()
	d := s.later
	if d == nil {
		s.mu.RUnlock()
		return false, nil
	}
	end := min(d.next+n, len(d.views))
	var files []output.File
	generated := end == d.next
	if !generated {
		batch := d.views[d.next:end]
		made := make([][]output.File, len(batch))
		errs := make([]error, len(batch))
		parallel.For(len(batch), func(_, i int) { made[i], errs[i] = batch[i].renderAll(d.tpl) })
		files, err = slices.Concat(made...), errors.Join(errs...)
	} else {
		s.finish(d)
		files, err = d.files, d.err
	}
	s.mu.RUnlock()
	if err == nil {
		err = write(files)
	}
	if err != nil {
		return true, err
	}
	s.mu.Lock()
	if s.later == d {
		s.commit(d, end, generated)
	}
	more = s.later != nil
	s.mu.Unlock()
	if generated && !more {
		// Everything is handed out and the preview waits for the next
		// edit: collecting the garbage of the pages made now, rather than
		// in the middle of the next rebuild, gives that rebuild the whole
		// heap's headroom.
		runtime.GC()
	}
	return more, nil
}

// Left reports whether the last build left anything to Lookup and
// Flush, and how many of the pages handed out so far it may change.
func (s *Session) Left() (pages int, any bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.later == nil {
		return 0, false
	}
	return len(s.later.byPath), true
}
