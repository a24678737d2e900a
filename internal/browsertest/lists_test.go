package browsertest

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// testArchiveFilterCount filters the archive index, which lists a
// document cited from two leaves of a file once and one cited from two
// files under each: the count must be of documents, out of as many as
// the page says the edition has.
func (e *edition) testArchiveFilterCount(t *testing.T) {
	const page, word = "documents/by-archive.html", "Mao"
	tb := newTab(t, e.browser)
	tb.do(t, "loading "+page, chromedp.Navigate(e.url(page+"?filter="+word)))
	waitFor(t, tb, "the filter's count", `document.querySelector(".filter-count").textContent !== ""`, "")
	type state struct {
		Count  string `json:"count"`
		Shown  int    `json:"shown"`
		Total  int    `json:"total"`
		Stated string `json:"stated"`
	}
	s := eval[state](t, tb, "reading the filtered index", `(() => {
		const hrefs = sel => new Set([...document.querySelectorAll(sel)].map(li => li.querySelector("a").getAttribute("href")));
		return {count: document.querySelector(".filter-count").textContent,
			shown: hrefs(".doc-list li:not([hidden])").size, total: hrefs(".doc-list li").size,
			stated: document.querySelector(".lead").textContent};
	})()`)
	want := strconv.Itoa(s.Shown) + " of " + strconv.Itoa(s.Total) + " shown"
	if s.Count != want {
		t.Errorf("%s filtered for %q: the count reads %q, want %q", page, word, s.Count, want)
	}
	if stated := strconv.Itoa(s.Total) + " primary sources"; len(s.Stated) < len(stated) || s.Stated[:len(stated)] != stated {
		t.Errorf("%s lists %d documents but says %q", page, s.Total, s.Stated)
	}
	tb.expectClean(t, page)
}
