// Package pipeline runs a whole build: load content, build the site
// graph, lay out every page and generated file, and write the result.
// cmd/build and the preview server share it.
package pipeline

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	res, tpl, err := prepare(cfg)
	if err != nil {
		return nil, err
	}
	if res.Diags.HasErrors(false) {
		res.Elapsed = time.Since(start)
		return res, nil
	}
	e := &emitter{res: res, keep: true}
	var zip bytes.Buffer
	if cfg.Archive {
		e.archive = output.NewArchive(&zip, "edition")
	}
	if err := e.site(cfg, tpl); err != nil {
		return nil, err
	}
	if cfg.Archive {
		if err := e.archive.Close(); err != nil {
			return nil, err
		}
		res.Files = append(res.Files, output.File{Path: render.ArchivePath, Data: zip.Bytes()})
		res.Paths = append(res.Paths, render.ArchivePath)
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// Build builds the site straight into cfg.Out, as cmd/build does: each
// file is written as soon as it is made and edition.zip is streamed to
// disk, so the site is never held in memory. The files go into a fresh
// sibling of cfg.Out, which replaces it only when the whole build has
// succeeded; a build with content problems (Result.Failed(cfg.Strict))
// or an error writes nothing and leaves cfg.Out as it was. The documents'
// file texts are dropped as their source pages are made, so Result.Site
// holds no document body afterwards.
func Build(cfg Config) (*Result, error) {
	start := time.Now()
	res, tpl, err := prepare(cfg)
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
		err := (&emitter{res: res}).site(cfg, tpl)
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
func emitTo(dir *output.Dir, res *Result, cfg Config, tpl *render.Templates) (err error) {
	// One goroutine writes the files, in order, while the next ones are
	// made: writers in parallel only contend for the folders' locks.
	writes := make(chan output.File, window)
	written := make(chan error, 1)
	go func() {
		var err error
		for f := range writes {
			if err == nil {
				err = dir.Write(f)
			}
		}
		written <- err
	}()
	defer func() {
		close(writes)
		if werr := <-written; err == nil {
			err = werr
		}
	}()
	e := &emitter{res: res, writes: writes, release: true}
	if !cfg.Archive {
		return e.site(cfg, tpl)
	}
	f, err := dir.Create(render.ArchivePath)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	e.archive = output.NewArchive(w, "edition")
	if err := e.site(cfg, tpl); err != nil {
		return err
	}
	if err := e.archive.Close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", render.ArchivePath, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", render.ArchivePath, err)
	}
	res.Paths = append(res.Paths, render.ArchivePath)
	return nil
}

