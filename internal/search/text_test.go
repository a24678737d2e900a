package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p id="p-1">An urgent telegram<sup class="fnref"><a id="fnref-x" href="#fn-x">1</a></sup> to <a class="xref" href="@@root@@/persons/stalin.html">Joseph Stalin</a>. <a class="pilcrow" href="#p-1" aria-label="Link">¶</a></p>`,
			"An urgent telegram to Joseph Stalin."},
		{"<p>One</p><p>Two</p>", "One Two"},
		{"<p><em>Shifr</em>telgramma, Stalin&rsquo;s &amp; Mao&#39;s</p>", "Shifrtelgramma, Stalin’s & Mao's"},
		{`<li><p>Note. <a href="#fnref-a" class="backref" role="doc-backlink">↩︎</a></p></li>`, "Note."},
		{`<sup class="fnref"><sup>nested</sup> still</sup>after`, "after"},
		{"a < b and c > d", "a < b and c > d"},
		{"unclosed <tag", "unclosed <tag"},
		{`<span class="pilcrow">never closed`, ""},
		{"<!-- comment --><br/>x<br>y", "x y"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short text", 20, "short text"},
		{"one two three four five", 12, "one two…"},
		{"Vyšinskii Vyšinskii", 12, "Vyšinskii…"},
		{"abcdefghij", 4, "abcd…"},
	}
	for _, tt := range tests {
		if got := Snippet(tt.in, tt.n); got != tt.want {
			t.Errorf("Snippet(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// inList reports whether word is one of the space-separated words of
// list, as the lists isStopWord, isBlock and isSkipClass stand for.
func inList(list, word string) bool {
	for w := range strings.FieldsSeq(list) {
		if w == word {
			return true
		}
	}
	return false
}

// TestBlockTagsAgree checks that isBlock accepts exactly the tags of
// blockTags.
func TestBlockTagsAgree(t *testing.T) {
	for _, name := range strings.Fields(blockTags) {
		if !isBlock(name) {
			t.Errorf("isBlock(%q) = false, but it is in blockTags", name)
		}
		for _, c := range []string{name[:len(name)-1], name + "x", "x" + name, strings.ToUpper(name)} {
			if isBlock(c) != inList(blockTags, c) {
				t.Errorf("isBlock(%q) = %v, want %v", c, isBlock(c), inList(blockTags, c))
			}
		}
	}
}

// TestSkipClassesAgree checks that isSkipClass accepts exactly the
// classes of skipClasses.
func TestSkipClassesAgree(t *testing.T) {
	for _, class := range strings.Fields(skipClasses) {
		for _, c := range []string{class, class[:len(class)-1], class + "x", "x" + class, strings.ToUpper(class)} {
			if isSkipClass(c) != inList(skipClasses, c) {
				t.Errorf("isSkipClass(%q) = %v, want %v", c, isSkipClass(c), inList(skipClasses, c))
			}
		}
	}
}

// TestSpaceCollapser checks spaceCollapser against strings.Fields, which
// PlainText used to join, with the text written whole and in pieces cut
// before an ASCII byte, as PlainText cuts it at tags.
func TestSpaceCollapser(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "  a  b\t\nc  ", "a\u00a0b\u2003 c\u0085", "\u3000x\u3000", "\xffa \xfe\xff  b\xe2\x80",
		"…a—b  ¶", "x\v\f\ry", "a b  c \x00 d\x01e \x7f", " lead", "trail ", "a \u00e9 b", "é é",
	} {
		want := strings.Join(strings.Fields(s), " ")
		for cut := range len(s) + 1 {
			if cut < len(s) && s[cut] >= utf8.RuneSelf {
				continue
			}
			var c spaceCollapser
			c.write(s[:cut])
			c.write(s[cut:])
			if got := c.b.String(); got != want {
				t.Errorf("spaceCollapser of %q and %q = %q, want %q", s[:cut], s[cut:], got, want)
			}
		}
	}
}

// TestTagStart checks tagStart against a scan of every byte.
func TestTagStart(t *testing.T) {
	scan := func(s string) int {
		for i := 0; i < len(s)-1; i++ {
			if c := s[i+1]; s[i] == '<' && (c == '/' || c == '!' || c == '?' || c|0x20 >= 'a' && c|0x20 <= 'z') {
				return i
			}
		}
		return -1
	}
	for _, s := range []string{"", "<", "a<", "<a", "< <<b", "x < y <= z </p>", "<1<!--", "<<?x", "<<"} {
		if got, want := tagStart(s), scan(s); got != want {
			t.Errorf("tagStart(%q) = %d, want %d", s, got, want)
		}
	}
}
