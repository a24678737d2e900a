// Package pipeline runs a whole build: load content, build the site
// graph, lay out every page and generated file, and write the result.
// cmd/build and the preview server share it.
package pipeline

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/korean-war-sources/edition/internal/baseurl"
	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/export"
	"github.com/korean-war-sources/edition/internal/feeds"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/render/highlight"
	"github.com/korean-war-sources/edition/internal/search"
	"github.com/korean-war-sources/edition/internal/site"

	"github.com/korean-war-sources/edition/internal/parallel"
)

// Config names the folders of a build.
type Config struct {
	Content, Templates, Static, Out string
	Strict                          bool // warnings fail the build too
	// BaseURL, when set, replaces site.yaml's base_url: the address the
	// site is published at, on which every citation is built. It must
	// have passed baseurl.Parse.
	BaseURL string
	// Preview marks the local preview, read on this machine, where a
	// placeholder base URL is no cause for a warning.
	Preview bool
	// Archive adds edition.zip, the whole site in one file for offline use.
	Archive bool
	// Fragments, when not nil, keeps rendered Markdown across builds so
	// that a rebuild renders only what changed (the preview sets it).
	Fragments *site.FragmentCache
	// UncachedPartials executes every partial of every page afresh: the
	// plain path, slower, whose output the partial cache must reproduce.
	UncachedPartials bool
	// ContentFS, TemplatesFS and StaticFS, when set, are read instead of
	// the folders Content, Templates and Static, whose names still place
	// error messages (and which the preview still watches). Tests build
	// small editions held in memory this way; nil means the folder.
	ContentFS, TemplatesFS, StaticFS fs.FS
}

// Result is a finished build.
type Result struct {
	Site *site.Site
	// Files is the whole site, static files and edition.zip included, as
	// output.Write writes it. Only Run keeps it: Build writes each file as soon
	// as it is made.
	Files   []output.File
	Paths   []string // of every file of the site, in the order made
	Diags   diag.List
	Elapsed time.Duration

	tpl *render.Templates // the templates the build used
	// texts, when the site was built by site.BuildOnce, which drops the
	// documents' texts, tells their texts read again from those loaded.
	texts *loadedTexts
}

// Failed reports whether the build must not be published.
func (r *Result) Failed(strict bool) bool { return r.Diags.HasErrors(strict) }

// Summary is the one line printed after a build.
func (r *Result) Summary() string {
	ed := r.Site.Ed
	pages := 0
	for _, p := range r.Paths {
		if strings.HasSuffix(p, ".html") {
			pages++
		}
	}
	return fmt.Sprintf("built %d pages (%d documents, %d persons, %d notes) in %s",
		pages, len(ed.Documents), len(ed.Persons), len(r.Site.NoteList), r.Elapsed.Round(time.Millisecond))
}

