package search

import (
	"testing"
	"testing/fstest"

	"github.com/korean-war-sources/edition/internal/sitetest"
	"github.com/korean-war-sources/edition/internal/subject"
)

// TestOutsideFieldsFound searches a small edition for what only the
// blocks from outside the article say of the telegram of 14 May 1950.
func TestOutsideFieldsFound(t *testing.T) {
	const record = "https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong"
	fsys := fstest.MapFS{
		"site.yaml":          {Data: []byte("title: T\narticle: {author: A, title: T}\n")},
		"bibliography.yaml":  {Data: []byte("wcda: {type: database, sort: W, title: W, url: 'https://digitalarchive.wilsoncenter.org/', added_by_editors: true}\n")},
		"archives.yaml":      {Data: []byte("RGASPI: {name: R, english: R, added_by_editors: true}\n")},
		"persons/stalin.md":  {Data: []byte("---\nname: Joseph Stalin\nsort_name: Stalin\nrole: Leader\n---\nBio.\n")},
		"persons/molotov.md": {Data: []byte("---\nname: Vyacheslav Molotov\nsort_name: Molotov\nrole: Minister\n---\nBio.\n")},
		"documents/1950-05-14-stalin-to-mao.md": {Data: []byte(`---
title: Telegram from Stalin to Mao
kind: ciphered-telegram
date: 1950-05-14
nature: contemporary
from: [{person: stalin}]
public_texts:
  - {where: wcda, url: '` + record + `', title: 'Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong', checked: 2026-12-06}
archival_copies:
  - {repository: RGASPI, as_recorded: 'RGASPI, f. 558, op. 11, d. 334, ll.0055', recorded_by: '` + record + `'}
transmission:
  number: '8600'
  copies: [{person: molotov, as_written: 'Comr. Molotov'}]
  recorded_by: '` + record + `'
summary: {of: '` + record + `', text: 'The cipher office forwards it. Mao hears of it. Nothing else.'}
full_text_search: {checked: 2026-12-06, found: true}
---
Headnote.
`)},
		"documents/1950-05-13-other.md": {Data: []byte("---\ntitle: Another telegram\nkind: telegram\ndate: 1950-05-13\nnature: contemporary\n---\nNo number here.\n")},
	}
	s := sitetest.Build(t, fsys)
	items := Items(s)
	ix := NewIndex(items)
	for _, q := range []string{"8600", "No. 8600", "Vyshinsky", "Molotov", "RGASPI 558", "cipher office"} {
		hits := ix.Search(q)
		// Molotov's own page may come first for his name.
		if r := find(items, hits, subject.Document, "1950-05-14-stalin-to-mao"); r < 0 || r > 1 {
			t.Errorf("Search(%q): the telegram at rank %d of %d, want among the first two", q, r, len(hits))
		}
		if r := find(items, hits, subject.Document, "1950-05-13-other"); r >= 0 {
			t.Errorf("Search(%q) also finds the other telegram", q)
		}
	}
}
