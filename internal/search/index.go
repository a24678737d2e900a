package search

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/parallel"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// Where a term occurs in an item, from weak to strong.
const (
	fieldText  = 0 // only in the text
	fieldName  = 1 // among the item's names
	fieldTitle = 2 // in the title or an alias
	fieldShort = 3 // in a title of at most shortTitle terms, such as a name
	fieldDate  = 4 // the item's own date (see ItemDateTerms)
)

// shortTitle is the most terms a title has to count as short: "Joseph
// Stalin" or "Kim Il Sung" ranks above the telegrams with Stalin or Kim in
// their titles.
const shortTitle = 3

// freqLevels is the number of steps of how often a term occurs in the
// text (see freqLevel). A weight is field*freqLevels + frequency, so a
// stronger field always outweighs a higher frequency; postings encode
// delta*weightLevels + weight.
const (
	freqLevels   = 4
	weightLevels = (fieldDate + 1) * freqLevels
)

// freqLevel puts the number of times a term occurs in the text on a scale
// of 0 (up to twice) to 3 (ten times or more).
func freqLevel(n int) int {
	switch {
	case n >= 10:
		return 3
	case n >= 6:
		return 2
	case n >= 3:
		return 1
	}
	return 0
}

// Posting says that a term occurs in an item, and how strongly: Weight
// is field*freqLevels + frequency level. The fields are 32 bits wide: an
// index of 10,000 documents holds millions of postings.
type Posting struct {
	Item   int32 // index into Index.Items
	Weight int32
}

// Index is the inverted index: every term with the items it occurs in.
// Terms are sorted, and each term's postings are sorted by item.
type Index struct {
	Items    []Item
	Terms    []string
	Postings [][]Posting // parallel to Terms
}

// NewIndex indexes items. Stop words are left out.
// The terms of each item are found on every core, a window of items at a
// time so that only two windows' worth of item terms are held at once; a
// window's postings are gathered, in item order, while the next window's
// terms are found, so the index is the same as a serial run's.
func NewIndex(items []Item) *Index {
	const window = 256
	counters := make([]termCounter, parallel.Workers())
	found := [2][]foundTerms{make([]foundTerms, window), make([]foundTerms, window)}
	var lists postingLists
	var merging sync.WaitGroup
	for k, start := 0, 0; start < len(items); k, start = k+1, start+window {
		chunk, cur := items[start:min(start+window, len(items))], found[k%2]
		parallel.For(len(chunk), func(w, i int) {
			cur[i] = foundTerms{worker: w, terms: counters[w].itemTerms(chunk[i], cur[i].terms[:0])}
		})
		// A worker's terms are only ever appended to, so what it has
		// numbered so far can be read while it numbers more.
		vocabs := make([][]string, len(counters))
		for w := range counters {
			vocabs[w] = counters[w].terms
		}
		merging.Wait() // the previous window, whose buffers the next one reuses
		merging.Go(func() {
			for i := range chunk {
				lists.add(start+i, cur[i], vocabs[cur[i].worker])
			}
		})
	}
	merging.Wait()
	return lists.index(items)
}

// foundTerms is the terms of one item, numbered in the vocabulary of the
// worker that found them.
type foundTerms struct {
	worker int
	terms  []itemTerm
}

// itemTerm is a term of an item, by number, and its weight there.
type itemTerm struct {
	id     int32
	weight int32
}

// termCounter finds the terms of items for one worker. It numbers every
// term it meets, once for all items, so that an item's terms are counted
// in slices by number rather than in maps by string, and each distinct
// term is allocated once rather than at every occurrence.
type termCounter struct {
	tk    tokenizer
	dates dateScanner
	ids   map[string]int32
	terms []string   // by number
	words []dateWord // by number: what the term can be in a date
	stop  []bool     // by number: a stop word
	field []int8     // by number: the strongest field in the item, or absent
	count []int32    // by number: occurrences in the item's text
	seen  []int32    // the numbers of the item's terms, in order of meeting
	title []int32    // the numbers of the terms of a title
}

// absent is the field of a term not (yet) met in the item.
const absent = -1

