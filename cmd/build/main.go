// Command build turns content/, templates/ and static/ into the static
// edition in public/.
//
// Usage:
//
//	go run ./cmd/build [-content DIR] [-templates DIR] [-static DIR] [-out DIR] [-base-url URL] [-check] [-strict] [-archive]
//	go run ./cmd/build -serve [-port N] [folder flags]
//	go run ./cmd/build -new document|person|packet ID
//
// Exit status: 0 on success, 1 when the content has errors (or warnings
// with -strict), 2 on bad usage or a failure of the program itself.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/korean-war-sources/edition/internal/baseurl"
	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/scaffold"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := pipeline.Config{}
	fs.StringVar(&cfg.Content, "content", "content", "content `folder`")
	fs.StringVar(&cfg.Templates, "templates", "templates", "templates `folder`")
	fs.StringVar(&cfg.Static, "static", "static", "static files `folder`")
	fs.StringVar(&cfg.Out, "out", "public", "output `folder`")
	base := fs.String("base-url", "", "absolute http(s) `URL` the site is published at, replacing site.yaml's base_url in citations, feeds and meta tags")
	check := fs.Bool("check", false, "validate the content and write nothing")
	fs.BoolVar(&cfg.Strict, "strict", false, "treat warnings as errors")
	fs.BoolVar(&cfg.Archive, "archive", false, "also write edition.zip, the whole site for offline use (the deploy does)")
	serveFlag := fs.Bool("serve", false, "build, serve on 127.0.0.1 and rebuild and reload pages on every change, until Ctrl-C")
	port := fs.Int("port", 1313, "`port` of -serve (0 picks a free one)")
	newKind := fs.String("new", "", "write a new content file of `kind` (document, person, packet) named by the argument, and exit")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof")
	traceFile := fs.String("trace", "", "write an execution trace of the build to `file`, for go tool trace")
	memProfile := fs.String("memprofile", "", "write a heap profile of the build, taken when its live heap was largest, to `file`, for go tool pprof")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *base != "" {
		u, err := baseurl.Parse(*base)
		if err != nil {
			fmt.Fprintln(stderr, "build: -base-url:", err)
			return 2
		}
		cfg.BaseURL = u
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "build:", err)
			return 2
		}
		defer report(stop, stderr)
	}
	if *traceFile != "" {
		stop, err := startTrace(*traceFile)
		if err != nil {
			fmt.Fprintln(stderr, "build:", err)
			return 2
		}
		defer report(stop, stderr)
	}
	if *memProfile != "" {
		defer report(startHeapProfile(*memProfile, 20*time.Millisecond), stderr)
	}
	if *newKind != "" {
		return scaffoldNew(cfg.Content, *newKind, fs.Args(), stdout, stderr)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "build: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *serveFlag {
		if *check {
			fmt.Fprintln(stderr, "build: -serve and -check cannot be used together")
			return 2
		}
		return serveSite(cfg, *port, stdout, stderr)
	}
	err := build(cfg, *check, stdout, stderr)
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintln(stderr, "build:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "build:", err)
	return 2
}

// report prints the error of stop, if any.
func report(stop func() error, stderr io.Writer) {
	if err := stop(); err != nil {
		fmt.Fprintln(stderr, "build:", err)
	}
}

// scaffoldNew handles -new KIND ID.
func scaffoldNew(contentDir, kind string, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintf(stderr, "build: -new %s needs one id, e.g. go run ./cmd/build -new %s 1950-05-12-shtykov-to-vyshinskii\n", kind, kind)
		return 2
	}
	p, err := scaffold.New(contentDir, kind, args[0])
	if err != nil {
		fmt.Fprintln(stderr, "build:", err)
		return 2
	}
	fmt.Fprintf(stdout, "wrote %s; fill it in, then run go run ./cmd/build -check\n", p)
	return 0
}

func build(cfg pipeline.Config, check bool, stdout, stderr io.Writer) error {
	// A check makes the site in memory and writes nothing; a build writes
	// each file as it is made, and nothing at all if the content fails.
	run := pipeline.Build
	if check {
		run = pipeline.Run // holds the whole site: no memory limit
	} else {
		defer softMemoryLimit(buildMemoryLimit, 50*time.Millisecond)()
	}
	res, err := run(cfg)
	if err != nil {
		return err
	}
	fmt.Fprint(stderr, res.Diags.String())
	if res.Failed(cfg.Strict) {
		fmt.Fprintf(stderr, "%s; nothing was written\n", res.Diags.Summary())
		return &exitError{code: 1}
	}
	if check {
		fmt.Fprintf(stdout, "checked %d documents, %d persons, %d notes: %s\n",
			len(res.Site.Ed.Documents), len(res.Site.Ed.Persons), len(res.Site.NoteList), res.Diags.Summary())
		return nil
	}
	fmt.Fprintln(stdout, res.Summary())
	return nil
}
