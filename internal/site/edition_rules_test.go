package site_test

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/histdate"
	"github.com/korean-war-sources/edition/internal/markdown"
	"github.com/korean-war-sources/edition/internal/site"
)

// The rules below hold the edition's content to what an independent
// review showed can slip: a date the article does not print, a fact from
// outside the article in a structured field, and one fact worded
// differently on different pages.

// noTranslationNamed is the one credit for a quotation whose translation
// the article does not name.
const noTranslationNamed = "no translation named in the article"

// leafWording is the one wording of the question between the leaves 554
// (note 1) and 55 (note 77) of the telegram of 14 May 1950.
const leafWording = "One of the two leaf numbers must be a misprint, and the article gives no means of deciding which."

// datedInRunningText lists the documents whose date the article prints in
// its running text rather than in a note, with the article's words. The
// words must contain the date as the article prints it; where the year is
// printed earlier in the same paragraph, " … " joins the two phrases.
var datedInRunningText = map[string]string{
	"1949-10-mao-to-stalin-on-korea":         "two telegrams between Mao and Stalin in mid-October 1949",
	"1949-10-stalin-to-mao-on-korea":         "two telegrams between Mao and Stalin in mid-October 1949",
	"1949-12-16-stalin-mao-conversation":     "When Mao arrived in Moscow for celebrations of Stalin's birthday in December 1949 … the minutes of the 16 December meeting",
	"1949-12-24-stalin-mao-conversation":     "celebrations of Stalin's birthday in December 1949 … their second conversation on 24 December",
	"1950-01-01-mao-roshchin-conversation":   "On 1 January 1950 the CCP leader told the Soviet ambassador",
	"1950-01-06-vyshinskii-mao-conversation": "On 1 January 1950 the CCP leader told the Soviet ambassador … In a conversation with Soviet Foreign Minister Andrei Vyshinskii on 6 January",
	"1950-01-09-kovalev-mao-conversation":    "During a conversation with Kovalev on 9 January … Finally, on 22 January 1950",
	"1950-01-27-su-yu-report":                "On 27 January 1950, Su Yu",
	"1950-06-20-shtykov-to-moscow":           "On 20 June 1950, Shtykov sent Moscow an urgent telegram",
	"1950-06-su-yu-report-third-plenum":      "Third Plenary Session of the CCP’s Seventh Central Committee in early June … By 23 June 1950",
	"1966-08-09-foreign-ministry-report":     "prepared by the Soviet Foreign Affairs Ministry for Leonid Brezhnev on 9 August 1966",
}

// printedInRunningText lists spellings of persons' names that the article
// prints only in its running text, with the article's words.
var printedInRunningText = map[string]string{
	"Chiang Kaishek":            "Jiang Jieshi (Chiang Kaishek) in Taiwan",
	"Grigorii Ivanovich Tunkin": "Grigorii Ivanovich Tunkin, the Soviet chargé d'affaires",
	"A.M. Vasilevskii":          "appointed Marshal A.M. Vasilevskii as head",
	"Harry Truman":              "President Harry Truman proclaimed",
	"Rhee":                      "give Rhee's army freedom to act",
	"A.M. Ledovskii":            "A.M. Ledovskii, a scholar working in the Far East Academy",
	"M.S. Kapitsa":              "M.S. Kapitsa recalls that the Soviet Union knew",
}

