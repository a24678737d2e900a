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

// The overview spans 1945–1950 on two scales, and says so on the figure:
// the quiet years 1945–1948 share one narrow scale, and 1949 and 1950,
// where most documents fall, are drawn wideScale times as wide per year,
// so that the dense months (September 1949, January 1950, May 1950)
// spread out by week instead of piling up. An axis break and a shaded,
// labelled band mark where the scale changes.
//
// The figure is drawn for a fixed, readable size: the page shows it at
// its own width (a phone scrolls it sideways), so the units of the
// viewBox are CSS pixels and its text is never smaller than the 11 px of
// the month labels.
const (
	firstYear, lastYear = 1945, 1950
	wideFrom            = 1949 // the first year on the wide scale
	wideScale           = 4
	figLeft, figWidth   = 40.0, 1000.0
	figRight            = 20.0
	markWidth           = 9.0
	markStep            = 11.0 // a mark's height and the gap above it
	binWidth            = markWidth + 2
	marksTop            = 52.0 // below the legend and the scale note
)

// yearWidth is the relative width of a year on the scale.
func yearWidth(y int) float64 {
	if y >= wideFrom {
		return wideScale
	}
	return 1
}

// xOf places a day on the scale.
func xOf(t time.Time) float64 {
	total := 0.0
	for y := firstYear; y <= lastYear; y++ {
		total += yearWidth(y)
	}
	x := figLeft
	for y := firstYear; y <= lastYear; y++ {
		span := figWidth * yearWidth(y) / total
		if t.Year() == y {
			yday := float64(t.YearDay()-1) / 366
			return x + span*yday
		}
		x += span
	}
	return x
}

func yearStart(y int) float64 { return xOf(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) }

// TimelineSVG draws the overview. Marks that would overlap stack upward;
// items outside 1945–1950 are left to the list below the figure. Each
// mark is a link with a title, the figure carries its own key (drawn with
// the marks' classes, so key and marks agree in every colour scheme) and
// a text alternative.
func TimelineSVG(marks []Mark, url func(string) string) string {
	var b strings.Builder
	var in []Mark
	height := map[int]int{}
	tallest := 1
	for _, m := range marks {
		if y := m.Date.Start().Year(); y >= firstYear && y <= lastYear {
			in = append(in, m)
			bin := int(xOf(m.Date.Start()) / binWidth)
			height[bin]++
			tallest = max(tallest, height[bin])
		}
	}
	baseline := marksTop + markStep*float64(tallest) + 4
	width := figLeft + figWidth + figRight
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="group" aria-labelledby="tl-title" aria-describedby="tl-desc" class="figure-timeline">`,
		width, baseline+44, width, baseline+44)
	fmt.Fprintf(&b, `<title id="tl-title">Overview of the timeline, 1945–1950</title><desc id="tl-desc">%d dated documents and events between 1945 and 1950, one mark each. The scale changes at 1949: 1949 and 1950 are drawn %d times as wide per year as 1945–1948. The list below the figure gives every item in the same order.</desc>`, len(in), wideScale)
	legend(&b)
	scaleNote(&b, baseline)
	axis(&b, baseline)
	stack := map[int]int{}
	for _, m := range in {
		t := m.Date.Start()
		bin := int(xOf(t) / binWidth)
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
			esc(url(m.Path)), class, float64(bin)*binWidth, baseline-markStep*float64(h+1), markWidth, markStep-2,
			esc(m.Date.Display()), esc(m.Title))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// legend is the figure's key, drawn with the classes of the marks.
func legend(b *strings.Builder) {
	b.WriteString(`<g class="legend">`)
	x := figLeft
	for _, k := range []struct{ class, label string }{
		{"doc", "Document"}, {"event", "Event"}, {"doc approx", "Dated to the month or year only"},
	} {
		fmt.Fprintf(b, `<rect class="%s" x="%.0f" y="6" width="%.0f" height="%.0f"/><text x="%.0f" y="15">%s</text>`,
			k.class, x, markWidth, markStep-2, x+markWidth+5, k.label)
		x += markWidth + 5 + 8*float64(len(k.label)) + 24
	}
	b.WriteString(`</g>`)
}

// scaleNote shades the years on the wide scale, labels the band and
// breaks the axis where the scale changes.
func scaleNote(b *strings.Builder, baseline float64) {
	x0 := yearStart(wideFrom)
	x1 := xOf(time.Date(lastYear, 12, 31, 0, 0, 0, 0, time.UTC))
	fmt.Fprintf(b, `<rect class="wide-band" x="%.1f" y="26" width="%.1f" height="%.0f"/>`, x0, x1-x0, baseline-26)
	fmt.Fprintf(b, `<text class="scale-note" x="%.1f" y="42">Scale changes: %d–%d drawn %d× as wide per year as %d–%d</text>`,
		x0+6, wideFrom, lastYear, wideScale, firstYear, wideFrom-1)
	// The break: two short slanted strokes across the axis.
	for _, dx := range []float64{-5, -1} {
		fmt.Fprintf(b, `<line class="break" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/>`, x0+dx-2, baseline+5, x0+dx+2, baseline-5)
	}
}

// axis draws the baseline, a labelled tick per year and, in the wide
// years, a tick per month, labelled every quarter.
func axis(b *strings.Builder, baseline float64) {
	end := xOf(time.Date(lastYear, 12, 31, 0, 0, 0, 0, time.UTC))
	fmt.Fprintf(b, `<line class="axis" x1="%.0f" y1="%.0f" x2="%.1f" y2="%.0f"/>`, figLeft, baseline, end, baseline)
	for y := firstYear; y <= lastYear; y++ {
		x := yearStart(y)
		fmt.Fprintf(b, `<line class="tick" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/><text class="year" x="%.1f" y="%.0f">%d</text>`,
			x, baseline, x, baseline+26, x+3, baseline+38, y)
		if y < wideFrom {
			continue
		}
		for m := time.February; m <= time.December; m++ {
			xm := xOf(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC))
			fmt.Fprintf(b, `<line class="tick" x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f"/>`, xm, baseline, xm, baseline+6)
			if m%3 == 1 {
				fmt.Fprintf(b, `<text class="month" x="%.1f" y="%.0f">%s</text>`, xm+2, baseline+18, m.String()[:3])
			}
		}
	}
}
