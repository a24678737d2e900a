package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// screenshotPages are photographed whole at each width, for a person to
// look at: a narrow phone and a laptop.
var (
	screenshotPages = []pageType{
		{"home", "index.html"},
		{"document", roshchin},
		{"conflict", "conflicts/may-1950-telegram-sender.html"},
		{"search", "search.html"},
		{"note", "notes/24.html"},
		{"timeline", "timeline/index.html"},
		{"network", "network.html"},
		{"more", "more.html"},
	}
	screenshotWidths = []int64{390, 1280}
	// screenshotSchemes are the colour schemes; dark shots are named -dark.
	screenshotSchemes = []string{"light", "dark"}
)

// screenshotDir is EDITION_SCREENSHOTS, or testout/screenshots of the
// repository (ignored by git); it is created if missing.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("EDITION_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(repoRoot, "testout", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("creating the screenshot folder: %v", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// testScreenshots writes full-page PNG screenshots; the search page is
// taken with a query typed, to show results.
func (e *edition) testScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	tb := newTab(t, e.browser)
	tb.do(t, "hiding scrollbars, so that a page is as wide as the viewport", hideScrollbars)
	for _, w := range screenshotWidths {
		var opts []chromedp.EmulateViewportOption
		if w < 600 {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulatePortrait)
		}
		tb.do(t, "setting the viewport to "+strconv.FormatInt(w, 10)+" px", chromedp.EmulateViewport(w, 900, opts...))
		for _, scheme := range screenshotSchemes {
			tb.do(t, "emulating the "+scheme+" scheme", colorScheme(scheme))
			suffix := ""
			if scheme != "light" {
				suffix = "-" + scheme
			}
			for _, p := range screenshotPages {
				if p.name == "search" {
					search(t, tb, e.url(p.path), searchCases[0])
				} else {
					tb.do(t, "loading "+p.path, chromedp.Navigate(e.url(p.path)))
				}
				png := run(t, tb, fmt.Sprintf("taking a screenshot of %s at %d px", p.path, w), chromedp.FullScreenshot(100))
				name := filepath.Join(dir, p.name+"-"+strconv.FormatInt(w, 10)+suffix+".png")
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	tb.do(t, "back to the light scheme", colorScheme("light"))
	t.Logf("wrote %d screenshots to %s", len(screenshotWidths)*len(screenshotSchemes)*len(screenshotPages), dir)
	tb.expectClean(t, "screenshot pages")
}

// hideScrollbars keeps a scrollbar from taking width from the page.
var hideScrollbars = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, emulation.SetScrollbarsHidden, emulation.SetScrollbarsHiddenParams{Hidden: true})
	return err
})
