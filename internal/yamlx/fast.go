package yamlx

import (
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastParse parses the plain subset of YAML that front matter and
// registries are mostly written in, into the same node tree as yaml.v3
// would build (kinds, tags, styles, values, lines and columns), with far
// fewer allocations: one copy of the text that every value is cut from,
// and nodes and their content lists in blocks.
//
// The subset is block mappings of simple keys, block sequences, flow
// sequences on one line, plain scalars on one line whose tag is known
// without guessing, quoted scalars on one line (double-quoted without
// escapes) and literal block scalars. Anything else (comments, anchors,
// tags, folded or multi-line scalars, empty values, tabs, CR, document
// markers, unusual characters, any syntax error) makes it return false,
// and the caller parses the text with yaml.v3, which also reports every
// error: so this path never decides what is valid, only computes faster
// what yaml.v3 computes. FuzzFastParse checks that the two agree.
func fastParse(src []byte) (*yaml.Node, bool) {
	if !fastText(src) {
		return nil, false
	}
	p := fastParser{text: string(src)}
	p.splitLines()
	i := p.nextContent(0)
	if i == len(p.lines) || p.lines[i].indent != 0 {
		return nil, false
	}
	if l := p.lines[i]; p.text[l.start] == '-' {
		if strings.HasPrefix(p.text[l.start:l.end], "---") {
			return nil, false
		}
		if !p.sequence(i, 0) {
			return nil, false
		}
	} else if !p.mapping(i, l.start, 0) {
		return nil, false
	}
	if p.nextContent(p.cur) != len(p.lines) {
		return nil, false
	}
	return p.stack[0], true
}

// fastText reports whether src is valid UTF-8 made only of characters
// yaml.v3 reads as printable and not as line breaks, other than '\n',
// without tabs, and without '#' (comments, which yaml.v3 attaches to
// nodes, are left to it).
func fastText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c != '\n' && (c < 0x20 || c > 0x7e || c == '#') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || r < 0xa0 || r > 0xffff || r == 0x2028 || r == 0x2029 ||
			r == 0xfeff || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff) {
			return false
		}
		i += n
	}
	return true
}

// fastLine is one line of the text.
type fastLine struct {
	start, end int // the line's bytes, without its '\n'
	indent     int // leading spaces
	blank      bool
	newline    bool // a '\n' ends the line
}

type fastParser struct {
	text  string
	lines []fastLine
	cur   int          // the next line to read
	stack []*yaml.Node // children of the collections being read
	nodes []yaml.Node  // allocated in blocks
	lists []*yaml.Node // content lists, allocated in blocks
	depth int          // of the collection being read
}

// maxFastDepth bounds the nesting fastParse reads, far below the 10,000
// levels at which yaml.v3 reports an error, and far above any schema's.
const maxFastDepth = 64

func (p *fastParser) splitLines() {
	n := strings.Count(p.text, "\n") + 1
	p.lines = make([]fastLine, 0, n)
	for start := 0; start <= len(p.text); {
		end := strings.IndexByte(p.text[start:], '\n')
		l := fastLine{start: start, end: len(p.text)}
		if end >= 0 {
			l.end, l.newline = start+end, true
		}
		for l.indent < l.end-l.start && p.text[l.start+l.indent] == ' ' {
			l.indent++
		}
		l.blank = l.indent == l.end-l.start
		p.lines = append(p.lines, l)
		if !l.newline {
			break
		}
		start = l.end + 1
	}
	p.nodes = make([]yaml.Node, 0, 2*n+4)
}

// nextContent returns the first line from i on that is not blank, or
// len(p.lines).
func (p *fastParser) nextContent(i int) int {
	for i < len(p.lines) && p.lines[i].blank {
		i++
	}
	return i
}

