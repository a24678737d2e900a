package render

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// ChromaCSS is the stylesheet of highlighted source views: a light style,
// and a dark one under prefers-color-scheme, both generated from chroma's
// styles so they always match the classes the formatter writes. Only the
// rules of the token types SourceTokens produces are kept: the classes of
// chroma's other token types never appear on a page.
func ChromaCSS() ([]byte, error) {
	f := chtml.New(chtml.WithClasses(true), chtml.WithLineNumbers(true))
	var b bytes.Buffer
	b.WriteString("/* Generated at build time from chroma's github and github-dark styles. */\n")
	if err := writeCSS(&b, f, styles.Get("github")); err != nil {
		return nil, err
	}
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	// A colour of the light style that the dark style leaves unset would
	// stay (dark text on the dark background): reset them all first.
	b.WriteString(".chroma [class] { color: inherit; background-color: transparent }\n")
	if err := writeCSS(&b, f, styles.Get("github-dark")); err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// writeCSS writes the rules of style for the formatter's own classes and
// the token types of source views. Chroma writes one rule a line, after
// a comment naming its token type.
func writeCSS(w *bytes.Buffer, f *chtml.Formatter, style *chroma.Style) error {
	keep := map[string]bool{}
	for _, t := range slices.Concat(formatterTypes, sourceTokenTypes) {
		keep[t.String()] = true
	}
	var all bytes.Buffer
	if err := f.WriteCSS(&all, style); err != nil {
		return fmt.Errorf("chroma CSS: %w", err)
	}
	for line := range strings.Lines(all.String()) {
		name, ok := strings.CutPrefix(line, "/* ")
		if name, _, _ = strings.Cut(name, " "); !ok || keep[name] {
			w.WriteString(line)
		}
	}
	return nil
}

// formatterTypes are the classes chroma's formatter writes around the
// tokens of a highlighted file with line numbers.
var formatterTypes = []chroma.TokenType{chroma.Background, chroma.PreWrapper, chroma.Line, chroma.CodeLine, chroma.LineNumbers}
