package highlight

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// CSS is the stylesheet of highlighted source views: a light style,
// and a dark one under prefers-color-scheme, both generated from chroma's
// styles so they always match the classes the formatter writes. Only the
// rules of the token types the tokenizer produces are kept: the classes of
// chroma's other token types never appear on a page.
func CSS() ([]byte, error) {
	f := chromaFormatter()
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

// chromaFormatter is the formatter whose markup appendChromaHTML writes
// and whose classes CSS styles.
func chromaFormatter() *chtml.Formatter {
	return chtml.New(chtml.WithClasses(true), chtml.WithLineNumbers(true))
}

// appendChromaHTML appends src, split into spans by the tokenizer, in
// the markup chroma's HTML formatter writes with classes and line
// numbers (chromaFormatter), byte for byte: TestHighlightMatchesChroma
// and FuzzHighlightMatchesChroma hold it to that. The formatter itself
// took a quarter of a millisecond a page, in fmt.Sprintf calls and
// allocations for every token: most of the time of the source views.
func appendChromaHTML(b []byte, src string, spans []span) []byte {
	digits := len(strconv.Itoa(lineCount(src)))
	b = append(b, preStart...)
	line, open, start := 0, false, 0
	for _, s := range spans {
		class := tokenClass(s.typ)
		// Chroma closes a line after each newline, so a token that spans
		// lines is split, and each piece wrapped on its own.
		for start < s.end {
			end := s.end
			if i := strings.IndexByte(src[start:end], '\n'); i >= 0 {
				end = start + i + 1
			}
			if !open {
				line++
				b = appendLineStart(b, line, digits)
				open = true
			}
			b = appendToken(b, class, src[start:end])
			if src[end-1] == '\n' {
				b = append(b, lineEnd...)
				open = false
			}
			start = end
		}
	}
	if open {
		b = append(b, lineEnd...)
	}
	return append(b, preEnd...)
}

// The markup around the tokens, with chroma's class names.
var (
	preStart  = `<pre class="` + chroma.StandardTypes[chroma.PreWrapper] + `"><code>`
	preEnd    = `</code></pre>`
	lineStart = `<span class="` + chroma.StandardTypes[chroma.Line] + `"><span class="` + chroma.StandardTypes[chroma.LineNumbers] + `">`
	codeStart = `</span><span class="` + chroma.StandardTypes[chroma.CodeLine] + `">`
	lineEnd   = `</span></span>`
)

// lineCount counts lines as chroma does: a last line without a newline
// counts, the empty remainder after a final newline does not.
func lineCount(src string) int {
	n := strings.Count(src, "\n")
	if src != "" && src[len(src)-1] != '\n' {
		n++
	}
	return n
}

// appendLineStart opens a line with its number, right-aligned to the
// width of the last one as chroma's "%*d".
func appendLineStart(b []byte, line, digits int) []byte {
	b = append(b, lineStart...)
	var num [20]byte
	n := strconv.AppendInt(num[:0], int64(line), 10)
	for range digits - len(n) {
		b = append(b, ' ')
	}
	b = append(b, n...)
	return append(b, codeStart...)
}

// appendToken appends a token's text, escaped, in a span of its class;
// plain text, whose class is empty, goes unwrapped.
func appendToken(b []byte, class, text string) []byte {
	if class == "" {
		return appendEscaped(b, text)
	}
	b = append(b, `<span class="`...)
	b = append(b, class...)
	b = append(b, `">`...)
	b = appendEscaped(b, text)
	return append(b, `</span>`...)
}

// appendEscaped appends s escaped as by html.EscapeString, which
// chroma's formatter uses.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if esc := htmlEscapes[s[i]]; esc != "" {
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			last = i + 1
		}
	}
	return append(b, s[last:]...)
}

// htmlEscapes are the escapes of html.EscapeString, by byte; a table
// is quicker than a switch in the loop over every byte of a page.
var htmlEscapes = [256]string{'&': "&amp;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '"': "&#34;"}

// tokenClasses holds the class chroma gives each token type of source
// views: that of the type, or of its nearest ancestor with one.
var tokenClasses = func() map[chroma.TokenType]string {
	m := map[chroma.TokenType]string{}
	for _, t := range append([]chroma.TokenType{chroma.Text}, sourceTokenTypes...) {
		m[t] = chromaClass(t)
	}
	return m
}()

// tokenClass returns the class of a token type, computing it only for a
// type outside sourceTokenTypes, which the tokenizer does not emit.
func tokenClass(t chroma.TokenType) string {
	if class, ok := tokenClasses[t]; ok {
		return class
	}
	return chromaClass(t)
}

// chromaClass is the class chroma's formatter gives a token type.
func chromaClass(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if class, ok := chroma.StandardTypes[t]; ok {
			return class
		}
	}
	return chroma.StandardTypes[t]
}