// node returns a new node of kind at byte offset off of line i.
func (p *fastParser) node(kind yaml.Kind, tag string, i, off int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, 64)
	}
	l := p.lines[i]
	p.nodes = append(p.nodes, yaml.Node{
		Kind:   kind,
		Tag:    tag,
		Line:   i + 1,
		Column: utf8.RuneCountInString(p.text[l.start:off]) + 1,
	})
	return &p.nodes[len(p.nodes)-1]
}

// collect moves the children pushed since base into n's content.
func (p *fastParser) collect(n *yaml.Node, base int) {
	k := len(p.stack) - base
	if k == 0 {
		return
	}
	if cap(p.lists)-len(p.lists) < k {
		p.lists = make([]*yaml.Node, 0, max(k, 4*len(p.lines)))
	}
	start := len(p.lists)
	p.lists = append(p.lists, p.stack[base:]...)
	n.Content = p.lists[start:len(p.lists):len(p.lists)]
	p.stack = p.stack[:base]
}

// mapping reads the block mapping whose first key begins at byte offset
// off of line i, at column indent (0-based), and pushes it. It leaves
// p.cur at the line after it.
func (p *fastParser) mapping(i, off, indent int) bool {
	m := p.node(yaml.MappingNode, "!!map", i, off)
	p.stack = append(p.stack, m)
	base := len(p.stack)
	for {
		l := p.lines[i]
		key, ok := fastKey(p.text[off:l.end])
		if !ok {
			return false
		}
		tag, ok := plainTag(key)
		if !ok {
			return false
		}
		k := p.node(yaml.ScalarNode, tag, i, off)
		k.Value = p.text[off : off+len(key)]
		p.stack = append(p.stack, k)
		rest := off + len(key) + 1
		for rest < l.end && p.text[rest] == ' ' {
			rest++
		}
		if rest == l.end {
			// The value is the block on the next lines.
			j := p.nextContent(i + 1)
			if j == len(p.lines) || p.lines[j].indent <= indent {
				return false // an empty value: left to yaml.v3
			}
			if !p.block(j) {
				return false
			}
		} else if !p.inline(i, rest, indent) {
			return false
		}
		i = p.nextContent(p.cur)
		if i == len(p.lines) || p.lines[i].indent < indent {
			break
		}
		if p.lines[i].indent > indent {
			return false
		}
		off = p.lines[i].start + indent
	}
	p.collect(m, base)
	return true
}

// block reads the block mapping or sequence beginning on line i.
func (p *fastParser) block(i int) bool {
	if p.depth >= maxFastDepth {
		return false
	}
	p.depth++
	defer func() { p.depth-- }()
	l := p.lines[i]
	if p.text[l.start+l.indent] == '-' {
		return p.sequence(i, l.indent)
	}
	return p.mapping(i, l.start+l.indent, l.indent)
}

// sequence reads the block sequence whose first "-" is on line i at
// column indent.
func (p *fastParser) sequence(i, indent int) bool {
	s := p.node(yaml.SequenceNode, "!!seq", i, p.lines[i].start+indent)
	p.stack = append(p.stack, s)
	base := len(p.stack)
	for {
		l := p.lines[i]
		dash := l.start + indent
		if p.text[dash] != '-' || dash+1 >= l.end || p.text[dash+1] != ' ' {
			return false
		}
		off := dash + 1
		for off < l.end && p.text[off] == ' ' {
			off++
		}
		if off == l.end || p.text[off] == '-' {
			return false
		}
		if _, ok := fastKey(p.text[off:l.end]); ok {
			if !p.mapping(i, off, off-l.start) {
				return false
			}
		} else if !p.inline(i, off, indent) {
			return false
		}
		i = p.nextContent(p.cur)
		if i == len(p.lines) || p.lines[i].indent < indent {
			break
		}
		if p.lines[i].indent > indent {
			return false
		}
		if p.text[p.lines[i].start+indent] != '-' {
			break // a key of the mapping the sequence is the value of
		}
	}
	p.collect(s, base)
	return true
}