// Run builds everything in memory, into Result.Files: the preview server
// serves it, and output.Write writes it. Content problems are in Result.Diags;
// the error reports failures of the program or its templates.
func Run(cfg Config) (*Result, error) {
	start := time.Now()
	res, tpl, err := prepare(cfg, false)
	if err != nil {
		return nil, err
	}
	if res.Diags.HasErrors(false) {
		res.Elapsed = time.Since(start)
		return res, nil
	}
	mem := &output.Memory{}
	var zip bytes.Buffer
	if err := emitArchived(mem, false, res, cfg, tpl, &zip); err != nil {
		return nil, err
	}
	res.Files = mem.Files
	if cfg.Archive {
		res.Files = append(res.Files, output.File{Path: render.ArchivePath, Data: zip.Bytes()})
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// Build builds the site straight into cfg.Out, as cmd/build does: each
// file is written as soon as it is made and edition.zip is streamed to
// disk, so the site is never held in memory. The files go into a fresh
// sibling of cfg.Out, which replaces it only when the whole build has
// succeeded; a build with content problems (Result.Failed(cfg.Strict))
// or an error writes nothing and leaves cfg.Out as it was. What no later
// stage reads is dropped as soon as it can be: each document's file text
// once its Markdown is rendered (see site.BuildOnce; each source page
// reads its file again), its rendered Markdown once its pages are made;
// Result.Site holds no document body afterwards.
func Build(cfg Config) (*Result, error) {
	start := time.Now()
	res, tpl, err := prepare(cfg, true)
	if err != nil {
		return nil, err
	}
	if res.Diags.HasErrors(false) {
		res.Elapsed = time.Since(start)
		return res, nil
	}
	if res.Failed(cfg.Strict) {
		// Nothing is published, but the pages are still laid out so that
		// template errors are reported as Run reports them.
		err := (&emitter{res: res, sink: output.Discard}).site(cfg, tpl)
		res.Elapsed = time.Since(start)
		return res, err
	}
	dir, err := output.Create(cfg.Out)
	if err != nil {
		return nil, err
	}
	defer dir.Abort()
	if err := emitTo(dir, res, cfg, tpl); err != nil {
		return nil, err
	}
	if err := dir.Commit(); err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// emitTo writes the site into dir, and edition.zip if cfg asks for it.
// The files are written on goroutines of their own while the next ones
// are made.
func emitTo(dir *output.Dir, res *Result, cfg Config, tpl *render.Templates) (err error) {
	var sink output.Sink = dir
	if !cfg.Archive {
		// A folder keeps nothing of a file once written, so the buffer
		// of a page serves a later page from then on. The archive,
		// which reads a page after the folder has it, would need it
		// longer.
		bufs := &output.Buffers{}
		tpl.UseBuffers(bufs)
		defer tpl.UseBuffers(nil)
		sink = output.Recycling(dir, bufs)
	}
	q := output.NewQueueOn(sink, min(parallel.Workers(), maxWriters))
	defer func() {
		if qerr := q.Close(); err == nil {
			err = qerr
		}
	}()
	if !cfg.Archive {
		return emitArchived(q, true, res, cfg, tpl, nil)
	}
	f, err := dir.Create(render.ArchivePath)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	if err := emitArchived(q, true, res, cfg, tpl, w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", render.ArchivePath, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", render.ArchivePath, err)
	}
	return nil
}

// makersAtOnce is how many makers of the files after the pages run at
// once (see emitMade): the slowest and one other, each of which works
// on every core in turn.
const makersAtOnce = 2

// maxWriters is the most goroutines that write files: one per core up
// to a few, as the system creates the files of one folder one at a time
// whatever the number of writers.
const maxWriters = 4

// emitArchived makes the site into sink and, if cfg asks for it, into
// edition.zip written to zip; edition.zip's path ends res.Paths. If
// release is set, what no later stage reads is dropped as the build goes
// (see emitter.release).
func emitArchived(sink output.Sink, release bool, res *Result, cfg Config, tpl *render.Templates, zip io.Writer) error {
	if !cfg.Archive {
		return (&emitter{res: res, sink: sink, release: release}).site(cfg, tpl)
	}
	archive := output.NewArchive(zip, "edition")
	err := (&emitter{res: res, sink: output.Tee(sink, archive), release: release}).site(cfg, tpl)
	if cerr := archive.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	res.Paths = append(res.Paths, render.ArchivePath)
	return nil
}

// contentFS returns the file system of the content.
func (c Config) contentFS() fs.FS {
	if c.ContentFS != nil {
		return c.ContentFS
	}
	return content.DirFS(c.Content)
}

// templatesFS returns the file system of the templates.
func (c Config) templatesFS() fs.FS {
	if c.TemplatesFS != nil {
		return c.TemplatesFS
	}
	return os.DirFS(c.Templates)
}

// staticFiles reads the static files.
func (c Config) staticFiles() ([]output.File, error) {
	if c.StaticFS != nil {
		return output.ReadFS(c.StaticFS, c.Static)
	}
	return output.ReadTree(c.Static)
}

// prepare loads the content and the templates and builds the site graph;
// with once set, for a build that makes every page once, as
// site.BuildOnce builds it, which drops the documents' texts (see
// Result.texts).
func prepare(cfg Config, once bool) (*Result, *render.Templates, error) {
	return prepareOf(cfg, nil, once)
}

// prepareCached is prepare reusing the content files files holds.
func prepareCached(cfg Config, files *content.Cache) (*Result, *render.Templates, error) {
	return prepareOf(cfg, files, false)
}

// prepareOf is prepare, reusing the content files files holds.
func prepareOf(cfg Config, files *content.Cache, once bool) (*Result, *render.Templates, error) {
	res := &Result{}
	load := render.Load
	if cfg.UncachedPartials {
		load = render.LoadUncached
	}
	// The templates are parsed while the content is read, which leaves
	// a core idle at times.
	var tpl *render.Templates
	var tplErr error
	var parsing sync.WaitGroup
	parsing.Go(func() { tpl, tplErr = load(cfg.templatesFS()) })
	ed, err := content.LoadCached(cfg.contentFS(), cfg.Content, files, &res.Diags)
	parsing.Wait()
	if err != nil {
		return nil, nil, err
	}
	if tplErr != nil {
		return nil, nil, tplErr
	}
	checkBaseURL(&ed.Site, cfg.BaseURL, !cfg.Preview, &res.Diags)
	if once {
		res.texts = sumTexts(ed)
		res.Site = site.BuildOnce(ed, markdown.New(), &res.Diags)
	} else {
		res.Site = site.BuildCached(ed, markdown.New(), cfg.Fragments, &res.Diags)
	}
	res.tpl = tpl
	return res, tpl, nil
}

// checkBaseURL puts override, if set, in place of site.yaml's base_url,
// normalised, and, if warn, warns when the address citations will carry is a
// placeholder nobody can reach (example.org, localhost …): -strict, as
// the deploy workflow builds, then refuses to publish.
func checkBaseURL(st *content.Site, override string, warn bool, diags *diag.List) {
	pos := st.KeyPos["base_url"]
	if pos.File == "" {
		pos = st.Pos
	}
	switch {
	case override != "":
		st.BaseURL, pos = override, diag.Position{File: "-base-url"}
	case st.BaseURL == "":
		return
	default:
		u, err := baseurl.Parse(st.BaseURL)
		if err != nil {
			diags.Errorf(pos, "base_url: %v", err)
			return
		}
		st.BaseURL = u
	}
	if host, ok := baseurl.Placeholder(st.BaseURL); ok && warn {
		diags.Warnf(pos, "base_url %s has the placeholder host %s: every citation, feed and meta tag would point there; pass the published address with -base-url https://…", st.BaseURL, host)
	}
}

// ahead is how many groups of files are made ahead of the sink: enough
// to keep every core busy while pages of unequal cost are made, few
// enough that the pages held in memory stay a small part of a build.
const ahead = 32

// forgetEvery is how many groups of files a build that makes every page
// once makes between two clearings of the templates' partial cache.
const forgetEvery = 256

// emitter makes the files of a build and hands them, in a fixed order,
// to a sink: a folder, memory, an archive, or several (output.Tee).
type emitter struct {
	res  *Result
	sink output.Sink
	// release marks a build that makes every page once, as cmd/build
	// does, of a site built by site.BuildOnce: what no later stage reads
	// (the documents' rendered Markdown) is dropped as soon as its pages
	// are made. The preview, which remakes pages from the same content,
	// must not set it.
	release bool
	seen    map[string]bool // paths made so far
	forget  func()          // drops the partials of the pages made so far
	tpl     *render.Templates

	// If set, the paths of every view's pages by view key (viewKeys) and
	// the citation of every page, for a Session.
	views map[viewKey][]string
	cites map[string]*render.Citation
	index *search.Built // kept for a Session
}

// site makes every file of the site but edition.zip, in this order: the
// pages, the citation downloads, the generated files, the static files.
// The views of the pages are made a window at a time, rendered and
// dropped, so that a large edition is never held in memory as views.
func (e *emitter) site(cfg Config, tpl *render.Templates) error {
	// The tables are made after the pages: the data page says only what
	// they hold.
	shapes := export.Shapes(e.res.Site)
	opts := pageOptions(cfg, func() []export.Table { return shapes })
	if e.res.texts != nil {
		opts.ReadSource = e.res.texts.reader(cfg.contentFS())
	}
	var index *search.Indexer
	if e.release {
		index = search.NewIndexer(search.DefaultLayout())
	}
	cites, err := e.pages(render.Views(e.res.Site, opts), tpl, index)
	if err != nil {
		return err
	}
	if e.views == nil {
		// Not a Session: no later build reuses the partials.
		tpl.ForgetPartials()
	}
	makeIndex := buildIndex(e.res.Site, &e.index)
	if index != nil {
		makeIndex = finishIndex(e.res.Site, index)
	}
	gens, slowest := rest(e.res.Site, e.res.Paths, cites, tablesAfter(e.res.Site, shapes), makeIndex, cfg.staticFiles)
	return e.emitMade(gens, slowest)
}

// rest returns the makers of the files made after the pages, in the
// order of the site: the citation downloads, the generated files (see
// generators), the static files; slowest is the index in gens of the
// one that takes longest, the search index's. paths are the pages'; the
// feeds' list of pages gets the citation downloads' paths from their
// maker, which comes before.
func rest(s *site.Site, paths []string, cites *render.Citations, tables, index, static func() ([]output.File, error)) (gens []func() ([]output.File, error), slowest int) {
	var citePaths []string // not the files: the makers are kept until the last is done
	citesMade := make(chan struct{})
	withCites := func() []string {
		<-citesMade
		return append(slices.Clip(paths), citePaths...)
	}
	makeCites := func() ([]output.File, error) {
		defer close(citesMade)
		files := cites.Files(s)
		for _, f := range files {
			citePaths = append(citePaths, f.Path)
		}
		return files, nil
	}
	gens = []func() ([]output.File, error){makeCites}
	gens = append(gens, generatorsOf(s, withCites, tables, index)...)
	return append(gens, static), len(gens) - 1
}

// tablesAfter returns the maker of the open-data tables of s, which
// checks that they are what shapes, from export.Shapes, said of them.
func tablesAfter(s *site.Site, shapes []export.Table) func() ([]output.File, error) {
	return func() ([]output.File, error) {
		tables := export.Tables(s)
		if len(tables) != len(shapes) {
			return nil, fmt.Errorf("data: %d open-data tables, where the data page lists %d", len(tables), len(shapes))
		}
		for i, t := range tables {
			if t.N != shapes[i].N || t.Name != shapes[i].Name {
				return nil, fmt.Errorf("data/%s: %d rows, where the data page says otherwise", t.Name, t.N)
			}
		}
		return export.Files(tables)
	}
}

// pageOptions returns the options of the pages of a build of cfg, with
// what they link to among the files made beside them: the search
// index's manifest and the open-data tables, which tables (nil for
// none) returns when the data page is made.
func pageOptions(cfg Config, tables func() []export.Table) render.Options {
	opts := render.Options{Archive: cfg.Archive, SearchManifest: search.ManifestPath}
	if tables == nil {
		return opts
	}
	opts.Tables = func() []render.Table {
		var out []render.Table
		for _, t := range tables() {
			rt := render.Table{Name: t.Name, JSON: t.JSONPath(), CSV: t.CSVPath(), Rows: t.N}
			for _, c := range t.Columns {
				rt.Columns = append(rt.Columns, render.Column(c))
			}
			out = append(out, rt)
		}
		return out
	}
	return opts
}

// emitFiles emits files already made.
func (e *emitter) emitFiles(files []output.File) error {
	for _, f := range files {
		if err := e.add(f); err != nil {
			return err
		}
	}
	return nil
}

// emit makes n groups of files, group(0) … group(n-1), on every core,
// at most ahead groups ahead of the sink, and hands each group's files,
// in order, to the sink, then calls done(i) (done may be nil). Bounding
// the groups made ahead bounds the pages held in memory: a window of
// hundreds of person pages of half a megabyte each would hold a hundred
// megabytes. Two files of one path are an error.
//
// A group may leave pages to render (a view of many pages): they are
// rendered, on every core, when the group's turn comes, a chunk at a
// time, each chunk's files handed to the sink before the next is
// rendered, so that the hundreds of pages of one view (the documents'
// indexes, the timelines) are never held at once.
func (e *emitter) emit(n int, group func(i int) ([]output.File, []*render.Page, error), done func(i int)) error {
	type made struct {
		files []output.File
		pages []*render.Page
		err   error
	}
	var err error
	used := newProgress()
	parallel.Ordered(n, ahead, func(i int) made {
		files, pages, err := group(i)
		if len(pages) > 0 {
			// Its pages' models wait for their turn: only a few such
			// groups (sixty person views in a row) are made ahead.
			used.wait(i - leftAhead)
		}
		return made{files, pages, err}
	}, func(i int, m made) bool {
		if err = e.use(m.files, m.pages, m.err); err != nil {
			used.advance(math.MaxInt) // no group waits for a turn that does not come
			return false
		}
		if done != nil {
			done(i)
		}
		if e.release && (i+1)%forgetEvery == 0 {
			// The partials of a few hundred pages are mostly their
			// own; holding every one made would grow with the edition.
			// The few that pages far apart show are kept.
			e.forget()
		}
		used.advance(i + 1)
		return true
	})
	return err
}

// use emits the files of a group made by emit, and the pages it left.
func (e *emitter) use(files []output.File, pages []*render.Page, err error) error {
	if err != nil {
		return err
	}
	if err := e.emitFiles(files); err != nil {
		return err
	}
	return e.emitPages(pages)
}

// leftAhead is how many groups that left pages to render emit makes
// ahead of the sink.
const leftAhead = 2

// progress counts the groups emit has handed to the sink, for the
// groups made ahead that wait for their turn to come near.
type progress struct {
	mu   sync.Mutex
	cond *sync.Cond
	n    int
}

func newProgress() *progress {
	p := &progress{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// advance records that n groups were handed to the sink.
func (p *progress) advance(n int) {
	p.mu.Lock()
	p.n = n
	p.mu.Unlock()
	p.cond.Broadcast()
}

// wait returns once n groups were handed to the sink: a group that
// waits for fewer groups than come before it never waits for itself.
func (p *progress) wait(n int) {
	p.mu.Lock()
	for p.n < n {
		p.cond.Wait()
	}
	p.mu.Unlock()
}

// emitPages renders pages a chunk at a time and emits their files. A
// page's view model (Page.Data) is read only to render it: each chunk's
// go as it is emitted (the rows of the documents' indexes are megabytes).
func (e *emitter) emitPages(pages []*render.Page) error {
	for start := 0; start < len(pages); start += chunkPages {
		chunk := pages[start:min(start+chunkPages, len(pages))]
		files, err := renderPages(e.tpl, chunk)
		if err != nil {
			return err
		}
		if err := e.emitFiles(files); err != nil {
			return err
		}
		for _, p := range chunk {
			p.Data = nil
		}
	}
	return nil
}

// chunkPages is how many pages of a view of many are rendered at once:
// enough to share among the cores, a small part of the largest views.
const chunkPages = 64

// emitMade runs the makers gens, as they only read the site, and emits
// their files in the makers' order, each maker's as soon as it and those
// before it are done, so that files are written while the slowest maker,
// gens[slowest], runs. That one starts first and the others one after
// another beside it, in order (a maker may wait for one before it): a
// maker holds all its files until they are emitted, and every maker at
// once (the search index, the citation downloads, the open-data tables,
// the feeds) held more than any stage of the pages. It returns the
// first error in the makers' order once every maker has returned.
func (e *emitter) emitMade(gens []func() ([]output.File, error), slowest int) error {
	made := make([][]output.File, len(gens))
	errs := make([]error, len(gens))
	done := make([]chan struct{}, len(gens))
	for i := range gens {
		done[i] = make(chan struct{})
	}
	order := []int{slowest}
	for i := range gens {
		if i != slowest {
			order = append(order, i)
		}
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	running := make(chan struct{}, makersAtOnce)
	wg.Go(func() {
		for _, i := range order {
			running <- struct{}{}
			wg.Go(func() {
				defer func() { <-running }()
				defer close(done[i])
				made[i], errs[i] = gens[i]()
			})
		}
	})
	for i := range gens {
		<-done[i]
		if errs[i] != nil {
			return errs[i]
		}
		if err := e.emitFiles(made[i]); err != nil {
			return err
		}
		made[i] = nil
	}
	return nil
}

// add hands a file made to the sink, in the order of the site.
func (e *emitter) add(f output.File) error {
	if e.seen == nil {
		e.seen = map[string]bool{}
	}
	if e.seen[f.Path] {
		return fmt.Errorf("two files would be written to %s", f.Path)
	}
	e.seen[f.Path] = true
	e.res.Paths = append(e.res.Paths, f.Path)
	return e.sink.Add(f)
}

// runAll runs the generators at the same time, as they only read the
// site, and returns their files in the generators' order, or the first
// error in that order.
func runAll(gens []func() ([]output.File, error)) ([][]output.File, error) {
	made := make([][]output.File, len(gens))
	errs := make([]error, len(gens))
	var wg sync.WaitGroup
	for i, gen := range gens {
		wg.Go(func() { made[i], errs[i] = gen() })
	}
	wg.Wait()
	return made, errors.Join(errs...)
}

// generators make the files that are not pages (feeds, stylesheets made
// at build time, data downloads, the search index), one kind at a time,
// in order; paths are the pages', tables the open-data tables of s.
// index makes the files of the search index (see buildIndex).
func generators(s *site.Site, paths []string, tables []export.Table, index func() ([]output.File, error)) []func() ([]output.File, error) {
	return generatorsOf(s, func() []string { return paths }, func() ([]output.File, error) { return export.Files(tables) }, index)
}

// generatorsOf is generators whose paths are known only when paths
// returns, and whose tables' files tables makes.
func generatorsOf(s *site.Site, paths func() []string, tables, index func() ([]output.File, error)) []func() ([]output.File, error) {
	return []func() ([]output.File, error){
		func() ([]output.File, error) { return feeds.Files(s, paths()) },
		func() ([]output.File, error) {
			css, err := highlight.CSS()
			return []output.File{{Path: "assets/chroma.css", Data: css}}, err
		},
		tables,
		index,
	}
}

// buildIndex returns the maker of the search index of s, which keeps the
// index in *keep if keep is not nil.
func buildIndex(s *site.Site, keep **search.Built) func() ([]output.File, error) {
	return func() ([]output.File, error) {
		built, err := search.Build(search.Items(s), search.DefaultLayout())
		if err != nil {
			return nil, fmt.Errorf("search index: %w", err)
		}
		if keep != nil {
			*keep = built
		}
		return built.Files, nil
	}
}
