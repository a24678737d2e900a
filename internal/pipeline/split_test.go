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
// (timeline, persons, network) may weigh at 1,000 documents. Unsplit,
// the timeline weighed 885 KB and the largest person page 428 KB.
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
			list := strings.HasPrefix(p, "timeline/") || strings.HasPrefix(p, "persons/") || strings.HasPrefix(p, "network")
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
					above = site.PersonYearPath(p.ID, year) // a month's page
					months++
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
	})

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
