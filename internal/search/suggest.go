package search

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/jsonstr"
	"github.com/korean-war-sources/edition/internal/output"
)

// A query that finds nothing because a word is misspelt ("Fillipov")
// is offered a corrected query ("Did you mean Filippov?"): each word that
// matches no term is replaced by the closest term of the lexicon, within
// one edit for words of oneEdit to twoEdits-1 runes and two edits for
// longer ones (an edit inserts, deletes or changes a rune, or swaps two
// neighbours), if the corrected query finds something.
//
// The lexicon is every term of at least oneEdit letters, in files by its
// first rune, s-KEY.js, most frequent first, so a correction keeps the
// first letter and prefers the commoner of two equally close terms. A
// file is cut at Layout.LexiconBytes, leaving out the rarest terms, so
// that a correction loads little at any size of edition.
const (
	oneEdit  = 4
	twoEdits = 8
)

// SuggestManifest tells search.js when to correct a word.
type SuggestManifest struct {
	One int `json:"one"` // oneEdit
	Two int `json:"two"` // twoEdits
}

// lexiconEntry is a term that can be offered, with its count of items.
type lexiconEntry struct {
	term  string
	items int
}

// lexicon groups the terms that can be offered by their first rune, each
// group most frequent first, then in alphabetical order.
func lexicon(ix *Index) map[string][]string {
	groups := map[string][]lexiconEntry{}
	for i, term := range ix.Terms {
		if !suggestible(term) {
			continue
		}
		_, size := utf8.DecodeRuneInString(term)
		groups[term[:size]] = append(groups[term[:size]], lexiconEntry{term, len(ix.Postings[i])})
	}
	out := make(map[string][]string, len(groups))
	for key, g := range groups {
		slices.SortFunc(g, func(a, b lexiconEntry) int {
			return cmp.Or(cmp.Compare(b.items, a.items), cmp.Compare(a.term, b.term))
		})
		terms := make([]string, len(g))
		for i, e := range g {
			terms[i] = e.term
		}
		out[key] = terms
	}
	return out
}

// suggestible reports whether a term may be offered as a correction: a
// word of at least oneEdit letters, none of them Chinese.
func suggestible(term string) bool {
	if utf8.RuneCountInString(term) < oneEdit {
		return false
	}
	for _, r := range term {
		if !unicode.IsLetter(r) || isHan(r) {
			return false
		}
	}
	return true
}

// lexiconFiles writes the lexicon as s-KEY.js files, sorted by key, each
// cut to at most limit bytes, and returns them with their manifest
// entries and the terms each holds.
func lexiconFiles(lex map[string][]string, limit int) ([]output.File, []TermShard, map[string][]string) {
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	files := make([]output.File, len(keys))
	shards := make([]TermShard, len(keys))
	kept := make(map[string][]string, len(keys))
	for i, key := range keys {
		data, terms := lexiconScript(key, lex[key], limit)
		name := "s-" + fileKey(key) + ".js"
		files[i] = output.File{Path: Dir + "/" + name, Data: data}
		shards[i] = TermShard{Key: key, File: name, Bytes: len(data)}
		kept[key] = terms
	}
	return files, shards, kept
}

// lexiconScript writes a lexicon file as script would write
// {"type":"lex","key":KEY,"terms":"TERM,TERM,…"}, with as many of terms,
// in order, as fit in limit bytes; it returns the terms it kept.
func lexiconScript(key string, terms []string, limit int) ([]byte, []string) {
	b := append([]byte(scriptStart+`{"type":"lex","key":`), jsonstr.Append(nil, key)...)
	b = append(b, `,"terms":"`...)
	end := `"}` + scriptEnd
	n := 0
	for i, t := range terms {
		size := len(t) // a suggestible term is letters only: JSON needs no escapes
		if i > 0 {
			size++
		}
		if len(b)+size+len(end) > limit && n > 0 {
			break
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, t...)
		n++
	}
	return append(b, end...), terms[:n]
}
