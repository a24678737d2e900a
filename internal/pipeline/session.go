package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/render"
	"github.com/korean-war-sources/edition/internal/search"
	"github.com/korean-war-sources/edition/internal/site"
)

// Session builds one edition again and again, as the preview does. A
// build after an edit of documents' prose alone remakes only the files
// that show that prose; any other change builds everything (reusing the
// Markdown rendered before, through Config.Fragments).
//
// A Session is not safe for concurrent use.
type Session struct {
	cfg  Config
	last *Result // the last successful build, nil before the first
}

// NewSession returns a Session building cfg; it adds a fragment cache if
// cfg has none.
func NewSession(cfg Config) *Session {
	if cfg.Fragments == nil {
		cfg.Fragments = site.NewFragmentCache()
	}
	return &Session{cfg: cfg}
}

// Build builds after the files at the paths changed, paths as the file
// watcher reports them (below cfg's folders); nil means anything may have
// changed. When partial is true, res.Files holds only the files made
// again, all others being as the previous build left them; otherwise it
// holds the whole site, as Run makes it.
func (s *Session) Build(changed []string) (res *Result, partial bool, err error) {
	start := time.Now()
	if res, ok := s.proseOnly(changed); ok {
		res.Elapsed = time.Since(start)
		return res, true, nil
	}
	res, err = Run(s.cfg)
	if err != nil || res.Failed(s.cfg.Strict) {
		// The next build must see every file that fails now.
		s.last = nil
		return res, false, err
	}
	s.last = res
	return res, false, nil
}

// proseOnly makes the files of a build after edits to documents' bodies
// alone, if that is all that changed (see site.ReplaceBody).
func (s *Session) proseOnly(changed []string) (*Result, bool) {
	if s.last == nil || len(changed) == 0 {
		return nil, false
	}
	ids, ok := s.changedDocuments(changed)
	if !ok {
		return nil, false
	}
	st := s.last.Site
	fsys := os.DirFS(s.cfg.Content)
	for _, id := range ids {
		d := st.Docs[id]
		body, ok := content.ReloadBody(fsys, s.cfg.Content, "documents/"+id+".md", d.Body)
		if !ok || !st.ReplaceBody(id, body) {
			// What was replaced so far is rebuilt from the files anyway.
			s.last = nil
			return nil, false
		}
	}
	res := &Result{Site: st, Diags: s.last.Diags, tpl: s.last.tpl}
	opts := render.Options{Archive: s.cfg.Archive}
	for _, id := range ids {
		for _, p := range render.DocumentPages(st, opts, id) {
			f, err := render.RenderPage(s.last.tpl, p)
			if err != nil {
				return nil, false
			}
			res.Files = append(res.Files, output.File{Path: f.Path, Data: f.Data})
		}
	}
	index, err := search.Files(search.Items(st))
	if err != nil {
		return nil, false
	}
	res.Files = append(res.Files, index...)
	for _, f := range res.Files {
		res.Paths = append(res.Paths, f.Path)
	}
	return res, true
}

// changedDocuments returns the ids of the documents at paths, or false if
// any path is not a document file of the last build.
func (s *Session) changedDocuments(paths []string) ([]string, bool) {
	var ids []string
	for _, p := range paths {
		rel, err := filepath.Rel(s.cfg.Content, p)
		if p == "" || err != nil {
			return nil, false
		}
		dir, name := filepath.Split(filepath.ToSlash(rel))
		id, isMD := strings.CutSuffix(name, ".md")
		if dir != "documents/" || !isMD || s.last.Site.Docs[id] == nil {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}
