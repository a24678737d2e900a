package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/parallel"
)

// Where a term occurs in an item, from weak to strong.
const (
	fieldText  = 0 // only in the text
	fieldName  = 1 // among the item's names
	fieldTitle = 2 // in the title or an alias
	fieldShort = 3 // in a title of at most shortTitle terms, such as a name
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
	weightLevels = 4 * freqLevels
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
// is field*freqLevels + frequency level.
type Posting struct {
	Item   int // index into Index.Items
	Weight int
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
// time so that only a window's worth of term maps is held at once; the
// postings are gathered in item order, so the index is the same as a
// serial run's.
func NewIndex(items []Item) *Index {
	const window = 256
	byTerm := map[string][]Posting{}
	terms := make([]map[string]int, window)
	for start := 0; start < len(items); start += window {
		chunk := items[start:min(start+window, len(items))]
		parallel.For(len(chunk), func(_, i int) { terms[i] = itemTerms(chunk[i]) })
		for i := range chunk {
			for term, w := range terms[i] {
				byTerm[term] = append(byTerm[term], Posting{Item: start + i, Weight: w})
			}
			terms[i] = nil
		}
	}
	ix := &Index{Items: items}
	for term := range byTerm {
		ix.Terms = append(ix.Terms, term)
	}
	slices.Sort(ix.Terms)
	for _, term := range ix.Terms {
		ps := byTerm[term]
		slices.SortFunc(ps, func(a, b Posting) int { return cmp.Compare(a.Item, b.Item) })
		ix.Postings = append(ix.Postings, ps)
	}
	return ix
}

// itemTerms returns each term of an item with its weight.
func itemTerms(it Item) map[string]int {
	field := map[string]int{}
	count := map[string]int{}
	for _, t := range Tokenize(it.Text) {
		count[t]++
		field[t] = fieldText
	}
	for _, name := range it.Names {
		for _, t := range Tokenize(name) {
			field[t] = fieldName
		}
	}
	for _, title := range slices.Concat([]string{it.Title}, it.Aliases) {
		terms := Tokenize(title)
		f := fieldTitle
		if len(terms) <= shortTitle {
			f = fieldShort
		}
		for _, t := range terms {
			field[t] = max(field[t], f)
		}
	}
	weights := make(map[string]int, len(field))
	for t, f := range field {
		if !isStopWord(t) {
			weights[t] = f*freqLevels + freqLevel(count[t])
		}
	}
	return weights
}

// Query is a parsed search: every word must match; the last one may match
// as a prefix of a term.
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
	for _, t := range Tokenize(q) {
		if !isStopWord(t) && !slices.Contains(query.Words, t) {
			query.Words = append(query.Words, t)
		}
	}
	folded := Fold(q)
	last, _ := utf8.DecodeLastRuneInString(folded)
	if n := len(query.Words); n > 0 && isTermRune(last) && strings.HasSuffix(folded, query.Words[n-1]) {
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
	query := ParseQuery(q)
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
			if w, ok := best[p.Item]; !ok || p.Weight > w {
				best[p.Item] = p.Weight
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
