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

// TimelineSVG draws the overview of 1945–1950: a time axis with one
// tick per month and a mark per item. Marks in the same month stack
// upward, so dense months (September 1949, January 1950, May 1950) stay
// readable; items outside the range are left to the list below the
// figure. Each mark is a link with a title.
func TimelineSVG(marks []Mark, url func(string) string) string {
	const (
		first, last = 1945, 1950
		left, width = 40.0, 900.0
		base, step  = 230.0, 9.0
		months      = (last - first + 1) * 12
	)
	x := func(t time.Time) float64 {
		m := (t.Year()-first)*12 + int(t.Month()) - 1
		return left + width*(float64(m)+0.5)/months
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 980 270" role="img" aria-labelledby="tl-title tl-desc" class="figure-timeline">`)
	in := 0
	for _, m := range marks {
		if y := m.Date.Start().Year(); y >= first && y <= last {
			in++
		}
	}
	fmt.Fprintf(&b, `<title id="tl-title">Overview of the timeline, 1945–1950</title><desc id="tl-desc">%d dated documents and events between 1945 and 1950, one mark each, stacked by month; the list below the figure gives every item in the same order.</desc>`, in)
	fmt.Fprintf(&b, `<line class="axis" x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f"/>`, left, base, left+width, base)
	for y := first; y <= last; y++ {
		xx := x(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) - width/months/2
		fmt.Fprintf(&b, `<line class="tick" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/><text x="%.1f" y="%.0f">%d</text>`, xx, base, xx, base+8, xx+2, base+24, y)
	}
	stack := map[int]int{}
	for _, m := range marks {
		t := m.Date.Start()
		if t.Year() < first || t.Year() > last {
			continue
		}
		key := t.Year()*12 + int(t.Month())
		h := stack[key]
		stack[key]++
		class := "doc"
		if m.Event {
			class = "event"
		}
		if m.Date.Precision() == histdate.Year {
			class += " approx"
		}
		fmt.Fprintf(&b, `<a href="%s"><rect class="%s" x="%.1f" y="%.1f" width="10" height="7"><title>%s: %s</title></rect></a>`,
			esc(url(m.Path)), class, x(t)-5, base-step*float64(h+1), esc(m.Date.Display()), esc(m.Title))
	}
	b.WriteString(`</svg>`)
	return b.String()
}
