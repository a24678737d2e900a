// Package markdown converts the edition's Markdown to HTML with one
// configured goldmark shared by all goroutines: GitHub tables,
// typographic punctuation, heading ids, footnotes anchored by their
// labels, paragraph permalinks and the [[kind:id]] cross-references of
// package xref. Raw HTML is never passed through.
//
// Per-document state (the resolver, the id prefix) travels in the parser
// context, so one Converter serves every page concurrently.
package markdown

import (
	"bufio"
	"bytes"
	"fmt"
	"sync"

	"github.com/korean-war-sources/edition/internal/markdown/xref"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter turns Markdown into HTML. It is safe for concurrent use.
type Converter struct {
	md       goldmark.Markdown
	verbatim goldmark.Markdown // without typographic substitutions
	// outputs holds *output for reuse: the buffers of a conversion are
	// sized for the fragment, and remaking them is a good part of the
	// cost of short fragments.
	outputs sync.Pool
}

// output is where a conversion renders to.
type output struct {
	buf bytes.Buffer
	w   *bufio.Writer // on buf; the renderer needs a util.BufWriter
}

// maxPooled is the largest buffer kept for reuse, so that one huge
// fragment does not pin its memory.
const maxPooled = 1 << 20

// New returns a Converter configured for the edition.
func New() *Converter {
	return &Converter{md: newGoldmark(extension.Typographer), verbatim: newGoldmark()}
}

func newGoldmark(extra ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{
			extension.Table,
			extension.Strikethrough,
			extension.Footnote,
			xref.Extension,
		}, extra...)...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(
				util.Prioritized(footnoteCheck{}, 500),
				util.Prioritized(footnoteLabels{}, 1000),
				util.Prioritized(permalinks{}, 1100),
				util.Prioritized(glossaryLinks{}, 1200),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(footnoteRenderer{}, 100),
				util.Prioritized(paragraphRenderer{}, 100),
			),
		),
	)
}

// Options carry what one conversion needs to know about its page.
type Options struct {
	// Resolver resolves cross-references; nil leaves them all broken.
	Resolver xref.Resolver
	// IDPrefix is put before every id the conversion generates (footnotes,
	// headings, paragraphs), so that several fragments on one page (the
	// comments of many notes) cannot collide.
	IDPrefix string
	// Permalinks gives top-level paragraphs stable ids and a ¶ link.
	Permalinks bool
	// Verbatim keeps straight quotes and dashes as written: for text
	// transcribed from the article, whose punctuation is evidence.
	Verbatim bool
	// Glossary links the first occurrence of each glossary term.
	Glossary *Glossary
	// Problem receives problems found in the Markdown itself, such as a
	// footnote without definition; offset is a byte offset in src.
	Problem func(offset int, message string)
}

var optionsKey = parser.NewContextKey()

// Convert renders src. Problems go to opts.Problem; the error is for
// failures of the renderer itself.
func (c *Converter) Convert(src []byte, opts Options) ([]byte, error) {
	var html []byte
	err := c.render(src, opts, func(b []byte) { html = bytes.Clone(b) })
	return html, err
}

// ConvertString is Convert returning the HTML as a string, copied once
// out of the renderer's buffer, for callers that keep it as one.
func (c *Converter) ConvertString(src []byte, opts Options) (string, error) {
	var html string
	err := c.render(src, opts, func(b []byte) { html = string(b) })
	return html, err
}

// render renders src into a pooled buffer and hands it to keep, which
// must copy what it keeps: the buffer is reused.
func (c *Converter) render(src []byte, opts Options, keep func([]byte)) error {
	doc := c.Parse(src, opts)
	out, _ := c.outputs.Get().(*output)
	if out == nil {
		out = &output{}
		out.w = bufio.NewWriter(&out.buf)
	}
	defer c.release(out)
	if err := c.pick(opts).Renderer().Render(out.w, src, doc); err != nil {
		return fmt.Errorf("rendering Markdown: %w", err)
	}
	keep(out.buf.Bytes())
	return nil
}

func (c *Converter) release(out *output) {
	if out.buf.Cap() > maxPooled {
		return
	}
	out.buf.Reset()
	out.w.Reset(&out.buf) // drops what a failed rendering left unflushed
	c.outputs.Put(out)
}

// Parse parses src into an AST with references resolved, without
// rendering; checks use it.
func (c *Converter) Parse(src []byte, opts Options) ast.Node {
	pc := parser.NewContext(parser.WithIDs(&prefixedIDs{prefix: opts.IDPrefix}))
	pc.Set(optionsKey, &opts)
	if opts.Resolver != nil {
		xref.SetResolver(pc, opts.Resolver)
	}
	return c.pick(opts).Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

func (c *Converter) pick(opts Options) goldmark.Markdown {
	if opts.Verbatim {
		return c.verbatim
	}
	return c.md
}

func optionsOf(pc parser.Context) *Options {
	if o, ok := pc.Get(optionsKey).(*Options); ok {
		return o
	}
	return &Options{}
}

func (o *Options) problem(offset int, format string, args ...any) {
	if o.Problem != nil {
		o.Problem(offset, fmt.Sprintf(format, args...))
	}
}
