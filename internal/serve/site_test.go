package serve

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/serve/live"
)

func TestSiteHandler(t *testing.T) {
	h := siteHandler{fsys: fstest.MapFS{
		"index.html":                 {Data: []byte("<html><body>home</body></html>")},
		"404.html":                   {Data: []byte("<html><body>lost</body></html>")},
		"documents/index.html":       {Data: []byte("<body>docs</body>")},
		"documents/a.html":           {Data: []byte("<body>doc a</body>")},
		"documents/.a.html.tmp-1":    {Data: []byte("half written")},
		"assets/site.css":            {Data: []byte("body{}")},
		"persons/no-index/file.html": {Data: []byte("x")},
	}}
	tests := []struct {
		method, path string
		code         int
		body         string // expected substring
		script       bool
	}{
		{"GET", "/", 200, "home", true},
		{"GET", "/documents/a.html", 200, "doc a", true},
		{"GET", "/documents/", 200, "docs", true},
		{"GET", "/documents", 301, "", false},
		{"GET", "/assets/site.css", 200, "body{}", false},
		{"GET", "/documents/missing.html", 404, "lost", true},
		{"GET", "/documents/.a.html.tmp-1", 404, "lost", true},
		{"GET", "/../documents/a.html", 200, "doc a", true},
		{"GET", "/persons/no-index", 404, "lost", true},
		{"HEAD", "/documents/a.html", 200, "", false},
		{"POST", "/documents/a.html", 405, "", false},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		body := rec.Body.String()
		if rec.Code != tt.code || !strings.Contains(body, tt.body) || strings.Contains(body, live.ScriptTag) != tt.script {
			t.Errorf("%s %s: %d %q; want %d with %q, script %v", tt.method, tt.path, rec.Code, body, tt.code, tt.body, tt.script)
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s %s: Cache-Control %q, want no-store", tt.method, tt.path, rec.Header().Get("Cache-Control"))
		}
	}
}

// TestSiteHandlerLookup checks that the pages a rebuild left to be made
// when asked for are served from the lookup, not from the folder, which
// holds them as they were.
func TestSiteHandlerLookup(t *testing.T) {
	h := siteHandler{
		fsys: fstest.MapFS{
			"404.html":         {Data: []byte("<body>old lost</body>")},
			"documents/a.html": {Data: []byte("<body>old a</body>")},
			"documents/b.html": {Data: []byte("<body>b</body>")},
			"documents/c.html": {Data: []byte("<body>old c</body>")},
			"documents/d.html": {Data: []byte("<body>old d</body>")},
		},
		lookup: func(name string) ([]byte, pipeline.Found, error) {
			switch name {
			case "404.html":
				return []byte("<body>new lost</body>"), pipeline.Made, nil
			case "documents/a.html":
				return []byte("<body>new a</body>"), pipeline.Made, nil
			case "documents/c.html":
				return nil, pipeline.Gone, nil
			case "documents/d.html":
				return nil, pipeline.Kept, errors.New("template: document.html:3: boom")
			}
			return nil, pipeline.Kept, nil
		},
	}
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/documents/a.html", 200, "new a"},
		{"/documents/b.html", 200, "<body>b"},
		{"/documents/c.html", 404, "new lost"},
		{"/documents/d.html", 500, "boom"},
		{"/documents/missing.html", 404, "new lost"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if body := rec.Body.String(); rec.Code != tt.code || !strings.Contains(body, tt.body) {
			t.Errorf("GET %s: %d %q; want %d with %q", tt.path, rec.Code, body, tt.code, tt.body)
		}
	}
}

func TestNotFoundWithoutBuild(t *testing.T) {
	rec := httptest.NewRecorder()
	siteHandler{fsys: fstest.MapFS{}}.ServeHTTP(rec, httptest.NewRequest("GET", "/<b>x", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusNotFound || !strings.Contains(body, live.ScriptTag) || strings.Contains(body, "<b>x") {
		t.Errorf("404 before any build: %d %q; want the script and the path escaped", rec.Code, body)
	}
}

func TestProgramError(t *testing.T) {
	tests := []struct{ err, pos, msg string }{
		{"templates: template: note.html:13: missing value for if", "templates/note.html:13", "templates: missing value for if"},
		{`rendering notes/1.html: template: note.html:4:12: executing "main" at <.X>: can't evaluate field X`, "templates/note.html:4:12", `rendering notes/1.html: executing "main" at <.X>: can't evaluate field X`},
		{"reading content/documents: permission denied", "-", "reading content/documents: permission denied"},
	}
	for _, tt := range tests {
		pos, msg := programError(errString(tt.err), "templates")
		if pos.String() != tt.pos || msg != tt.msg {
			t.Errorf("programError(%q) = %s, %q; want %s, %q", tt.err, pos, msg, tt.pos, tt.msg)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }
