package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// phone sets a 390 px wide mobile viewport.
var phone = chromedp.EmulateViewport(390, 900, chromedp.EmulateMobile, chromedp.EmulatePortrait)

// testPrevNext walks a document and a note forward and back through the
// visible previous/next links, and checks that the head's rel links name
// the same pages.
func (e *edition) testPrevNext(t *testing.T) {
	tb := newTab(t, e.browser)
	for _, start := range []string{roshchin, "notes/24.html"} {
		tb.do(t, "loading "+start, chromedp.Navigate(e.url(start)))
		headNext := eval[string](t, tb, "reading link[rel=next]", `document.querySelector('link[rel="next"]')?.href ?? ""`)
		if headNext == "" {
			t.Errorf("%s: no <link rel=\"next\">", start)
			continue
		}
		follow(t, tb, `.prevnext a[rel="next"]`)
		if loc := location(t, tb); loc != headNext {
			t.Errorf("%s: the visible next link led to %s, the head's to %s", start, loc, headNext)
		}
		headPrev := eval[string](t, tb, "reading link[rel=prev]", `document.querySelector('link[rel="prev"]')?.href ?? ""`)
		if headPrev != e.url(start) {
			t.Errorf("%s: the next page's <link rel=\"prev\"> is %q, want %q", start, headPrev, e.url(start))
		}
		follow(t, tb, `.prevnext a[rel="prev"]`)
		if loc := location(t, tb); loc != e.url(start) {
			t.Errorf("%s: previous from the next page led to %s", start, loc)
		}
	}
	tb.expectClean(t, "previous/next")
}

// testNavigation checks, on a phone, that the main navigation wraps
// inside the viewport, marks the right section and that breadcrumbs are
// links.
func (e *edition) testNavigation(t *testing.T) {
	tb := newTab(t, e.browser)
	tb.do(t, "setting a phone viewport", phone)
	for _, c := range []struct{ page, current, crumb string }{
		{"conflicts/may-1950-telegram-sender.html", "Conflicts", "conflicts/index.html"},
		{"network.html", "Network", ""},
		{"glossary.html", "More", "more.html"},
		{roshchin, "Documents", "documents/index.html"},
		{"notes/24.html", "Essay & notes", "essay/index.html"},
	} {
		tb.do(t, "loading "+c.page, chromedp.Navigate(e.url(c.page)))
		type state struct {
			Current   []string `json:"current"`
			Outside   []string `json:"outside"`
			PageWider bool     `json:"pageWider"`
			Crumbs    []string `json:"crumbs"`
		}
		s := eval[state](t, tb, "reading the navigation", `(() => {
			const nav = document.querySelector('nav[aria-label="Main"]');
			return {
				current: [...nav.querySelectorAll('[aria-current]')].map(a => a.textContent),
				outside: [...nav.querySelectorAll('a')].filter(a => a.getBoundingClientRect().right > innerWidth).map(a => a.textContent),
				pageWider: document.documentElement.scrollWidth > innerWidth,
				crumbs: [...document.querySelectorAll('nav.crumbs li')].map(li => li.querySelector('a[href]')?.getAttribute('href') ?? "not a link: " + li.textContent),
			};
		})()`)
		if len(s.Current) != 1 || s.Current[0] != c.current {
			t.Errorf("%s: the navigation marks %v, want [%s]", c.page, s.Current, c.current)
		}
		if len(s.Outside) > 0 || s.PageWider {
			t.Errorf("%s at 390 px: navigation links %v run past the viewport (page wider than the viewport: %v)", c.page, s.Outside, s.PageWider)
		}
		if c.crumb != "" && (len(s.Crumbs) == 0 || !strings.HasSuffix(s.Crumbs[0], c.crumb)) {
			t.Errorf("%s: breadcrumbs %v, want a first link to %s", c.page, s.Crumbs, c.crumb)
		}
		for _, cr := range s.Crumbs {
			if strings.HasPrefix(cr, "not a link") {
				t.Errorf("%s: breadcrumb %s", c.page, cr)
			}
		}
	}
	tb.expectClean(t, "navigation")
}

