// Package pipeline runs a whole build: load content, build the site
// graph, lay out every page and generated file, and write the result.
// cmd/build and the preview server share it.
package pipeline

import (
	"fmt"
	"os"
	"time"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/export"
	"github.com/korean-war-sources/edition/internal/feeds"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/search"
	"github.com/korean-war-sources/edition/internal/site"
)

// Config names the folders of a build.
type Config struct {
	Content, Templates, Static, Out string
	Strict                          bool // warnings fail the build too
	// Archive adds edition.zip, the whole site in one file for offline use.
	Archive bool
}

// Result is a finished (not yet written) build.
type Result struct {
	Site    *site.Site
	Files   []output.File
	Diags   diag.List
	Elapsed time.Duration
}

// Failed reports whether the build must not be published.
func (r *Result) Failed(strict bool) bool { return r.Diags.HasErrors(strict) }

// Summary is the one line printed after a build.
func (r *Result) Summary() string {
	ed := r.Site.Ed
	pages := 0
	for _, f := range r.Files {
		if len(f.Path) > 5 && f.Path[len(f.Path)-5:] == ".html" {
			pages++
		}
	}
	return fmt.Sprintf("built %d pages (%d documents, %d persons, %d notes) in %s",
		pages, len(ed.Documents), len(ed.Persons), len(r.Site.NoteList), r.Elapsed.Round(time.Millisecond))
}

// Converter is shared by every build of a process.
var converter = markdown.New

// Run builds everything in memory. Content problems are in Result.Diags;
// the error reports failures of the program or its templates.
func Run(cfg Config) (*Result, error) {
	start := time.Now()
	res := &Result{}
	ed, err := content.Load(os.DirFS(cfg.Content), cfg.Content, &res.Diags)
	if err != nil {
		return nil, err
	}
	tpl, err := render.Load(os.DirFS(cfg.Templates))
	if err != nil {
		return nil, err
	}
	res.Site = site.Build(ed, converter(), &res.Diags)
	if res.Diags.HasErrors(false) {
		res.Elapsed = time.Since(start)
		return res, nil
	}
	pages := render.Pages(res.Site, render.Options{Archive: cfg.Archive})
	files, err := render.Render(tpl, pages)
	if err != nil {
		return nil, err
	}
	files = append(files, render.CitationFiles(pages)...)
	for _, f := range files {
		res.Files = append(res.Files, output.File{Path: f.Path, Data: f.Data})
	}
	extra, err := generated(res.Site, res.Files)
	if err != nil {
		return nil, err
	}
	res.Files = append(res.Files, extra...)
	static, err := output.ReadTree(cfg.Static)
	if err != nil {
		return nil, err
	}
	res.Files = append(res.Files, static...)
	if cfg.Archive {
		zip, err := output.Zip("edition", res.Files)
		if err != nil {
			return nil, err
		}
		res.Files = append(res.Files, output.File{Path: render.ArchivePath, Data: zip})
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// Write publishes a successful build to cfg.Out atomically.
func Write(res *Result, cfg Config) error {
	return output.Write(cfg.Out, res.Files, "")
}

// generated returns the files that are not pages: search index, data
// downloads, feeds and stylesheets made at build time.
func generated(s *site.Site, pages []output.File) ([]output.File, error) {
	var paths []string
	for _, f := range pages {
		paths = append(paths, f.Path)
	}
	files, err := feeds.Files(s, paths)
	if err != nil {
		return nil, err
	}
	css, err := render.ChromaCSS()
	if err != nil {
		return nil, err
	}
	files = append(files, output.File{Path: "assets/chroma.css", Data: css})
	data, err := export.Files(export.Tables(s))
	if err != nil {
		return nil, err
	}
	files = append(files, data...)
	index, err := search.Files(search.Items(s))
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return append(files, index...), nil
}
