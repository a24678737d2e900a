package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/diag"
	"go.yaml.in/yaml/v3"
)

const fullTextDoc = `---
title: T
kind: ciphered-telegram
date: 1950-05-14
nature: contemporary
public_texts:
  - where: wcda
    url: 'https://digitalarchive.wilsoncenter.org/document/x'
    title: 'Ciphered Telegram No. 8600'
    date: 1950-05-14
    language: en
    forms: [translation, scan]
    extent: whole
    checked: 2026-12-06
archival_copies:
  - repository: RGASPI
    fond: '558'
    listy: '0055'
    as_recorded: 'RGASPI, f. 558, op. 11, d. 334, ll.0055'
    recorded_by: 'https://digitalarchive.wilsoncenter.org/document/x'
transmission:
  number: '8600'
  sent: '1950-05-14T05:30'
  received: '1950-05-14T04:10'
  deciphered: ''
  clock: 'not stated in the record'
  copies:
    - {person: stalin, as_written: 'Comr. Stalin'}
    - {name: '10th department', as_written: 'Comr. 10th department'}
  recorded_by: 'https://digitalarchive.wilsoncenter.org/document/x'
summary:
  of: 'https://digitalarchive.wilsoncenter.org/document/x'
  text: |
    One thing. Another, after No. 8600 was sent. A third.
disagreements:
  - about: sender
    article: 'Stalin.'
    record: 'Vyshinsky.'
    notes: [1, 77]
    recorded_by: 'https://digitalarchive.wilsoncenter.org/document/x'
    conflict: c
full_text_search:
  checked: 2026-12-06
  found: true
---
Headnote.
`

func loadDoc(t *testing.T, text string) (*Document, []diag.Diagnostic) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":      {Data: []byte("title: T\narticle:\n  author: A\n  title: B\n")},
		"documents/x.md": {Data: []byte(text)},
	}
	var diags diag.List
	ed, err := LoadCached(fsys, "content", nil, &diags)
	if err != nil {
		t.Fatal(err)
	}
	if len(ed.Documents) != 1 {
		t.Fatalf("loaded %d documents; problems:\n%s", len(ed.Documents), diags.String())
	}
	return ed.Documents[0], diags.Items()
}

func TestLoadFullTextBlocks(t *testing.T) {
	d, problems := loadDoc(t, fullTextDoc)
	if len(problems) > 0 {
		t.Fatalf("unexpected problems: %v", problems)
	}
	if len(d.PublicTexts) != 1 || d.PublicTexts[0].Where.ID != "wcda" || strings.Join(d.PublicTexts[0].Forms, ",") != "translation,scan" {
		t.Errorf("public_texts = %+v", d.PublicTexts)
	}
	if got := d.ArchivalCopies[0].AsRecorded; got != "RGASPI, f. 558, op. 11, d. 334, ll.0055" {
		t.Errorf("as_recorded = %q", got)
	}
	tr := d.Transmission
	if !tr.Given() || tr.Number != "8600" || tr.Sent.String() != "1950-05-14T05:30" || tr.Received.String() != "1950-05-14T04:10" || !tr.Deciphered.IsZero() {
		t.Errorf("transmission = %+v", tr)
	}
	if len(tr.Copies) != 2 || tr.Copies[0].Person.ID != "stalin" || tr.Copies[1].Name != "10th department" {
		t.Errorf("copies = %+v", tr.Copies)
	}
	if !d.Summary.Given() || Sentences(d.Summary.Text.Src) != 3 {
		t.Errorf("summary = %+v", d.Summary)
	}
	if x := d.Disagreements[0]; x.About != "sender" || len(x.Notes) != 2 || x.Conflict.ID != "c" {
		t.Errorf("disagreement = %+v", x)
	}
	if !d.FullTextSearch.Given() || d.FullTextSearch.Found == nil || !*d.FullTextSearch.Found {
		t.Errorf("full_text_search = %+v", d.FullTextSearch)
	}
}

func TestNoFullTextBlocks(t *testing.T) {
	d, _ := loadDoc(t, "---\ntitle: T\nkind: letter\nnature: memoir\ndate: 1950\n---\nBody.\n")
	if d.Transmission.Given() || d.Summary.Given() || d.FullTextSearch.Given() {
		t.Errorf("absent blocks reported as given: %+v %+v %+v", d.Transmission, d.Summary, d.FullTextSearch)
	}
}

