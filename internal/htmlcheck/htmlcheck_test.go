package htmlcheck

import "testing"

func TestLiveScripts(t *testing.T) {
	tests := []struct {
		page      string
		rootPaths bool
		live      bool
	}{
		{`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="assets/site.js"></script>`, false, false},
		{`<script type="application/ld+json">{"name":"a \u003cscript\u003e"}</script>`, false, false},
		{`<p>x</p><script>alert(1)</script>`, false, true},
		{`<script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script>`, false, true},
		{`<script src="https://evil.example/x.js"></script>`, false, true},
		{`<script src="//evil.example/x.js"></script>`, true, true},
		{`<script src="assets/site.js">alert(1)</script>`, false, true},
		{`<div onclick="alert(1)">x</div>`, false, true},
		{`<SCRIPT>alert(1)</SCRIPT>`, false, true},
		{`<a href=" JavaScript:alert(1)">x</a>`, false, true},
		{`<script src="/t/assets/site.js"></script>`, false, true},
		{`<script src="/t/assets/site.js"></script>`, true, false},
	}
	for _, tt := range tests {
		if got := LiveScripts([]byte(tt.page), tt.rootPaths); (len(got) > 0) != tt.live {
			t.Errorf("LiveScripts(%q, %v) = %q, want live %v", tt.page, tt.rootPaths, got, tt.live)
		}
	}
}
