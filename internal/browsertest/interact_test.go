package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// roshchin is the 13 May 1950 telegram that Stalin signed "Filippov".
const roshchin = "documents/1950-05-13-roshchin-to-stalin.html"

// reply14May is Stalin's telegram to Mao of 14 May 1950.
const reply14May = "documents/1950-05-14-stalin-to-mao.html"

// searchCase is a query and a JavaScript test of a result's href; with
// first set, the first result must pass it.
type searchCase struct {
	query, want, match string
	first              bool
}

var searchCases = []searchCase{
	{"Filippov", roshchin, `h => h.endsWith("` + roshchin + `")`, false},
	{"stalin", roshchin, `h => h.endsWith("` + roshchin + `")`, false},
	{"shtykov", "a Shtykov document", `h => /documents\/[^\/]*shtykov[^\/]*\.html$/.test(h)`, false},
	// A date in the three forms readers type finds the telegram of that
	// day first, not the notes with a "14" in their leaf numbers.
	{"14 May 1950", "the 14 May 1950 telegram first", `h => h.endsWith("` + reply14May + `")`, true},
	{"May 14, 1950", "the 14 May 1950 telegram first", `h => h.endsWith("` + reply14May + `")`, true},
	{"1950-05-14", "the 14 May 1950 telegram first", `h => h.endsWith("` + reply14May + `")`, true},
}

// search opens the search page at pageURL (served or on disk), types
// the query and waits for the results.
func search(t *testing.T, tb *tab, pageURL string, c searchCase) {
	t.Helper()
	tb.do(t, "opening "+pageURL, chromedp.Navigate(pageURL))
	tb.do(t, "typing "+strconv.Quote(c.query), chromedp.WaitVisible(chromedp.ID("q")), chromedp.SendKeys(chromedp.ID("q"), c.query))
	waitResults(t, tb, c)
}

// waitResults waits until the search page shows the results of the query
// (its status names the query, so they are not those of a shorter one
// still being typed), a result link passes the test and a match is marked.
func waitResults(t *testing.T, tb *tab, c searchCase) {
	t.Helper()
	links := `[...document.querySelectorAll("#search-results a")]`
	if c.first {
		links = `[...document.querySelectorAll("#search-results a")].slice(0, 1)`
	}
	waitFor(t, tb, "search for "+strconv.Quote(c.query)+" to list "+c.want, `(() => {
		const links = `+links+`;
		return document.getElementById("search-status").textContent.includes(`+strconv.Quote(c.query)+`) &&
			links.some(a => (`+c.match+`)(a.getAttribute("href") || "")) &&
			document.querySelector("#search-results mark") !== null;
	})()`, `"status " + JSON.stringify(document.getElementById("search-status").textContent) +
		", results " + JSON.stringify([...document.querySelectorAll("#search-results a")].slice(0, 10).map(a => a.getAttribute("href")))`)
}

// testSearch types real queries (a pseudonym, a name in lower case) on
// the search page, and one into the quick search of another page's header.
func (e *edition) testSearch(t *testing.T) {
	tb := newTab(t, e.browser)
	for _, c := range searchCases {
		search(t, tb, e.url("search.html"), c)
		tb.expectClean(t, "search.html, query "+strconv.Quote(c.query))
	}
	e.testSuggestion(t, tb)
	tb.do(t, "loading "+roshchin, chromedp.Navigate(e.url(roshchin)))
	c := searchCases[2]
	run(t, tb, "submitting the header's quick search", chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.SendKeys(chromedp.ID("q-head"), c.query+"\n")))
	waitResults(t, tb, c)
	tb.expectClean(t, "quick search from "+roshchin)
}

// testSuggestion types a misspelt name: the search offers the right
// spelling, and following the offer searches for it in the same page.
func (e *edition) testSuggestion(t *testing.T, tb *tab) {
	const typed, offered = "Fillipov", "Filippov"
	tb.do(t, "opening search.html", chromedp.Navigate(e.url("search.html")))
	tb.do(t, "typing "+typed, chromedp.WaitVisible(chromedp.ID("q")), chromedp.SendKeys(chromedp.ID("q"), typed))
	waitFor(t, tb, "search for "+typed+" to offer "+offered,
		`(document.getElementById("search-suggestion") || {}).textContent === "`+offered+`" &&
			document.getElementById("search-status").textContent.includes("Did you mean `+offered+`?")`,
		`"status " + JSON.stringify(document.getElementById("search-status").textContent)`)
	eval[bool](t, tb, "marking the page", `(window.stillThisPage = true)`)
	tb.do(t, "following the offer", chromedp.Click(chromedp.ID("search-suggestion")))
	waitResults(t, tb, searchCase{offered, roshchin, `h => h.endsWith("` + roshchin + `")`, false})
	if !eval[bool](t, tb, "checking the page was not reloaded", `window.stillThisPage === true`) {
		t.Errorf("following the offer of %s reloaded the page", offered)
	}
	if q := eval[string](t, tb, "reading the search box", `document.getElementById("q").value`); q != offered {
		t.Errorf("after following the offer the search box reads %q, want %q", q, offered)
	}
	tb.expectClean(t, "search.html, offer for "+strconv.Quote(typed))
}

