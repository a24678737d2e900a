// Package highlight colours the source view of a content file. It uses a
// tokenizer written for the edition's format alone: YAML front matter of
// keys, scalars, flow lists, block scalars and comments, then Markdown
// with headings, list marks, footnotes, [[kind:id]] cross-references,
// emphasis, code and links. Chroma's general Markdown lexer, built on
// backtracking regular expressions, took 15–30 ms a file and dominated
// the build; this one is a single pass. It produces chroma token types
// (tokenizer), written in the markup of chroma's HTML formatter
// (Highlighter.HTML), so the stylesheet CSS generates applies.
package highlight

import (
	"html/template"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/korean-war-sources/edition/internal/content"
)

// sourceTokenTypes are the token types the tokenizer produces besides
// plain text; CSS keeps the rules of these alone.
var sourceTokenTypes = []chroma.TokenType{
	chroma.NameNamespace, chroma.NameTag, chroma.NameAttribute, chroma.NameEntity, chroma.NameLabel,
	chroma.Punctuation, chroma.Comment, chroma.Keyword, chroma.KeywordConstant,
	chroma.Literal, chroma.LiteralDate, chroma.LiteralNumberInteger, chroma.LiteralString,
	chroma.LiteralStringSingle, chroma.LiteralStringDouble, chroma.LiteralStringBacktick,
	chroma.GenericHeading, chroma.GenericSubheading, chroma.GenericEmph, chroma.GenericStrong,
}

func (t *tokenizer) run() {
	if end, ok := frontMatterEnd(t.src); ok {
		t.frontMatter(end)
	}
	t.markdown()
}

// frontMatterEnd returns the offset just after the closing "---" line of
// the front matter, by the content loader's own rule.
func frontMatterEnd(src string) (int, bool) {
	_, body, _, ok := content.SplitFrontMatter(src)
	return len(src) - len(body), ok
}

// span is a token by its end offset; it starts where the previous ends.
type span struct {
	typ chroma.TokenType
	end int
}

type tokenizer struct {
	src   string
	pos   int // everything before pos has been emitted
	spans []span
}

// emit makes src[pos:end] a token of type typ, merged with the previous
// token when that has the same type.
func (t *tokenizer) emit(typ chroma.TokenType, end int) {
	if end <= t.pos {
		return
	}
	if n := len(t.spans); n > 0 && t.spans[n-1].typ == typ {
		t.spans[n-1].end = end
	} else {
		t.spans = append(t.spans, span{typ, end})
	}
	t.pos = end
}

// lineEnd returns the offset of the end of the line at pos, before its
// newline.
func (t *tokenizer) lineEnd() int {
	if i := strings.IndexByte(t.src[t.pos:], '\n'); i >= 0 {
		return t.pos + i
	}
	return len(t.src)
}

// newline emits the line break at pos, if any.
func (t *tokenizer) newline() {
	if t.pos < len(t.src) && t.src[t.pos] == '\n' {
		t.emit(chroma.Text, t.pos+1)
	}
}

// spaces emits the blanks at pos as text.
func (t *tokenizer) spaces(end int) {
	i := t.pos
	for i < end && (t.src[i] == ' ' || t.src[i] == '\t') {
		i++
	}
	t.emit(chroma.Text, i)
}

// yamlState carries what spans lines in the front matter.
type yamlState struct {
	block int  // indent a block scalar's lines must exceed; -1 outside one
	quote byte // the quote of a scalar continued on the next line, or 0
}

func (t *tokenizer) frontMatter(end int) {
	t.emit(chroma.NameNamespace, 3)
	t.newline()
	y := yamlState{block: -1}
	for t.pos < end {
		le := t.lineEnd()
		if t.src[t.pos:le] == "---" && le+1 >= end {
			t.emit(chroma.NameNamespace, le)
		} else {
			t.yamlLine(le, &y)
		}
		t.newline()
	}
}

