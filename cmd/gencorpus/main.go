// Command gencorpus writes a synthetic content tree of N documents in the
// edition's schema, for benchmarks and scale tests. The same N always
// gives the same tree.
//
// Usage:
//
//	go run ./cmd/gencorpus -n 10000 -out DIR
//
// DIR must be empty or not exist. Build it with
// go run ./cmd/build -content DIR -out DIR2.
//
// With -hugo, DIR receives the same documents as a Hugo site (document
// pages, a timeline and person taxonomy pages), for side-by-side
// benchmarks: hugo --source DIR.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/korean-war-sources/edition/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	out := flag.String("out", "", "content `folder` to create (empty or new)")
	hugo := flag.Bool("hugo", false, "write the corpus as a Hugo site instead")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	write := corpus.Write
	if *hugo {
		write = corpus.WriteHugo
	}
	if err := write(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
