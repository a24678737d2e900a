package render_test

import (
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/diag"
	"github.com/korean-war-sources/edition/internal/render"
	"go.yaml.in/yaml/v3"
)

const record = "https://digitalarchive.wilsoncenter.org/document/tiny"

// outside is the tiny edition with the blocks from outside the article:
// the telegram has a public text, a transmission in an unnamed clock and
// a copy to a person who neither sent nor received it; the report has
// no public text.
func outside() fstest.MapFS {
	fsys := maps.Clone(tiny)
	fsys["bibliography.yaml"] = &fstest.MapFile{Data: []byte("wcda: {type: database, sort: WCDA, title: Digital Archive, url: 'https://digitalarchive.wilsoncenter.org/', added_by_editors: true}\ncwihp: {type: periodical, sort: C, title: Bulletin, as_printed: '*Bulletin*'}\n")}
	fsys["archives.yaml"] = &fstest.MapFile{Data: []byte("APRF: {name: Arkhiv, english: Archive}\nRGASPI: {name: R, english: Party Archive, added_by_editors: true}\n")}
	fsys["persons/molotov.md"] = &fstest.MapFile{Data: []byte("---\nname: Molotov\nsort_name: Molotov\nrole: Minister\n---\nBio.\n")}
	fsys["documents/1950-05-14-stalin-to-mao.md"] = &fstest.MapFile{Data: []byte(`---
title: Stalin to Mao
kind: telegram
date: 1950-05-14
nature: contemporary
from: [{person: stalin, as_written: Filippov}]
to: [{person: mao}]
public_texts:
  - {where: wcda, url: '` + record + `', title: 'Telegram No. 8600 as titled', language: ru, forms: [original, scan], extent: excerpt, checked: 2026-12-06}
archival_copies:
  - {repository: RGASPI, as_recorded: 'RGASPI, f. 558, ll.0055', recorded_by: '` + record + `'}
transmission:
  number: '8600'
  sent: '1950-05-14T05:30'
  received: '1950-05-14T04:10'
  clock: 'not stated in the record'
  copies:
    - {person: stalin, as_written: 'Comr. Stalin'}
    - {person: molotov, as_written: 'Comr. Molotov'}
    - {person: mao, as_written: 'Comr. Mao'}
  recorded_by: '` + record + `'
summary:
  of: '` + record + `'
  text: First. Second. Third.
disagreements:
  - {about: sender, article: 'Stalin.', record: 'Vyshinsky.', notes: [1], recorded_by: '` + record + `'}
full_text_search: {checked: 2026-12-06, found: true}
---
See [[doc:1950-05-report]].
`)}
	fsys["documents/1950-05-report.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A report of May\nkind: report\ndate: 1950-05\nnature: contemporary\nfrom: [{person: mao}]\nto: [{person: stalin}]\nfull_text_search: {checked: 2026-12-06, found: false, why: 'Only *summarised* in a memoir.'}\n---\nHeadnote.\n")}
	fsys["documents/1950-04-visit.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Visit record\nkind: conversation-record\ndate: 1950-04-08/1950-04-25\nnature: contemporary\nfrom: [{person: stalin}]\nto: [{person: mao}]\npublic_texts: [{where: cwihp, pages: '61', language: en, forms: [translation], extent: excerpt, checked: 2026-12-06}]\nfull_text_search: {checked: 2026-12-06, found: true}\n---\nHeadnote.\n")}
	return fsys
}