// figureState is what testFigures measures of a figure in the browser.
type figureState struct {
	Rendered    float64  `json:"rendered"`    // width of the svg on screen, px
	MinFont     float64  `json:"minFont"`     // smallest text as rendered, px
	Scrolls     bool     `json:"scrolls"`     // its box scrolls sideways
	PageWider   bool     `json:"pageWider"`   // the page itself scrolls sideways
	Outside     []string `json:"outside"`     // texts whose real extent leaves the viewBox
	MinMark     float64  `json:"minMark"`     // narrowest mark (timeline), px
	KeyMismatch []string `json:"keyMismatch"` // key entries whose colour differs from the marks'
}

const measureFigure = `(sel => {
	const svg = document.querySelector(sel);
	const r = svg.getBoundingClientRect();
	const vb = svg.viewBox.baseVal;
	const scale = r.width / vb.width;
	const texts = [...svg.querySelectorAll('text')];
	const outside = texts.filter(t => { const b = t.getBBox(); return b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width || b.y + b.height > vb.y + vb.height; }).map(t => t.textContent);
	const marks = [...svg.querySelectorAll('a rect')].map(m => m.getBoundingClientRect().width);
	const mismatch = [];
	for (const k of svg.querySelectorAll('.legend rect')) {
		const m = [...svg.querySelectorAll('a rect')].find(m => m.getAttribute('class') === k.getAttribute('class'));
		if (!m) continue;
		const ks = getComputedStyle(k), ms = getComputedStyle(m);
		if (ks.fill !== ms.fill || ks.fillOpacity !== ms.fillOpacity || ks.stroke !== ms.stroke) mismatch.push(k.getAttribute('class') + ': key ' + ks.fill + ' ' + ks.fillOpacity + ', mark ' + ms.fill + ' ' + ms.fillOpacity);
	}
	const box = svg.closest('.figure-scroll');
	return {
		rendered: r.width,
		minFont: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize))) * scale,
		scrolls: box !== null && box.scrollWidth > box.clientWidth,
		pageWider: document.documentElement.scrollWidth > innerWidth,
		outside: outside,
		minMark: marks.length ? Math.min(...marks) : 0,
		keyMismatch: mismatch,
	};
})`

// testFigures measures the timeline and network figures on a phone in
// both colour schemes, and on a laptop: text at least 11 px, every label
// inside the figure, the figure (not the page) scrolling sideways, and the
// timeline's key in the colours of its marks.
func (e *edition) testFigures(t *testing.T) {
	tb := newTab(t, e.browser)
	for _, w := range []int64{390, 1280} {
		var opts []chromedp.EmulateViewportOption
		if w < 600 {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulatePortrait)
		}
		tb.do(t, fmt.Sprintf("setting the viewport to %d px", w), chromedp.EmulateViewport(w, 900, opts...))
		for _, scheme := range []string{"light", "dark"} {
			tb.do(t, "emulating "+scheme, colorScheme(scheme))
			for _, f := range []struct{ page, sel string }{
				{"timeline/index.html", ".figure-timeline"},
				{"network.html", ".figure-network"},
			} {
				where := fmt.Sprintf("%s at %d px, %s", f.page, w, scheme)
				tb.do(t, "loading "+f.page, chromedp.Navigate(e.url(f.page)))
				s := eval[figureState](t, tb, "measuring "+f.sel, measureFigure+`("`+f.sel+`")`)
				if s.MinFont < 11 {
					t.Errorf("%s: smallest text renders at %.1f px", where, s.MinFont)
				}
				if len(s.Outside) > 0 {
					t.Errorf("%s: labels leave the figure: %v", where, s.Outside)
				}
				if s.PageWider {
					t.Errorf("%s: the page scrolls sideways, not just the figure", where)
				}
				if w < 600 && !s.Scrolls {
					t.Errorf("%s: the figure is squeezed to %.0f px instead of scrolling", where, s.Rendered)
				}
				if f.sel == ".figure-timeline" && s.MinMark < 8 {
					t.Errorf("%s: marks are %.1f px wide", where, s.MinMark)
				}
				if len(s.KeyMismatch) > 0 {
					t.Errorf("%s: the key contradicts the marks: %v", where, s.KeyMismatch)
				}
			}
		}
	}
	tb.do(t, "back to the light scheme", colorScheme("light"))
	tb.expectClean(t, "figures")
}
