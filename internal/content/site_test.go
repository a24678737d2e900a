package content

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/diag"
)

// TestRealSiteConfig holds the edition's site.yaml to what every
// citation needs: a corporate name for the editors that a catalogue can
// record (not a phrase such as "the editorial team"), a version and
// release date matching the changelog, and the article's printed
// reference.
func TestRealSiteConfig(t *testing.T) {
	var diags diag.List
	ed, err := LoadCached(os.DirFS("../../content"), "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	st := ed.Site
	if st.Editors == "" || strings.HasPrefix(strings.ToLower(st.Editors), "the ") || strings.Contains(st.Editors, "team") {
		t.Errorf("editors %q is not a corporate name a catalogue can record", st.Editors)
	}
	if st.Version == "" || st.Released.IsZero() || len(st.Releases) == 0 {
		t.Errorf("site.yaml lacks version, released or releases")
	}
	a := st.Article
	if a.Journal == "" || a.Volume == "" || a.Issue == "" || a.Year == "" || a.Pages == "" {
		t.Errorf("the article's printed reference is incomplete: %+v", a)
	}
}

func TestValidateReleases(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"consistent", "version: '1.1'\nreleased: 2026-12-06\nreleases:\n  - {version: '1.1', date: 2026-12-06, changes: [x]}\n", nil},
		{"no changelog", "version: '1.1'\nreleased: 2026-12-06\n", []string{"content/site.yaml:1:1: error: version and released need releases: the changelog, newest release first"}},
		{"wrong version", "version: '1.2'\nreleased: 2026-12-06\nreleases:\n  - {version: '1.1', date: 2026-12-06, changes: [x]}\n",
			[]string{`content/site.yaml:4:10: error: version "1.2" is not the version of the newest release, "1.1" (the first entry of releases)`}},
		{"wrong date", "version: '1.1'\nreleased: 2026-12-07\nreleases:\n  - {version: '1.1', date: 2026-12-06, changes: [x]}\n",
			[]string{`content/site.yaml:5:11: error: released 2026-12-07 is not the date of the newest release, 2026-12-06 (the first entry of releases)`}},
		{"month only", "version: '1.0'\nreleased: 2026-12\nreleases:\n  - {version: '1.0', date: 2026-12, changes: [x]}\n",
			[]string{`content/site.yaml:7:5: error: release 1.0: date must be one day, YYYY-MM-DD`}},
	}
	for _, tt := range tests {
		var diags diag.List
		_, err := LoadCached(fstest.MapFS{"site.yaml": file("title: T\narticle: {author: A, title: B}\neditors: E\n" + tt.yaml)}, "content", nil, &diags)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Split(strings.TrimSpace(diags.String()), "\n")
		if len(tt.want) == 0 && diags.String() == "" {
			continue
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: diagnostics\n%s\nwant\n%s", tt.name, diags.String(), strings.Join(tt.want, "\n"))
		}
	}
}
