package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocabulary is the stock of editorial prose. The text means nothing; it
// has the length, the word shapes and the markup of real headnotes.
var vocabulary = strings.Fields(`
the a of in to and that on for with by from as at which was were had its their his this these
telegram report embassy ambassador minister leadership government party army border parallel
peninsula proposal resolution instruction conversation delegation treaty alliance railway port
negotiations consent approval refusal attack offensive operation plan situation intelligence
assessment question support advisers troops division artillery aircraft supplies loans credit
north south moscow beijing pyongyang seoul manchuria lushun dalian kaesong ongjin haeju harbin
cautious urgent secret confidential detailed brief sceptical optimistic military political
economic strategic diplomatic international regional sudden gradual decisive limited careful
argued reported asked insisted warned promised proposed rejected approved described explained
suggested doubted confirmed noted recalled summarised repeated requested forwarded informed
editor article source archive copy draft version translation evidence account record witness
later earlier afterwards meanwhile nevertheless however therefore moreover indeed perhaps
`)

// capital upper-cases the first letter of s.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentence returns about n words of prose ending in a full stop.
func (g *gen) sentence(n int) string {
	words := make([]string, 0, n)
	for i := range n {
		w := pick(g, vocabulary)
		switch {
		case i > 2 && i < n-2 && g.chance(0.06):
			w += ","
		case g.chance(0.02):
			w = "*" + w + "*"
		case g.chance(0.004):
			w = "**" + w + "**"
		}
		words = append(words, w)
	}
	words[0] = capital(words[0])
	return strings.Join(words, " ") + "."
}

// paragraph returns about n words in sentences, with every insert (a
// cross-reference, a footnote mark, a link) placed after some word, in
// order.
func (g *gen) paragraph(n int, inserts []string) string {
	var sentences []string
	left := n
	for left > 0 {
		k := min(left, g.intn(8, 22))
		left -= k
		sentences = append(sentences, g.sentence(max(k, 3)))
	}
	if len(inserts) == 0 {
		return strings.Join(sentences, " ")
	}
	words := strings.Fields(strings.Join(sentences, " "))
	// Spread the inserts evenly, each after a word that does not end a
	// sentence, so the text around them still reads as prose.
	step := max(len(words)/(len(inserts)+1), 1)
	out := make([]string, 0, len(words)+len(inserts))
	next := 0
	for i, w := range words {
		out = append(out, w)
		if next < len(inserts) && i >= step*(next+1)-1 && !strings.HasSuffix(w, ".") {
			out[len(out)-1] = attach(w, inserts[next])
			next++
		}
	}
	for ; next < len(inserts); next++ {
		out = append(out, attach("see", inserts[next])+".")
	}
	return strings.Join(out, " ")
}

// attach puts an insert after a word: a footnote mark directly, anything
// else after a space, before any trailing comma.
func attach(w, insert string) string {
	comma := strings.HasSuffix(w, ",")
	w = strings.TrimSuffix(w, ",")
	if strings.HasPrefix(insert, "[^") {
		w += insert
	} else {
		w += " " + insert
	}
	if comma {
		w += ","
	}
	return w
}

// paragraphs splits about n words into k paragraphs, dealing the inserts
// out among them in order.
func (g *gen) paragraphs(n, k int, inserts []string) []string {
	out := make([]string, k)
	per := (len(inserts) + k - 1) / max(k, 1)
	for i := range k {
		lo := min(i*per, len(inserts))
		hi := min(lo+per, len(inserts))
		out[i] = g.paragraph(max(n/k, 10), inserts[lo:hi])
	}
	return out
}

// footnoteLabels are the labels of a headnote's annotations.
var footnoteLabels = strings.Fields(`ongjin parallel lushun kaesong haeju center cipher politburo
railway dalian harbin seoul pyongyang manchuria treaty advisers embassy credit loans division
artillery border spravka shifr delegation`)

// quotation returns a passage as the article might quote it, with its
// ellipses and editorial brackets.
func (g *gen) quotation() string {
	a := g.sentence(g.intn(10, 30))
	b := g.sentence(g.intn(8, 25))
	text := "\u201c" + strings.TrimSuffix(a, ".") + " . . . " + strings.ToLower(b[:1]) + b[1:] + "\u201d"
	if g.chance(0.4) {
		text = strings.Replace(text, " the ", " [the Soviet side] ", 1)
	}
	if g.chance(0.2) {
		text += "\n\n" + g.sentence(g.intn(10, 20))
	}
	// Quotations are shown as written, so they carry no Markdown.
	return strings.ReplaceAll(text, "*", "")
}
