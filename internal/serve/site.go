package serve

import (
	"bytes"
	"html"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/serve/live"
)

// siteHandler serves the built site from fsys, adding the reload script
// to every HTML page. It reads each file on every request, because the
// files change under it; a rebuild replaces them one by one, atomically,
// so a read sees either the old or the new file. When lookup is set, it
// is asked first: it makes the pages a rebuild left to be made when
// asked for (pipeline.Session.Lookup), which fsys holds as they were.
type siteHandler struct {
	fsys   fs.FS
	lookup func(name string) ([]byte, pipeline.Found, error)
}

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Every response is fresh: a reload must show the new build.
	w.Header().Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		h.notFound(w, r)
		return
	}
	data, ok, err := h.read(name)
	switch {
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	case !ok:
		if info, err := fs.Stat(h.fsys, name); err == nil && info.IsDir() {
			if _, err := fs.Stat(h.fsys, path.Join(name, "index.html")); err == nil {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
		}
		h.notFound(w, r)
		return
	}
	if isPage(name) {
		data = live.Inject(data)
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// read returns the file at name as the last good build makes it; ok is
// false when there is none (or name is a folder). The error is one of
// the templates, met making a page the rebuild left.
func (h siteHandler) read(name string) (data []byte, ok bool, err error) {
	if h.lookup != nil {
		data, found, err := h.lookup(name)
		switch {
		case err != nil:
			return nil, false, err
		case found == pipeline.Made:
			return data, true, nil
		case found == pipeline.Gone:
			return nil, false, nil
		}
	}
	if info, err := fs.Stat(h.fsys, name); err != nil || info.IsDir() {
		return nil, false, nil
	}
	data, err = fs.ReadFile(h.fsys, name)
	// An error: removed by a rebuild between Stat and ReadFile.
	return data, err == nil, nil
}

// fileName maps a URL path to a file below the root: folders to their
// index.html. Names with a part starting with "." are refused: the mirror
// writes its temporary files under such names, and the site has none.
func fileName(urlPath string) (string, bool) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		return "index.html", true
	}
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			return "", false
		}
	}
	if strings.HasSuffix(urlPath, "/") {
		name += "/index.html"
	}
	return name, fs.ValidPath(name)
}

func isPage(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// notFound serves the site's 404.html, or a bare page when the site has
// none yet (the first build failed). Either way it carries the reload
// script, so the page shows the build's problems and reloads when fixed.
func (h siteHandler) notFound(w http.ResponseWriter, r *http.Request) {
	page, ok, err := h.read("404.html")
	if err != nil || !ok {
		page = []byte("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><h1>Not found</h1><p>Nothing is built at " +
			html.EscapeString(r.URL.Path) + ".</p></body></html>\n")
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(live.Inject(page))
	}
}