func (t *tokenizer) yamlLine(le int, y *yamlState) {
	line := t.src[t.pos:le]
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if y.block >= 0 {
		if strings.TrimSpace(line) == "" || indent > y.block {
			t.emit(chroma.Text, t.pos+indent)
			t.emit(chroma.LiteralString, le)
			return
		}
		y.block = -1
	}
	if y.quote != 0 {
		t.quoted(le, y)
		t.rest(le)
		return
	}
	t.spaces(le)
	// A block scalar's lines are indented beyond its key, or beyond the
	// dash of a list item that has no key.
	parent := indent
	for t.pos < le && t.src[t.pos] == '-' && (t.pos+1 == le || t.src[t.pos+1] == ' ') {
		parent = t.pos - (le - len(line))
		t.emit(chroma.Punctuation, t.pos+1)
		t.spaces(le)
	}
	if t.pos < le && t.src[t.pos] == '#' {
		t.emit(chroma.Comment, le)
		return
	}
	if k := t.key(le); k > t.pos {
		parent = t.pos - (le - len(line))
		t.emit(chroma.NameTag, k)
		t.emit(chroma.Punctuation, k+1)
		t.spaces(le)
	}
	if t.pos < le && (t.src[t.pos] == '|' || t.src[t.pos] == '>') {
		y.block = parent
		for t.pos < le && strings.IndexByte("|>+-0123456789", t.src[t.pos]) >= 0 {
			t.emit(chroma.Punctuation, t.pos+1)
		}
		t.rest(le)
		return
	}
	t.value(le, y)
}

// key returns the end of a mapping key at pos ("title" of "title: x"),
// or pos when there is none.
func (t *tokenizer) key(le int) int {
	i := t.pos
	for i < le && (isWordByte(t.src[i]) || t.src[i] == '-') {
		i++
	}
	if i > t.pos && i < le && t.src[i] == ':' && (i+1 == le || t.src[i+1] == ' ') {
		return i
	}
	return t.pos
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// value emits a scalar or a flow list, then any comment.
func (t *tokenizer) value(le int, y *yamlState) {
	if t.pos >= le {
		return
	}
	switch t.src[t.pos] {
	case '\'', '"':
		y.quote = t.src[t.pos]
		t.emit(quoteType(y.quote), t.pos+1)
		t.quoted(le, y)
	case '[':
		t.flow(le)
	default:
		end := commentStart(t.src[t.pos:le])
		text := strings.TrimRight(t.src[t.pos:t.pos+end], " ")
		t.emit(scalarType(text), t.pos+len(text))
	}
	t.rest(le)
}

// quoted emits a quoted scalar from pos up to and including its closing
// quote, or to le when it goes on to the next line.
func (t *tokenizer) quoted(le int, y *yamlState) {
	typ := quoteType(y.quote)
	for i := t.pos; i < le; i++ {
		switch c := t.src[i]; {
		case c == '\\' && y.quote == '"':
			i++
		case c == y.quote && y.quote == '\'' && i+1 < le && t.src[i+1] == '\'':
			i++
		case c == y.quote:
			t.emit(typ, i+1)
			y.quote = 0
			return
		}
	}
	t.emit(typ, le)
}

func quoteType(q byte) chroma.TokenType {
	if q == '"' {
		return chroma.LiteralStringDouble
	}
	return chroma.LiteralStringSingle
}

// flow emits a one-line flow list: [a, 'b c', 1949-09-03].
func (t *tokenizer) flow(le int) {
	t.emit(chroma.Punctuation, t.pos+1)
	for t.pos < le {
		t.spaces(le)
		if t.pos >= le {
			return
		}
		switch c := t.src[t.pos]; c {
		case ']', ',':
			t.emit(chroma.Punctuation, t.pos+1)
			if c == ']' {
				return
			}
		case '\'', '"':
			y := yamlState{quote: c}
			t.emit(quoteType(c), t.pos+1)
			t.quoted(le, &y)
		default:
			end := strings.IndexAny(t.src[t.pos:le], ",]")
			if end < 0 {
				end = le - t.pos
			}
			text := strings.TrimRight(t.src[t.pos:t.pos+end], " ")
			t.emit(scalarType(text), t.pos+max(len(text), 1))
		}
	}
}

// rest emits what follows a value on its line: blanks, a comment, or
// anything unexpected as plain text.
func (t *tokenizer) rest(le int) {
	t.spaces(le)
	if t.pos < le && t.src[t.pos] == '#' {
		t.emit(chroma.Comment, le)
	}
	t.emit(chroma.Text, le)
}

// commentStart returns where a comment begins in a plain scalar's line
// (a '#' after a blank), or len(s).
func commentStart(s string) int {
	if i := strings.Index(s, " #"); i >= 0 {
		return i
	}
	return len(s)
}

// scalarType classifies a plain scalar: a date, a number, a constant or
// other text.
func scalarType(s string) chroma.TokenType {
	switch {
	case s == "true" || s == "false" || s == "null" || s == "~":
		return chroma.KeywordConstant
	case s != "" && strings.Trim(s, "0123456789") == "":
		return chroma.LiteralNumberInteger
	case len(s) >= 4 && strings.Trim(s[:4], "0123456789") == "" && strings.Trim(s, "0123456789-/") == "":
		return chroma.LiteralDate
	}
	return chroma.Literal
}

// markdown emits the body, line by line.
func (t *tokenizer) markdown() {
	fenced := false
	for t.pos < len(t.src) {
		le := t.lineEnd()
		line := t.src[t.pos:le]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fenced = !fenced
			t.emit(chroma.LiteralStringBacktick, le)
		case fenced:
			t.emit(chroma.LiteralStringBacktick, le)
		case headingLevel(line) == 1:
			t.emit(chroma.GenericHeading, le)
		case headingLevel(line) > 1:
			t.emit(chroma.GenericSubheading, le)
		default:
			t.blockMarks(le)
			t.inline(le)
		}
		t.newline()
	}
}

