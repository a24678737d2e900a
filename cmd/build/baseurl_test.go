package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBaseURL checks -base-url: it replaces site.yaml's base_url in the
// built pages and citation files, a bad URL is a usage error, and a
// placeholder host warns (and fails -strict) wherever it comes from.
func TestBaseURL(t *testing.T) {
	const placeholder = "content/site.yaml:2:11: warning: base_url https://example.org/placeholder/ has the placeholder host example.org: every citation, feed and meta tag would point there; pass the published address with -base-url https://…"
	tests := []struct {
		name     string
		site     string // base_url in site.yaml
		args     []string
		wantCode int
		want     []string // stderr lines
		wantURL  string   // in the built citations, "" when nothing is built
	}{
		{"relative in site.yaml", "example.org/x", nil, 1, []string{
			`content/site.yaml:2:11: error: base_url: base URL "example.org/x" is not an absolute http:// or https:// URL`,
			"1 error, 0 warnings; nothing was written"}, ""},
		{"placeholder in site.yaml", "", nil, 0, []string{placeholder}, "https://example.org/placeholder/"},
		{"placeholder, strict", "", []string{"-strict"}, 1, []string{placeholder, "0 errors, 1 warning; nothing was written"}, ""},
		{"flag replaces it", "", []string{"-strict", "-base-url", "https://owner.github.io/edition"}, 0, nil, "https://owner.github.io/edition/"},
		{"flag with a placeholder", "", []string{"-base-url", "http://localhost:1313"}, 0,
			[]string{"-base-url: warning: base_url http://localhost:1313/ has the placeholder host localhost: every citation, feed and meta tag would point there; pass the published address with -base-url https://…"},
			"http://localhost:1313/"},
		{"relative flag", "", []string{"-base-url", "owner.github.io/edition"}, 2,
			[]string{`build: -base-url: base URL "owner.github.io/edition" is not an absolute http:// or https:// URL`}, ""},
		{"flag with a query", "", []string{"-base-url", "https://h/x?y"}, 2,
			[]string{`build: -base-url: base URL "https://h/x?y" has a query or fragment; it must be the site's folder`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := setup(t, "bom-crlf")
			site, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			base := tt.site
			if base == "" {
				base = "https://example.org/placeholder"
			}
			site = append([]byte("title: Test Edition\nbase_url: "+base+"\n"), site[len("title: Test Edition\n"):]...)
			write(t, filepath.Join(root, "content", "site.yaml"), site)
			code, _, stderr := runBuild(t, root, tt.args...)
			if code != tt.wantCode || !slices.Equal(lines(stderr), tt.want) {
				t.Fatalf("build %q = exit %d, stderr\n%s\nwant exit %d, stderr\n%s", tt.args, code, stderr, tt.wantCode, strings.Join(tt.want, "\n"))
			}
			if tt.wantURL == "" {
				return
			}
			bib, err := os.ReadFile(filepath.Join(root, "out", "data", "citations.bib"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(bib), "url = {"+tt.wantURL+"documents/") {
				t.Errorf("citations.bib does not build on %s:\n%.600s", tt.wantURL, bib)
			}
			for _, other := range []string{"https://example.org/placeholder/", "https://owner.github.io/edition/", "http://localhost:1313/"} {
				if other != tt.wantURL && strings.Contains(string(bib), other) {
					t.Errorf("citations.bib still names %s", other)
				}
			}
		})
	}
}
