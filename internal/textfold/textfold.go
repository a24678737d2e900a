// Package textfold is the edition's one rule for folding letters: it
// lowercases text and takes diacritics off, so that "Vyšinskii",
// "VYSHINSKII" and "vyshinskii" compare equal.
//
// The rule is defined rune by rune from two strings, Table and
// Apostrophes, so that the search page's script can apply exactly the
// same rule from the data the search manifest ships it. A rune folds in
// three steps:
//
//  1. it is lowercased (unicode.ToLower; String.prototype.toLowerCase of
//     the single code point in JavaScript);
//  2. combining diacritical marks (U+0300–U+036F) are dropped;
//  3. a letter with a diacritic becomes its base letter(s) by Table,
//     and every kind of apostrophe (Apostrophes) becomes "'".
//
// Everything built on folded text uses this package: the search index
// and its tokenizer (internal/search) and the name-matching key of
// internal/site, which folds with this rule and then keeps only the
// words.
package textfold

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table maps letters with diacritics to their base letters: each entry
// is "base:letters", entries are separated by "|". The letters are the
// lowercase Latin letters of U+00C0–U+024F and U+1E00–U+1EFF whose
// canonical decomposition is an ASCII letter plus combining marks, and a
// few letters without a decomposition that readers type without their
// stroke or ligature. The exceptions are č, š and ž, which become ch, sh
// and zh: in this edition they come from the scholarly transliteration of
// Russian, and "Vyšinskii" should find "Vyshinskii".
const Table = "a:àáâãäåāăąǎǟǡǻȁȃȧḁạảấầẩẫậắằẳẵặ|ae:æǣǽ|b:ƀḃḅḇ|c:çćĉċḉ|ch:č|" +
	"d:ðďđḋḍḏḑḓ|e:èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ|f:ḟ|g:ĝğġģǥǧǵḡ|h:ĥħȟḣḥḧḩḫẖ|" +
	"i:ìíîïĩīĭįıǐȉȋḭḯỉị|j:ĵǰ|k:ķǩḱḳḵ|l:ĺļľŀłƚḷḹḻḽ|m:ḿṁṃ|n:ñńņňǹṅṇṉṋ|" +
	"o:òóôõöøōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ|oe:œ|p:ṕṗ|r:ŕŗřȑȓṙṛṝṟ|" +
	"s:śŝşșṡṣṥṧṩ|sh:š|ss:ß|t:ţťŧțṫṭṯṱẗ|th:þ|u:ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự|" +
	"v:ṽṿ|w:ŵẁẃẅẇẉẘ|x:ẋẍ|y:ýÿŷȳẏẙỳỵỷỹ|z:źżƶẑẓẕ|zh:ž"

// Apostrophes are the characters that fold to "'".
const Apostrophes = "'‘’ʼʻ`´"

// String folds s: lowercase, without diacritics, every apostrophe "'".
// String is idempotent. Invalid UTF-8 becomes U+FFFD.
func String(s string) string {
	return string(Runes(s))
}

// Runes is String as runes.
func Runes(s string) []rune {
	return AppendString(make([]rune, 0, len(s)), s)
}

// AppendString appends the folded runes of s to dst and returns the
// extended slice. Callers that fold much text reuse dst.
func AppendString(dst []rune, s string) []rune {
	dst = slices.Grow(dst, len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			// Most text is ASCII: its table is read here rather than
			// through a call.
			dst = append(dst, asciiFolded[r])
		} else {
			dst = AppendRune(dst, r)
		}
	}
	return dst
}

// AppendRune appends the folded form of r to dst: nothing for a
// combining mark, usually one rune, two letters for a ligature such as
// "æ".
func AppendRune(dst []rune, r rune) []rune {
	if r < utf8.RuneSelf {
		return append(dst, asciiFolded[r])
	}
	r = unicode.ToLower(r)
	switch {
	case r >= 0x300 && r <= 0x36f:
		return dst
	case strings.ContainsRune(Apostrophes, r):
		return append(dst, '\'')
	}
	if base, ok := Base(r); ok {
		for _, b := range base {
			dst = append(dst, b)
		}
		return dst
	}
	return append(dst, r)
}

// Base looks a non-ASCII letter up in Table and returns its base
// letters.
func Base(r rune) (string, bool) {
	base, ok := bases[r]
	return base, ok
}

// asciiFolded is the folded form of each ASCII character: capitals
// become small letters and the backtick an apostrophe.
var asciiFolded = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		t[r] = rune(r)
	}
	for r := 'A'; r <= 'Z'; r++ {
		t[r] = r + 'a' - 'A'
	}
	t['`'] = '\''
	return t
}()

// bases is Table as a map from letter to base letters, so that folding a
// non-ASCII rune costs a lookup rather than a scan of the table. A letter
// listed twice keeps its first base, as a scan would find.
var bases = func() map[rune]string {
	m := map[rune]string{}
	for group := range strings.SplitSeq(Table, "|") {
		base, letters, _ := strings.Cut(group, ":")
		for _, r := range letters {
			if _, ok := m[r]; !ok && r >= utf8.RuneSelf {
				m[r] = base
			}
		}
	}
	return m
}()