// pagesOfType lists the pages of a type, sorted.
func (e *edition) pagesOfType(typ string) []string {
	var pages []string
	for path, ty := range e.types {
		if ty == typ {
			pages = append(pages, path)
		}
	}
	slices.Sort(pages)
	return pages
}

// firstPageWith returns the first page of the given type whose HTML
// contains marker, to find an example of a feature in the real content.
func (e *edition) firstPageWith(t *testing.T, typ, marker string) string {
	t.Helper()
	for _, p := range e.pagesOfType(typ) {
		b, err := os.ReadFile(filepath.Join(e.dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), marker) {
			return p
		}
	}
	t.Fatalf("no %s page contains %s", typ, marker)
	return ""
}

// activeID is the id of the element that has keyboard focus.
const activeID = `document.activeElement ? document.activeElement.id : ""`

// focusState describes the address and the focused element.
const focusState = `"address " + location.href + ", focus on <" + document.activeElement.tagName.toLowerCase() +
	(document.activeElement.id ? " id=" + document.activeElement.id : "") + ">"`

// testFootnotes follows a footnote reference and its backlink: each
// moves keyboard focus to the other end.
func (e *edition) testFootnotes(t *testing.T) {
	doc := e.firstPageWith(t, "document", `role="doc-noteref"`)
	tb := newTab(t, e.browser)
	tb.do(t, "loading "+doc, chromedp.Navigate(e.url(doc)))
	ref := eval[string](t, tb, "reading the first footnote reference of "+doc,
		`document.querySelector('a[role="doc-noteref"]').id`)
	note := strings.TrimPrefix(eval[string](t, tb, "reading its href",
		`document.querySelector('a[role="doc-noteref"]').getAttribute("href")`), "#")

	tb.do(t, "clicking footnote reference #"+ref, chromedp.Click(chromedp.CSS(`a[id="`+ref+`"]`)))
	waitFor(t, tb, doc+": focus to move to the footnote #"+note,
		activeID+` === "`+note+`" && document.activeElement.tagName === "LI"`, focusState)

	tb.do(t, "clicking the backlink of footnote #"+note,
		chromedp.Click(chromedp.CSS(`li[id="`+note+`"] a[role="doc-backlink"]`)))
	waitFor(t, tb, doc+": focus to return to the reference #"+ref, activeID+` === "`+ref+`"`, focusState)
	tb.expectClean(t, doc)
}

// pilcrowProblems lists what is wrong with the ¶ links of the headnote
// paragraphs of a document (a JavaScript function of the document).
const pilcrowProblems = `(doc => {
	const out = [];
	const ps = doc.querySelectorAll(".headnote > p");
	if (ps.length === 0) out.push("no headnote paragraphs");
	ps.forEach((p, i) => {
		const where = "headnote paragraph " + (i + 1) + " (" + p.textContent.slice(0, 50) + "…)";
		const a = p.querySelector(":scope > a.pilcrow");
		if (!a) { out.push(where + " has no ¶ link"); return; }
		const href = a.getAttribute("href") || "";
		const target = href.startsWith("#") ? doc.getElementById(decodeURIComponent(href.slice(1))) : null;
		if (a.textContent.trim() !== "¶") out.push(where + ": the link reads " + JSON.stringify(a.textContent));
		if (!target) out.push(where + ": ¶ " + href + " matches no element id");
		else if (target !== p) out.push(where + ": ¶ " + href + " names another element, not its paragraph");
	});
	return out;
})`

// pilcrowsOf fetches pages (relative to the open page) and parses them
// in the browser, to check them all without a navigation each.
const pilcrowsOf = `(async paths => {
	const out = [];
	for (const path of paths) {
		const res = await fetch(path);
		if (!res.ok) { out.push(path + ": HTTP " + res.status); continue; }
		const doc = new DOMParser().parseFromString(await res.text(), "text/html");
		for (const p of ` + pilcrowProblems + `(doc)) out.push(path + ": " + p);
	}
	return out;
})`

