package search

import (
	"strings"
	"sync"

	"github.com/korean-war-sources/edition/internal/content"
	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/site"
)

// An Indexer indexes items one at a time, in the order of Items, for a
// build that makes each item's text while it makes the item's pages and
// cannot hold the texts of a whole edition: it counts the terms of each
// item as it is added and keeps of its text only the beginning that the
// snippet shows. Its files are those Build writes for the same items.
type Indexer struct {
	layout  Layout
	counter termCounter
	lists   postingLists
	items   []Item
	terms   []itemTerm // of the last item, reused
}

// NewIndexer starts an index to be laid out as l.
func NewIndexer(l Layout) *Indexer { return &Indexer{layout: l} }

// Add indexes it as the next item. Items must be added in the order of
// Items and from one goroutine.
func (x *Indexer) Add(it Item) {
	x.terms = x.counter.itemTerms(it, x.terms[:0])
	x.lists.add(len(x.items), foundTerms{terms: x.terms}, x.counter.terms)
	it.Text = snippetSource(it.Text, x.layout.SnippetRunes)
	x.items = append(x.items, it)
}

// AddAll indexes items as the next ones, in order, as Add would one at
// a time. Their terms are found on every core, a window at a time, and
// a window's postings are gathered while the next window's terms are
// found, as NewIndex does.
func (x *Indexer) AddAll(items []Item) {
	const window = 256
	counters := make([]termCounter, parallel.Workers())
	found := [2][]foundTerms{make([]foundTerms, window), make([]foundTerms, window)}
	var merging sync.WaitGroup
	for k, start := 0, 0; start < len(items); k, start = k+1, start+window {
		chunk, cur := items[start:min(start+window, len(items))], found[k%2]
		// Worker 0 of the posting lists is the vocabulary of Add.
		parallel.For(len(chunk), func(w, i int) {
			cur[i] = foundTerms{worker: 1 + w, terms: counters[w].itemTerms(chunk[i], cur[i].terms[:0])}
		})
		// A counter's terms are only ever appended to, so what it has
		// numbered so far can be read while it numbers more.
		vocabs := make([][]string, len(counters))
		for w := range counters {
			vocabs[w] = counters[w].terms
		}
		merging.Wait() // the previous window, whose buffers the next one reuses
		merging.Go(func() {
			for i, it := range chunk {
				x.lists.add(len(x.items), cur[i], vocabs[cur[i].worker-1])
				it.Text = snippetSource(it.Text, x.layout.SnippetRunes)
				x.items = append(x.items, it)
			}
		})
	}
	merging.Wait()
}

// Len is how many items were added.
func (x *Indexer) Len() int { return len(x.items) }

// Build lays out the index of the items added. The items of its Index
// hold only the beginnings of their texts, so the index cannot be
// updated (Built.Update) nor searched for words beyond them.
func (x *Indexer) Build() (*Built, error) {
	if err := x.layout.check(); err != nil {
		return nil, err
	}
	return build(x.lists.index(x.items), x.layout)
}

// snippetSource returns the beginning of text that Snippet(text, n)
// reads: its first n+1 runes, the last only telling that the text goes
// on, copied so that the rest of the text can be dropped.
func snippetSource(text string, n int) string {
	count := 0
	for i := range text {
		if count == n+1 {
			return strings.Clone(text[:i])
		}
		count++
	}
	return text
}

// ItemOfDocument returns the item of the document d of s, as Items makes
// it.
func ItemOfDocument(s *site.Site, d *content.Document) Item { return documentItem(s, d) }
