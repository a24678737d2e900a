package pipeline_test

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/corpus"
	"github.com/korean-war-sources/edition/internal/linkcheck"
	"github.com/korean-war-sources/edition/internal/pipeline"
	"github.com/korean-war-sources/edition/internal/site"
)

// listBudget is the most a page of the lists that grow with the edition
// (timeline, persons, network, documents, bibliography) may weigh at
// 1,000 documents. Unsplit, the timeline weighed 885 KB, the largest
// person page 428 KB, each view of the documents about 400 KB and the
// bibliography 88 KB (814 KB at 10,000).
const listBudget = 150_000

// TestSplitListsAtThousand builds a generated edition of 1,000 documents
// and checks that its long lists are split into pages a reader can use:
// no page of the timeline, the persons or the network over the budget,
// every entry of the timeline on exactly one of its pages, every such
// page linked from the index above it and in the sitemap, and every link
// and anchor of the site resolving. A smaller edition with a small limit
// splits the years of the timeline by month too.
func TestSplitListsAtThousand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		docs     int
		limit    int // split_lists_over, 0 for the default
		budget   bool
		byMonths bool
	}{
		{"1000 documents, default limit", 1000, 0, true, false},
		{"300 documents, limit 20", 300, 20, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := corpus.FS(tc.docs)
			if tc.limit > 0 {
				f := *fsys["site.yaml"]
				f.Data = append(slices.Clip(f.Data), []byte("split_lists_over: "+strconv.Itoa(tc.limit)+"\n")...)
				fsys["site.yaml"] = &f
			}
			checkSplit(t, fsys, tc.budget, tc.byMonths)
		})
	}
}

