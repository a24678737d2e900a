package figure

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/histdate"
)

func marks() []Mark {
	return []Mark{
		{Date: histdate.MustParse("1949-09-03"), Title: "Shtykov <to> Vyshinskii & co", Path: "documents/a.html"},
		{Date: histdate.MustParse("1949-09-03"), Title: "Same day", Path: "documents/b.html"},
		{Date: histdate.MustParse("1950-01"), Title: "Month only", Path: "documents/c.html", Event: true},
		{Date: histdate.MustParse("1950-04-08/1950-04-25"), Title: "Kim in Moscow", Path: "timeline/index.html#event-x", Event: true},
		{Date: histdate.MustParse("1904/1905"), Title: "Outside the range", Path: "timeline/index.html#event-y", Event: true},
	}
}

// wellFormed parses svg as XML to the end.
func wellFormed(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("figure is not well-formed XML: %v\n%s", err, svg)
		}
	}
}

func TestTimelineSVG(t *testing.T) {
	url := func(p string) string { return "../" + p }
	svg := TimelineSVG(marks(), url)
	wellFormed(t, svg)
	if again := TimelineSVG(marks(), url); again != svg {
		t.Error("TimelineSVG is not deterministic")
	}
	if got := strings.Count(svg, "<a href="); got != 4 {
		t.Errorf("TimelineSVG drew %d marks, want 4 (the item of 1904 lies outside 1945–1950)", got)
	}
	for _, want := range []string{`<title id="tl-title">`, `<desc id="tl-desc">4 dated`, `href="../documents/a.html"`, "Shtykov &lt;to&gt; Vyshinskii &amp; co", `class="event approx"`,
		// The key is drawn with the marks' classes, and the scale change is said on the figure.
		`<g class="legend"><rect class="doc"`, `<rect class="event"`, `<rect class="doc approx"`,
		`class="scale-note"`, `class="break"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("TimelineSVG lacks %q", want)
		}
	}
}

func TestXOfIsMonotonic(t *testing.T) {
	prev := -1.0
	for _, d := range []string{"1945-01-01", "1945-12-31", "1946-06-01", "1948-12-31", "1949-01-01", "1949-09-03", "1950-01-30", "1950-12-31"} {
		x := xOf(histdate.MustParse(d).Start())
		if x <= prev {
			t.Errorf("xOf(%s) = %.1f, not after the previous date (%.1f)", d, x, prev)
		}
		prev = x
	}
}

// TestTimelineScales checks the two scales the figure announces: the
// years from 1949 are wideScale times as wide as the years before, and
// each scale is the same for every year on it.
func TestTimelineScales(t *testing.T) {
	width := func(y int) float64 { return yearStart(y+1) - yearStart(y) }
	for _, tt := range []struct {
		a, b  int
		ratio float64
	}{{1945, 1948, 1}, {1946, 1947, 1}, {1949, 1950, 1}, {1948, 1949, wideScale}, {1945, 1950, wideScale}} {
		if got := width(tt.b) / width(tt.a); got < tt.ratio-1e-9 || got > tt.ratio+1e-9 {
			t.Errorf("year %d is %.3f times as wide as %d, want %v", tt.b, got, tt.a, tt.ratio)
		}
	}
	svg := TimelineSVG(marks(), func(p string) string { return p })
	if !strings.Contains(svg, "Scale changes: 1949–1950 drawn 4× as wide per year as 1945–1948") {
		t.Error("the figure does not state its change of scale")
	}
}