// itemTerms appends each term of an item, with its weight, to out. The
// weight is the strongest field the term occurs in, then how often it
// occurs in the text.
func (c *termCounter) itemTerms(it Item, out []itemTerm) []itemTerm {
	c.eachTerm(it.Text, func(id int32) {
		c.mark(id, fieldText)
		c.count[id]++
	})
	for _, name := range it.Names {
		c.eachTerm(name, func(id int32) { c.mark(id, fieldName) })
	}
	c.markTitle(it.Title)
	for _, alias := range it.Aliases {
		c.markTitle(alias)
	}
	for _, term := range ItemDateTerms(it.When) {
		c.mark(c.id([]byte(term)), fieldDate)
	}
	for _, id := range c.seen {
		if !c.stop[id] {
			out = append(out, itemTerm{id: id, weight: int32(int(c.field[id])*freqLevels + freqLevel(int(c.count[id])))})
		}
		c.field[id], c.count[id] = absent, 0
	}
	c.seen = c.seen[:0]
	return out
}

// markTitle marks the terms of a title, or of an alias, as in a title, or
// in a short one.
func (c *termCounter) markTitle(title string) {
	c.title = c.title[:0]
	c.eachTerm(title, func(id int32) { c.title = append(c.title, id) })
	field := int8(fieldTitle)
	if len(c.title) <= shortTitle {
		field = fieldShort
	}
	for _, id := range c.title {
		c.mark(id, field)
	}
}

// eachTerm calls yield with the number of every term of s, and then of
// every date term of the dates written in s.
func (c *termCounter) eachTerm(s string, yield func(id int32)) {
	c.dates.tokens = c.dates.tokens[:0]
	years := false
	c.tk.each(s, func(term []byte, start, end int) {
		id := c.id(term)
		yield(id)
		w := c.words[id]
		years = years || w.year > 0
		c.dates.tokens = append(c.dates.tokens, token{word: w, start: start, end: end})
	})
	if !years { // every date has a year
		return
	}
	c.dates.runes = c.tk.runes
	c.dates.each(func(d foundDate) {
		for _, term := range d.terms(false) {
			yield(c.id([]byte(term)))
		}
	})
}

// mark records that the term numbered id occurs in field.
func (c *termCounter) mark(id int32, field int8) {
	if c.field[id] == absent {
		c.seen = append(c.seen, id)
	}
	c.field[id] = max(c.field[id], field)
}

// id returns the number of term, numbering it if it is new. Looking a
// []byte up as string(term) does not allocate; only a new term is copied.
func (c *termCounter) id(term []byte) int32 {
	if id, ok := c.ids[string(term)]; ok {
		return id
	}
	if c.ids == nil {
		c.ids = map[string]int32{}
	}
	t := string(term)
	id := int32(len(c.terms))
	c.ids[t] = id
	c.terms = append(c.terms, t)
	c.words = append(c.words, classify(t))
	c.stop = append(c.stop, isStopWord(t))
	c.field = append(c.field, absent)
	c.count = append(c.count, 0)
	return id
}

// postingLists gathers the postings of every term, numbering the terms
// again across workers.
type postingLists struct {
	ids      map[string]int
	terms    []string    // by number
	postings [][]Posting // by number
	local    [][]int     // by worker and the worker's number: the number here, or -1
}

// add adds the postings of item, whose terms were found by the worker
// whose terms so far are vocab.
func (l *postingLists) add(item int, f foundTerms, vocab []string) {
	for len(l.local) <= f.worker {
		l.local = append(l.local, nil)
	}
	local := l.local[f.worker]
	for len(local) < len(vocab) {
		local = append(local, -1)
	}
	l.local[f.worker] = local
	for _, t := range f.terms {
		if local[t.id] < 0 {
			local[t.id] = l.number(vocab[t.id])
		}
		n := local[t.id]
		l.postings[n] = append(l.postings[n], Posting{Item: int32(item), Weight: t.weight})
	}
}

// number returns the number of term, numbering it if it is new.
func (l *postingLists) number(term string) int {
	if n, ok := l.ids[term]; ok {
		return n
	}
	if l.ids == nil {
		l.ids = map[string]int{}
	}
	n := len(l.terms)
	l.ids[term] = n
	l.terms = append(l.terms, term)
	l.postings = append(l.postings, nil)
	return n
}

