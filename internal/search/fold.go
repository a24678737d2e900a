package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/korean-war-sources/edition/internal/textfold"
)

// Tokenising is defined rune by rune on text folded by textfold, so that
// static/assets/search.js can do exactly the same from the data in the
// manifest (textfold's table and apostrophes, and the stop words), and a
// query typed in the browser meets the terms written here.

// MaxTermRunes bounds a term; longer runs of letters are cut, in the index
// and in queries alike, so one pathological word cannot bloat a shard.
const MaxTermRunes = 32

// stopWords are left out of the index and out of queries. The list is
// short on purpose: names such as He Di and An are not on it.
const stopWords = "a and are as at be but by for from had has have in is it its of on or " +
	"that the their this to was were which with"

// isStopWord reports whether term is one of stopWords. It is called for
// every token of every item, so it is a switch rather than a scan of the
// list; TestStopWordsAgree keeps the two the same.
func isStopWord(term string) bool {
	switch term {
	case "a", "and", "are", "as", "at", "be", "but", "by", "for", "from", "had", "has", "have",
		"in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to",
		"was", "were", "which", "with":
		return true
	}
	return false
}

// isTermRune reports whether r belongs to a term: letters, digits and
// marks (\p{L}, \p{N}, \p{M} in JavaScript).
func isTermRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isHan reports whether r is a Chinese character, which is a term by
// itself because Chinese is written without spaces.
func isHan(r rune) bool { return r >= 0x2e80 && unicode.Is(unicode.Han, r) }

// tokenizer splits text into folded terms: runs of letters and digits,
// cut at MaxTermRunes. An apostrophe inside a word is dropped ("Ch'oe"
// gives "choe"), a possessive "'s" is dropped ("Stalin's" gives
// "stalin"), and every Chinese character is a term of its own. Stop
// words are kept; the index and the query leave them out. It keeps its
// buffers from one text to the next, so that the indexer, which
// tokenises every item, allocates nothing per term.
type tokenizer struct {
	runes      []rune // the folded text
	term       []byte // the term being read, as UTF-8
	n          int    // runes in term
	start, end int    // where the term being read begins and ends in runes
}

// each calls yield with every term of s, in order, and where it begins and ends in tk.runes, the folded text. The
// slice is only valid until yield returns.
func (tk *tokenizer) each(s string, yield func(term []byte, start, end int)) {
	tk.runes = textfold.AppendString(tk.runes[:0], s)
	rs := tk.runes
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			// Tested first as the most common case: folded ASCII
			// letters and digits, which belong to terms.
			tk.extend(i)
			if tk.n < MaxTermRunes {
				tk.term = append(tk.term, byte(r))
				tk.n++
			}
		case isHan(r):
			tk.flush(yield)
			tk.extend(i)
			tk.add(r)
			tk.flush(yield)
		case isTermRune(r):
			tk.extend(i)
			if tk.n < MaxTermRunes {
				tk.add(r)
			}
		case r == '\'' && tk.n > 0 && possessive(rs, i):
			tk.flush(yield)
			i++ // the "s"
		case r == '\'' && tk.n > 0 && i+1 < len(rs) && isTermRune(rs[i+1]) && !isHan(rs[i+1]):
			// Inside a word: dropped.
		default:
			tk.flush(yield)
		}
	}
	tk.flush(yield)
}

// extend makes the rune at i the last of the term being read, or the
// first of a new one.
func (tk *tokenizer) extend(i int) {
	if tk.n == 0 {
		tk.start = i
	}
	tk.end = i + 1
}

// add appends r to the term being read.
func (tk *tokenizer) add(r rune) {
	tk.term = utf8.AppendRune(tk.term, r)
	tk.n++
}

// flush hands the term being read, if any, to yield and starts the next.
func (tk *tokenizer) flush(yield func(term []byte, start, end int)) {
	if tk.n > 0 {
		yield(tk.term, tk.start, tk.end)
		tk.term, tk.n = tk.term[:0], 0
	}
}

// possessive reports whether the apostrophe at rs[i] begins a
// possessive "'s" that ends the word.
func possessive(rs []rune, i int) bool {
	return i+1 < len(rs) && rs[i+1] == 's' &&
		(i+2 == len(rs) || !isTermRune(rs[i+2]) || isHan(rs[i+2]))
}