func TestOutsideTheArticle(t *testing.T) {
	s, out := buildFS(t, outside())
	tel := out["documents/1950-05-14-stalin-to-mao.html"]
	for _, want := range []string{
		`<h2 id="fulltext-title">Read the whole text <span class="label">from outside the article</span></h2>`,
		`<a href="` + record + `" rel="external noopener">Telegram No. 8600 as titled</a> <span class="external">(external site)</span>`,
		`Excerpt · Russian · original-language text, scan of the document`,
		`From the Digital Archive record, not from the article`,
		`No. 8600 · sent <time datetime="1950-05-14T05:30">14 May 1950, 05:30</time> → received <time datetime="1950-05-14T04:10">14 May 1950, 04:10</time>`,
		`Clock: not stated in the record`,
		`<a href="../persons/molotov.html">Molotov</a> (“Comr. Molotov”)`,
		`<span class="archival">RGASPI, f. 558, ll.0055</span> (Party Archive)`,
		`A summary in the editors' own words of <a href="` + record + `" rel="external noopener">Telegram No. 8600 as titled</a>`,
		`<dt>Sender</dt>`,
	} {
		if !strings.Contains(tel, want) {
			t.Errorf("telegram page lacks %s", want)
		}
	}
	// Times in a clock the record does not name are not compared.
	if strings.Contains(tel, "in transit") {
		t.Error("telegram page gives a time in transit although the clock is not stated")
	}
	report := out["documents/1950-05-report.html"]
	for _, want := range []string{
		`No whole text of this document is public, as far as the editors could find (searched 6 December 2026).`,
		`Only <em>summarised</em> in a memoir.`,
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report page lacks %s", want)
		}
	}
	// A printed text has no link, and is named by its work.
	visit := out["documents/1950-04-visit.html"]
	for _, want := range []string{"<li><cite>Bulletin</cite>", "Excerpt · English · translation", "p. 61", "From Bulletin, not from the article"} {
		if !strings.Contains(visit, want) {
			t.Errorf("visit record page lacks %s", want)
		}
	}
	// A copy on the distribution list is listed on the page of a person
	// who neither sent nor received the telegram, and only there.
	if got := s.PersonCopied["molotov"]; len(got) != 1 || got[0] != "1950-05-14-stalin-to-mao" {
		t.Errorf("Molotov copied on %v", got)
	}
	if got := s.PersonCopied["mao"]; len(got) != 0 {
		t.Errorf("Mao, the recipient, is also listed as copied on %v", got)
	}
	if got := s.PersonCopied["stalin"]; len(got) != 0 {
		t.Errorf("Stalin, the sender, is also listed as copied on %v", got)
	}
	if !strings.Contains(out["persons/molotov.html"], `<h2 id="copied-title">Copies received`) {
		t.Error("Molotov's page does not list the copy he received")
	}
	if strings.Contains(out["persons/mao.html"], "copied-title") {
		t.Error("Mao's page lists a copy of a telegram addressed to him")
	}
	tl := out["timeline/index.html"]
	if !strings.Contains(tl, `<span class="summary travel">Sent 14 May 1950, 05:30 → received 14 May 1950, 04:10 (clock: not stated in the record; from the Digital Archive record, not from the article)</span>`) {
		t.Error("timeline entry lacks the sent and received line")
	}
	bib := out["bibliography.html"]
	if !strings.Contains(bib, "editors' addition: not cited by the article") || !strings.Contains(bib, `Whole texts linked from: <a href="documents/1950-05-14-stalin-to-mao.html"`) {
		t.Error("bibliography does not mark the database as the editors' addition with the texts it holds")
	}
}

func TestTransit(t *testing.T) {
	at := func(s string) content.DateTime {
		var dt content.DateTime
		if err := dt.DecodeNode(&yaml.Node{Kind: yaml.ScalarNode, Value: s}, diag.Position{}); err != nil {
			t.Fatal(err)
		}
		return dt
	}
	tests := []struct {
		sent, received, clock, want string
	}{
		{"1950-05-14T05:30", "1950-05-14T09:10", "Moscow time", "3 hours 40 minutes"},
		{"1950-05-14T23:30", "1950-05-16T00:31", "Moscow time", "1 day 1 hour 1 minute"},
		{"1950-05-14T05:30", "1950-05-14T09:10", "not stated in the record", ""},
		{"1950-05-14T05:30", "1950-05-14T04:10", "Moscow time", ""},
		{"1950-05-14T05:30", "1950-05-14T05:30", "Moscow time", ""},
	}
	for _, tt := range tests {
		tr := content.Transmission{Sent: at(tt.sent), Received: at(tt.received), Clock: tt.clock}
		if got := render.Transit(tr); got != tt.want {
			t.Errorf("Transit(%s → %s, %s) = %q, want %q", tt.sent, tt.received, tt.clock, got, tt.want)
		}
	}
}