func checkSplit(t *testing.T, fsys fstest.MapFS, budget, byMonths bool) {
	cfg := pipeline.Config{
		Content:   "corpus",
		ContentFS: fsys,
		Templates: "../../templates",
		Static:    "../../static",
	}
	res, err := pipeline.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed(false) {
		t.Fatalf("build failed:\n%s", res.Diags.String())
	}
	files := fstest.MapFS{}
	for _, f := range res.Files {
		files[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	s := res.Site

	t.Run("budget", func(t *testing.T) {
		if !budget {
			t.Skip("a small edition")
		}
		for p, f := range files {
			list := strings.HasPrefix(p, "timeline/") || strings.HasPrefix(p, "persons/") || strings.HasPrefix(p, "network") ||
				p == "documents/index.html" || strings.HasPrefix(p, "documents/by-") || strings.HasPrefix(p, "bibliography") ||
				p == "essay/index.html"
			if list && strings.HasSuffix(p, ".html") && len(f.Data) > listBudget {
				t.Errorf("%s weighs %d bytes, over the budget of %d", p, len(f.Data), listBudget)
			}
		}
	})

	t.Run("every entry once", func(t *testing.T) {
		if !s.TimelineSplit() {
			t.Fatalf("the timeline of %d entries is not split", s.TimelineEntries())
		}
		seen := map[string][]string{} // entry id → pages of the whole timeline
		listPage := regexp.MustCompile(`^timeline/(\d{4}|undated)(/(\d\d|no-month))?\.html$`)
		months := 0
		for p, f := range files {
			m := listPage.FindStringSubmatch(p)
			if m == nil {
				continue
			}
			above := "timeline/index.html"
			if m[2] != "" {
				above = "timeline/" + m[1] + ".html"
				months++
			}
			if !bytes.Contains(files[above].Data, []byte(`href="`+relative(above, p)+`"`)) {
				t.Errorf("%s does not link to %s", above, p)
			}
			if !bytes.Contains(files["sitemap.xml"].Data, []byte("/"+p+"<")) {
				t.Errorf("the sitemap does not list %s", p)
			}
			for _, m := range entryID.FindAllSubmatch(f.Data, -1) {
				seen[string(m[1])] = append(seen[string(m[1])], p)
			}
		}
		if (months > 0) != byMonths {
			t.Errorf("%d month pages, want some: %v", months, byMonths)
		}
		want := map[string]bool{}
		for _, d := range s.DocsByDate {
			want["doc-"+d.ID] = true
		}
		for _, e := range s.Ed.Events {
			want["event-"+e.ID] = true
			if p := strings.SplitN(s.EventURL(e.ID), "#", 2)[0]; len(seen["event-"+e.ID]) == 1 && seen["event-"+e.ID][0] != p {
				t.Errorf("event %s is linked at %s but listed on %s", e.ID, p, seen["event-"+e.ID][0])
			}
		}
		for id := range want {
			if len(seen[id]) != 1 {
				t.Errorf("entry %s is on %d pages %q of the timeline, want 1", id, len(seen[id]), seen[id])
			}
		}
		for id := range seen {
			if !want[id] {
				t.Errorf("entry %s is on a page of the timeline but is no document or event", id)
			}
		}
	})

	t.Run("person years", func(t *testing.T) {
		split, months := 0, 0
		for _, p := range s.Ed.Persons {
			sub := strings.TrimSuffix(site.PersonPath(p.ID), ".html") + "/"
			var years []string
			for path := range files {
				if strings.HasPrefix(path, sub) {
					years = append(years, path)
				}
			}
			if len(years) == 0 {
				continue
			}
			split++
			for _, y := range years {
				above := site.PersonPath(p.ID)
				if year, _, ok := strings.Cut(strings.TrimPrefix(y, sub), "/"); ok {
					above = site.PersonYearPath(p.ID, year) // a month's page, or a section's of the notes
					if year != "notes" {
						months++
					}
				}
				if !bytes.Contains(files[above].Data, []byte(`href="`+relative(above, y)+`"`)) {
					t.Errorf("%s does not link to %s", above, y)
				}
			}
		}
		if split == 0 {
			t.Error("no person's lists are split")
		}
		if (months > 0) != byMonths {
			t.Errorf("%d pages of a month of a person, want some: %v", months, byMonths)
		}
		notes := 0
		for _, p := range s.Ed.Persons {
			if _, ok := files[site.PersonNotesPath(p.ID)]; ok {
				notes++
				if n := len(s.PersonNotes[p.ID]); n <= s.SplitLimit() {
					t.Errorf("%s has a page of notes for %d notes, no more than the limit %d", p.ID, n, s.SplitLimit())
				}
			}
		}
		if notes == 0 {
			t.Error("no person's notes have a page of their own")
		}
		checkPersonNotes(t, files, s)
	})

	t.Run("documents once", func(t *testing.T) { checkDocViews(t, files, s, byMonths) })
	t.Run("works", func(t *testing.T) { checkWorks(t, files, s) })
	t.Run("pairs", func(t *testing.T) { checkPairs(t, files, s) })

	t.Run("links", func(t *testing.T) {
		problems, err := linkcheck.Check(files, linkcheck.Options{BasePath: "/synthetic/", ServerOnly: []string{"404.html"}})
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range problems {
			if i == 20 {
				t.Errorf("... %d problems in all", len(problems))
				break
			}
			t.Error(p)
		}
	})
}

// relative is the link from the page at from to the page at to, as the
// site writes it: up to the root, then down.
func relative(from, to string) string {
	return strings.Repeat("../", strings.Count(from, "/")) + to
}

// entryID finds the ids of the timeline entries of a page.
var entryID = regexp.MustCompile(`<li class="entry [^"]*" id="([^"]+)"`)

// docViews are the views of the documents and the folders of their parts.
var docViews = []struct{ index, folder string }{
	{"documents/index.html", "documents/by-date/"},
	{"documents/by-kind.html", "documents/by-kind/"},
	{"documents/by-sender.html", "documents/by-sender/"},
	{"documents/by-archive.html", "documents/by-archive/"},
}

// docRow finds the link of each row of a list of documents.
var docRow = regexp.MustCompile(`<li data-persons="[^"]*"><span class="when">.*?</span> <span class="what"><a href="[./]*documents/([^"/]+)\.html">`)

// checkDocViews checks that every view of the documents is split into
// pages each linked from the index above it and in the sitemap, that
// every document is on exactly one page of each view (at least one of
// the archive view, where a document cited from two files is in both),
// and that some part was split again by month when the limit is small.
func checkDocViews(t *testing.T, files fstest.MapFS, s *site.Site, byMonths bool) {
	months := 0
	for _, v := range docViews {
		seen := map[string][]string{}
		pages := 0
		for p, f := range files {
			if !strings.HasPrefix(p, v.folder) {
				continue
			}
			pages++
			above := v.index
			if i := strings.LastIndex(strings.TrimPrefix(p, v.folder), "/"); i >= 0 {
				above = v.folder + strings.TrimPrefix(p, v.folder)[:i] + ".html"
			}
			if regexp.MustCompile(`/\d{4}/\d\d\.html$`).MatchString(p) {
				months++
			}
			if !bytes.Contains(files[above].Data, []byte(`href="`+relative(above, p)+`"`)) {
				t.Errorf("%s does not link to %s", above, p)
			}
			if !bytes.Contains(files["sitemap.xml"].Data, []byte("/"+p+"<")) {
				t.Errorf("the sitemap does not list %s", p)
			}
			for _, m := range docRow.FindAllSubmatch(f.Data, -1) {
				seen[string(m[1])] = append(seen[string(m[1])], p)
			}
		}
		if pages == 0 {
			t.Errorf("%s is not split", v.index)
			continue
		}
		if n := len(docRow.FindAll(files[v.index].Data, -1)); n > 0 {
			t.Errorf("%s lists %d documents, want only its parts", v.index, n)
		}
		for _, d := range s.Ed.Documents {
			n := len(seen[d.ID])
			if n == 0 || n > 1 && v.folder != "documents/by-archive/" {
				t.Errorf("document %s is on %d pages %q of %s, want 1", d.ID, n, seen[d.ID], v.index)
			}
		}
		if len(seen) != len(s.Ed.Documents) {
			t.Errorf("%s lists %d documents, want %d", v.index, len(seen), len(s.Ed.Documents))
		}
	}
	if (months > 0) != byMonths {
		t.Errorf("%d pages of a month of documents, want some: %v", months, byMonths)
	}
}

// noteLink finds the links to notes of a list of notes.
var noteLink = regexp.MustCompile(`<a href="[^"]*#note-\d+">`)

// checkWorks checks that each work cited by a note has a page listing
// every note citing it, linked from its entry on the bibliography,
// which lists none itself.
func checkWorks(t *testing.T, files fstest.MapFS, s *site.Site) {
	bib := files["bibliography.html"].Data
	if n := len(noteLink.FindAll(bib, -1)); n > 0 {
		t.Errorf("the bibliography lists %d notes, want them on the works' pages", n)
	}
	for _, w := range s.Ed.Works {
		cited := len(s.WorkCitedIn[w.ID])
		path := "bibliography/" + w.ID + ".html"
		f, ok := files[path]
		if cited == 0 {
			continue
		}
		if !ok {
			t.Errorf("work %s, cited in %d notes, has no page", w.ID, cited)
			continue
		}
		if n := len(noteLink.FindAll(f.Data, -1)); n != cited {
			t.Errorf("%s lists %d notes, want %d", path, n, cited)
		}
		if !bytes.Contains(bib, []byte(`href="`+path+`"`)) {
			t.Errorf("the bibliography does not link to %s", path)
		}
	}
}

// checkPersonNotes checks that the notes of a person, when their page
// of notes is split by section, are each on one page of a section.
func checkPersonNotes(t *testing.T, files fstest.MapFS, s *site.Site) {
	split := 0
	for _, p := range s.Ed.Persons {
		folder := strings.TrimSuffix(site.PersonNotesPath(p.ID), ".html") + "/"
		seen := map[string]int{}
		for path, f := range files {
			if strings.HasPrefix(path, folder) {
				for _, m := range noteLink.FindAll(f.Data, -1) {
					seen[string(m)]++
				}
			}
		}
		if len(seen) == 0 {
			continue
		}
		split++
		if n := len(noteLink.FindAll(files[site.PersonNotesPath(p.ID)].Data, -1)); n > 0 {
			t.Errorf("%s lists %d notes, want only its sections", site.PersonNotesPath(p.ID), n)
		}
		want := len(s.PersonNotes[p.ID])
		if len(seen) != want {
			t.Errorf("the sections' pages of %s list %d notes, want %d", p.ID, len(seen), want)
		}
		for l, n := range seen {
			if n != 1 {
				t.Errorf("%s: %s on %d pages, want 1", p.ID, l, n)
			}
		}
	}
	if split == 0 {
		t.Error("no person's notes are split by section")
	}
}

// pairRow finds the sender and recipient of each row of a table of pairs.
var pairRow = regexp.MustCompile(`<tr><td><a href="[./]*persons/([^"]+)\.html">[^<]*</a></td><td><a href="[./]*persons/([^"]+)\.html">`)

// checkPairs checks that every pair of the network is on one page of a
// sender, linked from the table of senders.
func checkPairs(t *testing.T, files fstest.MapFS, s *site.Site) {
	n := site.Correspondence(s)
	if len(n.Edges) <= s.SplitLimit() {
		t.Skipf("%d pairs, no more than the limit", len(n.Edges))
	}
	const index, folder = "network/pairs.html", "network/pairs/"
	if rows := pairRow.FindAll(files[index].Data, -1); len(rows) > 0 {
		t.Errorf("%s lists %d pairs, want only its senders", index, len(rows))
	}
	seen := map[string]int{}
	for path, f := range files {
		if !strings.HasPrefix(path, folder) {
			continue
		}
		if !bytes.Contains(files[index].Data, []byte(`href="`+relative(index, path)+`"`)) {
			t.Errorf("%s does not link to %s", index, path)
		}
		for _, m := range pairRow.FindAllSubmatch(f.Data, -1) {
			if want := folder + string(m[1]) + ".html"; want != path {
				t.Errorf("%s lists a pair sent by %s", path, m[1])
			}
			seen[string(m[1])+" "+string(m[2])]++
		}
	}
	for _, e := range n.Edges {
		if k := e.From + " " + e.To; seen[k] != 1 {
			t.Errorf("pair %s is on %d pages, want 1", k, seen[k])
		}
	}
	if len(seen) != len(n.Edges) {
		t.Errorf("the senders' pages list %d pairs, want %d", len(seen), len(n.Edges))
	}
}
