package citation

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lexicon says which capitalised words of titles are proper nouns, for
// ProtectTitle: words ("Stalin", "Soviet") and phrases whose every word
// is part of a name ("Korean War", "United States").
type Lexicon struct {
	words   map[string]bool
	phrases [][]string
}

// NewLexicon makes a lexicon of names: each is a word or a phrase of
// words separated by spaces. Possessives ("Stalin's") need no entry.
func NewLexicon(names ...string) *Lexicon {
	l := &Lexicon{words: map[string]bool{}}
	l.Add(names...)
	return l
}

// Add adds names to the lexicon.
func (l *Lexicon) Add(names ...string) {
	for _, n := range names {
		words := strings.Fields(n)
		switch len(words) {
		case 0:
		case 1:
			l.words[words[0]] = true
		default:
			l.phrases = append(l.phrases, words)
		}
	}
}

// ProtectTitle escapes title for BibTeX and wraps in braces every word
// that must keep its capital when a style changes the title's case:
// acronyms and words with inner capitals (PRC, U.S.-PRC), the lexicon's
// names and phrases, and, when sentenceCase says the title is written in
// sentence case, every capitalised word but the first.
func ProtectTitle(title string, lex *Lexicon, sentenceCase bool) string {
	tokens := strings.Fields(title)
	cores := make([]string, len(tokens))
	for i, t := range tokens {
		_, cores[i], _ = splitWord(t)
	}
	protect := make([]bool, len(tokens))
	for i, c := range cores {
		switch {
		case !capitalised(c):
		case upperCount(c) > 1:
			protect[i] = true
		case sentenceCase && i > 0:
			protect[i] = true
		case lex != nil && lex.words[possessiveStem(c)]:
			protect[i] = true
		}
	}
	if lex != nil {
		for _, ph := range lex.phrases {
			for i := 0; i+len(ph) <= len(cores); i++ {
				if matchPhrase(cores[i:i+len(ph)], ph) {
					for j := range ph {
						protect[i+j] = protect[i+j] || capitalised(cores[i+j])
					}
				}
			}
		}
	}
	out := make([]string, len(tokens))
	for i, t := range tokens {
		pre, core, post := splitWord(t)
		if protect[i] {
			out[i] = BibEscape(pre) + "{" + BibEscape(core) + "}" + BibEscape(post)
		} else {
			out[i] = BibEscape(t)
		}
	}
	return strings.Join(out, " ")
}

func matchPhrase(cores, phrase []string) bool {
	for i, w := range phrase {
		if possessiveStem(cores[i]) != w {
			return false
		}
	}
	return true
}

// splitWord parts a token into leading punctuation, the word, and
// trailing punctuation: "“Sino-Soviet" is "“", "Sino-Soviet", "".
func splitWord(t string) (pre, core, post string) {
	start := strings.IndexFunc(t, isWordRune)
	if start < 0 {
		return t, "", ""
	}
	end := len(t)
	for end > start {
		r, size := utf8.DecodeLastRuneInString(t[:end])
		if isWordRune(r) || r == '.' && strings.Contains(t[start:end-size], ".") {
			break
		}
		end -= size
	}
	return t[:start], t[start:end], t[end:]
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func upperCount(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// possessiveStem is w without a possessive ending: Stalin's → Stalin.
func possessiveStem(w string) string {
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, s) {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}