// contentFS returns the file system of the content.
func (c Config) contentFS() fs.FS {
	if c.ContentFS != nil {
		return c.ContentFS
	}
	return os.DirFS(c.Content)
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

// prepare loads the content and the templates and builds the site graph.
func prepare(cfg Config) (*Result, *render.Templates, error) {
	return prepareCached(cfg, nil)
}

// prepareCached is prepare reusing the content files files holds.
func prepareCached(cfg Config, files *content.Cache) (*Result, *render.Templates, error) {
	res := &Result{}
	ed, err := content.LoadCached(cfg.contentFS(), cfg.Content, files, &res.Diags)
	if err != nil {
		return nil, nil, err
	}
	load := render.Load
	if cfg.UncachedPartials {
		load = render.LoadUncached
	}
	tpl, err := load(cfg.templatesFS())
	if err != nil {
		return nil, nil, err
	}
	checkBaseURL(&ed.Site, cfg.BaseURL, !cfg.Preview, &res.Diags)
	res.Site = site.BuildCached(ed, markdown.New(), cfg.Fragments, &res.Diags)
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

// window is how many files are made at a time before they are added, in
// order, to the result and the archive; it bounds the files held in
// memory by a build that writes them as it goes.
const window = 256

// emitter hands the files of a build, in a fixed order, to where they go:
// a build folder, Result.Files, edition.zip. Without any of them the files
// are made and dropped.
type emitter struct {
	res     *Result
	writes  chan<- output.File // if set, every file is sent to be written
	keep    bool               // keep the files in res.Files
	release bool               // drop the documents' texts once their pages are made
	archive *output.Archive    // if set, every file is added to it
	seen    map[string]bool    // paths made so far

	// If set, the paths of every view's pages by view key (viewKeys) and
	// the citation of every page, for a Session.
	views map[string][]string
	cites map[string]*render.Citation
	index *search.Built // kept for a Session
}

// site makes every file of the site but edition.zip, in this order: the
// pages, the citation downloads, the generated files, the static files.
// The views of the pages are made a window at a time, rendered and
// dropped, so that a large edition is never held in memory as views.
func (e *emitter) site(cfg Config, tpl *render.Templates) error {
	views := render.Views(e.res.Site, render.Options{Archive: cfg.Archive, ReleaseSources: e.release})
	keys := viewKeys(views)
	built := make([][]*render.Page, len(views)) // views made, until done
	var cites render.Citations
	err := e.emit(len(views), func(i int) ([]output.File, error) {
		built[i] = views[i].Make()
		return renderPages(tpl, built[i])
	}, func(i int) {
		for _, p := range built[i] {
			cites.Add(p)
		}
		if e.views != nil {
			e.views[keys[i]] = pagePaths(built[i], e.cites)
		}
		built[i] = nil
	})
	if err != nil {
		return err
	}
	if e.views == nil {
		// Not a Session: no later build reuses the partials.
		tpl.ForgetPartials()
	}
	var citations []output.File
	for _, f := range cites.Files(e.res.Site) {
		citations = append(citations, output.File{Path: f.Path, Data: f.Data})
	}
	if err := e.emitFiles(citations); err != nil {
		return err
	}
	made, err := runAll(generators(e.res.Site, e.res.Paths, buildIndex(e.res.Site, &e.index)))
	if err != nil {
		return err
	}
	for _, files := range made {
		if err := e.emitFiles(files); err != nil {
			return err
		}
	}
	static, err := cfg.staticFiles()
	if err != nil {
		return err
	}
	return e.emitFiles(static)
}

// renderPages renders pages, in parallel when they are more than the
// two of a document: the few views of hundreds of pages (timelines,
// document indexes, persons) would otherwise hold back the window of
// pages behind them on one core while the others wait.
func renderPages(tpl *render.Templates, pages []*render.Page) ([]output.File, error) {
	files := make([]output.File, len(pages))
	errs := make([]error, len(pages))
	one := func(_, j int) {
		f, err := render.RenderPage(tpl, pages[j])
		files[j], errs[j] = output.File{Path: f.Path, Data: f.Data}, err
	}
	if len(pages) > 2 {
		parallel.For(len(pages), one)
	} else {
		for j := range pages {
			one(0, j)
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// emitFiles emits files already made.
func (e *emitter) emitFiles(files []output.File) error {
	return e.emit(len(files), func(i int) ([]output.File, error) { return files[i : i+1], nil }, nil)
}

// made is a file written and, for the archive, deflated.
type made struct {
	file     output.File
	deflated []byte
}

// emit makes n groups of files, group(0) … group(n-1), on every core, at
// most a window of groups ahead of the last one handed on, and deflates
// each file as soon as it is made. In order, it hands each group's files
// to the writer, the result and the archive, and calls done(i) for the
// group (done may be nil). Two files of one path are an error. No group
// waits for a whole window to be made: a slow page holds back only the
// handing on of those after it.
func (e *emitter) emit(n int, group func(i int) ([]output.File, error), done func(i int)) error {
	if e.seen == nil {
		e.seen = map[string]bool{}
	}
	comps := make([]output.Compressor, parallel.Workers()) // one per worker
	return parallel.Ordered(n, window, func(w, i int) ([]made, error) {
		return e.produce(&comps[w], group, i)
	}, func(i int, g []made) error {
		for _, m := range g {
			if err := e.add(m); err != nil {
				return err
			}
		}
		if done != nil {
			done(i)
		}
		return nil
	})
}

// produce makes group i and deflates its files for the archive.
func (e *emitter) produce(c *output.Compressor, group func(int) ([]output.File, error), i int) ([]made, error) {
	files, err := group(i)
	if err != nil {
		return nil, err
	}
	out := make([]made, len(files))
	for j, f := range files {
		out[j].file = f
		if e.archive != nil {
			if out[j].deflated, err = c.Deflate(f.Data); err != nil {
				return nil, fmt.Errorf("archive: %w", err)
			}
		}
	}
	return out, nil
}

// add records a file made, in the order of the site.
func (e *emitter) add(m made) error {
	f := m.file
	if e.seen[f.Path] {
		return fmt.Errorf("two files would be written to %s", f.Path)
	}
	e.seen[f.Path] = true
	e.res.Paths = append(e.res.Paths, f.Path)
	if e.writes != nil {
		e.writes <- f
	}
	if e.keep {
		e.res.Files = append(e.res.Files, f)
	}
	if e.archive != nil {
		return e.archive.Add(f, m.deflated)
	}
	return nil
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
// in order; paths are the pages'. index makes the files of the search
// index (see buildIndex).
func generators(s *site.Site, paths []string, index func() ([]output.File, error)) []func() ([]output.File, error) {
	return []func() ([]output.File, error){
		func() ([]output.File, error) { return feeds.Files(s, paths) },
		func() ([]output.File, error) {
			css, err := highlight.CSS()
			return []output.File{{Path: "assets/chroma.css", Data: css}}, err
		},
		func() ([]output.File, error) { return export.Files(export.Tables(s)) },
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
