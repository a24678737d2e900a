package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
)

// TestNewLoads checks that a scaffolded file is valid YAML with only the
// schema's keys: loading it reports missing required values and nothing
// else, and uncommenting every optional line still names only known keys.
func TestNewLoads(t *testing.T) {
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			p, err := New(dir, kind, "example-id")
			if err != nil {
				t.Fatal(err)
			}
			var diags diag.List
			if _, err := content.LoadCached(os.DirFS(dir), "content", nil, &diags); err != nil {
				t.Fatal(err)
			}
			for _, d := range diags.Items() {
				if !strings.HasPrefix(filepath.Base(d.Pos.File), "example-id") {
					continue
				}
				if !strings.Contains(d.Message, "missing required key") {
					t.Errorf("unexpected diagnostic: %v", d)
				}
			}
			raw, _ := os.ReadFile(p)
			var lines []string
			for _, l := range strings.Split(string(raw), "\n") {
				if rest, ok := strings.CutPrefix(l, "# "); ok && keyLine.MatchString(rest) {
					l = rest
				}
				lines = append(lines, l)
			}
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			diags = diag.List{}
			if _, err := content.LoadCached(os.DirFS(dir), "content", nil, &diags); err != nil {
				t.Fatal(err)
			}
			for _, d := range diags.Items() {
				if strings.Contains(d.Message, "unknown key") || strings.Contains(d.Message, "invalid YAML") {
					t.Errorf("uncommented scaffold: %v\n%s", d, strings.Join(lines, "\n"))
				}
			}
		})
	}
}

var keyLine = regexp.MustCompile(`^ *(- )?[a-z_]+:`)

func TestNewRefusesOverwriteAndBadInput(t *testing.T) {
	dir := t.TempDir()
	if _, err := New(dir, "person", "kim-il-sung"); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ kind, id, want string }{
		{"person", "kim-il-sung", "already exists"},
		{"telegram", "x", "unknown kind"},
		{"document", "Bad Id", "not URL-safe"},
		{"document", "../escape", "not URL-safe"},
	}
	for _, tt := range tests {
		_, err := New(dir, tt.kind, tt.id)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%q, %q) error = %v, want it to mention %q", tt.kind, tt.id, err, tt.want)
		}
	}
}