// inline reads the value beginning at byte offset off of line i, inside
// a block at column indent, and pushes it.
func (p *fastParser) inline(i, off, indent int) bool {
	l := p.lines[i]
	p.cur = i + 1
	switch p.text[off] {
	case '|':
		return p.literal(i, off, indent)
	case '[':
		return p.flow(i, off)
	case '\'', '"':
		n, end, ok := p.quoted(i, off)
		if !ok || !onlySpaces(p.text[end:l.end]) {
			return false
		}
		p.stack = append(p.stack, n)
		return true
	}
	v := strings.TrimRight(p.text[off:l.end], " ")
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
		return false
	}
	tag, ok := plainTag(v)
	if !ok {
		return false
	}
	n := p.node(yaml.ScalarNode, tag, i, off)
	n.Value = v
	p.stack = append(p.stack, n)
	return true
}

// quoted reads the quoted scalar beginning at byte offset off of line
// i, which must end on that line, and returns it and the offset after
// its closing quote.
func (p *fastParser) quoted(i, off int) (*yaml.Node, int, bool) {
	l := p.lines[i]
	q := p.text[off]
	n := p.node(yaml.ScalarNode, "!!str", i, off)
	if q == '"' {
		n.Style = yaml.DoubleQuotedStyle
		end := strings.IndexByte(p.text[off+1:l.end], '"')
		if end < 0 || strings.IndexByte(p.text[off+1:off+1+end], '\\') >= 0 {
			return nil, 0, false
		}
		n.Value = p.text[off+1 : off+1+end]
		return n, off + end + 2, true
	}
	n.Style = yaml.SingleQuotedStyle
	var b strings.Builder // only for a value with a doubled quote
	from := off + 1
	for j := off + 1; j < l.end; j++ {
		if p.text[j] != '\'' {
			continue
		}
		if j+1 < l.end && p.text[j+1] == '\'' {
			b.WriteString(p.text[from : j+1])
			j++
			from = j + 1
			continue
		}
		if b.Len() == 0 {
			n.Value = p.text[from:j]
		} else {
			b.WriteString(p.text[from:j])
			n.Value = b.String()
		}
		return n, j + 1, true
	}
	return nil, 0, false
}

// flow reads the flow sequence beginning at byte offset off of line i,
// which must end on that line.
func (p *fastParser) flow(i, off int) bool {
	l := p.lines[i]
	s := p.node(yaml.SequenceNode, "!!seq", i, off)
	s.Style = yaml.FlowStyle
	p.stack = append(p.stack, s)
	base := len(p.stack)
	j := skipSpaces(p.text, off+1, l.end)
	if j < l.end && p.text[j] == ']' {
		j++
	} else {
		for {
			if j == l.end {
				return false
			}
			var end int
			switch p.text[j] {
			case '\'', '"':
				n, e, ok := p.quoted(i, j)
				if !ok {
					return false
				}
				p.stack = append(p.stack, n)
				end = e
			default:
				end = j
				for end < l.end && p.text[end] != ',' && p.text[end] != ']' {
					end++
				}
				v := strings.TrimRight(p.text[j:end], " ")
				if v == "" || strings.ContainsAny(v, ":?[]{}") {
					return false
				}
				tag, ok := plainTag(v)
				if !ok {
					return false
				}
				n := p.node(yaml.ScalarNode, tag, i, j)
				n.Value = v
				p.stack = append(p.stack, n)
			}
			end = skipSpaces(p.text, end, l.end)
			if end == l.end {
				return false
			}
			if p.text[end] == ']' {
				j = end + 1
				break
			}
			if p.text[end] != ',' {
				return false
			}
			j = skipSpaces(p.text, end+1, l.end)
			if j < l.end && p.text[j] == ']' {
				return false // a trailing comma: left to yaml.v3
			}
		}
	}
	if !onlySpaces(p.text[j:l.end]) {
		return false
	}
	p.collect(s, base)
	p.cur = i + 1
	return true
}

