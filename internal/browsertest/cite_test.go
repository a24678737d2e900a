package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// may14 is the telegram of 14 May 1950, whose archival reference notes 1
// and 77 print differently.
const may14 = "documents/1950-05-14-stalin-to-mao.html"

// testCiteBox checks the "Cite this page" box of a document with
// JavaScript: a copy button for the citation and for each format, each
// format under its own heading, the CSL-JSON parses, and the original
// is quoted as each note prints it, note 1 and note 77 apart.
func (e *edition) testCiteBox(t *testing.T) {
	tb := newTab(t, e.browser)
	tb.do(t, "opening "+may14, chromedp.Navigate(e.url(may14)))
	waitFor(t, tb, "the copy buttons", `document.querySelectorAll(".cite button.copy:not([hidden])").length >= 4`,
		`JSON.stringify([...document.querySelectorAll(".cite button.copy")].map(b => [b.textContent, b.hidden]))`)
	got := eval[[]string](t, tb, "reading the cite box", `(() => {
		const out = [];
		for (const b of document.querySelectorAll(".cite button.copy")) {
			const src = document.getElementById(b.dataset.copy);
			const label = src && src.previousElementSibling && src.previousElementSibling.tagName === "H3" ? src.previousElementSibling.textContent : "";
			out.push(b.textContent + " | " + label + " | " + (src ? src.textContent.trim().slice(0, 14) : "missing"));
		}
		JSON.parse(document.getElementById("cite-csl").textContent);
		for (const li of document.querySelectorAll(".citations-original li")) out.push(li.textContent.slice(0, 12));
		return out;
	})()`)
	want := []string{
		"Copy citation |  | “Ciphered tele",
		"Copy BibTeX | BibTeX | @incollection{",
		"Copy RIS | RIS | TY  - CHAP\nID ",
		"Copy CSL-JSON | CSL-JSON | [\n  {\n    \"URL",
		"Note 1: Arkh",
		"Note 77: APR",
	}
	if len(got) != len(want) {
		t.Fatalf("cite box of %s:\n%q\nwant\n%q", may14, got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cite box of %s, item %d: %q, want %q", may14, i, got[i], want[i])
		}
	}
	tb.expectClean(t, may14)
}
