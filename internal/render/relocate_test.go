package render

import (
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/site"
)

func TestRelocate(t *testing.T) {
	const m = site.RootMarker
	pages := []string{
		"",
		"no marker at all",
		m,
		m + m,
		m + "index.html",
		`<a href="` + m + `a.html">a</a> <a href="` + m + `b/c.html">` + m + `</a>`,
		"@@root@@ is not the marker without its slash: @@root@@" + m + "x",
	}
	roots := []string{"", "../", "../../", "../../../", "../../../../", "/base/path/of/the/site/"}
	for _, page := range pages {
		for _, root := range roots {
			want := strings.ReplaceAll(page, m, root)
			if got := string(relocate([]byte(page), root)); got != want {
				t.Errorf("relocate(%q, %q) = %q, want %q", page, root, got, want)
			}
		}
	}
}
