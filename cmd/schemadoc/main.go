// Command schemadoc rewrites the generated schema reference inside a
// Markdown file (CONTRIBUTING.md), or prints it.
//
//	go run ./cmd/schemadoc            print the reference
//	go run ./cmd/schemadoc -w FILE    rewrite FILE between its markers
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/korean-war-sources/edition/internal/schemadoc"
)

func main() {
	write := flag.String("w", "", "rewrite the generated part of this `file`")
	flag.Parse()
	gen := schemadoc.Generate()
	if *write == "" {
		os.Stdout.Write(gen)
		return
	}
	doc, err := os.ReadFile(*write)
	if err == nil {
		doc, err = schemadoc.Splice(doc, gen)
	}
	if err == nil {
		err = os.WriteFile(*write, doc, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemadoc:", err)
		os.Exit(1)
	}
}