// testPilcrows checks the ¶ links of every document's headnote, and that
// following one puts its paragraph in the address and focuses it.
func (e *edition) testPilcrows(t *testing.T) {
	tb := newTab(t, e.browser)
	tb.do(t, "loading "+roshchin, chromedp.Navigate(e.url(roshchin)))
	for _, problem := range eval[[]string](t, tb, "checking ¶ links of "+roshchin, pilcrowProblems+"(document)") {
		t.Errorf("%s: %s", roshchin, problem)
	}
	id := eval[string](t, tb, "reading the first ¶ link", `document.querySelector(".headnote a.pilcrow").getAttribute("href").slice(1)`)
	tb.do(t, "clicking ¶ #"+id, chromedp.Click(chromedp.CSS(`.headnote a.pilcrow`)))
	waitFor(t, tb, roshchin+": ¶ #"+id+" to put the paragraph in the address and focus it",
		`location.hash === "#`+id+`" && `+activeID+` === "`+id+`"`, focusState)
	tb.expectClean(t, "¶ links")

	tb.do(t, "loading index.html", chromedp.Navigate(e.url("index.html")))
	docs, err := json.Marshal(e.pagesOfType("document"))
	if err != nil {
		t.Fatal(err)
	}
	for _, problem := range eval[[]string](t, tb, "checking the ¶ links of every document", pilcrowsOf+"("+string(docs)+")", chromedp.EvalAwaitPromise) {
		t.Error(problem)
	}
}

// filterState says how the timeline filter left the list: how many
// entries show, which shown entries lack the word and which hidden ones
// have it. An entry counts as shown only if it takes up room on screen.
const filterState = `((word) => {
	const fold = s => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
	const items = [...document.querySelectorAll(".timeline li")];
	const r = {total: items.length, shown: 0, wrongShown: [], wrongHidden: [],
		count: document.querySelector(".filter-count").textContent};
	items.forEach(li => {
		const shown = li.getClientRects().length > 0;
		const has = fold(li.textContent + " " + (li.dataset.persons || "")).includes(word);
		if (shown) r.shown++;
		if (shown && !has) r.wrongShown.push(li.id);
		if (!shown && has) r.wrongHidden.push(li.id);
	});
	return r;
})`

// testTimelineFilter types into the filter that JavaScript reveals above
// the timeline: the entries without the word must disappear.
// The word is typed capitalised and compared folded, as the filter does.
func (e *edition) testTimelineFilter(t *testing.T) {
	const tl, typed, word = "timeline/index.html", "Shtykov", "shtykov"
	tb := newTab(t, e.browser)
	tb.do(t, "loading "+tl, chromedp.Navigate(e.url(tl)))
	tb.do(t, "waiting for the filter to be revealed", chromedp.WaitVisible(chromedp.ID("filter")))
	tb.do(t, "typing "+typed, chromedp.SendKeys(chromedp.ID("filter"), typed))
	waitFor(t, tb, "the filter to hide entries", `document.querySelector(".timeline li[hidden]") !== null`, "")
	type state struct {
		Total       int      `json:"total"`
		Shown       int      `json:"shown"`
		WrongShown  []string `json:"wrongShown"`
		WrongHidden []string `json:"wrongHidden"`
		Count       string   `json:"count"`
	}
	s := eval[state](t, tb, "reading the filtered timeline", filterState+`("`+word+`")`)
	if s.Shown == 0 || s.Shown == s.Total {
		t.Errorf("%s: filter %q shows %d of %d entries; want some but not all", tl, typed, s.Shown, s.Total)
	}
	if len(s.WrongShown) > 0 {
		t.Errorf("%s: filter %q still shows entries without the word: %v", tl, typed, s.WrongShown)
	}
	if len(s.WrongHidden) > 0 {
		t.Errorf("%s: filter %q hides entries with the word: %v", tl, typed, s.WrongHidden)
	}
	if !strings.Contains(s.Count, strconv.Itoa(s.Shown)) || !strings.Contains(s.Count, strconv.Itoa(s.Total)) {
		t.Errorf("%s: the filter's count reads %q, but %d of %d entries show", tl, s.Count, s.Shown, s.Total)
	}
	checkFiltered(t, tb, tl, "filter "+strconv.Quote(typed), true)
	eval[bool](t, tb, "clearing the filter", `(f => { f.value = ""; return f.dispatchEvent(new Event("input")); })(document.getElementById("filter"))`)
	waitFor(t, tb, "the cleared filter to show every entry", `document.querySelector(".timeline li[hidden]") === null`, "")
	checkFiltered(t, tb, tl, "cleared filter", false)
	tb.expectClean(t, tl)
}

