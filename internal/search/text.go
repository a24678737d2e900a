package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockTags end a run of text: their content never joins the next word.
const blockTags = "address blockquote br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 " +
	"hr li ol p pre section table td th tr ul"

// skipClasses mark elements whose content is apparatus, not text:
// footnote numbers, paragraph permalinks and footnote back-links.
const skipClasses = "fnref pilcrow backref"

// PlainText returns the text of an HTML fragment as rendered by package
// markdown: tags removed (block elements become spaces), entities decoded,
// footnote marks and permalink symbols left out, white space collapsed.
// It does not need well-formed input and never fails.
func PlainText(fragment string) string {
	var text spaceCollapser
	text.b.Grow(len(fragment))
	rest := fragment
	for rest != "" {
		lt := tagStart(rest)
		if lt < 0 {
			text.write(html.UnescapeString(rest))
			break
		}
		text.write(html.UnescapeString(rest[:lt]))
		rest = rest[lt:]
		gt := strings.IndexByte(rest, '>')
		if gt < 0 {
			text.write(html.UnescapeString(rest))
			break
		}
		t := parseTag(rest[1:gt])
		rest = rest[gt+1:]
		switch {
		case t.open && !t.selfClosing && skips(t.attrs):
			rest = skipElement(rest, t.name)
		case isBlock(t.name):
			text.write(" ")
		}
	}
	return text.b.String()
}

// spaceCollapser gathers text with every run of white space made a single
// space and none at either end, as strings.Join(strings.Fields(text), " ")
// would leave it, without a second pass over the text. Invalid UTF-8 is
// kept as it is.
type spaceCollapser struct {
	b     strings.Builder
	space bool // white space since the last word
}

// write adds s to the text.
func (c *spaceCollapser) write(s string) {
	for s != "" {
		n := plainLen(s)
		if n == 0 {
			r, size := utf8.DecodeRuneInString(s)
			if unicode.IsSpace(r) {
				c.space = true
				s = s[size:]
				continue
			}
			n = size
		}
		if c.space && c.b.Len() > 0 {
			c.b.WriteByte(' ')
		}
		c.space = false
		c.b.WriteString(s[:n])
		s = s[n:]
	}
}

// plainLen returns the length of the run of ASCII that s begins with in
// which white space is only single spaces between other characters: such
// a run, most of most texts, is kept as it is.
func plainLen(s string) int {
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c > ' ' && c < utf8.RuneSelf:
			i++
		case c == ' ' && i > 0 && i+1 < len(s) && s[i+1] > ' ' && s[i+1] < utf8.RuneSelf:
			i += 2
		default:
			return i
		}
	}
	return i
}

// tagStart returns the index of the first "<" in s that begins a tag, a
// comment or a declaration, or -1.
func tagStart(s string) int {
	for i := 0; ; i++ {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 || i+lt+1 >= len(s) {
			return -1
		}
		i += lt
		if c := s[i+1]; c == '/' || c == '!' || c == '?' || c|0x20 >= 'a' && c|0x20 <= 'z' {
			return i
		}
	}
}

// tag is the little PlainText needs to know about a tag.
type tag struct {
	name        string // lowercase, "" for comments and doctypes
	attrs       string
	open        bool
	selfClosing bool
}

// parseTag reads the inside of <…>.
func parseTag(s string) tag {
	var t tag
	if strings.HasPrefix(s, "!") || strings.HasPrefix(s, "?") {
		return t
	}
	s, t.open = strings.CutPrefix(s, "/")
	t.open = !t.open
	s, t.selfClosing = strings.CutSuffix(s, "/")
	name, attrs := s, ""
	if i := strings.IndexAny(s, " \t\n\r\f"); i >= 0 {
		name, attrs = s[:i], s[i+1:]
	}
	t.name, t.attrs = strings.ToLower(name), attrs
	return t
}

// skips reports whether an element with these attributes is apparatus.
func skips(attrs string) bool {
	_, class, ok := strings.Cut(attrs, `class="`)
	if !ok {
		return false
	}
	class, _, _ = strings.Cut(class, `"`)
	for c := range strings.FieldsSeq(class) {
		if isSkipClass(c) {
			return true
		}
	}
	return false
}

// isSkipClass reports whether class is one of skipClasses, by a switch
// rather than a scan of the list; TestSkipClassesAgree keeps the two the
// same.
func isSkipClass(class string) bool {
	switch class {
	case "fnref", "pilcrow", "backref":
		return true
	}
	return false
}

// skipElement returns s after the end tag of an element called name,
// counting nested elements of the same name. Without an end tag the
// element runs to the end of s.
func skipElement(s, name string) string {
	depth := 1
	for depth > 0 {
		lt := tagStart(s)
		if lt < 0 {
			return ""
		}
		s = s[lt:]
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			return ""
		}
		t := parseTag(s[1:gt])
		s = s[gt+1:]
		switch {
		case t.name != name || t.selfClosing:
		case t.open:
			depth++
		default:
			depth--
		}
	}
	return s
}

// isBlock reports whether name is one of blockTags. It is called for
// every tag of every item, so it is a switch rather than a scan of the
// list; TestBlockTagsAgree keeps the two the same.
func isBlock(name string) bool {
	switch name {
	case "address", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section",
		"table", "td", "th", "tr", "ul":
		return true
	}
	return false
}
