package search

import (
	"html"
	"strings"
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
	var b strings.Builder
	rest := fragment
	for rest != "" {
		lt := tagStart(rest)
		if lt < 0 {
			b.WriteString(html.UnescapeString(rest))
			break
		}
		b.WriteString(html.UnescapeString(rest[:lt]))
		rest = rest[lt:]
		gt := strings.IndexByte(rest, '>')
		if gt < 0 {
			b.WriteString(html.UnescapeString(rest))
			break
		}
		t := parseTag(rest[1:gt])
		rest = rest[gt+1:]
		switch {
		case t.open && !t.selfClosing && skips(t.attrs):
			rest = skipElement(rest, t.name)
		case isBlock(t.name):
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// tagStart returns the index of the first "<" in s that begins a tag, a
// comment or a declaration, or -1.
func tagStart(s string) int {
	for i := 0; i < len(s)-1; i++ {
		if c := s[i+1]; s[i] == '<' && (c == '/' || c == '!' || c == '?' || c|0x20 >= 'a' && c|0x20 <= 'z') {
			return i
		}
	}
	return -1
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
		if inList(skipClasses, c) {
			return true
		}
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

// isBlock reports whether name is one of blockTags.
func isBlock(name string) bool { return inList(blockTags, name) }

// inList reports whether word is one of the space-separated words of list.
func inList(list, word string) bool {
	for w := range strings.FieldsSeq(list) {
		if w == word {
			return true
		}
	}
	return false
}
