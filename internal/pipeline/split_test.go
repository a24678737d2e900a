package pipeline_test

import (
	"bytes"
	"regexp"
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
// every entry of every timeline view on exactly one of the view's year
// pages, every year page linked from its index and in the sitemap, and
// every link and anchor of the site resolving.
func TestSplitListsAtThousand(t *testing.T) {
	cfg := pipeline.Config{
		Content:   "corpus",
		ContentFS: corpus.FS(1000),
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
		seen := map[string][]string{} // entry id → year pages of the whole timeline
		yearPage := regexp.MustCompile(`^timeline/(\d{4}|undated)\.html$`)
		for p, f := range files {
			if !yearPage.MatchString(p) {
				continue
			}
			if !bytes.Contains(files["timeline/index.html"].Data, []byte(`href="../`+p+`"`)) {
				t.Errorf("the timeline's index does not link to %s", p)
			}
			if !bytes.Contains(files["sitemap.xml"].Data, []byte("/"+p+"<")) {
				t.Errorf("the sitemap does not list %s", p)
			}
			for _, m := range entryID.FindAllSubmatch(f.Data, -1) {
				seen[string(m[1])] = append(seen[string(m[1])], p)
			}
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
				t.Errorf("entry %s is on %d year pages %q, want 1", id, len(seen[id]), seen[id])
			}
		}
		for id := range seen {
			if !want[id] {
				t.Errorf("entry %s is on a year page but is no document or event", id)
			}
		}
	})

	t.Run("person years", func(t *testing.T) {
		split := 0
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
				if !bytes.Contains(files[site.PersonPath(p.ID)].Data, []byte(`href="../`+y+`"`)) {
					t.Errorf("%s does not link to %s", site.PersonPath(p.ID), y)
				}
			}
		}
		if split == 0 {
			t.Error("no person's lists are split at 1,000 documents")
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
			t.Error("no person's notes have a page of their own at 1,000 documents")
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

// entryID finds the ids of the timeline entries of a page.
var entryID = regexp.MustCompile(`<li class="entry [^"]*" id="([^"]+)"`)
