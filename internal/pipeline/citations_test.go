package pipeline_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// parsedItem is an item of a citation file as Citation.js reads it
// (testdata/parse-citations.js).
type parsedItem struct {
	ID, Type, Title, Year, Container string
	Authors, Editors                 []parsedName
}

type parsedName struct{ Family, Given, Literal string }

// TestCitationFilesParse reads the edition's BibTeX, RIS and CSL-JSON
// files with a real parser (Citation.js under Node, installed by npm
// from package.json) and checks that every entry parses, each format has
// every entry (the edition, the article, the works of the bibliography
// and each page with a "Cite this page" box), every entry has a year,
// and the corporate name of the editors is never read as a person's.
func TestCitationFilesParse(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if testing.Short() {
			t.Skip("-short: node is not installed")
		}
		t.Fatal("node is not installed; run bash scripts/test, which installs it")
	}
	modules, err := filepath.Abs(filepath.Join("..", "..", "node_modules"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(modules, "@citation-js", "plugin-bibtex")); err != nil {
		if testing.Short() {
			t.Skip("-short: the npm test packages are not installed")
		}
		t.Fatal("@citation-js is not installed; run npm ci (bash scripts/test does)")
	}
	out := t.TempDir()
	res := buildReal(t, out)
	ed := res.Site.Ed
	pages := len(ed.Documents) + len(res.Site.NoteList) + len(ed.Sections)
	want := 2 + len(ed.Works) + pages // the edition, the article, the works, the pages
	cmd := exec.Command(node, filepath.Join("testdata", "parse-citations.js"), out)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	stdout, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("Citation.js cannot read the citation files: %v\n%s", err, stderr)
	}
	var parsed map[string][]parsedItem
	if err := json.Unmarshal(stdout, &parsed); err != nil {
		t.Fatal(err)
	}
	corporate := res.Site.Ed.Site.Editors
	for _, format := range []string{"bibtex", "ris", "csl"} {
		items := parsed[format]
		if len(items) != want {
			t.Errorf("%s: %d entries, want %d (2 + %d works + %d pages)", format, len(items), want, len(ed.Works), pages)
		}
		ids := map[string]bool{}
		for _, it := range items {
			if it.ID == "" || ids[it.ID] {
				t.Errorf("%s: entry %q has no id or a repeated one", format, it.ID)
			}
			ids[it.ID] = true
			if !regexp.MustCompile(`^(1[89]|20)\d\d$`).MatchString(it.Year) && it.Year != "n.d." && it.Year != "forthcoming" {
				t.Errorf("%s: %s has year %q", format, it.ID, it.Year)
			}
			if it.Title == "" || it.Type == "" {
				t.Errorf("%s: %s has title %q, type %q", format, it.ID, it.Title, it.Type)
			}
			if strings.ContainsAny(it.Title, "{}\\") {
				t.Errorf("%s: %s has title %q: markup left in it", format, it.ID, it.Title)
			}
			for _, n := range append(it.Authors, it.Editors...) {
				whole := n.Literal != "" || n.Given == ""
				if strings.Contains(n.Family+" "+n.Given+" "+n.Literal, "Edition") && !whole {
					t.Errorf("%s: %s names %+v, a corporate name read as a person's", format, it.ID, n)
				}
			}
		}
		for _, id := range []string{"edition", "shen-zhihua-2000", "documents-1950-05-14-stalin-to-mao", "notes-1", "weathersby-stalins-last-war"} {
			if !ids[id] {
				t.Errorf("%s: no entry %s", format, id)
			}
		}
		if corporate == "" {
			t.Fatal("site.yaml names no editors")
		}
		for _, it := range items {
			if strings.HasPrefix(it.ID, "documents-") && (len(it.Editors) != 1 || it.Editors[0].Literal+it.Editors[0].Family != corporate) {
				t.Errorf("%s: %s has editors %+v, want %q whole", format, it.ID, it.Editors, corporate)
			}
		}
	}
}
