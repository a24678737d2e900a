// Package live is the browser side of the preview server: the reload
// script, the server-sent event stream that tells open pages to reload,
// and the build status the script shows as an overlay when a build fails.
//
// None of it is part of the built site. The server adds the script tag to
// HTML responses with Inject, and serves everything else below Prefix.
package live

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"sync"
)

// Prefix is the URL path below which the preview server's own files are
// served. No page of the edition lives there.
const Prefix = "/__live/"

// ScriptTag is what Inject adds to every HTML page. The pages' Content
// Security Policy allows scripts from 'self' only, so the script is an
// external same-origin file, never inline.
const ScriptTag = `<script src="` + Prefix + `reload.js"></script>`

//go:embed reload.js
var script []byte

// Problem is one line of the overlay.
type Problem struct {
	Pos      string `json:"pos"` // path:line:col, or "" when unknown
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Status is the outcome of the latest build, as /__live/status reports it.
type Status struct {
	OK       bool      `json:"ok"`
	Build    int       `json:"build"` // counts builds, failed ones too
	Problems []Problem `json:"problems"`
}

// Server serves the reload script, the event stream and the status. The
// zero value is not usable; call New.
type Server struct {
	hub *hub

	mu     sync.Mutex
	status Status
}

// New returns a Server whose status is "ok, no build yet".
func New() *Server { return &Server{hub: newHub(), status: Status{OK: true}} }

// Publish records the status of a build and tells open pages: to reload
// when reload is set (the served files changed, or a failure was fixed),
// or else to fetch the status again when the build failed.
func (s *Server) Publish(st Status, reload bool) {
	if st.Problems == nil {
		st.Problems = []Problem{} // the script expects a list, never null
	}
	s.mu.Lock()
	s.status = st
	s.mu.Unlock()
	switch {
	case reload:
		s.hub.broadcast("reload")
	case !st.OK:
		s.hub.broadcast("status")
	}
}

// Status returns the last published status.
func (s *Server) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.status
}

// Close ends every open event stream, so that an http.Server can shut
// down without waiting for them.
func (s *Server) Close() { s.hub.close() }

// ServeHTTP serves the files below Prefix.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case Prefix + "reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(script)
	case Prefix + "events":
		s.hub.serve(w, r)
	case Prefix + "status":
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(s.Status())
	default:
		http.NotFound(w, r)
	}
}
