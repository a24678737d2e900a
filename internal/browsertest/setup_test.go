// Package browsertest proves the built edition in a real browser
// (Chromium, driven with chromedp), with axe-core for accessibility, the
// Nu Html Checker for validity, and a link checker over the output.
//
// The tools come from the environment, which scripts/test sets:
// EDITION_CHROMIUM (the browser), EDITION_AXE (axe.min.js), EDITION_VNU
// (vnu.jar, run with java) and EDITION_PDFTOTEXT (poppler's pdftotext,
// to read printed PDFs). A missing tool fails the tests; only
// `go test -short` skips them, for quick unit runs.
package browsertest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/pipeline"
)

// repoRoot is the repository, seen from this package's folder.
const repoRoot = "../.."

// Generous limits: they only stop a hung browser, they assert nothing.
const (
	pageTimeout = 60 * time.Second
	waitTimeout = 20 * time.Second
)

// tool returns the path in the environment variable name, failing the
// test when it is unset or names no file. Under -short it skips instead.
func tool(t *testing.T, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short")
	}
	p := os.Getenv(name)
	if p == "" {
		t.Fatalf("%s is not set; run the browser tests with `bash scripts/test`, which installs the tools and sets EDITION_CHROMIUM, EDITION_AXE and EDITION_VNU", name)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s=%s: %v; run `bash scripts/test` to install it", name, p, err)
	}
	return p
}

// site is a build of the edition on disk.
type site struct {
	dir      string // the output folder
	basePath string // the URL path it is published under, like "/edition/"
}

// buildSite builds the real edition (content, templates and static files
// of the repository) into a temporary folder.
func buildSite(t *testing.T) site {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	cfg := pipeline.Config{
		Content:   filepath.Join(root, "content"),
		Templates: filepath.Join(root, "templates"),
		Static:    filepath.Join(root, "static"),
		Out:       out,
	}
	res, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatalf("building the edition: %v", err)
	}
	if res.Failed(false) {
		t.Fatalf("the edition has content errors:\n%s", res.Diags.String())
	}
	if err := output.Write(cfg.Out, res.Files, ""); err != nil {
		t.Fatalf("writing the edition: %v", err)
	}
	base := "/"
	if u, err := url.Parse(res.Site.Ed.Site.BaseURL); err == nil && strings.Trim(u.Path, "/") != "" {
		base = "/" + strings.Trim(u.Path, "/") + "/"
	}
	return site{dir: out, basePath: base}
}

// serve serves the site on a free port of 127.0.0.1 until the test ends,
// under its base path and the way a static host does: a missing page
// gets 404.html with status 404. It returns the site's URL, ending in /.
func serve(t *testing.T, s site) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	notFound, err := os.ReadFile(filepath.Join(s.dir, "404.html"))
	if err != nil {
		t.Fatalf("the build has no 404 page: %v", err)
	}
	files := http.FileServer(http.Dir(s.dir))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(notFound)
			return
		}
		files.ServeHTTP(w, r)
	})
	mux := http.NewServeMux()
	mux.Handle(s.basePath, http.StripPrefix(strings.TrimSuffix(s.basePath, "/"), handler))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + s.basePath
}

// startBrowser launches Chromium with a fresh profile and returns a
// context holding it; tabs are opened on it with newTab.
func startBrowser(t *testing.T, chromium string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	if err := chromedp.Do(bctx); err != nil { // starts the browser, without a timeout
		t.Fatalf("starting %s: %v", chromium, err)
	}
	return bctx
}

// tab is one browser tab that records what went wrong while it loaded
// and ran pages: console errors, uncaught exceptions, browser log errors
// (such as blocked or missing resources) and failed requests.
type tab struct {
	ctx      context.Context // the tab; each action gets its own time limit
	mu       sync.Mutex
	urls     map[network.RequestID]string
	problems []string
}

// newTab opens a tab on the browser; it closes when the test ends.
func newTab(t *testing.T, browser context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	tb := &tab{urls: map[network.RequestID]string{}}
	if err := chromedp.Listen(ctx, tb.record); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb.ctx = ctx
	return tb
}

// record runs on the tab's reading loop: it must be quick and never call
// the browser.
func (tb *tab) record(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return
		}
		var args []string
		for _, a := range ev.Args {
			if len(a.Value) > 0 {
				args = append(args, string(a.Value))
			} else {
				args = append(args, a.Description)
			}
		}
		msg = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		msg = fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text)
	case *log.EventEntryAdded:
		if ev.Entry.Level != log.EntryLevelError {
			return
		}
		msg = fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
	case *network.EventRequestWillBeSent:
		tb.mu.Lock()
		tb.urls[ev.RequestID] = ev.Request.URL
		tb.mu.Unlock()
		return
	case *network.EventLoadingFailed:
		if ev.Canceled {
			return // a navigation away cancels what is still loading
		}
		tb.mu.Lock()
		u := tb.urls[ev.RequestID]
		tb.mu.Unlock()
		msg = fmt.Sprintf("request failed: %s: %s %s", u, ev.ErrorText, ev.BlockedReason)
	case *network.EventResponseReceived:
		if ev.Response.Status < 400 {
			return
		}
		msg = fmt.Sprintf("request failed: %s: HTTP %d", ev.Response.URL, ev.Response.Status)
	default:
		return
	}
	tb.mu.Lock()
	tb.problems = append(tb.problems, msg)
	tb.mu.Unlock()
}

// run runs one action on the tab, under the generous pageTimeout, and
// fails the test with what was being done if it fails.
func run[T any](t *testing.T, tb *tab, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, pageTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// do runs actions on the tab, in order.
func (tb *tab) do(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	run(t, tb, what, chromedp.Steps(actions...))
}

// eval evaluates a JavaScript expression on the tab's page.
func eval[T any](t *testing.T, tb *tab, what, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	return run(t, tb, what, chromedp.Evaluate[T](expr, opts...))
}

// takeProblems returns and forgets what went wrong so far. A round trip
// to the page first makes sure every event sent before it was recorded.
func (tb *tab) takeProblems(t *testing.T) []string {
	t.Helper()
	eval[int](t, tb, "talking to the page", "1")
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// expectClean fails the test with every problem the tab recorded, saying
// on which page.
func (tb *tab) expectClean(t *testing.T, where string) {
	t.Helper()
	for _, p := range tb.takeProblems(t) {
		t.Errorf("%s: %s", where, p)
	}
}

// waitFor polls a JavaScript predicate until it holds; the timeout only
// stops a page that never gets there. On failure, the JavaScript state
// (if not "") describes what the page shows instead.
func waitFor(t *testing.T, tb *tab, what, predicate, state string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, pageTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(waitTimeout)))
	if err == nil {
		return
	}
	if state != "" {
		t.Fatalf("waiting for %s: %v; instead: %s", what, err, eval[string](t, tb, "describing the page", state))
	}
	t.Fatalf("waiting for %s: %v", what, err)
}
