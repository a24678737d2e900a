package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// testPages loads one page of every type: it must load with no console
// error, exception or failed request, and axe-core must find no WCAG 2.1
// A or AA violation. The stylesheet has a dark scheme too, so the colour
// rules run again with prefers-color-scheme: dark.
func (e *edition) testPages(t *testing.T) {
	for _, p := range e.pages(t) {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t, e.browser) // a tab of its own, so no event of another page lands here
			tb.do(t, "loading "+p.path, chromedp.Navigate(e.url(p.path)))
			tb.expectClean(t, p.path)
			for _, v := range e.runAxe(t, tb, p.path, axeWCAG) {
				t.Errorf("%s: %s", p.path, v)
			}
			tb.do(t, "switching to the dark scheme", colorScheme("dark"))
			for _, v := range e.runAxe(t, tb, p.path+" (dark scheme)", axeColours) {
				t.Errorf("%s in the dark scheme: %s", p.path, v)
			}
		})
	}
	t.Run("notfound-served", e.testNotFoundServed)
}

// testNotFoundServed asks the server for a page that does not exist,
// deep in the site: the 404 page it gets must load its stylesheets and
// scripts from there too.
func (e *edition) testNotFoundServed(t *testing.T) {
	missing := e.url("documents/no-such-document.html")
	tb := newTab(t, e.browser)
	tb.do(t, "loading "+missing, chromedp.Navigate(missing))
	for _, p := range tb.takeProblems(t) {
		if !strings.Contains(p, missing) { // its own 404 is expected
			t.Errorf("the 404 page at %s: %s", missing, p)
		}
	}
	if h1 := eval[string](t, tb, "reading the heading", `document.querySelector("h1").textContent`); h1 != "Page not found" {
		t.Errorf("%s shows %q, want the 404 page", missing, h1)
	}
	if !eval[bool](t, tb, "looking for the stylesheet", `[...document.styleSheets].some(s => /\/assets\/style\.css$/.test(s.href) && s.cssRules.length > 0)`) {
		t.Errorf("the 404 page at %s has not loaded assets/style.css", missing)
	}
}

// colorScheme emulates prefers-color-scheme.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// axeViolation is one rule that failed, with the elements that fail it.
type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// maxNodes is how many failing elements of one rule a report shows.
const maxNodes = 5

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s): %s, %d elements\n    %s", v.ID, v.Impact, v.Help, len(v.Nodes), v.HelpURL)
	for i, n := range v.Nodes {
		if i == maxNodes {
			fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-maxNodes)
			break
		}
		fmt.Fprintf(&b, "\n    at %s\n      %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
	}
	return b.String()
}

// The axe-core options: the WCAG 2.0 and 2.1 A and AA rules, or only
// the rules about colour.
const (
	axeWCAG    = `{runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}`
	axeColours = `{runOnly: {type: "rule", values: ["color-contrast", "link-in-text-block"]}, resultTypes: ["violations"]}`
)

// axeRun runs axe-core with the options and returns the violations in a
// compact form.
const axeRun = `axe.run(document, %s).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
	nodes: v.nodes.map(n => ({target: n.target.map(String).join(" "), html: n.html, summary: n.failureSummary || ""}))})))`

// runAxe injects axe-core into the tab's page, unless it is there, and
// runs it.
func (e *edition) runAxe(t *testing.T, tb *tab, where, options string) []axeViolation {
	t.Helper()
	if !eval[bool](t, tb, "looking for axe-core", `typeof axe === "object"`) {
		eval[chromedp.Void](t, tb, "injecting axe-core into "+where, e.axe)
	}
	return eval[[]axeViolation](t, tb, "running axe-core on "+where, fmt.Sprintf(axeRun, options), chromedp.EvalAwaitPromise)
}