// headingLevel returns n for an ATX heading "### …", or 0.
func headingLevel(line string) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(line) && line[n] != ' ') {
		return 0
	}
	return n
}

// blockMarks emits what opens a line: indentation, quote marks, list
// bullets and numbers, and the label of a footnote definition.
func (t *tokenizer) blockMarks(le int) {
	t.spaces(le)
	for t.pos < le && t.src[t.pos] == '>' {
		t.emit(chroma.Punctuation, t.pos+1)
		t.spaces(le)
	}
	rest := t.src[t.pos:le]
	if len(rest) >= 2 && strings.IndexByte("-*+", rest[0]) >= 0 && rest[1] == ' ' {
		t.emit(chroma.Keyword, t.pos+1)
	} else if i := len(rest) - len(strings.TrimLeft(rest, "0123456789")); i > 0 && i+1 < len(rest) && rest[i] == '.' && rest[i+1] == ' ' {
		t.emit(chroma.Keyword, t.pos+i+1)
	} else if n := footnoteMark(rest); n > 0 && n < len(rest) && rest[n] == ':' {
		t.emit(chroma.NameLabel, t.pos+n)
		t.emit(chroma.Punctuation, t.pos+1)
	}
}

// footnoteMark returns the length of a "[^label]" at the start of s, or 0.
func footnoteMark(s string) int {
	if !strings.HasPrefix(s, "[^") {
		return 0
	}
	i := strings.IndexAny(s[2:], "] \t[")
	if i <= 0 || s[2+i] != ']' {
		return 0
	}
	return 2 + i + 1
}

// xrefHead returns the length of "[[kind:id]]" or of "[[kind:id|" at the
// start of s, or 0, and whether a label follows.
func xrefHead(s string) (int, bool) {
	if !strings.HasPrefix(s, "[[") {
		return 0, false
	}
	i := 2
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	if i == 2 || i >= len(s) || s[i] != ':' {
		return 0, false
	}
	i++
	start := i
	for i < len(s) && (isWordByte(s[i]) || strings.IndexByte("-.#", s[i]) >= 0) {
		i++
	}
	switch {
	case i == start:
		return 0, false
	case strings.HasPrefix(s[i:], "]]"):
		return i + 2, false
	case strings.HasPrefix(s[i:], "|"):
		return i, true
	}
	return 0, false
}