// filteredView says what the timeline filter left on the page besides
// the entries: headings shown over no entry, shown headings and sections,
// and marks of the figure that disagree with the list, a mark being shown
// when not dimmed.
const filteredView = `(() => {
	const shown = el => el.getClientRects().length > 0;
	const r = {emptyHeadings: [], headings: 0, marks: 0, dimmed: 0, wrongMarks: []};
	document.querySelectorAll("main section h2, main section h3").forEach(h => {
		if (!shown(h)) return;
		r.headings++;
		let lis = [];
		if (h.tagName === "H2") {
			lis = [...h.closest("section").querySelectorAll("li")];
		} else {
			for (let el = h.nextElementSibling; el && !/^H[2-6]$/.test(el.tagName); el = el.nextElementSibling) lis.push(...el.querySelectorAll("li"));
		}
		if (!lis.some(shown)) r.emptyHeadings.push(h.textContent);
	});
	const items = {};
	document.querySelectorAll(".timeline li").forEach(li => {
		const a = li.querySelector(".what a");
		if (a) items[a.getAttribute("href")] = (items[a.getAttribute("href")] || false) || shown(li);
	});
	document.querySelectorAll(".figure svg a").forEach(a => {
		const href = a.getAttribute("href");
		if (!(href in items)) return;
		r.marks++;
		const dim = a.classList.contains("filtered-out") && getComputedStyle(a).opacity < 0.5;
		if (dim) r.dimmed++;
		if (dim === items[href]) r.wrongMarks.push(href + (dim ? " dimmed but its entry shows" : " bright but its entry is hidden"));
	});
	return r;
})()`

// checkFiltered checks that no heading of the timeline stands over no
// entry and that the figure dims exactly the marks of hidden entries;
// with some set, some marks must be dimmed, otherwise none.
func checkFiltered(t *testing.T, tb *tab, page, what string, some bool) {
	t.Helper()
	type view struct {
		EmptyHeadings []string `json:"emptyHeadings"`
		Headings      int      `json:"headings"`
		Marks         int      `json:"marks"`
		Dimmed        int      `json:"dimmed"`
		WrongMarks    []string `json:"wrongMarks"`
	}
	v := eval[view](t, tb, "reading the headings and the figure", filteredView)
	if len(v.EmptyHeadings) > 0 {
		t.Errorf("%s, %s: headings over no shown entry: %q", page, what, v.EmptyHeadings)
	}
	if v.Headings == 0 || v.Marks == 0 {
		t.Errorf("%s, %s: %d headings and %d figure marks linked to entries shown; want some of each", page, what, v.Headings, v.Marks)
	}
	if some && (v.Dimmed == 0 || v.Dimmed == v.Marks) {
		t.Errorf("%s, %s: %d of %d marks dimmed; want some but not all", page, what, v.Dimmed, v.Marks)
	}
	if !some && v.Dimmed > 0 {
		t.Errorf("%s, %s: %d marks still dimmed", page, what, v.Dimmed)
	}
	for _, m := range v.WrongMarks {
		t.Errorf("%s, %s: figure mark %s", page, what, m)
	}
}

// follow clicks the first element matching sel and waits for the page it
// leads to.
func follow(t *testing.T, tb *tab, sel string) {
	t.Helper()
	run(t, tb, "following "+sel, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel))))
}

// location is the address of the tab's page.
func location(t *testing.T, tb *tab) string {
	t.Helper()
	return run(t, tb, "reading the location", chromedp.Location())
}

// testFileURL reads the edition from disk, with no server: pages load
// cleanly, relative links lead to pages and search works.
func (e *edition) testFileURL(t *testing.T) {
	tb := newTab(t, e.browser)
	for _, p := range []string{"index.html", roshchin} {
		tb.do(t, "opening "+e.fileURL(p), chromedp.Navigate(e.fileURL(p)))
		if title := eval[string](t, tb, "reading the title", "document.title"); title == "" {
			t.Errorf("%s: no title", e.fileURL(p))
		}
		tb.expectClean(t, e.fileURL(p))
	}

	// From the document, a relative link to a person and one back up to
	// the home page.
	follow(t, tb, `.parties a[href^="../persons/"]`)
	if loc := location(t, tb); !strings.HasPrefix(loc, e.fileURL("persons/")) {
		t.Errorf("the person link of %s led to %s", roshchin, loc)
	}
	tb.expectClean(t, "person page from disk")
	follow(t, tb, `.site-title a`)
	if loc, want := location(t, tb), e.fileURL("index.html"); loc != want {
		t.Errorf("the site title led to %s, want %s", loc, want)
	}

	search(t, tb, e.fileURL("search.html"), searchCases[0])
	follow(t, tb, `#search-results a[href$="`+roshchin+`"]`)
	if loc, want := location(t, tb), e.fileURL(roshchin); loc != want {
		t.Errorf("the search result led to %s, want %s", loc, want)
	}
	tb.expectClean(t, "search from disk")
}
