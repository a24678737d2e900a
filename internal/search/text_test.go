package search

import "testing"

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
