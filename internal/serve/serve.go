// Package serve is the live preview behind `go run ./cmd/build -serve`:
// it builds the edition, writes it to the output folder, serves that
// folder on the loopback interface, and rebuilds whenever something in
// the content, templates or static folders changes. Open pages reload
// after a successful rebuild; a failed one leaves the last good build in
// place and shows its problems over the page (see package live).
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/serve/live"
	"github.com/korean-war-sources/edition/internal/serve/watch"
)

// DefaultQuiet is how long the folders must be quiet after a change
// before a rebuild starts: long enough to take an editor's save (write,
// rename, chmod: a few milliseconds) as one change, short enough to add
// little to a rebuild of a prose edit, which takes about as long. Changes
// made during a rebuild (a long git checkout) start another.
const DefaultQuiet = 20 * time.Millisecond

// shutdownTimeout bounds the wait for requests in flight on Ctrl-C.
const shutdownTimeout = 5 * time.Second

// Options configure a preview.
type Options struct {
	Config         pipeline.Config
	Stdout, Stderr io.Writer     // nil means os.Stdout, os.Stderr
	Quiet          time.Duration // 0 means DefaultQuiet
}

// Listen opens a TCP listener on 127.0.0.1 (the preview is for the
// machine it runs on only); port 0 picks a free port.
func Listen(port int) (net.Listener, error) {
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w (use -port 0 for any free port)", addr, err)
	}
	return ln, nil
}

// Run builds and serves the edition on ln until ctx is done, then shuts
// down gracefully: it returns only after every goroutine it started has
// ended. It closes ln. A build that fails does not stop the preview.
func Run(ctx context.Context, ln net.Listener, opts Options) error {
	opts = opts.withDefaults()
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()  // stops the watcher and the rebuild loop...
		wg.Wait() // ...and waits for them, so no goroutine outlives Run
	}()
	s := newSession(opts)
	defer s.live.Close()
	s.build(nil)

	cfg := opts.Config
	w, err := watch.New([]string{cfg.Content, cfg.Templates, cfg.Static}, opts.Quiet, s.warn)
	if err != nil {
		ln.Close()
		return err
	}
	srv := &http.Server{
		Handler:           s.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		// Requests, event streams included, end when the preview stops.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	fmt.Fprintf(opts.Stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", cfg.Out, ln.Addr())

	batches := make(chan []string)
	wg.Go(func() { w.Run(ctx, batches) })
	wg.Go(func() { s.loop(ctx, batches) })
	served := make(chan error, 1)
	wg.Go(func() { served <- srv.Serve(ln) })

	select {
	case <-ctx.Done():
		fmt.Fprintln(opts.Stdout, "stopping")
		return shutdown(srv, s.live)
	case err := <-served:
		srv.Close()
		return fmt.Errorf("serving: %w", err)
	}
}

// withDefaults fills in what the zero Options leave to defaults, so that
// every use below, Run's own messages included, sees the same writers.
func (o Options) withDefaults() Options {
	if o.Quiet <= 0 {
		o.Quiet = DefaultQuiet
	}
	if o.Stdout == nil {
		o.Stdout = os.Stdout
	}
	if o.Stderr == nil {
		o.Stderr = os.Stderr
	}
	return o
}

// shutdown stops accepting requests and waits for those in flight.
func shutdown(srv *http.Server, l *live.Server) error {
	l.Close() // event streams never finish on their own
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		srv.Close()
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}
