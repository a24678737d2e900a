package render

import (
	"bytes"
	"fmt"

	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// ChromaCSS is the stylesheet of highlighted source views: a light style,
// and a dark one under prefers-color-scheme, both generated from chroma's
// styles so they always match the classes the formatter writes.
func ChromaCSS() ([]byte, error) {
	f := chtml.New(chtml.WithClasses(true), chtml.WithLineNumbers(true))
	var b bytes.Buffer
	b.WriteString("/* Generated at build time from chroma's github and github-dark styles. */\n")
	if err := f.WriteCSS(&b, styles.Get("github")); err != nil {
		return nil, fmt.Errorf("chroma CSS: %w", err)
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := f.WriteCSS(&b, styles.Get("github-dark")); err != nil {
		return nil, fmt.Errorf("chroma CSS: %w", err)
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}