// literal reads the literal block scalar whose "|" is at byte offset
// off of line i, in a block at column indent: "|" keeps one final line
// break, "|-" none.
func (p *fastParser) literal(i, off, indent int) bool {
	l := p.lines[i]
	strip := false
	switch h := p.text[off+1 : l.end]; h {
	case "-":
		strip = true
	case "":
	default:
		return false
	}
	first := i + 1
	if first == len(p.lines) || p.lines[first].blank || p.lines[first].indent <= indent {
		return false
	}
	in := p.lines[first].indent
	last, j := first, first // the last line of text; the line after the scalar
	for ; j < len(p.lines); j++ {
		lj := p.lines[j]
		if lj.blank {
			if lj.end-lj.start > in {
				return false
			}
			continue
		}
		if lj.indent < in {
			break
		}
		last = j
	}
	if !strip && !p.lines[last].newline {
		return false
	}
	var b strings.Builder
	size := 0
	for k := first; k <= last; k++ {
		size += p.lines[k].end - p.lines[k].start + 1
	}
	b.Grow(size)
	for k := first; k <= last; k++ {
		if k > first {
			b.WriteByte('\n')
		}
		if lk := p.lines[k]; !lk.blank {
			b.WriteString(p.text[lk.start+in : lk.end])
		}
	}
	if !strip {
		b.WriteByte('\n')
	}
	n := p.node(yaml.ScalarNode, "!!str", i, off)
	n.Style = yaml.LiteralStyle
	n.Value = b.String()
	p.stack = append(p.stack, n)
	p.cur = j
	return true
}

// fastKey returns the simple key that s begins with, followed by ":" and
// a space or the end of s.
func fastKey(s string) (string, bool) {
	n := 0
	for n < len(s) && n < 256 && keyByte(s[n], n == 0) {
		n++
	}
	if n == 0 || n == len(s) || s[n] != ':' || (n+1 < len(s) && s[n+1] != ' ') {
		return "", false
	}
	return s[:n], true
}

func keyByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		return true
	}
	return !first && (c == '-' || c == '.')
}

// plainTag returns the tag yaml.v3 resolves the plain scalar s to, when
// it is sure to be a string, a whole number, a boolean or null; it
// returns false for anything else (floats, timestamps, octal or hex
// numbers, merge keys, scalars beginning with an indicator).
func plainTag(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9':
		if strings.ContainsAny(s, "ghijklmnpqrsuvwyGHIJKLMNPQRSUVWY") {
			// No number or timestamp has any of these letters.
			return "!!str", true
		}
		if strings.Trim(s, "0123456789-/") == "" && strings.ContainsAny(s, "-/") {
			return dateTag(s), true
		}
		if len(s) > 18 || (c == '0' && len(s) > 1) {
			return "", false
		}
		for j := 1; j < len(s); j++ {
			if s[j] < '0' || s[j] > '9' {
				return "", false
			}
		}
		return "!!int", true
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c >= utf8.RuneSelf:
		switch s {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool", true
		case "null", "Null", "NULL":
			return "!!null", true
		}
		return "!!str", true
	}
	return "", false
}

// dateTag resolves a plain scalar of digits, '-' and '/' beginning with
// a digit and holding one of the others, as yaml.v3 does: a timestamp
// when it is a date written year-month-day, else a string, as no number
// has those characters.
func dateTag(s string) string {
	if len(s) > 4 && s[4] == '-' && strings.Trim(s[:4], "0123456789") == "" {
		if _, err := time.Parse("2006-1-2", s); err == nil {
			return "!!timestamp"
		}
	}
	return "!!str"
}

func skipSpaces(s string, i, end int) int {
	for i < end && s[i] == ' ' {
		i++
	}
	return i
}

func onlySpaces(s string) bool { return strings.Trim(s, " ") == "" }