func loadEdition(t *testing.T) (*content.Edition, *site.Site) {
	t.Helper()
	var diags diag.List
	ed, err := content.LoadCached(os.DirFS("../../content"), "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	return ed, site.BuildCached(ed, markdown.New(), nil, &diags)
}

// printedForms returns the strings that must all appear where the article
// prints date d: "14 May" and "1950" for a day, "May" and "1950" for a month,
// "1950" for a year. A range has no printed form: it always needs a basis.
func printedForms(d histdate.Date) []string {
	if d.IsRange() {
		return nil
	}
	year := fmt.Sprint(d.Year())
	switch d.Precision() {
	case histdate.Day:
		return []string{fmt.Sprintf("%d %s", d.Start().Day(), d.Month()), year}
	case histdate.Month:
		return []string{d.Month().String(), year}
	}
	return []string{year}
}

func containsAll(s string, parts []string) bool {
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// TestDatesHaveBasis: a document's date is printed in a note that cites
// it, or in the article's running text (datedInRunningText), or it carries
// date_basis, the editors' reasoning.
func TestDatesHaveBasis(t *testing.T) {
	ed, s := loadEdition(t)
	for _, d := range ed.Documents {
		if d.Date.IsZero() || strings.TrimSpace(d.DateBasis) != "" {
			continue
		}
		forms := printedForms(d.Date)
		if words, ok := datedInRunningText[d.ID]; ok {
			if !containsAll(words, forms) {
				t.Errorf("document %s: the article's words %q do not print its date %s", d.ID, words, d.Date)
			}
			continue
		}
		printed := slices.ContainsFunc(s.DocCitedIn[d.ID], func(n int) bool {
			return s.Notes[n] != nil && containsAll(s.Notes[n].Text.Src, forms)
		})
		if !printed {
			t.Errorf("document %s is dated %s, which no note citing it prints: give date_basis (the editors' inference and its basis) or drop the date", d.ID, d.Date)
		}
	}
	for id, words := range datedInRunningText {
		if d := findDoc(ed, id); d == nil {
			t.Errorf("datedInRunningText names %s, which is not a document", id)
		} else if d.DateBasis != "" {
			t.Errorf("document %s has a date_basis but is listed as dated in the running text (%q)", id, words)
		}
	}
}

func findDoc(ed *content.Edition, id string) *content.Document {
	i := slices.IndexFunc(ed.Documents, func(d *content.Document) bool { return d.ID == id })
	if i < 0 {
		return nil
	}
	return ed.Documents[i]
}

// sourceText joins every text the edition reproduces from the article: the
// notes as printed, the quotations, archival citations, names as written
// and the works' references.
func sourceText(ed *content.Edition) string {
	var b strings.Builder
	for _, sec := range ed.Sections {
		for _, n := range sec.Notes {
			b.WriteString(n.Text.Src + "\n")
			for _, r := range n.Readings {
				b.WriteString(r.Printed + "\n")
			}
		}
	}
	for _, d := range ed.Documents {
		for _, q := range d.Quotations {
			b.WriteString(q.Text + "\n")
		}
		for _, a := range d.Archive {
			b.WriteString(a.AsPrinted + "\n")
		}
		for _, p := range slices.Concat(d.From, d.To) {
			b.WriteString(p.AsWritten + "\n")
		}
	}
	for _, w := range ed.Works {
		b.WriteString(w.AsPrinted + "\n" + w.Title + "\n")
	}
	return b.String()
}

// TestOutsideFactsLabelled: the structured fields that claim to come from
// the article do. A spelling in `spellings` is printed (others belong in
// other_spellings); a published translation, a work a document is known
// through or published in is one that a note citing the document names;
// a role the editors know from elsewhere sits in outside_role.
func TestOutsideFactsLabelled(t *testing.T) {
	ed, s := loadEdition(t)
	src := sourceText(ed)
	for _, p := range ed.Persons {
		for _, sp := range p.Spellings {
			if strings.Contains(src, sp) {
				continue
			}
			if words, ok := printedInRunningText[sp]; !ok || !strings.Contains(words, sp) {
				t.Errorf("person %s: spelling %q is printed nowhere the edition reproduces; move it to other_spellings, or list the article's words in printedInRunningText", p.ID, sp)
			}
		}
		for _, sp := range p.OtherSpellings {
			if slices.Contains(p.Spellings, sp) {
				t.Errorf("person %s: %q is both a printed and an unprinted spelling", p.ID, sp)
			}
		}
		if p.OutsideRole != "" && strings.Contains(p.Role, p.OutsideRole) {
			t.Errorf("person %s: the outside knowledge %q is repeated in role", p.ID, p.OutsideRole)
		}
	}
	for _, d := range ed.Documents {
		for _, w := range slices.Concat(d.Translations, d.KnownThrough, d.PublishedIn) {
			named := slices.ContainsFunc(s.DocCitedIn[d.ID], func(n int) bool {
				return s.Notes[n] != nil && strings.Contains(s.Notes[n].Text.Src, "[[work:"+w.Work.ID)
			})
			if !named {
				t.Errorf("document %s: no note citing it names %s; an inferred translation or source belongs in editorial_notes", d.ID, w.Work.ID)
			}
		}
	}
}

// contentFiles returns every content file's text by path.
func contentFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	root := os.DirFS("../../content")
	err := fs.WalkDir(root, ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, path)
		files[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestOneWordingPerFact: a fact the edition states on several pages is
// worded the same on each, where the data can tell.
func TestOneWordingPerFact(t *testing.T) {
	ed, _ := loadEdition(t)
	for _, d := range ed.Documents {
		for _, q := range d.Quotations {
			c := q.Translation
			switch {
			case strings.Contains(c, "own translation"), strings.Contains(c, "own rendering"):
				t.Errorf("document %s: credit %q says the translation is the article's own, which the article never says; write %q", d.ID, c, noTranslationNamed)
			case strings.HasPrefix(c, "no translation") && c != noTranslationNamed:
				t.Errorf("document %s: credit %q, want exactly %q", d.ID, c, noTranslationNamed)
			case c != noTranslationNamed && !strings.Contains(c, "note "):
				t.Errorf("document %s: credit %q names neither the note it comes from nor says %q", d.ID, c, noTranslationNamed)
			}
		}
	}
	spravka := regexp.MustCompile(`"Korea: [A-Za-z ]+"`)
	glosses := map[string][]string{}
	for path, text := range contentFiles(t) {
		if strings.Contains(text, "554") && !strings.Contains(text, leafWording) {
			t.Errorf("%s speaks of leaf 554 without the edition's one wording: %q", path, leafWording)
		}
		for _, g := range spravka.FindAllString(text, -1) {
			glosses[g] = append(glosses[g], path)
		}
	}
	if len(glosses) > 1 {
		t.Errorf("Koreya: Spravka is translated %d ways: %v", len(glosses), glosses)
	}
}
