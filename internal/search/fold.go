package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Folding and tokenising are defined rune by rune, so that
// static/assets/search.js can do exactly the same from the data in the
// manifest (the table below and the stop words), and a query typed in the
// browser meets the terms written here.
//
// A rune folds in three steps:
//
//  1. it is lowercased (unicode.ToLower; String.prototype.toLowerCase of
//     the single code point in JavaScript);
//  2. combining diacritical marks (U+0300–U+036F) are dropped;
//  3. a letter with a diacritic becomes its base letter(s) by foldGroups,
//     and every kind of apostrophe becomes "'".

// foldGroups maps letters with diacritics to their base letters: each
// entry is "base:letters". The letters are the lowercase Latin letters of
// U+00C0–U+024F and U+1E00–U+1EFF whose canonical decomposition is an
// ASCII letter plus combining marks, and a few letters without a
// decomposition that readers type without their stroke or ligature. The
// exceptions are č, š and ž, which become ch, sh and zh: in this edition
// they come from the scholarly transliteration of Russian, and
// "Vyšinskii" should find "Vyshinskii".
const foldGroups = "a:àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ|ae:æǣǽ|b:ƀḃḅḇ|c:çćĉċḉ|ch:č|" +
	"d:ðďđḋḍḏḑḓ|e:èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ|f:ḟ|g:ĝğġģǥǧǵḡ|h:ĥħȟḣḥḧḩḫẖ|" +
	"i:ìíîïĩīĭįıǐȉȋḭḯỉị|j:ĵǰ|k:ķǩḱḳḵ|l:ĺļľŀłƚḷḹḻḽ|m:ḿṁṃ|n:ñńņňǹṅṇṉṋ|" +
	"o:òóôõöøōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ|oe:œ|p:ṕṗ|r:ŕŗřȑȓṙṛṝṟ|" +
	"s:śŝşșṡṣṥṧṩ|sh:š|ss:ß|t:ţťŧțṫṭṯṱẗ|th:þ|u:ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự|" +
	"v:ṽṿ|w:ŵẁẃẅẇẉẘ|x:ẋẍ|y:ýÿŷȳẏẙỳỵỷỹ|z:źżƶẑẓẕ|zh:ž"

// apostrophes are the characters that fold to "'".
const apostrophes = "'‘’ʼʻ`´"

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

// appendFolded appends the folded form of r to dst: nothing for a
// combining mark, usually one rune, two letters for a ligature such as
// "æ".
func appendFolded(dst []rune, r rune) []rune {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == '`':
			r = '\''
		}
		return append(dst, r)
	}
	r = unicode.ToLower(r)
	switch {
	case r >= 0x300 && r <= 0x36f:
		return dst
	case strings.ContainsRune(apostrophes, r):
		return append(dst, '\'')
	}
	if base, ok := foldBase(r); ok {
		for _, b := range base {
			dst = append(dst, b)
		}
		return dst
	}
	return append(dst, r)
}

// foldBase looks a non-ASCII letter up in foldGroups.
func foldBase(r rune) (string, bool) {
	i := strings.IndexRune(foldGroups, r)
	if i < 0 || r < utf8.RuneSelf {
		return "", false
	}
	group := foldGroups[strings.LastIndexByte(foldGroups[:i], '|')+1 : i]
	base, _, _ := strings.Cut(group, ":")
	return base, true
}

// Fold lowercases s and takes off diacritics, so that "Vyšinskii",
// "VYSHINSKII" and "vyshinskii" compare equal; apostrophes of every kind
// become "'". Fold is idempotent. Invalid UTF-8 becomes U+FFFD.
func Fold(s string) string {
	return string(foldRunes(s))
}

// foldRunes is Fold as runes.
func foldRunes(s string) []rune {
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		rs = appendFolded(rs, r)
	}
	return rs
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

// Tokenize splits s into folded terms: runs of letters and digits, cut at
// MaxTermRunes. An apostrophe inside a word is dropped ("Ch'oe" gives
// "choe"), a possessive "'s" is dropped ("Stalin's" gives "stalin"), and
// every Chinese character is a term of its own. Stop words are kept; the
// index and the query leave them out.
func Tokenize(s string) []string {
	rs := foldRunes(s)
	var terms []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			terms = append(terms, string(cur))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isHan(r):
			flush()
			terms = append(terms, string(r))
		case isTermRune(r):
			if len(cur) < MaxTermRunes {
				cur = append(cur, r)
			}
		case r == '\'' && len(cur) > 0 && possessive(rs, i):
			flush()
			i++ // the "s"
		case r == '\'' && len(cur) > 0 && i+1 < len(rs) && isTermRune(rs[i+1]) && !isHan(rs[i+1]):
			// Inside a word: dropped.
		default:
			flush()
		}
	}
	flush()
	return terms
}

// possessive reports whether the apostrophe at rs[i] begins a
// possessive "'s" that ends the word.
func possessive(rs []rune, i int) bool {
	return i+1 < len(rs) && rs[i+1] == 's' &&
		(i+2 == len(rs) || !isTermRune(rs[i+2]) || isHan(rs[i+2]))
}