// TestFullTextChecks changes one line of the valid document and wants
// exactly one problem, placed on a line of the file.
func TestFullTextChecks(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"http", "url: 'https://digitalarchive.wilsoncenter.org/document/x'\n    title", "url: 'http://digitalarchive.wilsoncenter.org/document/x'\n    title", "must be an absolute https address"},
		{"mirror", "recorded_by: 'https://digitalarchive.wilsoncenter.org/document/x'\ntransmission", "recorded_by: 'https://wcda.dvincitest.com/document/x'\ntransmission", "use the canonical host digitalarchive.wilsoncenter.org: https://digitalarchive.wilsoncenter.org/document/x"},
		{"mirror lookalike", "recorded_by: 'https://digitalarchive.wilsoncenter.org/document/x'\ntransmission", "recorded_by: 'https://wilson-center-digital-archive.example.net/document/x'\ntransmission", "use the canonical host digitalarchive.wilsoncenter.org"},
		{"wcda elsewhere", "url: 'https://digitalarchive.wilsoncenter.org/document/x'\n    title", "url: 'https://example.org/document/x'\n    title", "must be cited on digitalarchive.wilsoncenter.org"},
		{"time", "sent: '1950-05-14T05:30'", "sent: '1950-05-14T5:30'", "want a time YYYY-MM-DDTHH:MM"},
		{"time not real", "sent: '1950-05-14T05:30'", "sent: '1950-05-14T25:30'", "want a time YYYY-MM-DDTHH:MM"},
		{"clock", "  clock: 'not stated in the record'\n", "", "no clock"},
		{"copy both", "{name: '10th department',", "{person: molotov, name: '10th department',", "exactly one of person"},
		{"form", "[translation, scan]", "[translation, photo]", `form "photo" is not one of`},
		{"extent", "extent: whole", "extent: all", `extent "all" is not one of`},
		{"language", "language: en", "language: English", "not a BCP 47 tag"},
		{"about", "about: sender", "about: author", `about "author" is not one of`},
		{"summary of", "  of: 'https://digitalarchive.wilsoncenter.org/document/x'", "  of: 'https://digitalarchive.wilsoncenter.org/document/y'", "names no url of public_texts"},
		{"summary short", "One thing. Another, after No. 8600 was sent. A third.", "One thing.", "summary has 1 sentence"},
		{"found false", "  found: true", "  found: false\n  why: 'None.'", "found is false but public_texts lists 1"},
		{"found missing", "  found: true\n", "", `missing required key "found"`},
		{"checked missing", "  checked: 2026-12-06\n  found", "  found", `missing required key "checked"`},
		{"recorded_by http", "recorded_by: 'https://digitalarchive.wilsoncenter.org/document/x'\nsummary", "recorded_by: 'ftp://digitalarchive.wilsoncenter.org/document/x'\nsummary", "must be an absolute https address"},
	}
	// Cases that change the public text's url change summary.of with it.
	summaryOf := map[string]string{
		"http":           "http://digitalarchive.wilsoncenter.org/document/x",
		"wcda elsewhere": "https://example.org/document/x",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(fullTextDoc, tt.old) {
				t.Fatalf("test text %q not in the document", tt.old)
			}
			text := strings.Replace(fullTextDoc, tt.old, tt.new, 1)
			if of := summaryOf[tt.name]; of != "" {
				text = strings.Replace(text, "  of: 'https://digitalarchive.wilsoncenter.org/document/x'", "  of: '"+of+"'", 1)
			}
			fsys := fstest.MapFS{
				"site.yaml":      {Data: []byte("title: T\narticle:\n  author: A\n  title: B\n")},
				"documents/x.md": {Data: []byte(text)},
			}
			var diags diag.List
			if _, err := LoadCached(fsys, "content", nil, &diags); err != nil {
				t.Fatal(err)
			}
			items := diags.Items()
			if len(items) != 1 || !strings.Contains(items[0].Message, tt.want) {
				t.Fatalf("problems:\n%s\nwant one containing %q", diags.String(), tt.want)
			}
			if p := items[0].Pos; p.File != "content/documents/x.md" || p.Line < 2 || p.Col < 1 {
				t.Errorf("problem at %v, want a line and column of the document", p)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"No full stop", 1},
		{"One. Two. Three.", 3},
		{"Telegram No. 8600 was sent. It arrived.", 2},
		{"It cites RGASPI, f. 558, op. 11, d. 334, ll. 55. Nothing more.", 2},
		{"J. V. Stalin signed. Did he? Yes!", 3},
		{"A quoted \"end.\" Then more.", 2},
	}
	for _, tt := range tests {
		if got := Sentences(tt.text); got != tt.want {
			t.Errorf("Sentences(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestValidLanguage(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "ru": true, "zh-Hans": true, "ru-Latn": true, "en-US": true, "ko": true,
		"": false, "English": false, "e": false, "en_US": false, "zh-": false, "1a": false,
	} {
		if got := validLanguage(tag); got != want {
			t.Errorf("validLanguage(%q) = %v, want %v", tag, got, want)
		}
	}
}

// FuzzDateTime decodes arbitrary scalars as times: no panic, and a time
// that decodes prints back as it was written.
func FuzzDateTime(f *testing.F) {
	for _, s := range []string{"1950-05-14T05:30", "", "1950-05-14", "1950-05-14T24:00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var dt DateTime
		err := dt.DecodeNode(&yaml.Node{Kind: yaml.ScalarNode, Value: s}, diag.Position{File: "f", Line: 1, Col: 1})
		if err == nil && s != "" && dt.String() != s {
			t.Errorf("DecodeNode(%q) printed back as %q", s, dt.String())
		}
	})
}

func TestIsMirror(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://digitalarchive.wilsoncenter.org/document/x":               false, // the canonical host
		"https://wilson-center-digital-archive.dvincitest.com/document/x":  true,
		"https://wilson-center.drivingcreative.com/search?x=1":             true,
		"https://staging.dvincitest.com/document/x":                        true,
		"https://www.wilsoncenter.org/publication/bulletin-no-4-fall-1994": false,
		"https://www.cwihp.example/document/x":                             false,
		"https://DigitalArchive.WilsonCenter.org/document/x":               false,
	} {
		if got := isMirror(raw); got != want {
			t.Errorf("isMirror(%q) = %v, want %v", raw, got, want)
		}
	}
}
