package export

import (
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/sitetest"
)

const record = "https://digitalarchive.wilsoncenter.org/document/x"

var small = fstest.MapFS{
	"site.yaml":          {Data: []byte("title: T\narticle: {author: A, title: T}\n")},
	"bibliography.yaml":  {Data: []byte("wcda: {type: database, sort: W, title: W, url: 'https://digitalarchive.wilsoncenter.org/', added_by_editors: true}\n")},
	"archives.yaml":      {Data: []byte("RGASPI: {name: R, english: R, added_by_editors: true}\n")},
	"persons/stalin.md":  {Data: []byte("---\nname: Stalin\nsort_name: Stalin\nrole: Leader\n---\nBio.\n")},
	"persons/mao.md":     {Data: []byte("---\nname: Mao\nsort_name: Mao\nrole: Chairman\n---\nBio.\n")},
	"persons/molotov.md": {Data: []byte("---\nname: Molotov\nsort_name: Molotov\nrole: Minister\n---\nBio.\n")},
	"essay/one.md":       {Data: []byte("---\ntitle: One\norder: 1\nnotes:\n  - number: 1\n    text: '[[doc:t|T]]; [[doc:m|M]].'\n    context: c\n---\nGuide.\n")},
	"documents/t.md": {Data: []byte(`---
title: Telegram
kind: ciphered-telegram
date: 1950-05-14
nature: contemporary
from: [{person: stalin}]
to: [{person: mao}]
public_texts:
  - {where: wcda, url: '` + record + `', title: 'No. 8600', language: en, forms: [translation, scan], extent: whole, checked: 2026-12-06}
archival_copies:
  - {repository: RGASPI, as_recorded: 'RGASPI, ll.0055', recorded_by: '` + record + `'}
transmission:
  number: '8600'
  sent: '1950-05-14T05:30'
  received: '1950-05-14T04:10'
  clock: 'not stated in the record'
  copies: [{person: stalin, as_written: S}, {person: molotov, as_written: M}, {name: 10th department, as_written: D}]
  recorded_by: '` + record + `'
summary: {of: '` + record + `', text: 'One. Two. Three.'}
disagreements:
  - {about: sender, article: 'Stalin.', record: 'Vyshinsky.', notes: [1], recorded_by: '` + record + `', conflict: ''}
full_text_search: {checked: 2026-12-06, found: true}
---
Headnote.
`)},
	"documents/m.md": {Data: []byte("---\ntitle: Memoir\nkind: memoir\ndate: 1991\nnature: memoir\nfull_text_search: {checked: 2026-12-06, found: false, why: 'In Chinese only.'}\n---\nHeadnote.\n")},
}

// column returns the value of column name in the row whose first value
// is key.
func column(t *testing.T, tb Table, key, name string) string {
	t.Helper()
	for _, row := range tb.Rows {
		if row[0] != key {
			continue
		}
		for i, c := range tb.Columns {
			if c.Name == name {
				return row[i]
			}
		}
		t.Fatalf("table %s has no column %s", tb.Name, name)
	}
	t.Fatalf("table %s has no row %s", tb.Name, key)
	return ""
}

func TestOutsideColumns(t *testing.T) {
	s := sitetest.Build(t, small)
	tables := map[string]Table{}
	for _, tb := range Tables(s) {
		tables[tb.Name] = tb
	}
	tests := []struct {
		table, key, column, want string
	}{
		{"documents", "t", "full_text_urls", record},
		{"documents", "t", "full_text_found", "true"},
		{"documents", "t", "full_text_checked", "2026-12-06"},
		{"documents", "t", "archival_copies", "RGASPI, ll.0055"},
		{"documents", "t", "telegram_number", "8600"},
		{"documents", "t", "sent", "1950-05-14T05:30"},
		{"documents", "t", "received", "1950-05-14T04:10"},
		{"documents", "t", "deciphered", ""},
		{"documents", "t", "clock", "not stated in the record"},
		{"documents", "t", "copies_to", "stalin; molotov; 10th department"},
		{"documents", "t", "summary", "One. Two. Three."},
		{"documents", "m", "full_text_found", "false"},
		{"documents", "m", "full_text_why", "In Chinese only."},
		{"documents", "m", "telegram_number", ""},
		{"persons", "molotov", "documents_copied", "t"},
		{"persons", "stalin", "documents_copied", ""},
		{"works", "wcda", "url", "https://digitalarchive.wilsoncenter.org/"},
		{"works", "wcda", "added_by_editors", "true"},
		{"public_texts", "t", "forms", "translation; scan"},
		{"public_texts", "t", "title", "No. 8600"},
		{"disagreements", "t", "record", "Vyshinsky."},
		{"disagreements", "t", "notes", "1"},
	}
	for _, tt := range tests {
		if got := column(t, tables[tt.table], tt.key, tt.column); got != tt.want {
			t.Errorf("%s %s %s = %q, want %q", tt.table, tt.key, tt.column, got, tt.want)
		}
	}
	if _, err := Files(Tables(s)); err != nil {
		t.Errorf("the tables cannot be written: %v", err)
	}
}

// TestShapesCountRows checks that Shapes says of every table what Tables
// makes of it, but for the rows: their number, its name and columns.
func TestShapesCountRows(t *testing.T) {
	s := sitetest.Build(t, small)
	tables, shapes := Tables(s), Shapes(s)
	if len(shapes) != len(tables) {
		t.Fatalf("%d shapes for %d tables", len(shapes), len(tables))
	}
	for i, tb := range tables {
		sh := shapes[i]
		if sh.Rows != nil || sh.N != len(tb.Rows) || tb.N != len(tb.Rows) || sh.Name != tb.Name || len(sh.Columns) != len(tb.Columns) {
			t.Errorf("%s: shape %s has %d rows (%d made), N %d; the table %d rows, N %d", tb.Name, sh.Name, sh.N, len(sh.Rows), sh.N, len(tb.Rows), tb.N)
		}
		if len(tb.Rows) == 0 && tb.Name != "events" { // the test edition has no events
			t.Errorf("%s: the test edition gives the table no rows", tb.Name)
		}
	}
}
