package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/serve/live"
	"github.com/korean-war-sources/edition/internal/serve/mirror"
	"github.com/korean-war-sources/edition/internal/site"
)

// session is the state of one preview. Builds run one at a time, on the
// goroutine of loop (the first one on Run's), so only live is shared with
// the HTTP handlers.
type session struct {
	cfg            pipeline.Config
	builder        *pipeline.Session
	stdout, stderr io.Writer
	mirror         *mirror.Mirror
	live           *live.Server

	builds int  // builds so far, failed ones included
	failed bool // the last build failed: the next good one must reload pages

	// What the last build left (see pipeline.Session.DeferPages) is
	// written in turn while no change waits.
	flushing bool
	flushed  mirror.Change // written by the flushes since the last build
	since    time.Time     // when the last build began
}

// flushViews is how many views' pages a flush writes at a time: few
// enough that a change saved meanwhile waits little for the batch under
// way, many enough to keep every core busy.
const flushViews = 16

func newSession(opts Options) *session {
	opts = opts.withDefaults()
	cfg := opts.Config
	cfg.Preview = true // read locally: a placeholder address is expected
	if cfg.Fragments == nil {
		// One cache for the whole session: a rebuild renders only the
		// Markdown that an edit changed or whose links it affects.
		cfg.Fragments = site.NewFragmentCache()
	}
	builder := pipeline.NewSession(cfg)
	builder.DeferPages()
	return &session{
		cfg:     cfg,
		builder: builder,
		stdout:  opts.Stdout,
		stderr:  opts.Stderr,
		mirror:  mirror.New(opts.Config.Out),
		live:    live.New(),
	}
}

// handler serves the preview's own files below live.Prefix and the output
// folder everywhere else.
func (s *session) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle(live.Prefix, s.live)
	mux.Handle("/", siteHandler{fsys: os.DirFS(s.cfg.Out), lookup: s.builder.Lookup})
	return mux
}

// loop rebuilds after every batch of changes until ctx is done. While no
// change waits, it writes what the last build left, in turn.
func (s *session) loop(ctx context.Context, batches <-chan []string) {
	for {
		if s.flushing {
			select {
			case <-ctx.Done():
				return
			case changed := <-batches:
				s.build(changed)
			default:
				s.flush()
			}
			continue
		}
		select {
		case <-ctx.Done():
			return
		case changed := <-batches:
			s.build(changed)
		}
	}
}

// flush writes the next part of what the last build left. Once all is
// written it says so, with the files that changed. A failure stops the
// flushes until the next build; the pages left are still made when asked
// for.
func (s *session) flush() {
	more, err := s.builder.Flush(flushViews, func(files []output.File) error {
		c, err := s.mirror.Update(files)
		s.flushed.Written += c.Written
		s.flushed.Paths = append(s.flushed.Paths, c.Paths...)
		return err
	})
	if err != nil {
		s.flushing = false
		fmt.Fprintf(s.stderr, "serve: writing the pages left: %v\n", err)
		return
	}
	if !more {
		s.flushing = false
		elapsed := time.Since(s.since).Round(time.Millisecond)
		fmt.Fprintf(s.stdout, "wrote the rest %s after the change: %s changed%s\n", elapsed, plural(s.flushed.Total(), "file"), list(s.flushed))
	}
}

func (s *session) warn(err error) { fmt.Fprintln(s.stderr, "serve:", err) }

// build runs one build after the files at the paths changed (nil: a
// first build) and publishes it if it succeeded. A failed build writes
// nothing: the folder keeps the last good build, and pages show the
// problems over it.
func (s *session) build(changed []string) {
	start := time.Now()
	s.builds++
	files, partial, diags, ok := s.run(changed)
	fmt.Fprint(s.stderr, diags.String())
	if !ok {
		s.fail(diags)
		return
	}
	sync := s.mirror.Sync
	if partial {
		sync = s.mirror.Update
	}
	change, err := sync(files)
	if err != nil {
		// The folder may now mix two builds; the next sync repairs it.
		var d diag.List
		d.Errorf(diag.Position{File: s.cfg.Out}, "%v", err)
		fmt.Fprint(s.stderr, d.String())
		s.fail(d)
		return
	}
	elapsed := time.Since(start).Round(time.Millisecond)
	verb := "rebuilt"
	if s.builds == 1 {
		verb = "built"
	}
	left, deferred := s.builder.Left()
	later := ""
	if deferred {
		later = fmt.Sprintf("; %s it may change are made when asked for, and written in the background", plural(left, "page"))
	}
	fmt.Fprintf(s.stdout, "%s in %s: %s changed%s%s\n", verb, elapsed, plural(change.Total(), "file"), list(change), later)
	s.flushing, s.flushed, s.since = deferred, mirror.Change{}, start
	reload := change.Total() > 0 || s.failed || deferred
	s.failed = false
	s.live.Publish(live.Status{OK: true, Build: s.builds, Problems: problems(diags)}, reload)
	if !partial {
		// A whole site was made and written, and the preview waits for
		// an edit: collecting that build's garbage now, rather than in
		// the middle of the next rebuild, keeps it out of the time the
		// contributor waits after saving.
		runtime.GC()
	}
}

// run builds in memory. ok is false when the build must not be published;
// the problems are in diags, template and program errors included. When
// partial is true, files are only those the build made again.
func (s *session) run(changed []string) (files []output.File, partial bool, diags diag.List, ok bool) {
	// A panic in the build (a bug, often met halfway through editing a
	// template or the code) must not end the preview and lose the last
	// good build: it is reported like any other failed build.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(s.stderr, "%s", debug.Stack())
			diags.Errorf(diag.Position{}, "the build panicked: %v", r)
			files, ok = nil, false
		}
	}()
	res, partial, err := s.builder.Build(changed)
	if err != nil {
		pos, msg := programError(err, s.cfg.Templates)
		diags.Errorf(pos, "%s", msg)
		return nil, false, diags, false
	}
	if res.Failed(s.cfg.Strict) {
		return nil, false, res.Diags, false
	}
	// Unless partial, the files are the whole site, static files
	// included: what output.Write would write.
	return res.Files, partial, res.Diags, true
}

func (s *session) fail(diags diag.List) {
	fmt.Fprintf(s.stderr, "build failed (%s); still serving the last good build\n", diags.Summary())
	s.failed = true
	s.live.Publish(live.Status{OK: false, Build: s.builds, Problems: problems(diags)}, false)
}

// problems converts diagnostics for the overlay.
func problems(diags diag.List) []live.Problem {
	var ps []live.Problem
	for _, d := range diags.Items() {
		pos := d.Pos.String()
		if pos == "-" {
			pos = ""
		}
		ps = append(ps, live.Problem{Pos: pos, Severity: d.Severity.String(), Message: d.Message})
	}
	return ps
}

// list names the changed files when they are few, which is the usual
// case after an edit and tells the author what the edit touched.
func list(c mirror.Change) string {
	const most = 5
	if c.Total() == 0 || c.Total() > most {
		return ""
	}
	return " (" + strings.Join(c.Paths, ", ") + ")"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
