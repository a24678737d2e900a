package search

// The query side of the search: what static/assets/search.js does in the
// reader's browser, written again in Go so that the tests can check the
// index's ranking, its suggestions and the script against it. No build
// runs it, so it lives with the tests.

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/output"
	"github.com/korean-war-sources/edition/internal/textfold"
)

// Query is a parsed search: every word must match; the last one may match
// as a prefix of a term. A date in the query is one word, its date term.
type Query struct {
	Words  []string // folded, without stop words or repeats
	Prefix bool     // the last word is still being typed
}

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

// maxEdits is how far a word of n runes may be from its correction.
func maxEdits(n int) int {
	switch {
	case n >= twoEdits:
		return 2
	case n >= oneEdit:
		return 1
	}
	return 0
}

// correct returns the term of the lexicon closest to word, within
// maxEdits, the first of equally close ones.
func correct(word string, lex map[string][]string) (string, bool) {
	w := []rune(word)
	limit := maxEdits(len(w))
	if limit == 0 || isDateTerm(word) {
		return "", false
	}
	best, bestD := "", limit+1
	for _, t := range lex[string(w[0])] {
		n := utf8.RuneCountInString(t)
		if n-len(w) >= bestD || len(w)-n >= bestD {
			continue
		}
		if d := editDistance(w, []rune(t), bestD-1); d < bestD {
			best, bestD = t, d
		}
	}
	return best, best != ""
}

// editDistance is the optimal string alignment distance of a and b
// (insertions, deletions, changes and swaps of neighbours), or more than
// limit when it exceeds limit.
func editDistance(a, b []rune, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// unique drops repeated words, keeping the first of each.
func unique(words []string) []string {
	var out []string
	for _, w := range words {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// Suggest returns the words of a corrected query for q, or nil when q
// finds something, no word can be corrected or the corrected query finds
// nothing. It is the Go twin of suggest in static/assets/search.js.
func (b *Built) Suggest(q string) []string {
	ix := b.Index
	query := ParseQuery(q)
	if len(query.Words) == 0 || len(ix.search(query)) > 0 {
		return nil
	}
	words := slices.Clone(query.Words)
	changed := false
	for i, w := range words {
		if len(ix.match(w, query.Prefix && i == len(words)-1)) > 0 {
			continue
		}
		if c, ok := correct(w, b.state.lexicon); ok {
			words[i], changed = c, true
		}
	}
	words = unique(words) // "Filippov Fillipov"
	if !changed || len(ix.search(Query{Words: words})) == 0 {
		return nil
	}
	return words
}

// isDateTerm reports whether a term is a day or a month term.
func isDateTerm(term string) bool { return strings.IndexByte(term, '-') > 0 }

// queryTerms is Tokenize with every date replaced by its date terms.
func queryTerms(q string) []string {
	var tk tokenizer
	var s dateScanner
	var terms []string
	tk.each(q, func(term []byte, start, end int) {
		t := string(term)
		terms = append(terms, t)
		s.tokens = append(s.tokens, token{word: classify(t), start: start, end: end})
	})
	s.runes = tk.runes
	var out []string
	next := 0
	s.each(func(d foundDate) {
		out = append(append(out, terms[next:d.first]...), d.terms(true)...)
		next = d.next
	})
	return append(out, terms[next:]...)
}

// Tokenize returns the terms of s, as the tokenizer reads them.
func Tokenize(s string) []string {
	var terms []string
	var tk tokenizer
	tk.each(s, func(term []byte, _, _ int) { terms = append(terms, string(term)) })
	return terms
}

// Files writes the index of items as the files of the search with the
// default layout.
func Files(items []Item) ([]output.File, error) {
	b, err := Build(items, DefaultLayout())
	if err != nil {
		return nil, err
	}
	return b.Files, nil
}

// Update is UpdateItems for one item, in any order of items.
func (b *Built) Update(i int, it Item) (files []output.File, ok bool, err error) {
	return b.UpdateItems(nil, map[int]Item{i: it})
}