// inline emits the rest of a line up to end: cross-references, footnote
// marks, links, code and emphasis, and text between them.
func (t *tokenizer) inline(end int) {
	missing := absent{end: end}
	for i := t.pos; i < end; {
		if !inlineMarks[t.src[i]] {
			i++ // most of a line is prose: pass it by quickly
			continue
		}
		s := t.src[i:end]
		switch s[0] {
		case '[':
			if n, labelled := xrefHead(s); n > 0 {
				t.emit(chroma.Text, i)
				if !labelled {
					t.emit(chroma.NameEntity, i+n)
					i = t.pos
					continue
				}
				closing := missing.index(t.src, i+n, "]]")
				if closing < 0 {
					i++
					continue
				}
				t.emit(chroma.NameEntity, i+n)
				t.emit(chroma.Punctuation, i+n+1)
				t.inline(i + n + closing)
				t.emit(chroma.NameEntity, i+n+closing+2)
				i = t.pos
				continue
			}
			if n := footnoteMark(s); n > 0 {
				t.emit(chroma.Text, i)
				t.emit(chroma.NameLabel, i+n)
				i = t.pos
				continue
			}
			if text, url := link(t.src, i, &missing); url > 0 {
				t.emit(chroma.Text, i)
				t.emit(chroma.NameTag, i+text)
				t.emit(chroma.NameAttribute, i+url)
				i = t.pos
				continue
			}
		case '`':
			if j := missing.index(t.src, i+1, "`"); j >= 0 {
				t.emit(chroma.Text, i)
				t.emit(chroma.LiteralStringBacktick, i+j+2)
				i = t.pos
				continue
			}
		case '*', '_':
			if n, typ := emphasis(t.src, i, &missing); n > 0 {
				t.emit(chroma.Text, i)
				t.emit(typ, i+n)
				i = t.pos
				continue
			}
		}
		i++
	}
	t.emit(chroma.Text, end)
}

// inlineMarks are the bytes that may open what inline looks for.
var inlineMarks = [256]bool{'[': true, '`': true, '*': true, '_': true}

// absent finds closing marks in src up to end, remembering from which
// offset on a mark no longer occurs: a line of thousands of openers that
// are never closed is then searched once for each mark, not once for
// each opener.
type absent struct {
	end  int
	from map[string]int // mark → no occurrence at or after this offset
}

// index returns the offset of mark in src[from:end], relative to from,
// or -1.
func (a *absent) index(src string, from int, mark string) int {
	if f, ok := a.from[mark]; ok && from >= f {
		return -1
	}
	j := strings.Index(src[from:a.end], mark)
	if j < 0 {
		if a.from == nil {
			a.from = map[string]int{}
		}
		a.from[mark] = from
	}
	return j
}

// link returns the ends, relative to i, of "[text]" and of "(url)" for an
// inline link at src[i], or zeros.
func link(src string, i int, missing *absent) (text, url int) {
	j := missing.index(src, i, "]")
	if j < 0 || i+j+1 >= missing.end || src[i+j+1] != '(' {
		return 0, 0
	}
	k := missing.index(src, i+j, ")")
	if k < 0 {
		return 0, 0
	}
	return j + 1, j + k + 1
}

// emphasis returns the length of an emphasis or strong emphasis opening
// at src[i], closed on the same line before end, and its token type. An
// underscore inside a word (snake_case) opens nothing.
func emphasis(src string, i int, missing *absent) (int, chroma.TokenType) {
	end := missing.end
	c := src[i]
	n := 1
	if i+1 < end && src[i+1] == c {
		n = 2
	}
	if c == '_' && i > 0 && isWordByte(src[i-1]) {
		return 0, chroma.Text
	}
	delim := src[i : i+n]
	if i+n >= end || src[i+n] == ' ' {
		return 0, chroma.Text
	}
	j := missing.index(src, i+n+1, delim)
	if j < 0 {
		return 0, chroma.Text
	}
	typ := chroma.GenericEmph
	if n == 2 {
		typ = chroma.GenericStrong
	}
	return n + 1 + j + n, typ
}

// Highlighter writes highlighted source views. It is safe for
// concurrent use: the render workers share one.
type Highlighter struct {
	// scratch holds a tokenizer's spans and an output buffer between
	// calls, so that a build of thousands of pages does not allocate
	// them afresh for each.
	scratch sync.Pool
}

type hlScratch struct {
	spans []span
	out   []byte
}

// New returns a Highlighter with empty scratch buffers.
func New() *Highlighter {
	return &Highlighter{scratch: sync.Pool{New: func() any { return new(hlScratch) }}}
}

// HTML returns src highlighted in the markup of chroma's HTML formatter.
func (h *Highlighter) HTML(src string) template.HTML {
	sc := h.scratch.Get().(*hlScratch)
	t := tokenizer{src: src, spans: sc.spans[:0]}
	t.run()
	sc.out = appendChromaHTML(sc.out[:0], src, t.spans)
	out := string(sc.out)
	sc.spans = t.spans
	h.scratch.Put(sc)
	return template.HTML(out)
}
