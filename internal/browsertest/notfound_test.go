package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// fallbackShown says whether the 404 page shows its fallback, the
// guidance that the stylesheet hides where it loads.
const fallbackShown = `getComputedStyle(document.querySelector(".notfound-fallback")).display !== "none"`

// testNotFoundFallback reads the 404 page where its stylesheet cannot
// load (opened from disk, its links start from the base URL's path): it
// must say where the edition is and link to index.html beside it. Served
// deep in the site, where the stylesheet loads, the fallback is hidden.
func (e *edition) testNotFoundFallback(t *testing.T) {
	tb := newTab(t, e.browser)
	tb.do(t, "opening the 404 page from disk", chromedp.Navigate(e.fileURL("404.html")))
	tb.takeProblems(t) // its stylesheet and script are expected to fail here
	if !eval[bool](t, tb, "reading the fallback", fallbackShown) {
		t.Fatalf("the 404 page opened from disk hides its fallback guidance")
	}
	follow(t, tb, `.notfound-fallback a[href="index.html"]`)
	if loc, want := location(t, tb), e.fileURL("index.html"); loc != want {
		t.Errorf("the fallback's index.html link led to %s, want %s", loc, want)
	}
	// The 404 page's own favicon may fail late, outside the site's folder;
	// what the home page loads from the folder must not.
	for _, p := range tb.takeProblems(t) {
		if !strings.Contains(p, "file://") || strings.Contains(p, e.fileURL("")) {
			t.Errorf("the home page reached from the 404 page on disk: %s", p)
		}
	}

	missing := e.url("documents/no-such-document.html")
	tb.do(t, "loading "+missing, chromedp.Navigate(missing))
	tb.takeProblems(t) // testNotFoundServed checks this page's requests
	if eval[bool](t, tb, "reading the fallback", fallbackShown) {
		t.Errorf("the 404 page served at %s shows the fallback meant for a page without its stylesheet", missing)
	}
}