// index sorts the terms. Postings were added in item order, so each
// term's are sorted already.
func (l *postingLists) index(items []Item) *Index {
	order := make([]int, len(l.terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(l.terms[a], l.terms[b]) })
	ix := &Index{Items: items, Terms: make([]string, len(order)), Postings: make([][]Posting, len(order))}
	for i, n := range order {
		ix.Terms[i], ix.Postings[i] = l.terms[n], l.postings[n]
	}
	return ix
}

// Query is a parsed search: every word must match; the last one may match
// as a prefix of a term. A date in the query is one word, its date term.
type Query struct {
	Words  []string // folded, without stop words or repeats
	Prefix bool     // the last word is still being typed
}

// MinPrefixRunes is the shortest last word matched as a prefix.
const MinPrefixRunes = 2

// ParseQuery reads what a reader typed. The last word is a prefix unless
// the query ends in a space or punctuation, or the word is very short.
func ParseQuery(q string) Query {
	var query Query
	for _, t := range queryTerms(q) {
		if !isStopWord(t) && !slices.Contains(query.Words, t) {
			query.Words = append(query.Words, t)
		}
	}
	folded := textfold.String(q)
	last, _ := utf8.DecodeLastRuneInString(folded)
	if n := len(query.Words); n > 0 && isTermRune(last) && strings.HasSuffix(folded, query.Words[n-1]) && !isDateTerm(query.Words[n-1]) {
		query.Prefix = utf8.RuneCountInString(query.Words[n-1]) >= MinPrefixRunes
	}
	return query
}

// Hit is an item found by a query.
type Hit struct {
	Item       int
	TitleWords int // how many words of the query match in the title
	Score      int // sum of the fields of the matching postings
	Freq       int // sum of their frequency levels
}

// Search finds the items matching every word of q, best first: more
// words in the title, then stronger fields, then more frequent words, then
// the order of Items. It is the Go twin of the search in
// static/assets/search.js.
func (ix *Index) Search(q string) []Hit {
	return ix.search(ParseQuery(q))
}

// search finds the items matching every word of query, best first.
func (ix *Index) search(query Query) []Hit {
	var hits map[int]*Hit
	for i, w := range query.Words {
		prefix := query.Prefix && i == len(query.Words)-1
		found := ix.match(w, prefix)
		hits = intersect(hits, found, i == 0)
	}
	out := make([]Hit, 0, len(hits))
	for _, h := range hits {
		out = append(out, *h)
	}
	slices.SortFunc(out, compareHits)
	return out
}

// compareHits orders hits best first.
func compareHits(a, b Hit) int {
	return cmp.Or(cmp.Compare(b.TitleWords, a.TitleWords), cmp.Compare(b.Score, a.Score),
		cmp.Compare(b.Freq, a.Freq), cmp.Compare(a.Item, b.Item))
}

// match returns, for one word, the strongest weight in each item whose
// terms equal the word, or begin with it when prefix is set.
func (ix *Index) match(word string, prefix bool) map[int]int {
	best := map[int]int{}
	i, _ := slices.BinarySearch(ix.Terms, word)
	for ; i < len(ix.Terms); i++ {
		term := ix.Terms[i]
		if term != word && (!prefix || !strings.HasPrefix(term, word)) {
			break
		}
		for _, p := range ix.Postings[i] {
			if w, ok := best[int(p.Item)]; !ok || int(p.Weight) > w {
				best[int(p.Item)] = int(p.Weight)
			}
		}
	}
	return best
}

// intersect keeps the hits also found for the next word and adds its
// weights; for the first word it starts the hits.
func intersect(hits map[int]*Hit, found map[int]int, first bool) map[int]*Hit {
	next := map[int]*Hit{}
	for item, w := range found {
		h := hits[item]
		if h == nil && !first {
			continue
		}
		if h == nil {
			h = &Hit{Item: item}
		}
		field := w / freqLevels
		h.Score += field
		h.Freq += w % freqLevels
		if field >= fieldTitle {
			h.TitleWords++
		}
		next[item] = h
	}
	return next
}
