package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/serve"
)

// serveSite handles -serve: build, serve on 127.0.0.1:port and rebuild on
// every change until Ctrl-C. Failed builds do not end it (they are shown
// in the terminal and the browser), so its exit status is 0 unless the
// preview itself cannot run.
func serveSite(cfg pipeline.Config, port int, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := serve.Listen(port)
	if err != nil {
		fmt.Fprintln(stderr, "build:", err)
		return 2
	}
	// The offline archive is a release artifact; rebuilding it on every
	// keystroke would double the preview's rebuild time.
	cfg.Archive = false
	if err := serve.Run(ctx, ln, serve.Options{Config: cfg, Stdout: stdout, Stderr: stderr}); err != nil {
		fmt.Fprintln(stderr, "build:", err)
		return 2
	}
	return 0
}
