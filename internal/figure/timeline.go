package figure

import (
	"fmt"
	"strings"
	"time"

	"github.com/korean-war-sources/edition/internal/histdate"
)

// Mark is one dated item on the timeline overview.
type Mark struct {
	Date  histdate.Date
	Title string
	Path  string // site path of the item's page
	Event bool
}

// The overview spans 1945–1950 on a scale that gives each year a width
// in proportion to how much happens in it: the quiet years 1945–1948 are
// narrow, 1949 and 1950 wide, so that the dense months (September 1949,
// January 1950, May 1950) spread out by day instead of piling up.
const (
	firstYear, lastYear = 1945, 1950
	figLeft, figWidth   = 30.0, 920.0
	markStep            = 8.0
	markWidth           = 6.0
)

// yearWidths are the relative widths of the years 1945–1950.
var yearWidths = [...]float64{1, 0.6, 0.6, 0.6, 3, 3}

// xOf places a day on the scale.
func xOf(t time.Time) float64 {
	total := 0.0
	for _, w := range yearWidths {
		total += w
	}
	x := figLeft
	for i, w := range yearWidths {
		span := figWidth * w / total
		if t.Year() == firstYear+i {
			yday := float64(t.YearDay()-1) / 366
			return x + span*yday
		}
		x += span
	}
	return x
}

// TimelineSVG draws the overview. Marks that would overlap stack upward;
// items outside 1945–1950 are left to the list below the figure. Each
// mark is a link with a title, and the figure has a text alternative.
func TimelineSVG(marks []Mark, url func(string) string) string {
	var b strings.Builder
	var in []Mark
	height := map[int]int{}
	tallest := 1
	for _, m := range marks {
		if y := m.Date.Start().Year(); y >= firstYear && y <= lastYear {
			in = append(in, m)
			bin := int(xOf(m.Date.Start()) / (markWidth + 1))
			height[bin]++
			tallest = max(tallest, height[bin])
		}
	}
	baseline := markStep*float64(tallest) + 10
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 980 %.0f" role="group" aria-labelledby="tl-title" aria-describedby="tl-desc" class="figure-timeline">`, baseline+32)
	fmt.Fprintf(&b, `<title id="tl-title">Overview of the timeline, 1945–1950</title><desc id="tl-desc">%d dated documents and events between 1945 and 1950, one mark each; 1949 and 1950 are drawn wider than the quieter years. The list below the figure gives every item in the same order.</desc>`, len(in))
	axis(&b, baseline)
	stack := map[int]int{}
	for _, m := range in {
		t := m.Date.Start()
		bin := int(xOf(t) / (markWidth + 1))
		h := stack[bin]
		stack[bin]++
		class := "doc"
		if m.Event {
			class = "event"
		}
		if m.Date.Precision() != histdate.Day {
			class += " approx"
		}
		fmt.Fprintf(&b, `<a href="%s"><rect class="%s" x="%.1f" y="%.1f" width="%.0f" height="%.0f"><title>%s: %s</title></rect></a>`,
			esc(url(m.Path)), class, float64(bin)*(markWidth+1), baseline-markStep*float64(h+1), markWidth, markStep-1,
			esc(m.Date.Display()), esc(m.Title))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// axis draws the baseline, a labelled tick per year and, in the wide
// years, a small tick per month.
func axis(b *strings.Builder, baseline float64) {
	end := xOf(time.Date(lastYear, 12, 31, 0, 0, 0, 0, time.UTC))
	fmt.Fprintf(b, `<line class="axis" x1="%.0f" y1="%.0f" x2="%.1f" y2="%.0f"/>`, figLeft, baseline, end, baseline)
	for y := firstYear; y <= lastYear; y++ {
		x := xOf(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		fmt.Fprintf(b, `<line class="tick" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/><text x="%.1f" y="%.0f">%d</text>`,
			x, baseline, x, baseline+12, x+2, baseline+26, y)
		if yearWidths[y-firstYear] < 2 {
			continue
		}
		for m := time.February; m <= time.December; m++ {
			xm := xOf(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC))
			fmt.Fprintf(b, `<line class="tick" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/>`, xm, baseline, xm, baseline+5)
			if m%3 == 1 {
				fmt.Fprintf(b, `<text class="month" x="%.1f" y="%.0f">%s</text>`, xm+1, baseline+17, m.String()[:3])
			}
		}
	}
}
