package baseurl

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "https://owner.github.io/korean-war-sources", want: "https://owner.github.io/korean-war-sources/"},
		{in: "https://owner.github.io/korean-war-sources/", want: "https://owner.github.io/korean-war-sources/"},
		{in: "https://owner.github.io/korean-war-sources///", want: "https://owner.github.io/korean-war-sources/"},
		{in: "HTTPS://Edition.Example.ORG", want: "https://edition.example.org/"},
		{in: "  http://sources.test/a/b  ", want: "http://sources.test/a/b/"},
		{in: "https://host:8443/x", want: "https://host:8443/x/"},
		{in: "", bad: true},
		{in: "owner.github.io/korean-war-sources", bad: true},
		{in: "/korean-war-sources/", bad: true},
		{in: "ftp://host/x/", bad: true},
		{in: "https:///x/", bad: true},
		{in: "https://user:pw@host/x/", bad: true},
		{in: "https://host/x/?q=1", bad: true},
		{in: "https://host/x/#top", bad: true},
		{in: "https://host/%zz", bad: true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("Parse(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestPlaceholder(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"https://example.org/korean-war-sources/", true},
		{"https://www.example.com/", true},
		{"https://EXAMPLE.net./x/", true},
		{"http://localhost:1313/", true},
		{"http://127.0.0.1:8080/", true},
		{"http://[::1]/", true},
		{"http://192.168.1.4/", true},
		{"http://0.0.0.0/", true},
		{"https://edition.test/", true},
		{"https://edition.invalid/", true},
		{"https://owner.github.io/korean-war-sources/", false},
		{"https://counterexample.org/", false},
		{"https://example.org.evil.net/", false},
		{"https://93.184.215.14/", false},
	}
	for _, tt := range tests {
		if host, got := Placeholder(tt.in); got != tt.want {
			t.Errorf("Placeholder(%q) = %q, %v; want %v", tt.in, host, got, tt.want)
		}
	}
}

// FuzzParse: no input panics, and what Parse accepts it accepts again
// unchanged, ends in one slash and is absolute http(s).
func FuzzParse(f *testing.F) {
	for _, s := range []string{"https://example.org/x", "http://h", "https://h/a//", "ftp://x", "", "https://[::1]:80/a b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		Placeholder(s)
		if err != nil {
			return
		}
		again, err := Parse(got)
		if err != nil || again != got {
			t.Fatalf("Parse(%q) = %q, but Parse of that = %q, %v", s, got, again, err)
		}
		if !strings.HasSuffix(got, "/") || strings.HasSuffix(got, "//") && !strings.HasSuffix(got, "://") {
			t.Fatalf("Parse(%q) = %q: not one trailing slash", s, got)
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Fatalf("Parse(%q) = %q: not http(s)", s, got)
		}
	})
}
