package citation

import (
	"regexp"
	"strings"
	"unicode"
)

// PersonName splits a personal name as printed ("Sergei Goncharov",
// "Chen Jian") into family and given names. sortKey, when not empty, is
// how the edition sorts the name: a surname ("Goncharov"), "Family,
// Given", or the whole name when it is written family name first (East
// Asian usage). Without a sort key, a name of two words that both read as
// Hanyu Pinyin is taken as family name first, and any other name of
// Latin words as given names first. A name that none of this fits (one
// word, or a body's name) is kept whole in Literal.
func PersonName(name, sortKey string) Name {
	name = strings.Join(strings.Fields(name), " ")
	words := strings.Fields(name)
	if len(words) < 2 {
		return Name{Literal: name}
	}
	if family, given, ok := strings.Cut(sortKey, ","); ok {
		family, given = strings.TrimSpace(family), strings.TrimSpace(given)
		if family != "" && given != "" {
			return Name{Family: family, Given: given}
		}
	}
	switch {
	case sortKey == "":
	case strings.EqualFold(sortKey, name):
		return Name{Family: words[0], Given: strings.Join(words[1:], " ")}
	case strings.HasSuffix(name, " "+sortKey):
		return Name{Family: sortKey, Given: strings.TrimSuffix(name, " "+sortKey)}
	default:
		return Name{Literal: name}
	}
	if len(words) == 2 && pinyin(words[0]) && pinyin(words[1]) {
		return Name{Family: words[0], Given: words[1]}
	}
	for _, w := range words {
		if !latinName(w) {
			return Name{Literal: name}
		}
	}
	last := len(words) - 1
	return Name{Family: words[last], Given: strings.Join(words[:last], " ")}
}

// pinyinSyllables matches a word made of Hanyu Pinyin syllables without
// tone marks, as Chinese given names are written (Litai, Shengfa).
var pinyinSyllables = regexp.MustCompile(`^(?i:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u|v))+$`)

func pinyin(w string) bool { return pinyinSyllables.MatchString(w) }

// latinName reports whether w is a word of a personal name in Latin
// letters: a capital, then letters, apostrophes, hyphens or periods
// (A.V., O'Neill, Hon-yong).
func latinName(w string) bool {
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return false
		case unicode.IsLetter(r), r == '.', r == '\'', r == '-', r == '’':
		default:
			return false
		}
	}
	return true
}
